import { buildCardBoard } from '../lib/board.ts';
import type { ServerKind } from '../lib/clients.ts';
import { sleep } from '../lib/ipc.ts';
import { row, type Row } from '../lib/report.ts';
import { putBoard, waitUnloaded, type ServerHandle } from '../lib/servers.ts';
import type { WorkerPool } from '../lib/workers.ts';
import { orderFor } from './networkScenarios.ts';

interface Ctx {
  servers: Record<ServerKind, ServerHandle>;
  pool: WorkerPool;
  log(message: string): void;
}

const WARM_UP = 10;

interface MemoryRun {
  /** Heap growth for the board with one client on it, MB per 1,000 cards. */
  boardMbPer1000?: number;
  heapPerConnectionKb: number;
  externalPerConnectionKb: number;
}

/**
 * Heap after forced GCs (--expose-gc, several rounds):
 *  - board: heap with the board loaded and one idle client on it, minus the heap before.
 *    Ours loads it cold from lowdb (as after a restart); the peer holds what the filling
 *    client pushed (it has no storage, and keeps rooms after their last client leaves).
 *  - per connection: after 10 warm-up clients, two batches of N more idle clients on that
 *    board, heap delta / N for each, averaged.
 * Heap is heapUsed without V8's code spaces (see servers/sideChannel.ts).
 */
async function measure(server: ServerHandle, pool: WorkerPool, cards: number, idle: number): Promise<MemoryRun> {
  const board = buildCardBoard(cards, 1000 + Math.floor(Math.random() * 1000));
  let name: string;
  let before: NodeJS.MemoryUsage;
  if (server.kind === 'ours') {
    name = await putBoard(server, board, `memory ${cards}`);
    await waitUnloaded(server, name);
    before = await server.gc();
  } else {
    before = await server.gc();
    name = await putBoard(server, board, `memory ${cards}`);
  }
  try {
    await pool.connect(server.kind, server.url, name, 1, board.full);
    await sleep(300);
    const withBoard = await server.gc();
    // Warm-up connections first: the first ones also grow the code space (JIT) once, which
    // is not a cost per connection.
    await pool.connect(server.kind, server.url, name, WARM_UP, board.full, 1);
    await sleep(300);
    const warm = await server.gc();
    // Two batches of `idle` clients: two estimates per run, whose median is less exposed
    // to whatever else the GC happens to free in between.
    await pool.connect(server.kind, server.url, name, idle, board.full, 1 + WARM_UP);
    await sleep(500);
    const batch1 = await server.gc();
    await pool.connect(server.kind, server.url, name, idle, board.full, 1 + WARM_UP + idle);
    await sleep(500);
    const batch2 = await server.gc();
    const perConnection = [(batch1.heapUsed - warm.heapUsed) / 1e3 / idle, (batch2.heapUsed - batch1.heapUsed) / 1e3 / idle];
    return {
      boardMbPer1000: server.kind === 'relay' ? undefined : (withBoard.heapUsed - before.heapUsed) / 1e6 / (cards / 1000),
      heapPerConnectionKb: (perConnection[0] + perConnection[1]) / 2,
      externalPerConnectionKb: (batch2.external - warm.external) / 1e3 / (2 * idle),
    };
  } finally {
    await pool.disconnect();
    await waitUnloaded(server, name).catch(() => undefined);
  }
}

export async function memory(ctx: Ctx, { cards, idle, reps }: { cards: number; idle: number; reps: number }): Promise<Row[]> {
  const runs: Record<ServerKind, MemoryRun[]> = { ours: [], peer: [], relay: [] };
  for (let rep = 0; rep < reps; rep++) {
    for (const kind of orderFor(rep)) {
      const run = await measure(ctx.servers[kind], ctx.pool, cards, idle);
      runs[kind].push(run);
      ctx.log(
        `  memory rep ${rep + 1} ${kind.padEnd(5)}: board ${run.boardMbPer1000?.toFixed(2) ?? '–'} MB/1000 cards, ${run.heapPerConnectionKb.toFixed(1)} KB heap + ${run.externalPerConnectionKb.toFixed(1)} KB external per connection`,
      );
    }
  }
  const s = `memory (${cards.toLocaleString('en-US')}-card board, 2 × ${idle} idle clients)`;
  return [
    row(s, 'server heap for the loaded board, per 1,000 cards', 'MB', { ours: runs.ours.map((r) => r.boardMbPer1000!), peer: runs.peer.map((r) => r.boardMbPer1000!) }, { text: '≤ 1.5 MB per 1,000 cards', on: 'ours', max: 1.5 }),
    row(s, 'server heap per connection', 'KB', { ours: runs.ours.map((r) => r.heapPerConnectionKb), peer: runs.peer.map((r) => r.heapPerConnectionKb), relay: runs.relay.map((r) => r.heapPerConnectionKb) }, { text: '≤ 10 KB per connection', on: 'ours', max: 10 }),
    row(s, 'server external memory per connection', 'KB', { ours: runs.ours.map((r) => r.externalPerConnectionKb), peer: runs.peer.map((r) => r.externalPerConnectionKb), relay: runs.relay.map((r) => r.externalPerConnectionKb) }, undefined, 'socket buffers etc., outside the JS heap'),
  ];
}
