// The status page's stylesheet: light and dark themes from the browser's preference, the status
// colours (by the registry's colour names, so a status is coloured wherever it is added), and
// the widths of each language's bar, which are numbers the report computes (never repository
// text). Everything lives in one <style> element, allowed by its hash in the page's CSP. Text
// breaks anywhere it must (overflow-wrap on the body, which every cell inherits): a page's name
// or a subject with no break in it (generated reference pages run to 150 characters) would
// otherwise set the table's least width, pushing Behind, Lines changed, Age and Links off
// screen; where there is room, nothing wraps.
import { STATUS_FACTS } from "../core/statuses.js";
import { STATUSES, type Status } from "../core/types.js";

/** The registry's colour names in a light and a dark theme (GitHub's Primer palette). */
const CSS_COLOR: Readonly<Record<string, { light: string; dark: string }>> = {
  yellow: { light: "#9a6700", dark: "#d29922" },
  magenta: { light: "#8250df", dark: "#bc8cff" },
  red: { light: "#cf222e", dark: "#f85149" },
  gray: { light: "#6e7781", dark: "#8b949e" },
  cyan: { light: "#1b7c83", dark: "#39c5cf" },
  green: { light: "#1a7f37", dark: "#3fb950" },
};

function colorOf(status: Status, theme: "light" | "dark"): string {
  return (
    CSS_COLOR[STATUS_FACTS[status].color]?.[theme] ?? (theme === "light" ? "#57606a" : "#8b949e")
  );
}

const BASE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--panel:#f6f8fa;
--add:#dafbe1;--add-word:#aceebb;--del:#ffebe9;--del-word:#ffcecb;--link:#0969da;--focus:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--line:#30363d;
--panel:#161b22;--add:#12261e;--add-word:#1f6f3b;--del:#25171c;--del-word:#8e1519;--link:#4493f8;--focus:#4493f8}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;padding:1rem 1.5rem 3rem;background:var(--bg);color:var(--fg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
:focus-visible{outline:2px solid var(--focus);outline-offset:2px}
h1{font-size:1.5rem;margin:.25rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
.meta,.note,.muted{color:var(--muted)}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.bar{display:flex;height:.9rem;border-radius:.45rem;overflow:hidden;background:var(--panel);
border:1px solid var(--line);max-width:48rem}
.bar span{flex:0 1 0;min-width:3px}
.counts{list-style:none;padding:0;margin:.4rem 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:.2rem;margin-right:.3rem;vertical-align:-.05rem}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:end;margin:.5rem 0}
.controls label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
.controls select,.controls input{font:inherit;color:var(--fg);background:var(--bg);
border:1px solid var(--line);border-radius:.3rem;padding:.2rem .4rem;min-width:12rem}
table.pages{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{padding:.35rem .6rem;text-align:left;vertical-align:top}
th[scope=row]{font-weight:normal}
thead th{border-bottom:2px solid var(--line);white-space:nowrap}
tbody.page{border-bottom:1px solid var(--line)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
.status{font-weight:600;white-space:nowrap}
.title{display:block;color:var(--muted);font-size:.9rem}
.est{font-style:italic}
.by{display:block;font-size:.8rem}
tr.more td{padding-top:0}
details summary{cursor:pointer;color:var(--muted)}
details[open] summary{margin-bottom:.5rem}
ol.commits{margin:.25rem 0 .75rem;padding-left:1.5rem}
pre.diff{margin:0;padding:.5rem 0;background:var(--panel);border:1px solid var(--line);
border-radius:.3rem;overflow:auto;max-height:32rem}
pre.diff span.r{display:block;padding:0 .75rem;white-space:pre-wrap;word-break:break-all}
pre.diff .n{display:inline-block;min-width:3.5em;color:var(--muted);user-select:none}
pre.diff .add{background:var(--add)}pre.diff .del{background:var(--del)}
pre.diff .hunk{color:var(--muted)}
pre.diff .add mark{background:var(--add-word);color:inherit}
pre.diff .del mark{background:var(--del-word);color:inherit}
`;

/** The stylesheet, with the bar widths of each language (`counts[i]` is language i's). */
export function stylesheet(counts: ReadonlyArray<Record<Status | "total", number>>): string {
  const colors = (theme: "light" | "dark") =>
    STATUSES.map((s) => `--c-${s}:${colorOf(s, theme)}`).join(";");
  const rules = [
    BASE.trim(),
    `:root{${colors("light")}}`,
    `@media (prefers-color-scheme:dark){:root{${colors("dark")}}}`,
    ...STATUSES.map((s) => `.s-${s}{background:var(--c-${s})}.t-${s}{color:var(--c-${s})}`),
  ];
  counts.forEach((row, i) => {
    for (const s of STATUSES) if (row[s] > 0) rules.push(`#bar-${i} .s-${s}{flex-grow:${row[s]}}`);
  });
  return `${rules.join("\n")}\n`;
}
