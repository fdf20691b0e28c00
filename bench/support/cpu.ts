import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";

/** Wall time and the CPU time a server process and this benchmark process spent over the same span. */
export interface Usage {
  wallMs: number;
  /** Null where /proc does not say (not Linux). */
  serverCpuMs: number | null;
  benchCpuMs: number;
}

function clockTicksPerSecond(): number {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    // the kernel's usual USER_HZ
    return 100;
  }
}

const TICKS_PER_SECOND = clockTicksPerSecond();

/** CPU time (user + system) another process has used so far, in ms, from /proc; null where /proc does not say. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name in parentheses may hold spaces, so count fields from after its closing one:
    // utime and stime are fields 14 and 15 of the line, the 12th and 13th after the name
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Runs `work` and reports how long it took and the CPU the server (`pid`) and this process used meanwhile. */
export async function withUsage<T>(pid: number | undefined, work: () => Promise<T>): Promise<[T, Usage]> {
  const serverBefore = pid === undefined ? null : processCpuMs(pid);
  const benchBefore = process.cpuUsage();
  const startedAt = performance.now();
  const result = await work();
  const wallMs = performance.now() - startedAt;
  const bench = process.cpuUsage(benchBefore);
  const serverAfter = pid === undefined ? null : processCpuMs(pid);
  const serverCpuMs = serverBefore === null || serverAfter === null ? null : serverAfter - serverBefore;
  return [result, { wallMs, serverCpuMs, benchCpuMs: (bench.user + bench.system) / 1000 }];
}

/** Adds up usages; a server figure is known only if every part knew it. */
export function totalUsage(usages: readonly Usage[]): Usage {
  return usages.reduce<Usage>(
    (sum, usage) => ({
      wallMs: sum.wallMs + usage.wallMs,
      serverCpuMs: sum.serverCpuMs === null || usage.serverCpuMs === null ? null : sum.serverCpuMs + usage.serverCpuMs,
      benchCpuMs: sum.benchCpuMs + usage.benchCpuMs,
    }),
    { wallMs: 0, serverCpuMs: 0, benchCpuMs: 0 },
  );
}
