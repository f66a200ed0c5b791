// A port of just enough of actions/runner's ActionCommand parser (TryParseV2) for tests to check
// what the runner would make of a line of our output: the command, decoded properties and data.

export function parseWorkflowCommand(
  line: string,
): { command: string; props: Record<string, string>; data: string } | null {
  const msg = line.trimStart();
  if (!msg.startsWith("::")) return null;
  const end = msg.indexOf("::", 2);
  if (end < 0) return null;
  const info = msg.slice(2, end);
  const space = info.indexOf(" ");
  const command = space < 0 ? info : info.slice(0, space);
  const props: Record<string, string> = {};
  if (space > 0) {
    for (const p of info
      .slice(space + 1)
      .trim()
      .split(",")) {
      const eq = p.indexOf("=");
      if (p === "" || eq <= 0 || eq === p.length - 1) continue;
      props[p.slice(0, eq)] = p
        .slice(eq + 1)
        .replaceAll("%0D", "\r")
        .replaceAll("%0A", "\n")
        .replaceAll("%3A", ":")
        .replaceAll("%2C", ",")
        .replaceAll("%25", "%");
    }
  }
  const data = msg
    .slice(end + 2)
    .replaceAll("%0D", "\r")
    .replaceAll("%0A", "\n")
    .replaceAll("%25", "%");
  return { command, props, data };
}
