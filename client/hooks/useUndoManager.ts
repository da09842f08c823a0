import type * as Y from 'yjs';
import { createBoardUndoManager } from '../../shared/undo.ts';
import { useOwned } from './useOwned.ts';

/** This tab's undo history for a board: only its own edits, never a colleague's. */
export function useUndoManager(doc: Y.Doc | null): Y.UndoManager | null {
  return useOwned(doc, (source) => createBoardUndoManager(source));
}
