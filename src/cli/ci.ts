// Whether Ink will think it runs in CI, where it stops redrawing. The rule is is-in-ci 2's,
// which Ink 6 loads: CI or CONTINUOUS_INTEGRATION set to anything but "0" or "false".

const CI_VARIABLES = ["CI", "CONTINUOUS_INTEGRATION"] as const;

export function inCi(env: NodeJS.ProcessEnv): boolean {
  return CI_VARIABLES.some((key) => key in env && env[key] !== "0" && env[key] !== "false");
}

/** Makes Ink, loaded after this, redraw: for someone who asked for the dashboard where CI is set. */
export function leaveCi(env: NodeJS.ProcessEnv): void {
  for (const key of CI_VARIABLES) delete env[key];
}
