import { buildCardBoard } from '../lib/board.ts';
import { SERVER_KINDS, type ServerKind } from '../lib/clients.ts';
import { row, type Row } from '../lib/report.ts';
import { putBoard, type ServerHandle } from '../lib/servers.ts';
import type { WorkerPool } from '../lib/workers.ts';
import { runNetwork, type NetRun, type NetSpec } from './network.ts';

export interface NetContext {
  servers: Record<ServerKind, ServerHandle>;
  pool: WorkerPool;
  reps: number;
  /** Seconds of an unmeasured run against every server before the measured ones (0: none). */
  primeS?: number;
  log(message: string): void;
}

/** Rep r runs the servers in a rotated order, so no server always goes first (or last). */
export const orderFor = (rep: number): ServerKind[] => SERVER_KINDS.map((_, i) => SERVER_KINDS[(i + rep) % SERVER_KINDS.length]);

/** Other processes' CPU (% of a core) above which a scenario's judged figures are marked noisy. */
const NOISY_PCT = 50;

/** Runs `spec` against every server, `reps` times in alternating order; per-run figures by server. */
async function repeat(ctx: NetContext, label: string, cards: number, spec: NetSpec) {
  const board = buildCardBoard(cards);
  const names = {} as Record<ServerKind, string>;
  for (const kind of SERVER_KINDS) names[kind] = await putBoard(ctx.servers[kind], board, `${label} ${cards}`);
  const runs: Record<ServerKind, NetRun[]> = { ours: [], peer: [], relay: [] };
  // The first run of a session is slower whichever server it is against (the client workers'
  // code is still cold), and rep 1 always starts with ours: one short unmeasured run against
  // every server first, so no measured run pays for that.
  if (ctx.primeS) {
    for (const kind of SERVER_KINDS) await runNetwork(ctx.servers[kind], ctx.pool, board, names[kind], { ...spec, warmupS: 0, durationS: ctx.primeS });
    ctx.log(`  ${label}: primed every server with an unmeasured ${ctx.primeS} s run`);
  }
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const kind of orderFor(rep)) {
      const run = await runNetwork(ctx.servers[kind], ctx.pool, board, names[kind], spec);
      runs[kind].push(run);
      ctx.log(
        `  ${label} rep ${rep + 1} ${kind.padEnd(5)}: all-p50 ${run.allP50.toFixed(2)} all-p99 ${run.allP99.toFixed(2)} pair-p50 ${run.pairP50.toFixed(2)} pair-p99 ${run.pairP99.toFixed(2)} ms · ` +
          `${run.sends} sent (${run.sendRate.toFixed(0)}/s), seen ${run.pairsSeen}/${run.pairsExpected}, superseded ${run.pairsSuperseded}, lost ${run.pairsLost} (drain ${(run.drainMs / 1000).toFixed(1)} s) · ` +
          `server ${run.serverCpuPct.toFixed(0)}% CPU, ${run.serverCpuPerUpdateUs.toFixed(0)} µs/update · clients ${run.clientCpuPct.toFixed(0)}% · sender late ≤ ${run.maxLateMs.toFixed(0)} ms · ` +
          `other processes ${run.foreignCpuPct.toFixed(0)}% (waited ${(run.quietWaitMs / 1000).toFixed(1)} s)`,
      );
    }
  }
  const pick = (f: (r: NetRun) => number) => ({ ours: runs.ours.map(f), peer: runs.peer.map(f), relay: runs.relay.map(f) });
  const busiest = Math.max(...SERVER_KINDS.flatMap((k) => runs[k].map((r) => r.foreignCpuPct)).filter(Number.isFinite));
  /** Marks judged rows when other processes took a real share of the 2 cores during some run. */
  const flag = (rows: Row[]) =>
    busiest > NOISY_PCT
      ? rows.map((r) => (r.target ? { ...r, note: [r.note, `noisy: other processes used up to ${busiest.toFixed(0)}% of a core during these runs`].filter(Boolean).join('; ') } : r))
      : rows;
  return { runs, pick, flag };
}

/** Other processes' CPU during each run: the noise the ratios are meant to cancel. */
const noise = (s: string, pick: (f: (r: NetRun) => number) => { ours: number[]; peer: number[]; relay: number[] }) =>
  row(s, 'other processes on the machine during the run', '% of a core', pick((r) => r.foreignCpuPct), undefined, 'not this bench; the run first waits (bounded) for a quiet machine');

