import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './ipc.ts';

/**
 * How busy the machine is with things that are NOT this bench (other users' tests, builds),
 * from /proc: all CPU time used minus the CPU time of this process and its descendants.
 * On a shared 2-core machine this is what makes absolute times noise; the bench records
 * it for every run and waits (bounded) for a quiet moment before measuring.
 */

const TICK = 100; // USER_HZ: /proc reports jiffies of 1/100 s on Linux

interface Sample {
  at: number;
  busy: number;
  ours: number;
}

function machineBusy(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal
  return f[0] + f[1] + f[2] + f[5] + f[6] + f[7];
}

function ourTreeJiffies(): number {
  const parent = new Map<number, number>();
  const jiffies = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // rest[0] = state, rest[1] = ppid, utime = rest[11], stime = rest[12]
      parent.set(Number(entry), Number(rest[1]));
      jiffies.set(Number(entry), Number(rest[11]) + Number(rest[12]));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const [pid, used] of jiffies) {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (p === process.pid) {
        total += used;
        break;
      }
    }
  }
  return total;
}

export function sampleMachine(): Sample {
  return { at: performance.now(), busy: machineBusy(), ours: ourTreeJiffies() };
}

/**
 * CPU used by other processes between two samples, in % of one core. Only processes that
 * are still running are counted as ours, so a bench process that ended in between makes
 * this over-estimate slightly.
 */
export function foreignCpuPct(a: Sample, b: Sample): number {
  const seconds = (b.at - a.at) / 1000;
  if (seconds <= 0) return NaN;
  return Math.max(0, ((b.busy - a.busy - (b.ours - a.ours)) / TICK / seconds) * 100);
}

/** How long a measurement may wait for a quiet machine, and other run pacing (set once by run.ts). */
export const quietGate = {
  maxWaitMs: 10_000,
  thresholdPct: 25,
  drainMs: 1500,
  /** Pause after connecting, before the quiet check and the schedule. */
  settleMs: 300,
  /** Wait after each run until ours has stored and unloaded the board (clean start for the next run). */
  isolate: true,
};

/** Waits (at most maxWaitMs) until other processes use less than `thresholdPct` of a core over half a second. */
export async function waitForQuiet(maxWaitMs = quietGate.maxWaitMs, thresholdPct = quietGate.thresholdPct): Promise<{ waitedMs: number; foreignPct: number }> {
  const start = performance.now();
  if (maxWaitMs <= 0) return { waitedMs: 0, foreignPct: NaN };
  for (;;) {
    const a = sampleMachine();
    await sleep(500);
    const foreign = foreignCpuPct(a, sampleMachine());
    const waited = performance.now() - start;
    if (foreign < thresholdPct || waited >= maxWaitMs) return { waitedMs: waited, foreignPct: foreign };
  }
}

/**
 * CPU time (user + system) a process has used so far, in µs, read from /proc by the
 * orchestrator: unlike asking the process itself, this is exact in time even when that
 * process is too busy to answer (resolution: one jiffy, 10 ms).
 */
export function processCpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(rest[11]) + Number(rest[12])) / TICK) * 1e6;
}
