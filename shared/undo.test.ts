import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './docSchema.ts';
import { linkSkill } from './skillLinks.ts';
import { moveCards } from './boardWrites.ts';
import { respondToNomination } from './skillLinks.ts';
import { createBoardUndoManager } from './undo.ts';
import { createBoard, createPerson, createSkill } from './test/factory.ts';

/** Two peers wired directly, as two browsers on one board. */
function twoPeers() {
  const a = createBoard();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
  return { a, b };
}

describe('undo', () => {
  it('undoes and redoes the user’s own edit', () => {
    const doc = createBoard();
    const undo = createBoardUndoManager(doc, 0);
    const person = createPerson(doc, { name: 'Fatima', at: { x: 0, y: 0 } });
    moveCards(doc, [{ id: person, x: 300, y: 100 }]);
    undo.undo();
    expect(readBoard(doc).positions.get(person)).toEqual({ x: 0, y: 0 });
    undo.redo();
    expect(readBoard(doc).positions.get(person)).toEqual({ x: 300, y: 100 });
  });

  it('never undoes a colleague’s change: A’s undo leaves B’s acceptance of A’s nomination', () => {
    const { a, b } = twoPeers();
    const fatima = createPerson(a, { name: 'Fatima' });
    const sam = createPerson(a, { name: 'Sam' });
    const wondzorg = createSkill(a, { label: 'wondzorg' });
    const undoA = createBoardUndoManager(a, 0);
    const nomination = linkSkill(a, { personId: sam, skillId: wondzorg, actorId: fatima });
    respondToNomination(b, nomination, 'accepted', sam);

    undoA.undo();
    for (const doc of [a, b]) {
      expect(readBoard(doc).skillLinks).toEqual([expect.objectContaining({ id: nomination, response: 'accepted' })]);
    }
  });

  it('has nothing to undo for a user who only watched others edit', () => {
    const { a, b } = twoPeers();
    const undoB = createBoardUndoManager(b, 0);
    createPerson(a, { name: 'Noor' });
    expect(undoB.canUndo()).toBe(false);
    undoB.undo();
    expect(readBoard(b).people).toHaveLength(1);
  });
});
