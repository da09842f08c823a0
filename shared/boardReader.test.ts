import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { BoardReader, changedPositions, readBoard, recordMap, metaMap, type Board } from './docSchema.ts';
import { addPerson, addSkill, moveCards, removeCards, setBoardTitle, updatePerson } from './boardWrites.ts';
import { addQuestion } from './learningQuestions.ts';
import { unlinkSkill } from './skillLinks.ts';
import { createBoard, createLink, createPair, createPerson, createSkill, createStudent } from './test/factory.ts';

type Op =
  | { kind: 'move'; card: number; x: number; y: number }
  | { kind: 'moveMany'; first: number; count: number }
  | { kind: 'addPerson' }
  | { kind: 'addSkill' }
  | { kind: 'addQuestion'; student: number }
  | { kind: 'link'; person: number; skill: number }
  | { kind: 'unlink'; link: number }
  | { kind: 'rename'; person: number; name: string }
  | { kind: 'remove'; card: number }
  | { kind: 'rawDelete'; map: number; card: number }
  | { kind: 'garbagePosition'; card: number }
  | { kind: 'deletePosition'; card: number }
  | { kind: 'garbageRecord'; map: number }
  | { kind: 'title'; title: string }
  | { kind: 'read' };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('move' as const), card: fc.nat(), x: fc.integer({ min: -500, max: 5000 }), y: fc.integer({ min: -500, max: 5000 }) }), weight: 4 },
  fc.record({ kind: fc.constant('moveMany' as const), first: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('addPerson' as const) }),
  fc.record({ kind: fc.constant('addSkill' as const) }),
  fc.record({ kind: fc.constant('addQuestion' as const), student: fc.nat() }),
  fc.record({ kind: fc.constant('link' as const), person: fc.nat(), skill: fc.nat() }),
  fc.record({ kind: fc.constant('unlink' as const), link: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), person: fc.nat(), name: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('remove' as const), card: fc.nat() }),
  // What a concurrent delete leaves behind: a card gone without its links, questions or pairs.
  fc.record({ kind: fc.constant('rawDelete' as const), map: fc.nat(1), card: fc.nat() }),
  fc.record({ kind: fc.constant('garbagePosition' as const), card: fc.nat() }),
  fc.record({ kind: fc.constant('deletePosition' as const), card: fc.nat() }),
  fc.record({ kind: fc.constant('garbageRecord' as const), map: fc.nat(3) }),
  fc.record({ kind: fc.constant('title' as const), title: fc.string({ maxLength: 8 }) }),
  { arbitrary: fc.record({ kind: fc.constant('read' as const) }), weight: 4 },
);

function play(doc: Y.Doc, op: Op) {
  const board = readBoard(doc);
  const pick = <T,>(list: readonly T[], n: number) => (list.length ? list[n % list.length] : undefined);
  const cards = [...board.people, ...board.skills, ...board.questions];
  try {
    switch (op.kind) {
      case 'move': {
        const card = pick(cards, op.card);
        if (card) moveCards(doc, [{ id: card.id, x: op.x, y: op.y }]);
        return;
      }
      case 'moveMany':
        return void moveCards(doc, cards.slice(op.first % Math.max(1, cards.length)).slice(0, op.count).map((c, i) => ({ id: c.id, x: i * 10, y: op.first })));
      case 'addPerson':
        return void addPerson(doc, { name: 'Collega', kind: 'professional-team' }, { x: 10, y: 20 });
      case 'addSkill':
        return void addSkill(doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false });
      case 'addQuestion': {
        const student = pick(board.people.filter((p) => p.kind === 'student'), op.student);
        if (student) addQuestion(doc, { studentId: student.id, text: 'Hoe doe ik dit?', skillIds: board.skills.slice(0, 1).map((s) => s.id) });
        return;
      }
      case 'link': {
        const person = pick(board.people, op.person);
        const skill = pick(board.skills, op.skill);
        if (person && skill) createLink(doc, person.id, skill.id, { actorId: person.id });
        return;
      }
      case 'unlink': {
        const link = pick(board.skillLinks, op.link);
        if (link) unlinkSkill(doc, link.id);
        return;
      }
      case 'rename': {
        const person = pick(board.people, op.person);
        if (person) updatePerson(doc, person.id, { name: op.name });
        return;
      }
      case 'remove': {
        const card = pick(cards, op.card);
        if (card) removeCards(doc, [card.id]);
        return;
      }
      case 'rawDelete': {
        const card = op.map === 0 ? pick(board.people, op.card) : pick(board.skills, op.card);
        if (card) recordMap(doc, op.map === 0 ? 'people' : 'skills').delete(card.id);
        return;
      }
      case 'garbagePosition': {
        const card = pick(cards, op.card);
        recordMap(doc, 'positions').set(card?.id ?? 'nocard0001', { x: 'links' } as never);
        return;
      }
      case 'deletePosition': {
        const card = pick(cards, op.card);
        if (card) recordMap(doc, 'positions').delete(card.id);
        return;
      }
      case 'garbageRecord': {
        const maps = ['people', 'skills', 'skillLinks', 'questions'] as const;
        recordMap(doc, maps[op.map]).set(`garbage${op.map}`, { broken: true } as never);
        return;
      }
      case 'title':
        return void setBoardTitle(doc, op.title);
      case 'read':
        return;
    }
  } catch (error) {
    if ((error as Error).name !== 'BoardValidationError') throw error;
  }
}

