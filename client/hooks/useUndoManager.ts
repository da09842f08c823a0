import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { createBoardUndoManager } from '../../shared/undo.ts';

/** This tab's undo history for a board: only its own edits, never a colleague's. */
export function useUndoManager(doc: Y.Doc | null): Y.UndoManager | null {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  useEffect(() => {
    if (!doc) return;
    const next = createBoardUndoManager(doc);
    setManager(next);
    return () => {
      next.destroy();
      setManager(null);
    };
  }, [doc]);
  return manager;
}