export async function propagation(ctx: NetContext, { clients, cards, durationS, warmupS }: { clients: number; cards: number; durationS: number; warmupS: number }): Promise<Row[]> {
  const periodMs = 25;
  const { pick, flag } = await repeat(ctx, 'propagation', cards, {
    mode: 'moves',
    clients,
    writers: clients,
    receivers: 'all',
    cardsPerWriter: 1,
    periodUs: clients * periodMs * 1000,
    staggerUs: periodMs * 1000,
    durationS,
    warmupS,
  });
  const s = `propagation (${clients} clients, ${cards.toLocaleString('en-US')} cards, 1 move/${periodMs} ms)`;
  return flag([
    row(s, 'all clients see a move, p50', 'ms', pick((r) => r.allP50), { text: 'p50 ≤ 1.2× peer', on: 'ratioPeer', max: 1.2 }),
    row(s, 'all clients see a move, p99', 'ms', pick((r) => r.allP99), { text: 'p99 ≤ 1.0× peer', on: 'ratioPeer', max: 1.0 }),
    row(s, 'all clients see a move, p50', 'ms', pick((r) => r.allP50), { text: 'p50 ≤ 3× relay', on: 'ratioRelay', max: 3 }),
    row(s, 'one client sees a move, p50', 'ms', pick((r) => r.pairP50)),
    row(s, 'moves not seen by every client', 'count', pick((r) => r.incomplete)),
    row(s, 'server CPU', '% of a core', pick((r) => r.serverCpuPct)),
    row(s, 'client workers CPU', '% of a core', pick((r) => r.clientCpuPct), undefined, 'all client processes together; 2 cores are shared by everything'),
    noise(s, pick),
  ]);
}

export async function throughput(
  ctx: NetContext,
  { writers, observers, hz, cards, cardsPerWriter, durationS, warmupS }: { writers: number; observers: number; hz: number; cards: number; cardsPerWriter: number; durationS: number; warmupS: number },
): Promise<Row[]> {
  const periodUs = 1e6 / hz;
  const { pick, flag } = await repeat(ctx, 'throughput', cards, {
    mode: 'moves',
    clients: writers + observers,
    writers,
    receivers: 'observers',
    cardsPerWriter,
    periodUs,
    staggerUs: periodUs / writers,
    durationS,
    warmupS,
  });
  const s = `throughput (${writers} writers × ${hz} Hz = ${(writers * hz).toLocaleString('en-US')} updates/s in, ${observers} observers)`;
  const delivered = (r: NetRun) => ((r.pairsSeen + r.pairsSuperseded) / Math.max(1, r.pairsExpected)) * 100;
  return flag([
    row(s, 'delivered (seen, or superseded by a later move of that card)', '%', pick(delivered), { text: '100% delivered', on: 'ours', min: 100, over: 'worst' }),
    row(s, 'each move seen itself', '%', pick((r) => (r.pairsSeen / Math.max(1, r.pairsExpected)) * 100)),
    row(s, 'latency per observer, p50', 'ms', pick((r) => r.pairP50)),
    row(s, 'latency per observer, p99', 'ms', pick((r) => r.pairP99), { text: 'p99 ≤ 40 ms', on: 'ours', max: 40 }),
    row(s, 'server CPU per update', 'µs', pick((r) => r.serverCpuPerUpdateUs), { text: '≤ 1.1× peer', on: 'ratioPeer', max: 1.1 }, 'server CPU (/proc) from the first send to the end of the drain, / updates sent'),
    row(s, 'server CPU', '% of a core', pick((r) => r.serverCpuPct)),
    row(s, 'updates sent', '/s', pick((r) => r.sendRate), undefined, 'what the client workers managed to send'),
    noise(s, pick),
  ]);
}

export async function cursors(ctx: NetContext, { clients, hz, cards, durationS, warmupS }: { clients: number; hz: number; cards: number; durationS: number; warmupS: number }): Promise<Row[]> {
  const periodUs = 1e6 / hz;
  const { pick, flag } = await repeat(ctx, 'cursors', cards, {
    mode: 'cursors',
    clients,
    writers: clients,
    receivers: 'all',
    cardsPerWriter: 0,
    periodUs,
    staggerUs: periodUs / clients,
    durationS,
    warmupS,
  });
  const s = `cursors (${clients} clients × ${hz} Hz awareness)`;
  return flag([
    row(s, 'cursor latency per receiving client, p50', 'ms', pick((r) => r.pairP50)),
    row(s, 'cursor latency per receiving client, p99', 'ms', pick((r) => r.pairP99), { text: 'p99 ≤ 20 ms', on: 'ours', max: 20 }),
    row(s, 'server CPU', '% of a core', pick((r) => r.serverCpuPct), { text: '≤ 40% of one core', on: 'ours', max: 40 }),
    row(s, 'cursor updates seen (or superseded)', '%', pick((r) => ((r.pairsSeen + r.pairsSuperseded) / Math.max(1, r.pairsExpected)) * 100)),
    noise(s, pick),
  ]);
}
