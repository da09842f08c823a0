import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readBoard, type Board } from '../../shared/docSchema.ts';

/**
 * Caches readBoard(doc) until the doc changes, so getSnapshot hands React the same object
 * between updates (useSyncExternalStore re-renders forever otherwise). Reading is lazy:
 * a burst of remote updates costs one readBoard, at the next render.
 */
class BoardStore {
  private board: Board | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly doc: Y.Doc) {
    // Listening for the doc's whole life (not only while subscribed) means a change made
    // between two subscriptions can never leave a stale cached board behind.
    doc.on('update', () => {
      this.board = null;
      for (const listener of this.listeners) listener();
    });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): Board => (this.board ??= readBoard(this.doc));
}

const stores = new WeakMap<Y.Doc, BoardStore>();
const storeFor = (doc: Y.Doc) => {
  let store = stores.get(doc);
  if (!store) stores.set(doc, (store = new BoardStore(doc)));
  return store;
};

const noSubscribe = () => () => {};
const noBoard = () => null;

/** The board in `doc` as plain, checked data; re-renders when the document changes. */
export function useBoard(doc: Y.Doc | null): Board | null {
  const store = doc ? storeFor(doc) : null;
  return useSyncExternalStore(store ? store.subscribe : noSubscribe, store ? store.getSnapshot : noBoard);
}
