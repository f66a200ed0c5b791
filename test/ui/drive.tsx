// Driving the whole dashboard in ink-testing-library at a given size: render it on loaded data,
// resize the fake terminal, and open a page through search as a user would.
import { render } from "ink-testing-library";
import { Dashboard, type LoadedData } from "../../src/ui/App.js";
import { NOW, waitFor } from "./helpers.js";

export type Rendered = ReturnType<typeof render>;

export const frame = (r: Rendered): string => r.lastFrame() ?? "";

/** Types `keys`, then waits for a frame `until` accepts (`what` names it if it never comes). */
export async function press(
  r: Rendered,
  keys: string,
  until: (f: string) => boolean,
  what = `the screen after ${JSON.stringify(keys)}`,
): Promise<string> {
  r.stdin.write(keys);
  return waitFor(() => (until(frame(r)) ? frame(r) : null), what);
}

export function resize(r: Rendered, columns: number, rows: number): void {
  Object.defineProperty(r.stdout, "columns", { value: columns, configurable: true });
  Object.defineProperty(r.stdout, "rows", { value: rows, configurable: true });
  r.stdout.emit("resize");
}

/** The dashboard on `data` at `columns`×`rows`, zh-cn first, without colour or links. */
export function renderDashboard(
  data: LoadedData,
  columns: number,
  rows: number,
  repoName = "site",
): Rendered {
  const r = render(
    <Dashboard
      load={async () => data}
      repoName={repoName}
      ui={{ color: false, hyperlinks: false }}
      now={NOW}
      initialLang="zh-cn"
    />,
  );
  resize(r, columns, rows);
  return r;
}

/** The dashboard opened on the page whose path holds `search`, once `opened` holds. */
export async function openPage(
  data: LoadedData,
  search: string,
  columns: number,
  rows: number,
  opened: (f: string) => boolean,
): Promise<Rendered> {
  const r = renderDashboard(data, columns, rows);
  await waitFor(() => frame(r).includes("sort: "), "the page list");
  r.stdin.write(`/${search}`);
  await waitFor(() => frame(r).includes(`/${search}`), "the search");
  r.stdin.write("\r");
  await waitFor(() => !frame(r).includes("⏎ keep"), "the search kept");
  r.stdin.write("\r");
  await waitFor(() => opened(frame(r)), "the page");
  return r;
}
