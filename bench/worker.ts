/**
 * A client worker process: holds a share of the bench's clients (each a real provider
 * with its own socket), runs their send schedule and records what they receive, with
 * time stamps on the clock all bench processes share (lib/clock.ts).
 */
import { moveCards } from '../shared/boardWrites.ts';
import { recordMap } from '../shared/docSchema.ts';
import { jitterPosition } from './lib/board.ts';
import { connectClient, type BenchClient, type ServerKind } from './lib/clients.ts';
import { decodeMoveTime, encodeMoveTime, nowUs, setEpoch } from './lib/clock.ts';
import { serve } from './lib/ipc.ts';
import { runIndexScenario } from './scenarios/indexWork.ts';

interface Slot {
  client: BenchClient;
  /** Global client number across all workers. */
  index: number;
  stop: Array<() => void>;
}

let slots: Slot[] = [];
/** Per send: owner index, card slot, send time (µs). */
let sends: number[] = [];
/** Per receive: owner index, card slot, send time, receive time (µs), receiver index. */
let receives: number[] = [];

export interface Stream {
  /** Global index of the sending client (must live in this worker). */
  client: number;
  /**
   * move: a card goes to a position that encodes the send time (lib/clock.ts);
   * jitter: a card moves a little around its place (jitterPosition), as a person dragging would;
   * cursor: the awareness cursor moves, with the send time in it.
   */
  kind: 'move' | 'jitter' | 'cursor';
  /** Cards this client moves, in turn (its own cards). */
  cards: string[];
  /** For jitter: each card's home position. */
  bases?: Array<{ x: number; y: number }>;
  firstUs: number;
  periodUs: number;
  count: number;
}

function slotOf(index: number): Slot {
  const slot = slots.find((s) => s.index === index);
  if (!slot) throw new Error(`client ${index} is not in this worker`);
  return slot;
}

function watchMoves(slot: Slot, owners: Map<string, [number, number]>) {
  const map = recordMap(slot.client.doc, 'positions');
  const observer = (event: { transaction: { local: boolean }; keysChanged: Set<string> }) => {
    if (event.transaction.local) return;
    const now = nowUs();
    for (const key of event.keysChanged) {
      const owner = owners.get(key);
      if (!owner || owner[0] === slot.index) continue;
      const sent = decodeMoveTime(map.get(key));
      if (sent !== null) receives.push(owner[0], owner[1], sent, now, slot.index);
    }
  };
  map.observe(observer);
  slot.stop.push(() => map.unobserve(observer));
}

function watchCursors(slot: Slot) {
  const { awareness } = slot.client;
  const onChange = ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    if (origin === 'local') return;
    const now = nowUs();
    const states = awareness.getStates();
    for (const id of added.concat(updated)) {
      if (id === awareness.clientID) continue;
      const cursor = states.get(id)?.c as { o: number; t: number } | undefined;
      if (cursor && cursor.o !== slot.index) receives.push(cursor.o, 0, cursor.t, now, slot.index);
    }
  };
  awareness.on('change', onChange);
  slot.stop.push(() => awareness.off('change', onChange));
}

function fire(stream: Stream, slot: Slot, n: number) {
  const t = Math.round(nowUs());
  const cardSlot = n % Math.max(1, stream.cards.length);
  if (stream.kind === 'move') {
    moveCards(slot.client.doc, [{ id: stream.cards[cardSlot], ...encodeMoveTime(t) }]);
  } else if (stream.kind === 'jitter') {
    moveCards(slot.client.doc, [{ id: stream.cards[cardSlot], ...jitterPosition(stream.bases![cardSlot], n) }]);
  } else {
    slot.client.awareness.setLocalStateField('c', { o: slot.index, t, x: (n * 37) % 1200, y: (n * 53) % 800 });
  }
  sends.push(slot.index, cardSlot, t);
}

