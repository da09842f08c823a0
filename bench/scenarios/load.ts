import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { moveCards } from '../../shared/boardWrites.ts';
import { decodeBoardFile } from '../../server/store/boardFile.ts';
import { buildCardBoard, rng } from '../lib/board.ts';
import { boardIdOf, connectClient, type ServerKind } from '../lib/clients.ts';
import { sleep } from '../lib/ipc.ts';
import { row, type Row } from '../lib/report.ts';
import { putBoard, waitUnloaded, waitUntil, type ServerHandle } from '../lib/servers.ts';
import type { WorkerPool } from '../lib/workers.ts';

interface Ctx {
  servers: Record<ServerKind, ServerHandle>;
  pool: WorkerPool;
  log(message: string): void;
}

function storedState(server: ServerHandle, name: string) {
  // The store writes boards/<id>.board (header + raw Yjs state); older versions wrote <id>.json (base64 in JSON).
  const file = path.join(server.dataDir!, 'boards', `${boardIdOf(name)}.board`);
  if (existsSync(file)) return { stateBytes: decodeBoardFile(file, readFileSync(file)).state.byteLength, fileBytes: statSync(file).size };
  const legacy = file.replace(/\.board$/, '.json');
  const { update } = JSON.parse(readFileSync(legacy, 'utf8')) as { update: string };
  return { stateBytes: Buffer.from(update, 'base64').length, fileBytes: statSync(legacy).size };
}

/** A fresh client joins from worker 1 (a process that holds no other client). */
function join(pool: WorkerPool, server: ServerHandle, name: string, cards: number) {
  const joiner = pool.workers[1 % pool.size];
  return joiner.request<{ ms: number }>('join', { kind: server.kind, url: server.url, board: name, expectPositions: cards }, 60_000).then((r) => r.ms);
}

/**
 * State growth per move: one client moves one card K times (realistic coordinates); the
 * server's encodeStateAsUpdate length (= what ours stores) before and after, / K. One
 * warm-up move first, so the mover's one-off client entry is not counted.
 */
async function growthPerMove(server: ServerHandle, name: string, cardId: string, moves: number) {
  const mover = connectClient(server.kind, server.url, name);
  try {
    await mover.synced;
    const random = rng(5);
    const move = () => moveCards(mover.doc, [{ id: cardId, x: Math.round(random() * 8000), y: Math.round(random() * 5000) }]);
    move();
    await sleep(300);
    const before = (await server.docInfo(name, true)).stateBytes!;
    for (let i = 0; i < moves; i++) {
      move();
      if (i % 10 === 9) await sleep(5);
    }
    await sleep(500);
    const after = (await server.docInfo(name, true)).stateBytes!;
    return (after - before) / moves;
  } finally {
    mover.destroy();
  }
}

