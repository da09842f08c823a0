import { describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/docSchema.ts';
import { createBoard, createPerson, createSkill } from '../../shared/test/factory.ts';
import { createBoardUndoManager } from '../../shared/undo.ts';
import { createBoardWriter } from './boardWriter.ts';

function setup(editable = true) {
  const doc = createBoard();
  const fatima = createPerson(doc);
  const skill = createSkill(doc);
  const undoManager = createBoardUndoManager(doc, 0);
  const rejected: unknown[] = [];
  const writer = createBoardWriter({ doc: () => doc, editable: () => editable, undoManager: () => undoManager, onRejected: (e) => rejected.push(e) });
  return { doc, fatima, skill, undoManager, rejected, writer };
}

describe('the board writer', () => {
  it('does write nothing, undo included, while the board is read-only', () => {
    const s = setup(false);
    expect(s.writer.addSkill({ label: 'tilliften', category: 'zorgverlener', reservedAct: false }, { x: 0, y: 0 }, null)).toBeNull();
    expect(s.writer.renameBoard('Anders')).toBe(false);
    expect(readBoard(s.doc).skills).toHaveLength(1);
    expect(readBoard(s.doc).meta.title).toBe('Afdeling Noord');
    const editable = setup(true);
    editable.writer.renameBoard('Anders');
    const readOnly = createBoardWriter({ doc: () => editable.doc, editable: () => false, undoManager: () => editable.undoManager, onRejected: () => {} });
    expect(readOnly.undo()).toBe(false);
    expect(readBoard(editable.doc).meta.title).toBe('Anders');
  });

  it('does report a write the document refuses (a card deleted a moment ago) and answer that nothing was written', () => {
    const s = setup();
    expect(s.writer.respondToNomination('gone', 'accepted', s.fatima)).toBe(false);
    expect(s.rejected).toHaveLength(1);
  });

  it('does keep joining out of undo: undo after joining does not take away your own card or colour', () => {
    const s = setup();
    const me = s.writer.addParticipant({ name: 'Sanne', kind: 'professional-team', colour: '#1d4ed8' }, { x: 0, y: 0 });
    s.writer.giveColour(s.fatima, '#be185d');
    s.writer.undo();
    const people = readBoard(s.doc).people;
    expect(people.find((p) => p.id === me)?.colour).toBe('#1d4ed8');
    expect(people.find((p) => p.id === s.fatima)?.colour).toBe('#be185d');
  });

  it('does write a new own claim on a reserved act with its level and "bevoegd én bekwaam"', () => {
    const s = setup();
    const injecting = createSkill(s.doc, { label: 'injecteren', reservedAct: true });
    expect(s.writer.claimOwnLevel({ personId: s.fatima, skillId: injecting, level: 'can-explain', authorisedAndCompetent: true, actorId: s.fatima })).toBe(true);
    expect(readBoard(s.doc).skillLinks).toMatchObject([{ personId: s.fatima, skillId: injecting, source: 'self', level: 'can-explain', authorisedAndCompetent: true }]);
  });
});
