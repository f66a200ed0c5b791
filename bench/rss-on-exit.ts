// Preloaded (`node --import`) into the real CLI by the benchmark: on exit, writes the process's
// peak memory to file descriptor 3, so the benchmark measures the command users run, unchanged.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(3, `${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
