/**
 * In-memory peers that exchange Yjs updates, after yjs `tests/testHelper.js` (TestConnector):
 * every update a peer emits is buffered for every other peer, and `flush` delivers the buffered
 * messages in a seeded random order, so one test can replay many interleavings and a failing
 * seed can be replayed exactly.
 */
import * as Y from 'yjs';

/** A small seeded PRNG (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class TestNetwork {
  readonly peers: Y.Doc[];
  private readonly inboxes = new Map<Y.Doc, Uint8Array[]>();
  private readonly random: () => number;

  constructor(peerCount: number, seed: number) {
    this.random = seededRandom(seed);
    this.peers = Array.from({ length: peerCount }, () => new Y.Doc());
    for (const peer of this.peers) {
      this.inboxes.set(peer, []);
      peer.on('update', (update: Uint8Array, origin: unknown) => {
        // Updates this network delivered are not relayed again: every peer hears every author directly.
        if (origin === this) return;
        for (const other of this.peers) if (other !== peer) this.inboxes.get(other)!.push(update);
      });
    }
  }

  /** Messages still waiting to be delivered. */
  get pending(): number {
    let count = 0;
    for (const inbox of this.inboxes.values()) count += inbox.length;
    return count;
  }

  /** Delivers one buffered message, picked at random (any peer, any position in its inbox). */
  deliverOne(): boolean {
    const waiting = this.peers.filter((peer) => this.inboxes.get(peer)!.length > 0);
    if (waiting.length === 0) return false;
    const peer = waiting[Math.floor(this.random() * waiting.length)];
    const inbox = this.inboxes.get(peer)!;
    const [update] = inbox.splice(Math.floor(this.random() * inbox.length), 1);
    Y.applyUpdate(peer, update, this);
    return true;
  }

  /** Delivers everything, in a random order. */
  flush(): void {
    while (this.deliverOne());
  }
}
