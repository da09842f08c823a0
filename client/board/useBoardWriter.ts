import { useMemo, useRef } from 'react';
import type { BoardConnection } from '../hooks/useBoardConnection.ts';
import { useUndoManager } from '../hooks/useUndoManager.ts';
import { createBoardWriter, type BoardWriter } from './boardWriter.ts';

/**
 * The workspace's one board writer. It reads the connection, the may-write answer and the
 * undo history through a ref, so it is one object for the workspace's life and the
 * callbacks built on it stay stable for the memoised cards and chrome.
 */
export function useBoardWriter(connection: BoardConnection | null, editable: boolean, onRejected: (error: unknown) => void): BoardWriter {
  const undoManager = useUndoManager(connection?.doc ?? null);
  const live = useRef({ connection, editable, undoManager, onRejected });
  live.current = { connection, editable, undoManager, onRejected };
  return useMemo(
    () =>
      createBoardWriter({
        doc: () => live.current.connection?.doc ?? null,
        editable: () => live.current.editable,
        undoManager: () => live.current.undoManager,
        onRejected: (error) => live.current.onRejected(error),
      }),
    [],
  );
}
