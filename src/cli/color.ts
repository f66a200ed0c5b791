// Whether output is coloured: one rule for the reports, check and the dashboard. NO_COLOR turns
// colour off only when it holds something (no-color.org), while Node's own test of a terminal's
// colours (stream.hasColors) takes an empty one as set: it is shown the environment without it.

/** NO_COLOR as no-color.org reads it: set to a value that is not empty. */
export function noColorAsked(env: NodeJS.ProcessEnv): boolean {
  return (env.NO_COLOR ?? "") !== "";
}

/** The environment for Node's colour tests, an empty NO_COLOR left out. */
export function colorTestEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.NO_COLOR !== "") return env;
  const { NO_COLOR: _, ...rest } = env;
  return rest;
}
