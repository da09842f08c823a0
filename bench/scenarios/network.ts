import type { Stream } from '../worker.ts';
import type { CardBoard } from '../lib/board.ts';
import type { ServerKind } from '../lib/clients.ts';
import { nowUs } from '../lib/clock.ts';
import { sleep } from '../lib/ipc.ts';
import { foreignCpuPct, quietGate, sampleMachine, waitForQuiet } from '../lib/machine.ts';
import { percentile } from '../lib/stats.ts';
import { waitUnloaded, type ServerHandle } from '../lib/servers.ts';
import type { WorkerPool } from '../lib/workers.ts';

export interface NetSpec {
  mode: 'moves' | 'cursors';
  /** Clients connected: writers first, then observers. */
  clients: number;
  /** The first `writers` clients send. */
  writers: number;
  /**
   * "all": every client applies and records what it receives (writers too).
   * "observers": writers are write-only (muted) and only clients from `writers` on record.
   */
  receivers: 'all' | 'observers';
  /** Own cards per writer, moved in turn (a card is never moved twice in a row quickly). */
  cardsPerWriter: number;
  /** Each writer sends every periodUs, writer i starting at i * staggerUs. */
  periodUs: number;
  staggerUs: number;
  durationS: number;
  /** Sends in the first warmupS seconds are not counted (JIT, socket buffers). */
  warmupS: number;
}

export interface NetRun {
  sends: number;
  /** Moves/cursor updates per second actually sent in the counted window. */
  sendRate: number;
  /** Pair = (update, receiving client). */
  pairsExpected: number;
  pairsSeen: number;
  /** Missing at a receiver, but a later value of the same card/cursor from the same sender arrived (merged by the server). */
  pairsSuperseded: number;
  /** Neither seen nor superseded by the end of the drain. */
  pairsLost: number;
  pairP50: number;
  pairP99: number;
  /** Per update: time until the LAST receiver had it (only updates every receiver got). */
  allP50: number;
  allP99: number;
  /** Updates some receiver never saw (nor anything later). */
  incomplete: number;
  /** Server CPU over the counted sending window, % of one core. */
  serverCpuPct: number;
  /** Server CPU from just before the first send until the drain ended, / every update sent. */
  serverCpuPerUpdateUs: number;
  clientCpuPct: number;
  maxLateMs: number;
  /** CPU other processes on the machine used during the window, % of a core. */
  foreignCpuPct: number;
  /** How long the run waited for the machine to be quiet. */
  quietWaitMs: number;
  /** How long the drain after the last send took. */
  drainMs: number;
}

/** Builds each writer's schedule starting at `startUs`. */
function streams(spec: NetSpec, board: CardBoard, startUs: number): Stream[] {
  const count = Math.floor((spec.durationS * 1e6) / spec.periodUs);
  return Array.from({ length: spec.writers }, (_, i) => ({
    client: i,
    kind: spec.mode === 'moves' ? ('move' as const) : ('cursor' as const),
    cards: spec.mode === 'moves' ? board.cardIds.slice(i * spec.cardsPerWriter, (i + 1) * spec.cardsPerWriter) : [],
    firstUs: startUs + i * spec.staggerUs,
    periodUs: spec.periodUs,
    count,
  }));
}

