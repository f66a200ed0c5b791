// Runs one full JSON scan in its own process, as `translation-status scan --format json` does,
// writing the report to /dev/null, then prints the process's peak memory for the benchmark.

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { jsonChunks } from "../src/report/json.js";
import { scan } from "../src/scan/scan.js";

const repo = process.argv[2] as string;
const out = createWriteStream("/dev/null");
const { result } = await scan({ repo, source: "en", content: "content", langs: [] });
for (const chunk of jsonChunks(result)) if (!out.write(chunk)) await once(out, "drain");
out.end();
await once(out, "finish");
process.stdout.write(
  `${JSON.stringify({ pages: result.pages.length, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
