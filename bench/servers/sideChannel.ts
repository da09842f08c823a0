import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import { notify, serve } from '../lib/ipc.ts';

type Handler = (args: any) => unknown;

export interface ServerStats {
  memory: NodeJS.MemoryUsage;
  /** process.cpuUsage(): user and system CPU time in µs since the process started. */
  cpu: NodeJS.CpuUsage;
  /** Wall clock of the reading, ms (performance.now of this process). */
  at: number;
  elu: { idle: number; active: number };
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * The measuring side channel every bench server answers over IPC: CPU, memory (after a
 * forced GC when asked), heap snapshots, and whatever the server adds. Bench-only;
 * nothing here changes what the server does for its clients.
 */
export function serveSideChannel(port: number, extra: Record<string, Handler> = {}) {
  serve({
    stats: (): ServerStats => {
      const { idle, active } = performance.eventLoopUtilization();
      return { memory: process.memoryUsage(), cpu: process.cpuUsage(), at: performance.now(), elu: { idle, active } };
    },
    gc: async () => {
      if (!gc) throw new Error('start the server with --expose-gc');
      // Several rounds with a turn of the event loop between them: weak refs and
      // finalizers (ws, Yjs) free more on the second pass.
      for (let i = 0; i < 4; i++) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      // heapUsed without V8's code spaces: compiled code grows once as code paths warm up,
      // which is no cost of a board or a connection.
      const code = getHeapSpaceStatistics()
        .filter((space) => space.space_name.includes('code'))
        .reduce((sum, space) => sum + space.space_used_size, 0);
      const memory = process.memoryUsage();
      return { ...memory, heapUsed: memory.heapUsed - code, heapUsedWithCode: memory.heapUsed };
    },
    /** Writes a heap snapshot (for bench/tools/heapDiff.ts) and returns its path. */
    heapSnapshot: ({ file }: { file: string }) => {
      if (gc) gc();
      return writeHeapSnapshot(file);
    },
    ...extra,
  });
  notify('ready', { port });
}
