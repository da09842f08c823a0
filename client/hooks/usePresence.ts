import { useSyncExternalStore } from 'react';
import { useOwned } from './useOwned.ts';
import type { Rect } from '../model/layout.ts';
import type { BoardConnection } from './useBoardConnection.ts';
import { PresenceStore, type Peer, type RemoteCursor } from './presenceStore.ts';

const noSubscribe = () => () => {};
const noPeers: Peer[] = [];
const noCursors: RemoteCursor[] = [];
const emptyPeers = () => noPeers;
const emptyCursors = () => noCursors;

/** One presence store per board connection, on the provider's awareness. */
export function usePresenceStore(connection: BoardConnection | null): PresenceStore | null {
  return useOwned(connection, ({ provider }) => (provider.awareness ? new PresenceStore(provider.awareness) : null));
}

/** Other tabs on the board: who is here, and what they have selected. */
export function usePeers(store: PresenceStore | null): Peer[] {
  return useSyncExternalStore(store ? store.subscribePeers : noSubscribe, store ? store.getPeers : emptyPeers);
}

const noViewports: ReadonlyMap<number, Rect> = new Map<number, Rect>();
const emptyViewports = () => noViewports;

/** Other tabs' visible board areas, for following someone. */
export function useRemoteViewports(store: PresenceStore | null) {
  return useSyncExternalStore(store ? store.subscribeViewports : noSubscribe, store ? store.getViewports : emptyViewports);
}

/** Other tabs' pointers; changes many times a second, so use it only in the cursor layer. */
export function useRemoteCursors(store: PresenceStore | null): RemoteCursor[] {
  return useSyncExternalStore(store ? store.subscribeCursors : noSubscribe, store ? store.getCursors : emptyCursors);
}
