import { useEffect, useState, useSyncExternalStore } from 'react';
import type { BoardConnection, CloseNotice } from './useBoardConnection.ts';
import { ServerNoticeStore, type NoticeKind, type ServerNotices } from './serverNotices.ts';

/**
 * What the server said about this tab's work (refused edits, a dropped copy, a busy server,
 * storage failing), as plain data for the workspace to show. `closeNotice` comes from
 * useBoardConnection, which sees the socket close and reconnects.
 */
export function useServerNotices(connection: BoardConnection | null, closeNotice: CloseNotice | null): ServerNotices & { dismiss(key: NoticeKind): void } {
  // Not destroyed on unmount: its only leftovers are timers that dismiss notices nobody shows.
  const [store] = useState(() => new ServerNoticeStore());

  const provider = connection?.provider ?? null;
  useEffect(() => {
    store.follow(provider);
    return () => store.follow(null);
  }, [store, provider]);

  const seq = closeNotice?.seq;
  useEffect(() => {
    if (closeNotice) store.add(closeNotice.reason);
    // One notice per close: the sequence number says it is a new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, seq]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { ...snapshot, dismiss: store.dismiss };
}