export async function load(ctx: Ctx, { cards, joins, moves }: { cards: number; joins: number; moves: number }): Promise<Row[]> {
  const { pool } = ctx;
  const ours = ctx.servers.ours;
  const peer = ctx.servers.peer;
  const board = buildCardBoard(cards, 77);
  const oursName = await putBoard(ours, board, `load ${cards}`);
  await waitUnloaded(ours, oursName);
  const stored = storedState(ours, oursName);

  const cold: number[] = [];
  for (let i = 0; i < joins; i++) {
    await waitUnloaded(ours, oursName);
    cold.push(await join(pool, ours, oursName, cards));
  }
  // Warm: another client keeps the board open on the server.
  await pool.connect('ours', ours.url, oursName, 1);
  const warm: number[] = [];
  try {
    for (let i = 0; i < joins; i++) warm.push(await join(pool, ours, oursName, cards));
  } finally {
    await pool.disconnect();
  }
  await waitUnloaded(ours, oursName);

  const peerName = await putBoard(peer, board, `load ${cards}`);
  const peerWarm: number[] = [];
  for (let i = 0; i < joins; i++) peerWarm.push(await join(pool, peer, peerName, cards));

  const growthOurs = await growthPerMove(ours, oursName, board.cardIds[3], moves);
  await waitUnloaded(ours, oursName);
  const storedAfter = storedState(ours, oursName);
  const growthPeer = await growthPerMove(peer, peerName, board.cardIds[3], moves);
  ctx.log(
    `  load: cold ${cold.map((v) => v.toFixed(0)).join(', ')} ms · warm ${warm.map((v) => v.toFixed(0)).join(', ')} ms · peer warm ${peerWarm.map((v) => v.toFixed(0)).join(', ')} ms · ` +
      `stored ${stored.stateBytes} B (file ${stored.fileBytes} B) → ${storedAfter.stateBytes} B after ${moves + 1} moves · growth ${growthOurs.toFixed(1)} B/move (peer ${growthPeer.toFixed(1)})`,
  );

  const s = `load (${cards.toLocaleString('en-US')}-card board)`;
  const warmRow = row(s, 'fresh client joins, warm (board open on the server)', 'ms', { ours: warm, peer: peerWarm }, { text: '≤ 250 ms warm', on: 'ours', max: 250 }, 'figures are per join, not per repetition; the ratio is of the medians');
  // Joins are not paired by repetition: compare the medians.
  if (warmRow.ours && warmRow.peer) {
    const r = warmRow.ours.median / warmRow.peer.median;
    warmRow.ratioPeer = { median: r, min: r, max: r, runs: [r] };
  }
  return [
    warmRow,
    row(s, 'fresh client joins, cold (loaded from lowdb)', 'ms', { ours: cold }, { text: '≤ 400 ms cold', on: 'ours', max: 400 }),
    row(s, 'stored state (encodeStateAsUpdate)', 'MB', { ours: [stored.stateBytes / 1e6] }, { text: 'stored state ≤ 1 MB', on: 'ours', max: 1 }),
    row(s, 'board file (header + raw state)', 'MB', { ours: [stored.fileBytes / 1e6] }),
    row(s, 'state growth per move of one card', 'B', { ours: [growthOurs], peer: [growthPeer] }, { text: '≤ 20 B growth per move', on: 'ours', max: 20 }),
    row(s, 'stored state growth per move, from the lowdb files', 'B', { ours: [(storedAfter.stateBytes - stored.stateBytes) / (moves + 1)] }, undefined, 'includes the mover joining once'),
  ];
}

export async function persistence(ctx: Ctx, { cards, stores }: { cards: number; stores: number }): Promise<Row[]> {
  const ours = ctx.servers.ours;
  const board = buildCardBoard(cards, 78);
  const name = await putBoard(ours, board, `persistence ${cards}`);
  const holder = connectClient('ours', ours.url, name);
  const results: Array<{ storeMs: number; samples: number; p50: number; p99: number; max: number }> = [];
  try {
    await holder.synced;
    const random = rng(9);
    for (let i = 0; i < stores; i++) {
      moveCards(holder.doc, [{ id: board.cardIds[(i * 7) % board.cardIds.length], x: Math.round(random() * 8000), y: Math.round(random() * 5000) }]);
      await waitUntil('the store to be scheduled', async () => (await ours.docInfo(name)).storePending === true, 5000, 10);
      results.push(await ours.child.request('storeNow', { name: boardIdOf(name) }, 60_000));
      await sleep(200);
    }
  } finally {
    holder.destroy();
  }
  ctx.log(`  persistence: ${results.map((r) => `store ${r.storeMs.toFixed(0)} ms, ELD p99 ${r.p99.toFixed(1)} max ${r.max.toFixed(1)} ms (${r.samples} samples)`).join(' · ')}`);
  const s = `persistence (storing a ${cards.toLocaleString('en-US')}-card board)`;
  return [
    row(s, 'event-loop delay p99 while it stores', 'ms', { ours: results.map((r) => r.p99) }, { text: 'event-loop delay p99 ≤ 20 ms', on: 'ours', max: 20 }, 'monitorEventLoopDelay at 1 ms resolution, from 10 ms before to 10 ms after each store; figures per store'),
    row(s, 'event-loop delay max while it stores (the longest stall, per store)', 'ms', { ours: results.map((r) => r.max) }, undefined, 'one long synchronous block is one sample, so a sample p99 can hide it: read this with the p99'),
    row(s, 'store duration (encode, write, fsync, notify)', 'ms', { ours: results.map((r) => r.storeMs) }),
  ];
}
