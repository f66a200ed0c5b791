// Errors are values with an exit code: 2 for usage or environment problems, 1 for drift over a
// threshold. Commands return or throw them; only `main` turns them into a process exit.

export type ExitCode = 0 | 1 | 2;

export class AppError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const usageError = (message: string): AppError => new AppError(2, message);
