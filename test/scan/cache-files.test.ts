// The cache's log files as data: what comes back is what went in, and a body of another shape
// is refused rather than half read. And the folder's size bound, which removes only its own files.
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeLog, encodeLog, mergeLogs } from "../../src/cache/log-file.js";
import { readReport, writeReport } from "../../src/cache/report-file.js";
import { CacheStore, cacheFileName } from "../../src/cache/store.js";
import type { LogCapture } from "../../src/git/history.js";
import { holdsUntil } from "../../src/scan/inputs-key.js";
import type { Translation } from "../../src/scan/translations.js";

const h = (n: number) => n.toString(16).padStart(40, "0");

/** A log of `hashes` (newest first), each commit the parent of the one before it. */
function log(hashes: string[], subject = (i: number) => `commit ${i}`): LogCapture {
  const n = hashes.length;
  return {
    hashes,
    parents: hashes.map((_, i) => (i + 1 < n ? (hashes[i + 1] as string) : "")),
    dates: hashes.map(() => "2025-01-01T00:00:00+00:00"),
    authors: hashes.map(() => "A"),
    subjects: hashes.map((_, i) => subject(i)),
    starts: Int32Array.from({ length: n + 1 }, (_, i) => i),
    headers: hashes.map((x) => `:000000 100644 ${h(0)} ${x} A`),
    paths: hashes.map((_, i) => `content/en/p${i}.md`),
    froms: hashes.map(() => ""),
  };
}

describe("cache log files", () => {
  it("come back as they went in, bytes that are not UTF-8 included", () => {
    const original = log([h(3), h(2), h(1)], (i) => `subject ${i} \udcff é`);
    const body = encodeLog({ identity: "id", head: h(3), log: original });
    expect(body).not.toBeNull();
    const back = decodeLog(body as Buffer);
    expect(back?.identity).toBe("id");
    expect(back?.head).toBe(h(3));
    expect({ ...back?.log, starts: [...(back?.log.starts ?? [])] }).toEqual({
      ...original,
      starts: [...original.starts],
    });
  });

  it("are not written when a text would not come back the same", () => {
    const cut = log([h(1)], () => "cut in half \ud83d");
    expect(encodeLog({ identity: "id", head: h(1), log: cut })).toBeNull();
  });

  it("refuse a body of another shape", () => {
    const body = encodeLog({ identity: "id", head: h(2), log: log([h(2), h(1)]) }) as Buffer;
    const text = body.toString("utf8");
    expect(decodeLog(Buffer.from(text.slice(0, -10)))).toBeNull();
    expect(decodeLog(Buffer.from(text.replace("\u00002\u0000", "\u00003\u0000")))).toBeNull();
    expect(decodeLog(Buffer.from(""))).toBeNull();
  });

  it("merge in git's order, and say when a commit is in neither log", () => {
    const cached = log([h(2), h(1)]);
    const fresh = log([h(4), h(3)]);
    const merged = mergeLogs([h(4), h(2), h(3), h(1)], fresh, cached);
    expect(merged?.hashes).toEqual([h(4), h(2), h(3), h(1)]);
    expect(merged?.paths).toEqual([
      "content/en/p0.md",
      "content/en/p0.md",
      "content/en/p1.md",
      "content/en/p1.md",
    ]);
    expect(mergeLogs([h(4), h(3), h(9)], fresh, cached)).toBeNull();
    // A fresh commit HEAD does not reach is not git's walk.
    expect(mergeLogs([h(4), h(2), h(1)], fresh, cached)).toBeNull();
  });
});

