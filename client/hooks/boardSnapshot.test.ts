import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, addSkill, initBoard } from '../../shared/boardWrites.ts';
import { linkSkill } from '../../shared/skillLinks.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { createBoardUndoManager } from '../../shared/undo.ts';
import type { BoardSnapshot } from '../../shared/boardSnapshot.ts';
import { SNAPSHOT_ORIGIN } from '../../shared/boardSnapshot.ts';
import { applyBoardSnapshot } from './useBoardConnection.ts';

/** A board as the server holds it: a title, two cards and a link between them. */
function serverBoard() {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Afdeling 3B', now: 1_700_000_000_000 });
  const fatima = addPerson(doc, { name: 'Fatima', kind: 'professional-team' }, { x: 10, y: 20 });
  const wondzorg = addSkill(doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false }, { x: 300, y: 20 });
  linkSkill(doc, { personId: fatima, skillId: wondzorg });
  return { doc };
}

const snapshotOf = (doc: Y.Doc, encoding: BoardSnapshot['encoding']): BoardSnapshot => ({
  encoding,
  update: encoding === 'v2' ? Y.encodeStateAsUpdateV2(doc) : Y.encodeStateAsUpdate(doc),
});

describe('applyBoardSnapshot', () => {
  for (const encoding of ['v1', 'v2'] as const) {
    it(`applies a ${encoding} snapshot: the page's document reads as the server's board`, () => {
      const { doc: server } = serverBoard();
      const page = new Y.Doc();
      expect(applyBoardSnapshot(page, snapshotOf(server, encoding))).toBe(true);
      const board = readBoard(page);
      expect(board).toEqual(readBoard(server));
      expect(board.meta.title).toBe('Afdeling 3B');
      expect(board.people.map((p) => p.name)).toEqual(['Fatima']);
      expect(board.skillLinks).toHaveLength(1);
    });
  }

  it('returns false for bytes that are not an update, and does not throw', () => {
    const garbage: BoardSnapshot[] = [
      { encoding: 'v1', update: new Uint8Array([255, 255, 255, 255]) },
      { encoding: 'v2', update: new Uint8Array([255, 255, 255, 255]) },
      { encoding: 'v1', update: new TextEncoder().encode('<html>niet gevonden</html>') },
      { encoding: 'v2', update: new TextEncoder().encode('<html>niet gevonden</html>') },
      { encoding: 'v1', update: new Uint8Array() },
      // V1 bytes announced as V2.
      { encoding: 'v2', update: Y.encodeStateAsUpdate(serverBoard().doc) },
    ];
    for (const snapshot of garbage) {
      expect(applyBoardSnapshot(new Y.Doc(), snapshot), `${snapshot.encoding} ${snapshot.update.slice(0, 8)}`).toBe(false);
    }
  });

  it('applies the board as one transaction with SNAPSHOT_ORIGIN', () => {
    const { doc: server } = serverBoard();
    for (const encoding of ['v1', 'v2'] as const) {
      const page = new Y.Doc();
      const origins: unknown[] = [];
      page.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
      applyBoardSnapshot(page, snapshotOf(server, encoding));
      expect(origins, encoding).toEqual([SNAPSHOT_ORIGIN]);
    }
  });

  it('is not this user’s own work: Ctrl+Z does not take the board away', () => {
    const { doc: server } = serverBoard();
    const page = new Y.Doc();
    const undo = createBoardUndoManager(page);
    applyBoardSnapshot(page, snapshotOf(server, 'v2'));
    expect(undo.undoStack).toHaveLength(0);
    undo.undo();
    expect(readBoard(page)).toEqual(readBoard(server));
    undo.destroy();
  });
});
