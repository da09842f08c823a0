import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { BoardReader, type Board } from '../../shared/docSchema.ts';

/** Hidden tabs get no animation frames; they still catch up this often. */
const HIDDEN_TAB_DELAY_MS = 100;

/**
 * Calls `run` once at the next animation frame (or after HIDDEN_TAB_DELAY_MS when the tab
 * gets no frames), however often it is asked before then.
 */
export function frameScheduler(run: () => void) {
  let pending = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    if (!pending) return;
    pending = false;
    if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  return () => {
    if (pending) return;
    pending = true;
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(fire);
    timer = setTimeout(fire, HIDDEN_TAB_DELAY_MS);
  };
}

/**
 * Hands React the board of one document. Two things keep a busy board smooth: React hears
 * of changes at most once per animation frame (100 remote moves a second become one render
 * per frame), and the BoardReader re-reads only what changed, so lists nobody touched stay
 * the same objects and the memoised views built on them are not rebuilt.
 */
class BoardStore {
  private readonly reader: BoardReader;
  private board: Board | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly notify = frameScheduler(() => {
    this.board = null;
    for (const listener of this.listeners) listener();
  });

  constructor(doc: Y.Doc) {
    this.reader = new BoardReader(doc);
    // Listening for the doc's whole life (not only while subscribed) means a change made
    // between two subscriptions can never leave a stale cached board behind.
    doc.on('update', () => this.notify());
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Board => (this.board ??= this.reader.read());
}

const stores = new WeakMap<Y.Doc, BoardStore>();
const storeFor = (doc: Y.Doc) => {
  let store = stores.get(doc);
  if (!store) stores.set(doc, (store = new BoardStore(doc)));
  return store;
};

const noSubscribe = () => () => {};
const noBoard = () => null;

/** The board in `doc` as plain, checked data; re-renders (at most once a frame) when the document changes. */
export function useBoard(doc: Y.Doc | null): Board | null {
  const store = doc ? storeFor(doc) : null;
  return useSyncExternalStore(store ? store.subscribe : noSubscribe, store ? store.getSnapshot : noBoard);
}