/** Joins sends and receives of every worker into latencies and delivery counts. Receivers are clients firstReceiver..clients-1. */
export function analyze(parts: { sends: Float64Array[]; receives: Float64Array[] }, clients: number, fromUs: number, firstReceiver = 0) {
  const index = new Map<string, number>();
  const sendT: number[] = [];
  const sendOwner: number[] = [];
  const sendSlot: number[] = [];
  for (const s of parts.sends) {
    for (let i = 0; i < s.length; i += 3) {
      if (s[i + 2] < fromUs) continue;
      index.set(`${s[i]}/${s[i + 1]}/${s[i + 2]}`, sendT.length);
      sendOwner.push(s[i]);
      sendSlot.push(s[i + 1]);
      sendT.push(s[i + 2]);
    }
  }
  const n = sendT.length;
  const seen = new Uint8Array(n * clients);
  const count = new Uint16Array(n);
  const last = new Float64Array(n).fill(-1);
  const latestSeen = new Map<string, number>();
  const pairLatencies: number[] = [];
  for (const r of parts.receives) {
    for (let i = 0; i < r.length; i += 5) {
      const [owner, slot, sent, received, receiver] = [r[i], r[i + 1], r[i + 2], r[i + 3], r[i + 4]];
      const latestKey = `${receiver}/${owner}/${slot}`;
      if ((latestSeen.get(latestKey) ?? -1) < sent) latestSeen.set(latestKey, sent);
      const k = index.get(`${owner}/${slot}/${sent}`);
      if (k === undefined || seen[k * clients + receiver]) continue;
      seen[k * clients + receiver] = 1;
      count[k]++;
      const latency = (received - sent) / 1000;
      pairLatencies.push(latency);
      if (latency > last[k]) last[k] = latency;
    }
  }
  let superseded = 0;
  let lost = 0;
  let incomplete = 0;
  const allLatencies: number[] = [];
  let expected = 0;
  for (let k = 0; k < n; k++) {
    const receivers = clients - firstReceiver - (sendOwner[k] >= firstReceiver ? 1 : 0);
    expected += receivers;
    if (count[k] === receivers) {
      allLatencies.push(last[k]);
      continue;
    }
    let lostHere = false;
    for (let receiver = firstReceiver; receiver < clients; receiver++) {
      if (receiver === sendOwner[k] || seen[k * clients + receiver]) continue;
      if ((latestSeen.get(`${receiver}/${sendOwner[k]}/${sendSlot[k]}`) ?? -1) > sendT[k]) superseded++;
      else {
        lost++;
        lostHere = true;
      }
    }
    if (lostHere) incomplete++;
  }
  return {
    sends: n,
    pairsExpected: expected,
    pairsSeen: pairLatencies.length,
    pairsSuperseded: superseded,
    pairsLost: lost,
    pairP50: percentile(pairLatencies, 50),
    pairP99: percentile(pairLatencies, 99),
    allP50: percentile(allLatencies, 50),
    allP99: percentile(allLatencies, 99),
    incomplete,
  };
}

/** One run of a network scenario against one server: connect, send on schedule, measure, disconnect. */
export async function runNetwork(server: ServerHandle, pool: WorkerPool, board: CardBoard, name: string, spec: NetSpec): Promise<NetRun> {
  await pool.connect(server.kind as ServerKind, server.url, name, spec.clients, board.full);
  const firstReceiver = spec.receivers === 'all' ? 0 : spec.writers;
  try {
    if (spec.receivers === 'observers') await pool.mute(spec.writers);
    if (spec.mode === 'moves') {
      const owners: Array<[string, number, number]> = [];
      for (let i = 0; i < spec.writers; i++) {
        for (let slot = 0; slot < spec.cardsPerWriter; slot++) owners.push([board.cardIds[i * spec.cardsPerWriter + slot], i, slot]);
      }
      await pool.watch('moves', owners, firstReceiver);
    } else {
      await pool.watch('cursors', undefined, firstReceiver);
    }
    await sleep(quietGate.settleMs);
    const quiet = await waitForQuiet();
    const startUs = nowUs() + 400_000;
    const fromUs = startUs + spec.warmupS * 1e6;
    const running = pool.run(streams(spec, board, startUs), (spec.durationS + 60) * 1000);
    // Server CPU from /proc, read by this process: exact in time even when the server is too busy to answer.
    const first = server.cpuUs();
    await sleep((fromUs - nowUs()) / 1000);
    const before = server.cpuUs();
    const machineBefore = sampleMachine();
    const windowStartUs = nowUs();
    const sent = await running;
    const after = server.cpuUs();
    const windowUs = nowUs() - windowStartUs;
    const foreign = foreignCpuPct(machineBefore, sampleMachine());
    // Drain: at least drainMs, then until nothing more arrives for half a second (at most
    // 30 s): late deliveries still count, as late; what never comes counts as lost.
    const drainStart = performance.now();
    await sleep(quietGate.drainMs);
    for (let previous = -1, now = await pool.received(); now !== previous && performance.now() - drainStart < 30_000; ) {
      await sleep(500);
      previous = now;
      now = await pool.received();
    }
    const drainMs = performance.now() - drainStart;
    const drained = server.cpuUs();
    const parts = await pool.collect();
    const result = analyze(parts, spec.clients, fromUs, firstReceiver);
    return {
      ...result,
      sendRate: result.sends / (spec.durationS - spec.warmupS || 1),
      serverCpuPct: ((after - before) / windowUs) * 100,
      serverCpuPerUpdateUs: (drained - first) / Math.max(1, sent.sent),
      clientCpuPct: ((sent.clientCpuMs * 1000) / ((spec.durationS + 0.4) * 1e6)) * 100,
      maxLateMs: sent.maxLateMs,
      foreignCpuPct: foreign,
      quietWaitMs: quiet.waitedMs,
      drainMs,
    };
  } finally {
    await pool.disconnect();
    // An overloaded server (e.g. the peer drowning in its clients' awareness echoes) must
    // have caught up before the next run measures anything.
    await server.responsive();
    if (quietGate.isolate) await waitUnloaded(server, name, 30_000).catch(() => undefined);
  }
}
