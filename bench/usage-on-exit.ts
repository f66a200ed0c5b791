// Preloaded (`node --import`) into the real CLI by the benchmark: on exit, writes the process's
// peak memory and CPU time to file descriptor 3, so the benchmark measures the command users
// run, unchanged.
import { readFileSync, writeSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  const report = {
    maxRssKb: usage.maxRSS,
    nodeCpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    gitCpuMs: childrenCpuMs(),
  };
  writeSync(3, `${JSON.stringify(report)}\n`);
});

/**
 * CPU time of the processes the scan started and waited for (every git it ran), from Linux's
 * /proc/self/stat (cutime and cstime, in clock ticks of 10 ms); null elsewhere.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of the whole line: the slice starts at field 3, so 13 and 14 here.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}
