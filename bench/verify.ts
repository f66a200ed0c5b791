// `node dist/bench/verify.js REPO [LANG...]`: scans a repository and checks every page that has
// a commit range against plain git (`git rev-list --count` and `git diff --numstat`, one page at
// a time). Used to check the scan on real repositories such as the Mastodon documentation.
import { scan } from "../src/scan/scan.js";
import { perPage } from "./per-page.js";

const [repo, ...langs] = process.argv.slice(2);
if (!repo) {
  process.stderr.write("usage: node dist/bench/verify.js REPO [LANG...]\n");
  process.exitCode = 2;
} else {
  const { result } = await scan({ repo, source: "en", content: "content", langs });
  let checked = 0;
  let mismatches = 0;
  for (const page of result.pages) {
    const want = perPage(repo, page);
    if (!want) continue;
    checked++;
    const got = {
      commitsBehind: page.commitsBehind,
      linesAdded: page.linesAdded,
      linesRemoved: page.linesRemoved,
    };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      mismatches++;
      process.stdout.write(
        `${page.path} (${page.status}): tool ${JSON.stringify(got)}, git ${JSON.stringify(want)}\n`,
      );
    }
  }
  const statuses = JSON.stringify(result.summary);
  process.stdout.write(
    `${checked} pages checked against git, ${mismatches} disagree; summary ${statuses}\n`,
  );
  process.exitCode = mismatches > 0 ? 1 : 0;
}
