// Opening a translation in the translator's editor from the dashboard: $VISUAL, else $EDITOR, else
// vi. Those are the user's own settings; the page's path comes from the repository and is never
// put in a shell string: it goes to the editor as one argument of its own, absolute (so it can
// never read as an option), after `--` for editors known to take it.
import { spawnSync } from "node:child_process";
import { lstatSync } from "node:fs";
import path from "node:path";
import { encodeBytes, fsPath, hasEscapedBytes } from "../core/path-bytes.js";

export interface EditorCommand {
  command: string;
  args: string[];
}

/**
 * Node passes a program's arguments as UTF-8, so a name holding other bytes (core/path-bytes.ts)
 * would reach the editor as another name. Such a name goes to this fixed script instead, as
 * octal escapes in an argument of its own: it rebuilds the bytes (the `x` keeps a closing
 * newline from the command substitution) and runs the editor with them. The name is only ever
 * data to the shell, never code.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: a shell script, not a template
const BYTES_SCRIPT = 'f=$(printf "%bx" "$1") && shift && exec "$@" "${f%x}"';

/** The program to start and its arguments: the editor itself, or BYTES_SCRIPT running it. */
export function editorLaunch(
  editor: EditorCommand,
  file: string,
): { command: string; args: string[] } {
  const args = editorArgs(editor, file);
  if (!hasEscapedBytes(file)) return { command: editor.command, args };
  const octal = [...encodeBytes(file)].map((b) => `\\0${b.toString(8).padStart(3, "0")}`);
  return {
    command: "/bin/sh",
    args: ["-c", BYTES_SCRIPT, "sh", octal.join(""), editor.command, ...args.slice(0, -1)],
  };
}

/** Editors whose command line ends its options at `--`, as getopt does. */
const TAKES_DOUBLE_DASH = new Set([
  "vi",
  "vim",
  "nvim",
  "gvim",
  "view",
  "nano",
  "emacs",
  "emacsclient",
  "mg",
]);

/**
 * The editor as the user set it: words split at whitespace (`code --wait`, `emacs -nw`), no
 * shell, so no quoting either.
 */
export function editorCommand(env: NodeJS.ProcessEnv): EditorCommand {
  for (const value of [env.VISUAL, env.EDITOR]) {
    const words = (value ?? "").split(/\s+/).filter((w) => w !== "");
    const [command, ...args] = words;
    if (command) return { command, args };
  }
  return { command: "vi", args: [] };
}

/** The editor's arguments for `file` (absolute): its own, then `--` where it takes one, then the file. */
export function editorArgs(editor: EditorCommand, file: string): string[] {
  const name = path.basename(editor.command);
  return [...editor.args, ...(TAKES_DOUBLE_DASH.has(name) ? ["--"] : []), file];
}

export interface EditorTerminal {
  /** Gives the terminal to the editor: leaves raw mode and the alternate screen. */
  release: () => void;
  /** Takes it back afterwards. */
  reclaim: () => void;
}

/**
 * Runs the editor on `file` and waits for it; the dashboard draws nothing meanwhile. Resolves to
 * why it could not (the file is not a plain file, the editor did not start or failed), or null.
 */
export function runEditor(
  file: string,
  env: NodeJS.ProcessEnv,
  terminal: EditorTerminal,
): string | null {
  // A page is a plain file; a symbolic link (made since the scan) is not followed.
  const stat = (() => {
    try {
      return lstatSync(fsPath(file));
    } catch {
      return null;
    }
  })();
  if (!stat) return "the page is not on disk";
  if (!stat.isFile()) return "the page is not a plain file";
  const editor = editorCommand(env);
  terminal.release();
  const { command, args } = editorLaunch(editor, file);
  let res: ReturnType<typeof spawnSync>;
  try {
    res = spawnSync(command, args, { stdio: "inherit", env });
  } finally {
    terminal.reclaim();
  }
  if (res.error) return `could not run the editor ${editor.command}: ${res.error.message}`;
  // Through the script, an editor that cannot be run is the shell's exit 127 (not found) or 126
  // (not executable), not a spawn error.
  if (hasEscapedBytes(file) && (res.status === 126 || res.status === 127)) {
    return `could not run the editor ${editor.command}: not found or not executable`;
  }
  if (res.status !== 0) {
    return `the editor ${editor.command} ended with ${res.signal ?? `exit code ${res.status}`}`;
  }
  return null;
}