/** Fires every stream on its schedule; a late timer catches up with the real send time recorded. */
function runStreams(streams: Stream[]): Promise<{ sent: number; maxLateMs: number; spanMs: number }> {
  const state = streams.map((stream) => ({ stream, slot: slotOf(stream.client), n: 0 }));
  let sent = 0;
  let maxLate = 0;
  let firstAt = NaN;
  let lastAt = NaN;
  return new Promise((resolve, reject) => {
    const tick = () => {
      try {
        const now = nowUs();
        let soonest = Infinity;
        for (const s of state) {
          while (s.n < s.stream.count) {
            const due = s.stream.firstUs + s.n * s.stream.periodUs;
            if (due > now) {
              soonest = Math.min(soonest, due);
              break;
            }
            maxLate = Math.max(maxLate, now - due);
            if (Number.isNaN(firstAt)) firstAt = now;
            lastAt = now;
            fire(s.stream, s.slot, s.n);
            s.n++;
            sent++;
          }
        }
        if (soonest === Infinity) return resolve({ sent, maxLateMs: maxLate / 1000, spanMs: (lastAt - firstAt) / 1000 });
        setTimeout(tick, Math.max(0, (soonest - nowUs()) / 1000));
      } catch (error) {
        reject(error);
      }
    };
    tick();
  });
}

serve({
  epoch: ({ epoch }: { epoch: string }) => setEpoch(epoch),

  /** Connects clients `indices` to one board and waits until every one is synced. */
  connect: async ({ kind, url, board, indices, initialState, timeoutMs }: { kind: ServerKind; url: string; board: string; indices: number[]; initialState?: Uint8Array; timeoutMs?: number }) => {
    const started = nowUs();
    const fresh = indices.map((index) => ({ index, client: connectClient(kind, url, board, { initialState, timeoutMs }), stop: [] as Array<() => void> }));
    slots.push(...fresh);
    await Promise.all(fresh.map((s) => s.client.synced));
    return { ms: (nowUs() - started) / 1000 };
  },

  mute: ({ indices }: { indices: number[] }) => {
    for (const index of indices) slotOf(index).client.mute();
  },

  /** Starts recording what the clients receive: others' bench moves, or others' cursors. */
  watch: ({ mode, owners, from = 0 }: { mode: 'moves' | 'cursors'; owners?: Array<[string, number, number]>; from?: number }) => {
    const ownerMap = new Map((owners ?? []).map(([card, owner, cardSlot]) => [card, [owner, cardSlot] as [number, number]]));
    for (const slot of slots) {
      if (slot.index < from) continue;
      if (mode === 'moves') watchMoves(slot, ownerMap);
      else watchCursors(slot);
    }
  },

  run: async ({ streams }: { streams: Stream[] }) => {
    const cpu = process.cpuUsage();
    const result = await runStreams(streams);
    const used = process.cpuUsage(cpu);
    return { ...result, cpuMs: (used.user + used.system) / 1000 };
  },

  /** How many receives are recorded so far (for the drain: stop when nothing more arrives). */
  count: () => receives.length / 5,

  collect: () => {
    const result = { sends: Float64Array.from(sends), receives: Float64Array.from(receives) };
    sends = [];
    receives = [];
    for (const slot of slots) for (const stop of slot.stop.splice(0)) stop();
    return result;
  },

  disconnect: () => {
    for (const slot of slots) {
      for (const stop of slot.stop.splice(0)) stop();
      slot.client.destroy();
    }
    slots = [];
    sends = [];
    receives = [];
  },

  /**
   * A fresh client (new doc, new socket) joins the board: ms from creating the provider
   * until it is synced and holds at least `expectPositions` positions.
   */
  join: async ({ kind, url, board, expectPositions }: { kind: ServerKind; url: string; board: string; expectPositions: number }) => {
    const started = nowUs();
    const client = connectClient(kind, url, board);
    try {
      await client.synced;
      const ms = (nowUs() - started) / 1000;
      const positions = recordMap(client.doc, 'positions').size;
      if (positions < expectPositions) throw new Error(`joined ${board} with ${positions} positions, expected ${expectPositions}`);
      return { ms };
    } finally {
      client.destroy();
    }
  },

  index: (args: { people: number; skills: number; links: number; changes: number }) => runIndexScenario(args),
});
