// Repository states that must give a specific answer, never a silently wrong one.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../../src/scan/scan.js";
import { buildFixture, git, type TempSite, tempDir } from "../helpers/site.js";

let site: TempSite;
beforeAll(() => {
  site = buildFixture();
});
afterAll(() => site?.cleanup());

const run = (dir: string) => scan({ repo: dir, source: "en", content: "content", langs: [] });

describe("repository states", () => {
  it("never reports a depth-1 clone as up to date, and says how to fix it", async () => {
    const dir = path.join(tempDir(), "shallow");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${site.dir}`, dir]);
    const { result } = await run(dir);
    expect(result.shallow).toBe(true);
    expect(result.warnings[0]).toContain("fetch-depth: 0");
    const tracked = result.pages.filter((p) => p.rawCommit !== null);
    expect(tracked.length).toBeGreaterThan(0);
    for (const p of tracked) {
      expect(p.status).toBe("unknown-commit");
      expect(p.warnings.join(" ")).toContain("shallow clone");
    }
  });

  it("reports a raw_commit on another branch, with a warning", async () => {
    const dir = path.join(tempDir(), "branch");
    execFileSync("git", ["clone", "-q", `file://${site.dir}`, dir]);
    git(dir, ["checkout", "-q", "-b", "side", site.labels["pre-edit"] as string]);
    git(dir, [
      "-c",
      "user.name=t",
      "-c",
      "user.email=t@t",
      "commit",
      "-q",
      "--allow-empty",
      "-m",
      "side",
    ]);
    const side = git(dir, ["rev-parse", "HEAD"]);
    git(dir, ["checkout", "-q", "main"]);
    const file = path.join(dir, "content/zh-cn/user/contacts.md");
    const { readFileSync, writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(/raw_commit="[0-9a-f]+"/, `raw_commit="${side}"`),
    );
    const { result } = await run(dir);
    const page = result.pages.find((p) => p.path === "content/zh-cn/user/contacts.md");
    // contacts.md changed on the early branch, merged into HEAD but not into the side branch.
    expect(page).toMatchObject({
      status: "outdated",
      commitsBehind: Number(
        git(dir, ["rev-list", "--count", `${side}..HEAD`, "--", "content/en/user/contacts.md"]),
      ),
    });
    expect(page?.warnings).toContain(
      "raw_commit is not an ancestor of HEAD (it is on another branch)",
    );
    // Once no branch or tag holds it (the branch was deleted, or it came from a fork), it says so.
    git(dir, ["branch", "-q", "-D", "side"]);
    const again = (await run(dir)).result.pages.find(
      (p) => p.path === "content/zh-cn/user/contacts.md",
    );
    expect(again?.status).toBe("outdated");
    expect(again?.warnings).toContain(
      "raw_commit is not an ancestor of HEAD and on no branch or tag (from a fork, or a rebased or squashed branch)",
    );
  });

  it("reads a detached HEAD and an abbreviated raw_commit", async () => {
    const dir = path.join(tempDir(), "detached");
    execFileSync("git", ["clone", "-q", `file://${site.dir}`, dir]);
    git(dir, ["checkout", "-q", "--detach", "HEAD"]);
    const file = path.join(dir, "content/zh-cn/user/run-your-own.md");
    const { readFileSync, writeFileSync } = await import("node:fs");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(/raw_commit="([0-9a-f]{10})[0-9a-f]+"/, 'raw_commit="$1"'),
    );
    const { result } = await run(dir);
    expect(result.pages.find((p) => p.path === "content/zh-cn/user/run-your-own.md")).toMatchObject(
      {
        status: "outdated",
        commitsBehind: 1,
      },
    );
  });

  it("compares a translation moved after an English rename with the English page's earlier name", async () => {
    const dir = path.join(tempDir(), "moved-translation");
    execFileSync("git", ["clone", "-q", `file://${site.dir}`, dir]);
    const { renameSync } = await import("node:fs");
    renameSync(
      path.join(dir, "content/zh-cn/admin/optional/elasticsearch.md"),
      path.join(dir, "content/zh-cn/admin/elasticsearch.md"),
    );
    const { result } = await run(dir);
    const zh = result.pages.filter((p) => p.lang === "zh-cn");
    expect(zh.find((p) => p.path === "content/zh-cn/admin/elasticsearch.md")).toMatchObject({
      status: "outdated",
      sourcePath: "content/en/admin/elasticsearch.md",
      movedFrom: null,
      commitsBehind: 2,
      linesAdded: 3,
      linesRemoved: 1,
      warnings: [
        "the English source was renamed from content/en/admin/optional/elasticsearch.md after raw_commit; compared with that version",
      ],
    });
    expect(zh.some((p) => p.status === "moved")).toBe(false);
  });
});
