import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { localStore, rememberBoard } from '../storage/boardAccess.ts';
import type { BoardConnection } from '../hooks/useBoardConnection.ts';
import type { SyncState } from '../hooks/syncStatusStore.ts';
import { exposeDoc } from '../canvas/testHooks.ts';

/** What the board does to the page around it: its tab title, the home page's list, the leave warning. */
export function useBoardPageEffects({ boardId, title, sync, connection, t }: { boardId: string; title: string; sync: SyncState; connection: BoardConnection | null; t: TFunction }) {
  useEffect(() => exposeDoc(connection?.doc ?? null), [connection]);
  useEffect(() => {
    document.title = `${title || t('board.untitled')} — ${t('app.name')}`;
  }, [title, t]);
  // The home page lists this board under its current name.
  useEffect(() => {
    if (sync.everSynced) rememberBoard(localStore(), boardId, { title });
  }, [sync.everSynced, boardId, title]);
  useEffect(() => {
    if (!sync.unsavedWork) return;
    // The browser shows its own text; ours would be ignored.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sync.unsavedWork]);
}
