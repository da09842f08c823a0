import { useEffect } from 'react';
import { DOC_SCHEMA_VERSION } from '../../shared/docVersion.ts';
import type { Board } from '../../shared/docSchema.ts';
import { mayEdit, type Role } from '../../shared/session.ts';
import type { BoardConnectionState, Denial } from '../hooks/useBoardConnection.ts';
import type { SyncState } from '../hooks/syncStatusStore.ts';

/** Who this tab is on the board and whether it may write now. */
export function useBoardAccess(
  { connectionState, initialRole, initialTitle, onDenied }: { connectionState: BoardConnectionState; initialRole: Role; initialTitle: string; onDenied(denial: Denial): void },
  board: Board | null,
  sync: Pick<SyncState, 'everSynced'>,
) {
  const { connection, refused, denial, scope, session: sessionInfo } = connectionState;
  const role: Role = sessionInfo?.role ?? initialRole;
  const session = sessionInfo?.session ?? null;
  const mayWrite = mayEdit(role, session);

  useEffect(() => {
    if (refused) onDenied(denial ?? 'board-not-found');
  }, [refused, denial, onDenied]);

  const outdated = (board?.meta.schemaVersion ?? 0) > DOC_SCHEMA_VERSION;
  // Before the first sync the local doc is an empty shell whose schema version we do not
  // know yet; edits wait until we know this client may write this board.
  const editable = !!connection && sync.everSynced && !outdated && mayWrite && (scope !== 'readonly' || (!!sessionInfo && mayWrite));
  // The board can be drawn before the first sync when it came as a snapshot; edits wait for the sync.
  const boardShown = sync.everSynced || !!connection?.preloaded;
  return {
    role,
    session,
    clockOffset: sessionInfo?.clockOffset ?? 0,
    isFacilitator: role === 'facilitator',
    isViewer: role === 'viewer',
    locked: !!session?.locked,
    outdated,
    editable,
    boardShown,
    title: boardShown && board ? board.meta.title : initialTitle,
  };
}

export type BoardAccess = ReturnType<typeof useBoardAccess>;
