// `npm run demo:site`: the demo site as its readers see it. Writes the status data the site's
// banner partial reads (report --format hugo-data), then builds the site with Hugo into
// .demo/public/, where each outdated translation says how far behind its English page is.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDemo } from "./demo-site.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const cli = fileURLToPath(new URL("../cli/main.js", import.meta.url));
const demo = path.join(root, ".demo");
const dataFile = path.join(demo, "data", "translation_status.json");

ensureDemo(root);
const report = spawnSync(
  process.execPath,
  [cli, "report", "--repo", demo, "--format", "hugo-data", "--output", dataFile],
  { stdio: "inherit" },
);
if (report.status !== 0) process.exit(report.status ?? 2);
const hugo = spawnSync("hugo", ["--source", demo, "--quiet"], { stdio: "inherit" });
if (hugo.error) {
  process.stderr.write(
    "demo:site needs Hugo (https://gohugo.io/installation/, or apt install hugo)\n",
  );
  process.exit(2);
}
if (hugo.status !== 0) process.exit(hugo.status ?? 2);
process.stdout.write(`Built the demo site into .demo/public/; ${bannerExample()}\n`);

/** Where to see a banner: a page the data just written says is outdated, if one still is
 * (pages marked updated in the kept demo are not). */
function bannerExample(): string {
  const data = JSON.parse(readFileSync(dataFile, "utf8")) as Record<
    string,
    { lang: string; page: string; status: string }
  >;
  const outdated = Object.values(data).find((p) => p.status === "outdated");
  if (!outdated) return "no translation is outdated now, so no page shows a banner";
  const page = outdated.page.replace(/(^|\/)(_?index)?\.md$/, "$1").replace(/\.md$/, "");
  return `an outdated translation with its banner: ${path.join(".demo", "public", outdated.lang, page, "index.html")}`;
}