function team() {
  const doc = createBoard();
  const fatima = createPerson(doc, { name: 'Fatima', at: { x: 0, y: 0 } });
  const sam = createPerson(doc, { name: 'Sam', at: { x: 300, y: 0 } });
  const noor = createStudent(doc, { name: 'Noor', at: { x: 600, y: 0 } });
  const sanne = createStudent(doc, { name: 'Sanne', at: { x: 900, y: 0 } });
  const wondzorg = createSkill(doc, { label: 'wondzorg', at: { x: 0, y: 300 } });
  createLink(doc, fatima, wondzorg, { actorId: fatima });
  createPair(doc, noor, sanne);
  return { doc, fatima, sam, noor, wondzorg };
}

describe('BoardReader', () => {
  it('does read the same board as readBoard after any sequence of edits, reading at any moment', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 5, maxLength: 60 }), (ops) => {
        const { doc } = team();
        const reader = new BoardReader(doc);
        reader.read();
        for (const op of ops) {
          play(doc, op);
          if (op.kind === 'read') expect(reader.read()).toEqual(readBoard(doc));
        }
        expect(reader.read()).toEqual(readBoard(doc));
        reader.destroy();
      }),
      { numRuns: 150 },
    );
  });

  it('does keep every unchanged list identical when only a card moved', () => {
    const { doc, sam } = team();
    const reader = new BoardReader(doc);
    const before = reader.read();
    moveCards(doc, [{ id: sam, x: 42, y: 43 }]);
    const after = reader.read();
    expect(after).not.toBe(before);
    expect(after.positions.get(sam)).toEqual({ x: 42, y: 43 });
    expect(before.positions.get(sam)).toEqual({ x: 300, y: 0 });
    for (const key of ['meta', 'people', 'skills', 'skillLinks', 'endorsements', 'questions', 'pairs', 'reactions', 'problems'] as const) {
      expect(after[key], key).toBe(before[key]);
    }
  });

  it('does say which cards moved since the positions it handed out before', () => {
    const { doc, sam, noor } = team();
    const reader = new BoardReader(doc);
    const before = reader.read();
    moveCards(doc, [{ id: sam, x: 1, y: 2 }]);
    moveCards(doc, [{ id: noor, x: 3, y: 4 }]);
    const after = reader.read();
    expect(changedPositions(after.positions)).toEqual({ previous: before.positions, moved: new Set([sam, noor]) });
    expect(changedPositions(before.positions)).toBeUndefined();
  });

  it('does keep the record objects of people nobody changed when one is renamed', () => {
    const { doc, fatima, sam } = team();
    const reader = new BoardReader(doc);
    const before = reader.read();
    updatePerson(doc, sam, { name: 'Samira' });
    const after = reader.read();
    expect(after.people).not.toBe(before.people);
    expect(after.people.find((p) => p.id === sam)?.name).toBe('Samira');
    expect(after.people.find((p) => p.id === fatima)).toBe(before.people.find((p) => p.id === fatima));
    expect(after.skills).toBe(before.skills);
    expect(after.positions).toBe(before.positions);
  });

  it('does hand back the very same board while nothing changed', () => {
    const { doc } = team();
    const reader = new BoardReader(doc);
    expect(reader.read()).toBe(reader.read());
  });

  it('does see edits that arrive from another peer as an update', () => {
    const { doc, wondzorg } = team();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const reader = new BoardReader(doc);
    reader.read();
    moveCards(remote, [{ id: wondzorg, x: 7, y: 8 }]);
    metaMap(remote).set('title', 'Afdeling Zuid');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    const board: Board = reader.read();
    expect(board.positions.get(wondzorg)).toEqual({ x: 7, y: 8 });
    expect(board.meta.title).toBe('Afdeling Zuid');
  });

  it('does stop following the document after destroy', () => {
    const { doc, sam } = team();
    const reader = new BoardReader(doc);
    const before = reader.read();
    reader.destroy();
    moveCards(doc, [{ id: sam, x: 1, y: 1 }]);
    expect(reader.read()).toBe(before);
  });
});
