import * as Y from 'yjs';
import { LOCAL_ORIGIN } from './recordWrites.ts';
import { META_MAP, RECORD_MAP_NAMES } from './docSchema.ts';

/**
 * An undo manager that only ever undoes this user's own edits: it tracks transactions
 * with LOCAL_ORIGIN (the write helpers' origin), never the provider's remote updates.
 * Undoing a change a colleague has since overwritten leaves the colleague's version.
 */
export function createBoardUndoManager(doc: Y.Doc, captureTimeout = 400): Y.UndoManager {
  const scope = [...RECORD_MAP_NAMES.map((name) => doc.getMap(name)), doc.getMap(META_MAP)];
  return new Y.UndoManager(scope, { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout });
}
