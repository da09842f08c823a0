/**
 * Single-process micro-measurements behind the bench's findings (CPU time, median of
 * several runs): what one store of a board costs step by step, what merging a batch of
 * moves costs (Hocuspocus merges every broadcast tick), what a scratch Y.Doc costs
 * (Hocuspocus makes one per awareness message), and what reading a whole board costs
 * (the client re-reads it on every change).
 *
 *   npx tsx bench/tools/costBreakdown.ts [cards=5000]
 */
import * as Y from 'yjs';
import { moveCards } from '../../shared/boardWrites.ts';
import { encodeStoredMessage } from '../../shared/collabProtocol.ts';
import { readBoard, readMeta } from '../../shared/docSchema.ts';
import { buildCardBoard } from '../lib/board.ts';
import { median } from '../lib/stats.ts';

const cards = Number(process.argv[2] ?? 5000);

function cpuMs<T>(fn: () => T, runs = 7): { ms: number; value: T } {
  let value!: T;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    value = fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), value };
}

const line = (label: string, ms: number, extra = '') => console.log(`${ms.toFixed(3).padStart(10)} ms  ${label}${extra ? `  (${extra})` : ''}`);

const board = buildCardBoard(cards, 11);
const doc = new Y.Doc();
Y.applyUpdate(doc, board.full);
// Some history, as a board in use has: 2,000 moves spread over 200 cards.
for (let i = 0; i < 2000; i++) moveCards(doc, [{ id: board.cardIds[i % 200], x: (i * 7) % 5000, y: (i * 13) % 3000 }]);

console.log(`\n# one store of a ${cards.toLocaleString('en-US')}-card board (server/collab/boardPersistence.ts store + lowdb write), CPU time`);
const state = cpuMs(() => Y.encodeStateAsUpdate(doc));
line('Y.encodeStateAsUpdate(doc)', state.ms, `${state.value.length} B`);
line('encodeStoredMessage(doc) (snapshot + base64 + JSON)', cpuMs(() => encodeStoredMessage(doc)).ms, `${encodeStoredMessage(doc).length} chars`);
line('readMeta(doc)', cpuMs(() => readMeta(doc)).ms);
const base64 = cpuMs(() => Buffer.from(state.value.buffer, state.value.byteOffset, state.value.byteLength).toString('base64'));
line("Buffer.toString('base64') of the state", base64.ms);
const envelope = { schemaVersion: 1, summary: { id: 'x', title: 'y', createdAt: 1, updatedAt: 2 }, update: base64.value };
line('JSON.stringify of the lowdb envelope', cpuMs(() => JSON.stringify(envelope)).ms);
line('Y.applyUpdate of the stored state into a fresh doc (cold load; also every joining client)', cpuMs(() => Y.applyUpdate(new Y.Doc(), state.value), 3).ms);

console.log('\n# Hocuspocus broadcast: merging the moves of one tick (Document.flush → Y.mergeUpdates), CPU time');
const moves: Uint8Array[] = [];
const source = new Y.Doc();
Y.applyUpdate(source, board.full);
source.on('update', (u: Uint8Array) => moves.push(u));
for (let i = 0; i < 400; i++) moveCards(source, [{ id: board.cardIds[i % 20], x: i, y: i }]);
for (const n of [1, 2, 10, 50, 200, 400]) {
  const batch = moves.slice(0, n);
  const ms = cpuMs(() => (batch.length === 1 ? batch[0] : Y.mergeUpdates(batch))).ms;
  line(`mergeUpdates of ${String(n).padStart(3)} moves`, ms, `${((ms / n) * 1000).toFixed(1)} µs per move`);
}
const target = new Y.Doc();
Y.applyUpdate(target, board.full);
let k = 0;
line('Y.applyUpdate of one move (server and every client, per move)', cpuMs(() => Y.applyUpdate(target, moves[k++ % moves.length]), 50).ms);

console.log('\n# Hocuspocus awareness: a scratch Y.Doc per message (MessageReceiver), CPU time');
line('new Y.Doc() + destroy()', cpuMs(() => new Y.Doc().destroy(), 200).ms);

console.log('\n# the client on every change (useBoard → readBoard of the whole board), CPU time');
line(`readBoard(doc) of ${cards.toLocaleString('en-US')} cards`, cpuMs(() => readBoard(doc), 5).ms);
