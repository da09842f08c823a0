import type { Stream } from '../worker.ts';
import type { ServerKind } from './clients.ts';
import { epochString } from './clock.ts';
import { Child } from './ipc.ts';

/** The client worker processes, started once and reused by every scenario. */
export class WorkerPool {
  private constructor(readonly workers: Child[]) {}

  static async start(count: number): Promise<WorkerPool> {
    const workers = Array.from({ length: count }, (_, i) => new Child(`worker${i}`, 'bench/worker.ts'));
    await Promise.all(workers.map((w) => w.request('epoch', { epoch: epochString() }, 30_000)));
    return new WorkerPool(workers);
  }

  get size() {
    return this.workers.length;
  }

  /** Client i lives in worker i % size. */
  workerOf(client: number) {
    return this.workers[client % this.workers.length];
  }

  /** Connects clients firstIndex..firstIndex+count-1 (spread over the workers) and waits until all are synced. */
  async connect(kind: ServerKind, url: string, board: string, count: number, initialState?: Uint8Array, firstIndex = 0) {
    await Promise.all(
      this.workers.map((worker, w) => {
        const indices: number[] = [];
        for (let i = firstIndex; i < firstIndex + count; i++) if (i % this.workers.length === w) indices.push(i);
        if (indices.length === 0) return undefined;
        return worker.request('connect', { kind, url, board, indices, initialState: kind === 'relay' ? initialState : undefined, timeoutMs: 60_000 }, 90_000);
      }),
    );
  }

  /** Clients from index `from` on record what they receive. */
  watch(mode: 'moves' | 'cursors', owners?: Array<[string, number, number]>, from = 0) {
    return Promise.all(this.workers.map((w) => w.request('watch', { mode, owners, from })));
  }

  /** Clients below `count` stop applying what they receive (write-only load generators). */
  mute(count: number) {
    return Promise.all(
      this.workers.map((worker, w) => {
        const indices: number[] = [];
        for (let i = 0; i < count; i++) if (i % this.workers.length === w) indices.push(i);
        return indices.length ? worker.request('mute', { indices }) : undefined;
      }),
    );
  }

  /** Runs the streams (each in the worker that holds its client); resolves when all are sent. */
  async run(streams: Stream[], timeoutMs: number) {
    const results = await Promise.all(
      this.workers.map((worker, w) => {
        const mine = streams.filter((s) => s.client % this.workers.length === w);
        if (mine.length === 0) return { sent: 0, maxLateMs: 0, cpuMs: 0, spanMs: 0 };
        return worker.request<{ sent: number; maxLateMs: number; cpuMs: number; spanMs: number }>('run', { streams: mine }, timeoutMs);
      }),
    );
    return {
      sent: results.reduce((sum, r) => sum + r.sent, 0),
      maxLateMs: Math.max(...results.map((r) => r.maxLateMs)),
      spanMs: Math.max(...results.map((r) => r.spanMs)),
      clientCpuMs: results.reduce((sum, r) => sum + r.cpuMs, 0),
    };
  }

  /** Receives recorded so far, over all workers. */
  async received(): Promise<number> {
    const counts = await Promise.all(this.workers.map((w) => w.request<number>('count')));
    return counts.reduce((a, b) => a + b, 0);
  }

  async collect() {
    const parts = await Promise.all(this.workers.map((w) => w.request<{ sends: Float64Array; receives: Float64Array }>('collect', undefined, 120_000)));
    return { sends: parts.map((p) => p.sends), receives: parts.map((p) => p.receives) };
  }

  disconnect() {
    return Promise.all(this.workers.map((w) => w.request('disconnect')));
  }
}