describe("the cache folder's size bound", () => {
  it("evicts only its own files, least recently used first, never another file in the folder", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ts-cache-evict-"));
    chmodSync(dir, 0o700);
    const old = new Date("2020-01-01T00:00:00Z");
    // The user's own files, older than anything the cache wrote: a bound must not reach them.
    for (const name of ["video.mp4", "notes.txt", "history-not-ours"]) {
      writeFileSync(path.join(dir, name), Buffer.alloc(4096));
      utimesSync(path.join(dir, name), old, old);
    }
    const store = CacheStore.open({ dir, enabled: true, warn: () => {} }, 3000) as CacheStore;
    const first = cacheFileName("lines", ["a"]);
    store.write(first, "lines", Buffer.alloc(1000));
    utimesSync(path.join(dir, first), old, old);
    // A new run: what it writes is kept, the oldest of the cache's own files goes.
    const next = CacheStore.open({ dir, enabled: true, warn: () => {} }, 3000) as CacheStore;
    const second = cacheFileName("history", ["b"]);
    const third = cacheFileName("estimates-by-page", ["c"]);
    next.write(second, "history", Buffer.alloc(1000));
    next.write(third, "estimates-by-page", Buffer.alloc(1500));
    expect(readdirSync(dir).sort()).toEqual(
      ["history-not-ours", "notes.txt", "video.mp4", second, third].sort(),
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the cache folder's leftovers", () => {
  it("removes the temporary file of a write that never finished, not one being written", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ts-cache-temp-"));
    chmodSync(dir, 0o700);
    const old = new Date(Date.now() - 3_600_000);
    // A run stopped mid-write an hour ago; another run writing now; a user's file of that shape.
    const abandoned = ".ts-0123456789ab.tmp";
    const inProgress = ".ts-ba9876543210.tmp";
    const notOurs = ".ts-notours.tmp";
    for (const name of [abandoned, inProgress, notOurs]) {
      writeFileSync(path.join(dir, name), Buffer.alloc(2048));
    }
    utimesSync(path.join(dir, abandoned), old, old);
    utimesSync(path.join(dir, notOurs), old, old);
    const store = CacheStore.open({ dir, enabled: true, warn: () => {} }) as CacheStore;
    const name = cacheFileName("lines", ["a"]);
    store.write(name, "lines", Buffer.alloc(100));
    expect(readdirSync(dir).sort()).toEqual([inProgress, notOurs, name].sort());
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("an entry of the cache folder that is not a file of the user's", () => {
  it("is passed over with one warning a run, never waited on, and the rest of the cache works", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ts-cache-odd-"));
    chmodSync(dir, 0o700);
    const fifo = cacheFileName("history", ["fifo"]);
    const folder = cacheFileName("lines", ["folder"]);
    const link = cacheFileName("estimates", ["link"]);
    // A FIFO would block a plain open until something wrote to it: the test would hang.
    execFileSync("mkfifo", [path.join(dir, fifo)]);
    mkdirSync(path.join(dir, folder));
    writeFileSync(path.join(dir, "target"), "x");
    symlinkSync(path.join(dir, "target"), path.join(dir, link));
    for (let run = 0; run < 2; run++) {
      const warnings: string[] = [];
      const store = CacheStore.open({ dir, enabled: true, warn: (m) => warnings.push(m) });
      for (let i = 0; i < 3; i++) {
        expect(store?.read(fifo, "history")).toBeNull();
        expect(store?.read(folder, "lines")).toBeNull();
        expect(store?.read(link, "estimates")).toBeNull();
      }
      // Writing where a folder stands fails, and says nothing more of that entry.
      store?.write(folder, "lines", Buffer.from("x"));
      // The FIFO is replaced by a write, and read back.
      store?.write(fifo, "history", Buffer.from("log"));
      expect(store?.read(fifo, "history")?.toString()).toBe("log");
      rmSync(path.join(dir, fifo));
      execFileSync("mkfifo", [path.join(dir, fifo)]);
      const good = cacheFileName("lines", ["good"]);
      store?.write(good, "lines", Buffer.from("counts"));
      expect(store?.read(good, "lines")?.toString()).toBe("counts");
      expect(warnings).toEqual([
        `ignoring the cache file ${path.join(dir, fifo)}: not a regular file`,
        `ignoring the cache file ${path.join(dir, folder)}: not a regular file`,
        `ignoring the cache file ${path.join(dir, link)} (ELOOP)`,
      ]);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("kept reports and the clock", () => {
  const DAY = 86_400_000;
  const store = () =>
    CacheStore.open({
      dir: mkdtempSync(path.join(os.tmpdir(), "ts-report-")),
      enabled: true,
      warn: () => {},
    }) as CacheStore;

  it("hold from when they were made until a date in the future stops being one", () => {
    const now = Date.UTC(2026, 0, 10);
    const page = (date: string) =>
      ({ meta: { lastTranslationTime: date } }) as unknown as Translation;
    // A date two days ahead stops being "in the future" a day before it, at midnight UTC.
    const until = holdsUntil([page("2026-01-01"), page("2026-01-12"), page("2026-01-15")], now);
    expect(until).toBe(Date.UTC(2026, 0, 11));
    expect(holdsUntil([page("2026-01-01"), page("not a date")], now)).toBe(Infinity);
    const s = store();
    const terms = { key: "k", since: now, until, raws: [], folders: [], untracked: [] };
    writeReport(s, "report-x", terms, [Buffer.from("{}\n")]);
    expect(readReport(s, "report-x", "k", now)?.report.toString()).toBe("{}\n");
    expect(readReport(s, "report-x", "k", until - 1)).not.toBeNull();
    expect(readReport(s, "report-x", "k", until)).toBeNull();
    // A clock set back before the report was made cannot say what holds.
    expect(readReport(s, "report-x", "k", now - DAY)).toBeNull();
    expect(readReport(s, "report-x", "other", now)).toBeNull();
    rmSync(s.dir, { recursive: true, force: true });
  });
});

describe("a kept report of other inputs", () => {
  const key = (c: string) => c.repeat(64);
  const now = Date.UTC(2026, 0, 10);

  it("is skipped on its key alone, unless its header or key is not as written", () => {
    const warnings: string[] = [];
    const dir = mkdtempSync(path.join(os.tmpdir(), "ts-report-"));
    const s = CacheStore.open({ dir, enabled: true, warn: (m) => warnings.push(m) }) as CacheStore;
    const file = path.join(s.dir, "report-x");
    const terms = {
      key: key("a"),
      since: now,
      until: Infinity,
      raws: [],
      folders: [],
      untracked: [],
    };
    const keep = () => writeReport(s, "report-x", terms, [Buffer.from(`{"pages":[]}\n`)]);
    keep();
    // Another's, whole: not this run's answer, and nothing to say.
    expect(readReport(s, "report-x", key("b"), now)).toBeNull();
    expect(warnings).toEqual([]);
    const bytes = readFileSync(file);
    const header = bytes.indexOf(10);
    for (const [where, at] of [
      ["the header", 2],
      ["the checksum line", header + 10],
      ["the key", bytes.indexOf(key("a")) + 5],
    ] as const) {
      const damaged = Buffer.from(bytes);
      damaged[at] = 0x21; // "!"
      writeFileSync(file, damaged);
      expect([where, readReport(s, "report-x", key("b"), now)]).toEqual([where, null]);
      // Said once, and the file is gone: read again, it is simply not there.
      expect([where, readReport(s, "report-x", key("a"), now)]).toEqual([where, null]);
      expect([where, warnings]).toEqual([
        where,
        [`ignoring a damaged cache file ${file}; it is made again`],
      ]);
      expect(readdirSync(s.dir)).toEqual([]);
      warnings.length = 0;
      keep();
    }
    rmSync(s.dir, { recursive: true, force: true });
  });
});
