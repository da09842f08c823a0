import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BoardConnection } from './useBoardConnection.ts';
import { SyncStatusStore, type SyncState } from './syncStatusStore.ts';

const idle: SyncState = { status: 'connecting', everSynced: false, unsavedWork: false };
const noSubscribe = () => () => {};
const idleSnapshot = () => idle;

/** Connection and save status of a board connection, for the status indicator and read-only gating. */
export function useSyncStatus(connection: BoardConnection | null): SyncState {
  const [store, setStore] = useState<SyncStatusStore | null>(null);

  useEffect(() => {
    if (!connection) return;
    const { provider, doc } = connection;
    const socket = provider.configuration.websocketProvider;
    const next = new SyncStatusStore(provider, doc, {
      initial: { connected: socket.status === 'connected', synced: provider.isSynced },
    });
    setStore(next);
    return () => {
      next.destroy();
      setStore(null);
    };
  }, [connection]);

  return useSyncExternalStore(store ? store.subscribe : noSubscribe, store ? store.getSnapshot : idleSnapshot);
}
