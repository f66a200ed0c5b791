// `node dist/bench/verify.js REPO [LANG...]`: scans a repository and checks every page that has
// a commit range against plain git (`git rev-list --count` and `git diff --numstat`, one page at
// a time). Used to check the scan on real repositories such as the Mastodon documentation.
import { scan } from "../src/scan/scan.js";
import { compareWithGit } from "./per-page.js";

const [repo, ...langs] = process.argv.slice(2);
if (!repo) {
  process.stderr.write("usage: node dist/bench/verify.js REPO [LANG...]\n");
  process.exitCode = 2;
} else {
  const { result } = await scan({ repo, source: "en", content: "content", langs });
  const { checked, mismatches } = compareWithGit(repo, result.pages);
  for (const line of mismatches) process.stdout.write(`${line}\n`);
  const statuses = JSON.stringify(result.summary);
  process.stdout.write(
    `${checked} pages checked against git, ${mismatches.length} disagree; summary ${statuses}\n`,
  );
  process.exitCode = mismatches.length > 0 ? 1 : 0;
}
