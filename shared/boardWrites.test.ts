import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardValidationError, LOCAL_ORIGIN } from './recordWrites.ts';
import { addPerson, addReaction, addSkill, moveCards, removeCards, setBoardTitle, updatePerson, updateReaction, updateSkill } from './boardWrites.ts';
import { addQuestion } from './learningQuestions.ts';
import { linkSkill, unlinkSkill } from './skillLinks.ts';
import { canPair, pairStudents } from './studentPairs.ts';
import { readBoard, recordMap } from './docSchema.ts';
import { isId } from './ids.ts';
import { PERSON_KINDS, PLACEHOLDER_KINDS, type PersonKind } from './records/person.ts';
import {
  NOW,
  createBoard,
  createEndorsement,
  createLink,
  createPair,
  createPerson,
  createQuestion,
  createReaction,
  createSkill,
  createStudent,
  createTeam,
  putRaw,
  records,
} from './test/factory.ts';
import { observe, storedStateContains, type Observed } from './test/observe.ts';
import { TestNetwork } from './test/testNetwork.ts';

/** The write was refused with a BoardValidationError at `map` + `path`, and the document did not change at all. */
function expectRefused(observed: Observed<unknown>, map: string, path: string) {
  expect(observed.error).toBeInstanceOf(BoardValidationError);
  const error = observed.error as BoardValidationError;
  expect({ map: error.map, path: error.path, code: error.code }).toEqual({ map, path, code: 'BOARD_INVALID_WRITE' });
  expect(observed.changed).toBe(false);
  expect(observed.updates).toEqual([]);
}

/** `write` on `doc` is refused: see expectRefused. */
function expectWriteRefused(doc: Y.Doc, write: () => unknown, map: string, path: string) {
  expectRefused(observe(doc, write), map, path);
}

/** The write succeeded as exactly one local transaction that changed the document. */
function expectOneWrite(observed: Observed<unknown>) {
  expect(observed.error).toBeUndefined();
  expect(observed.transactions).toBe(1);
  expect(observed.updates).toHaveLength(1);
  expect(observed.origins).toEqual([LOCAL_ORIGIN]);
}

const NAMED_KINDS = PERSON_KINDS.filter((kind) => !PLACEHOLDER_KINDS.includes(kind));

describe('addPerson', () => {
  it('does write the person and their position in one transaction, with a generated id', () => {
    const doc = createBoard();
    const observed = observe(doc, () => addPerson(doc, { name: 'Fatima El Amrani', kind: 'professional-team' }, { x: 10, y: 20 }, NOW));

    expectOneWrite(observed);
    const id = observed.result!;
    expect(isId(id)).toBe(true);
    const board = readBoard(doc);
    expect(board.people).toEqual([{ id, name: 'Fatima El Amrani', kind: 'professional-team', createdAt: NOW }]);
    expect(board.positions.get(id)).toEqual({ x: 10, y: 20 });
  });

  it('does trim the name', () => {
    const doc = createBoard();
    const id = createPerson(doc, { name: '  Fatima El Amrani \n' });
    expect(readBoard(doc).people.find((p) => p.id === id)?.name).toBe('Fatima El Amrani');
  });

  it('does never derive the id from the name (names must stay erasable)', () => {
    const doc = createBoard();
    const id = createPerson(doc, { name: 'fatima' });
    expect(id).not.toContain('fatima');
  });

  it.each(PLACEHOLDER_KINDS)('does accept an unnamed %s as a role placeholder', (kind) => {
    const doc = createBoard();
    const id = addPerson(doc, { name: '   ', kind }, undefined, NOW);
    expect(readBoard(doc).people).toEqual([{ id, name: '', kind, createdAt: NOW }]);
  });

  it.each(NAMED_KINDS)('does refuse a %s without a name, writing nothing', (kind: PersonKind) => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addPerson(doc, { name: '  ', kind }, { x: 0, y: 0 }, NOW), 'people', '/name');
  });

  it('does accept a name of 80 characters once trimmed, and refuse 81', () => {
    const doc = createBoard();
    expect(() => createPerson(doc, { name: ` ${'a'.repeat(80)} ` })).not.toThrow();
    expectWriteRefused(doc, () => createPerson(doc, { name: 'a'.repeat(81) }), 'people', '/name');
  });

  it('does give a student a year and level', () => {
    const doc = createBoard();
    const id = createStudent(doc, { year: 4, level: 'hbo6' });
    expect(readBoard(doc).people.find((p) => p.id === id)?.student).toEqual({ year: 4, level: 'hbo6' });
  });

  it.each([
    ['a year of 5', { year: 5, level: 'mbo4' }, '/student/year'],
    ['a year of 0', { year: 0, level: 'mbo4' }, '/student/year'],
    ['a year of 2.5', { year: 2.5, level: 'mbo4' }, '/student/year'],
    ['an unknown level', { year: 1, level: 'wo' }, '/student/level'],
  ])('does refuse a student with %s, naming the path', (_what, student, path) => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addPerson(doc, { name: 'Sanne', kind: 'student', student: student as never }, undefined, NOW), 'people', path);
  });

  it.each(NAMED_KINDS.filter((kind) => kind !== 'student'))('does refuse year and level on a %s', (kind) => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addPerson(doc, { name: 'Joost', kind, student: { year: 1, level: 'mbo3' } }, undefined, NOW), 'people', '/student');
  });

  it.each([
    ['an unknown kind', { name: 'Joost', kind: 'nurse' }, '/kind'],
    ['a colour that is not #rrggbb', { name: 'Joost', kind: 'teacher', colour: 'rood' }, '/colour'],
    ['a createdBy that is not an id', { name: 'Joost', kind: 'teacher', createdBy: 'Fatima El Amrani' }, '/createdBy'],
  ])('does refuse %s, naming the path', (_what, input, path) => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addPerson(doc, input as never, undefined, NOW), 'people', path);
  });

  it('does refuse a name that is not text with a path error rather than a crash', () => {
    // A JavaScript caller (a REST body, an import) can hand over anything.
    const doc = createBoard();
    expectWriteRefused(doc, () => addPerson(doc, { name: 42, kind: 'teacher' } as never, undefined, NOW), 'people', '/name');
  });
});

describe('When a new card is placed off the board', () => {
  const offBoard = { x: 0, y: Number.NaN };
  const adders = {
    addPerson: (doc: Y.Doc) => addPerson(doc, { name: 'Fatima', kind: 'teacher' }, offBoard, NOW),
    addSkill: (doc: Y.Doc) => addSkill(doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false }, offBoard, NOW),
    addQuestion: (doc: Y.Doc, studentId: string) => addQuestion(doc, { studentId, text: 'Vraag', skillIds: [] }, offBoard, NOW),
    addReaction: (doc: Y.Doc) => addReaction(doc, { kind: 'appeals', text: 'Mooi' }, offBoard, NOW),
  };

  it.each(Object.entries(adders))('does make %s write neither the card nor its position', (_name, add) => {
    const doc = createBoard();
    const student = createStudent(doc);
    expectWriteRefused(doc, () => add(doc, student), 'positions', '/y');
  });
});

describe('updatePerson', () => {
  it('does rename in one transaction, trimming, keeping the other fields', () => {
    const doc = createBoard();
    const id = createStudent(doc, { name: 'Sanne', colour: '#aa3300' });
    const observed = observe(doc, () => updatePerson(doc, id, { name: '  Sanne de Vries  ' }));

    expectOneWrite(observed);
    expect(readBoard(doc).people).toEqual([
      { id, name: 'Sanne de Vries', kind: 'student', student: { year: 2, level: 'mbo4' }, colour: '#aa3300', createdAt: NOW },
    ]);
  });

  it('does erase the old name from the stored state', () => {
    const doc = createBoard();
    const id = createPerson(doc, { name: 'Wilhelmina Oudenaarden' });
    updatePerson(doc, id, { name: 'W.' });
    expect(storedStateContains(doc, 'Oudenaarden')).toBe(false);
    expect(storedStateContains(doc, 'W.')).toBe(true);
  });

  it('does refuse an unknown id, writing nothing', () => {
    const doc = createBoard();
    createPerson(doc);
    expectWriteRefused(doc, () => updatePerson(doc, 'nobody', { name: 'X' }), 'people', '/nobody');
  });

  it('does refuse clearing the name of a teacher but allow it for a family placeholder', () => {
    const doc = createBoard();
    const teacher = createPerson(doc, { kind: 'teacher' });
    const family = createPerson(doc, { kind: 'family', name: 'Familie Jansen' });

    expectWriteRefused(doc, () => updatePerson(doc, teacher, { name: '' }), 'people', '/name');
    updatePerson(doc, family, { name: '' });
    expect(readBoard(doc).people.find((p) => p.id === family)?.name).toBe('');
  });

  it('does refuse turning a student into a teacher while the year and level remain', () => {
    const doc = createBoard();
    const id = createStudent(doc);
    expectWriteRefused(doc, () => updatePerson(doc, id, { kind: 'teacher' }), 'people', '/student');
  });
});

describe('addSkill and updateSkill', () => {
  it('does add a skill with a trimmed label and its position in one transaction', () => {
    const doc = createBoard();
    const observed = observe(doc, () =>
      addSkill(doc, { label: ' katheteriseren ', category: 'zorgverlener', reservedAct: true }, { x: 1.4, y: -1.6 }, NOW),
    );

    expectOneWrite(observed);
    const id = observed.result!;
    const board = readBoard(doc);
    expect(board.skills).toEqual([{ id, label: 'katheteriseren', category: 'zorgverlener', reservedAct: true, createdAt: NOW }]);
    expect(board.positions.get(id)).toEqual({ x: 1, y: -2 });
  });

  it.each([
    ['an empty label', { label: '   ' }, '/label'],
    ['a label over 80 characters', { label: 'x'.repeat(81) }, '/label'],
    ['an unknown category', { category: 'koken' }, '/category'],
    ['reservedAct as text', { reservedAct: 'ja' }, '/reservedAct'],
    ['an empty synonym', { synonyms: ['wondverzorging', ''] }, '/synonyms/1'],
  ])('does refuse a skill with %s, writing nothing', (_what, overrides, path) => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addSkill(doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false, ...overrides } as never, undefined, NOW), 'skills', path);
  });

  it('does rename a skill in one transaction, trimming the label', () => {
    const doc = createBoard();
    const id = createSkill(doc);
    expectOneWrite(observe(doc, () => updateSkill(doc, id, { label: ' wondzorg (complex) ' })));
    expect(readBoard(doc).skills[0]).toMatchObject({ id, label: 'wondzorg (complex)', category: 'zorgverlener' });
  });

  it('does refuse renaming a skill to blanks or nothing, writing nothing', () => {
    const doc = createBoard();
    const id = createSkill(doc);
    expectWriteRefused(doc, () => updateSkill(doc, id, { label: '   ' }), 'skills', '/label');
    expectWriteRefused(doc, () => updateSkill(doc, id, { label: '' }), 'skills', '/label');
  });

  it('does refuse a label that is not text with a path error rather than a crash', () => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addSkill(doc, { label: 7, category: 'zorgverlener', reservedAct: false } as never, undefined, NOW), 'skills', '/label');
  });
});

describe('setBoardTitle', () => {
  it('does trim the title in one transaction', () => {
    const doc = createBoard();
    expectOneWrite(observe(doc, () => setBoardTitle(doc, '  Afdeling Zuid  ')));
    expect(readBoard(doc).meta.title).toBe('Afdeling Zuid');
  });

  it('does refuse a title over 120 characters, writing nothing', () => {
    const doc = createBoard();
    expectWriteRefused(doc, () => setBoardTitle(doc, 'x'.repeat(121)), 'meta', '/title');
  });
});

describe('linkSkill', () => {
  function team() {
    const doc = createBoard();
    return {
      doc,
      fatima: createPerson(doc),
      joost: createPerson(doc, { kind: 'professional-other' }),
      sanne: createStudent(doc),
      wondzorg: createSkill(doc),
    };
  }

  it('does record a self-claim with its level in one transaction', () => {
    const { doc, fatima, wondzorg } = team();
    const observed = observe(doc, () => linkSkill(doc, { personId: fatima, skillId: wondzorg, level: 'can-explain' }, NOW));

    expectOneWrite(observed);
    expect(readBoard(doc).skillLinks).toEqual([
      { id: observed.result, personId: fatima, skillId: wondzorg, source: 'self', level: 'can-explain', createdAt: NOW },
    ]);
  });

  it('does treat the person linking their own skill as a self-claim', () => {
    const { doc, fatima, wondzorg } = team();
    createLink(doc, fatima, wondzorg, { actorId: fatima });
    expect(readBoard(doc).skillLinks).toEqual([
      expect.objectContaining({ personId: fatima, source: 'self', createdBy: fatima }),
    ]);
    expect(readBoard(doc).skillLinks[0]).not.toHaveProperty('nominatedBy');
  });

  it('does return the same link when the same person claims the same skill again, writing nothing', () => {
    const { doc, fatima, wondzorg } = team();
    const first = createLink(doc, fatima, wondzorg);
    const again = observe(doc, () => linkSkill(doc, { personId: fatima, skillId: wondzorg, level: 'ask-me' }, NOW));

    expect(again.result).toBe(first);
    expect(again.changed).toBe(false);
    expect(again.updates).toEqual([]);
    expect(readBoard(doc).skillLinks).toHaveLength(1);
  });

  it('does make a pending nomination when a colleague links someone else', () => {
    const { doc, fatima, sanne, wondzorg } = team();
    const id = createLink(doc, fatima, wondzorg, { actorId: sanne, level: 'ask-me' });

    expect(readBoard(doc).skillLinks).toEqual([
      { id, personId: fatima, skillId: wondzorg, source: 'nomination', nominatedBy: sanne, response: 'pending', createdAt: NOW, createdBy: sanne },
    ]);
  });

  it('does return the same nomination when the same colleague nominates twice, but a separate one per colleague and for a self-claim', () => {
    const { doc, fatima, joost, sanne, wondzorg } = team();
    const bySanne = createLink(doc, fatima, wondzorg, { actorId: sanne });
    expect(createLink(doc, fatima, wondzorg, { actorId: sanne })).toBe(bySanne);

    const byJoost = createLink(doc, fatima, wondzorg, { actorId: joost });
    const self = createLink(doc, fatima, wondzorg);
    expect(new Set([bySanne, byJoost, self]).size).toBe(3);
    expect(readBoard(doc).skillLinks).toHaveLength(3);
  });

  it.each([
    ['an unknown person', 'personId'],
    ['an unknown skill', 'skillId'],
    ['an unknown nominator', 'actorId'],
  ] as const)('does refuse %s, writing nothing', (_what, field) => {
    const { doc, fatima, sanne, wondzorg } = team();
    const input = { personId: fatima, skillId: wondzorg, actorId: sanne, [field]: 'nobody' };
    expectWriteRefused(doc, () => linkSkill(doc, input, NOW), field === 'skillId' ? 'skills' : 'people', '/nobody');
  });

  it('does still link when a stale tab left a malformed link in the map', () => {
    const { doc, fatima, wondzorg } = team();
    putRaw(doc, 'skillLinks', 'stale-1', null);
    putRaw(doc, 'skillLinks', 'stale-2', { person: fatima, skill: wondzorg });

    const id = createLink(doc, fatima, wondzorg);
    expect(readBoard(doc).skillLinks.map((l) => l.id)).toEqual([id]);
  });
});

describe('unlinkSkill', () => {
  it('does remove the link and the endorsements of that link only, in one transaction', () => {
    const doc = createBoard();
    const fatima = createPerson(doc);
    const joost = createPerson(doc, { kind: 'professional-other' });
    const sanne = createStudent(doc);
    const wondzorg = createSkill(doc);
    const mondzorg = createSkill(doc, { label: 'mondzorg' });
    const nomination = createLink(doc, fatima, wondzorg, { actorId: sanne });
    const other = createLink(doc, fatima, mondzorg, { actorId: sanne });
    const backOnNomination = createEndorsement(doc, nomination, joost, 'e-joost-wond');
    const backOnOther = createEndorsement(doc, other, joost, 'e-joost-mond');

    expectOneWrite(observe(doc, () => unlinkSkill(doc, nomination)));
    expect([...recordMap(doc, 'skillLinks').keys()]).toEqual([other]);
    expect(recordMap(doc, 'endorsements').has(backOnNomination)).toBe(false);
    expect(recordMap(doc, 'endorsements').has(backOnOther)).toBe(true);
  });
});

describe('removeCards', () => {
  /** Fatima (team) and Sanne, Daan (students); wondzorg, mondzorg; links, endorsements, questions, a pair. */
  function ward() {
    const doc = createBoard();
    const fatima = createPerson(doc, { name: 'Fatima El Amrani', at: { x: 0, y: 0 } });
    const joost = createPerson(doc, { kind: 'professional-other', name: 'Joost de Boer' });
    const sanne = createStudent(doc, { name: 'Sanne Oosterhuis', at: { x: 100, y: 0 } });
    const daan = createStudent(doc, { name: 'Daan Mulder', year: 1, level: 'mbo3' });
    const wondzorg = createSkill(doc, { label: 'wondzorg', at: { x: 0, y: 100 } });
    const mondzorg = createSkill(doc, { label: 'mondzorg' });
    const fatimaWond = createLink(doc, fatima, wondzorg);
    const sanneMond = createLink(doc, sanne, mondzorg, { actorId: fatima });
    const fatimaMond = createLink(doc, fatima, mondzorg, { actorId: sanne });
    createEndorsement(doc, fatimaWond, sanne, 'e-sanne-on-fatima');
    createEndorsement(doc, fatimaWond, joost, 'e-joost-on-fatima');
    createEndorsement(doc, sanneMond, joost, 'e-joost-on-sanne');
    const sanneQuestion = createQuestion(doc, sanne, {
      text: 'Sanne Oosterhuis vraagt: hoe geef ik mondzorg bij een bewoner die weigert?',
      skillIds: [wondzorg, mondzorg],
      at: { x: 200, y: 0 },
    });
    const daanQuestion = createQuestion(doc, daan, { skillIds: [wondzorg] });
    const pair = createPair(doc, sanne, daan, fatima);
    return { doc, fatima, joost, sanne, daan, wondzorg, mondzorg, fatimaWond, sanneMond, fatimaMond, sanneQuestion, daanQuestion, pair };
  }

  it('does remove a student with their links, endorsements, questions, question positions and pairs, in one transaction', () => {
    const w = ward();
    expectOneWrite(observe(w.doc, () => removeCards(w.doc, [w.sanne])));

    const board = readBoard(w.doc);
    expect(board.people.map((p) => p.id).sort()).toEqual([w.fatima, w.joost, w.daan].sort());
    // Fatima's mondzorg nomination stays: Sanne only made it, it is Fatima's skill.
    expect(board.skillLinks.map((l) => l.id).sort()).toEqual([w.fatimaWond, w.fatimaMond].sort());
    expect(board.endorsements.map((e) => e.id)).toEqual(['e-joost-on-fatima']);
    expect(board.questions.map((q) => q.id)).toEqual([w.daanQuestion]);
    expect(board.pairs).toEqual([]);
    expect([...board.positions.keys()].sort()).toEqual([w.fatima, w.wondzorg].sort());
    expect(board.problems).toEqual([]);
    // The raw maps hold nothing that readBoard would merely hide.
    expect(recordMap(w.doc, 'skillLinks').size).toBe(2);
    expect(recordMap(w.doc, 'endorsements').size).toBe(1);
    expect(recordMap(w.doc, 'questions').size).toBe(1);
    expect(recordMap(w.doc, 'pairs').size).toBe(0);
  });

  it('does remove a skill with its links and their endorsements, and only untag questions', () => {
    const w = ward();
    expectOneWrite(observe(w.doc, () => removeCards(w.doc, [w.wondzorg])));

    const board = readBoard(w.doc);
    expect(board.skills.map((s) => s.id)).toEqual([w.mondzorg]);
    expect(board.skillLinks.map((l) => l.id).sort()).toEqual([w.sanneMond, w.fatimaMond].sort());
    expect(board.endorsements.map((e) => e.id)).toEqual(['e-joost-on-sanne']);
    expect(board.questions.find((q) => q.id === w.sanneQuestion)?.skillIds).toEqual([w.mondzorg]);
    expect(board.questions.find((q) => q.id === w.daanQuestion)?.skillIds).toEqual([]);
    expect(board.positions.has(w.wondzorg)).toBe(false);
    expect(board.problems).toEqual([]);
  });

  it('does remove several cards of different kinds in one transaction', () => {
    const w = ward();
    const reaction = createReaction(w.doc, {}, { x: 5, y: 5 });
    expectOneWrite(observe(w.doc, () => removeCards(w.doc, [w.fatima, w.mondzorg, w.daanQuestion, reaction])));

    const board = readBoard(w.doc);
    expect(board.people.map((p) => p.id).sort()).toEqual([w.joost, w.sanne, w.daan].sort());
    expect(board.skills.map((s) => s.id)).toEqual([w.wondzorg]);
    expect(board.skillLinks).toEqual([]);
    expect(board.endorsements).toEqual([]);
    expect(board.questions.map((q) => q.id)).toEqual([w.sanneQuestion]);
    expect(board.reactions).toEqual([]);
    expect(board.problems).toEqual([]);
  });

  it('does erase the removed names and question text from the stored state, also on a synced peer', () => {
    const net = new TestNetwork(2, 1);
    const [a, b] = net.peers;
    const sanne = createStudent(a, { name: 'Sanne Oosterhuis' });
    createQuestion(a, sanne, { text: 'Vraag van Sanne Oosterhuis over decubituspreventie' });
    net.flush();
    expect(storedStateContains(b, 'Oosterhuis')).toBe(true);

    removeCards(a, [sanne]);
    net.flush();
    for (const peer of [a, b]) {
      expect(storedStateContains(peer, 'Oosterhuis')).toBe(false);
      expect(storedStateContains(peer, 'decubituspreventie')).toBe(false);
    }
  });

  it('does erase names with garbage collection on (the Y.Doc default), which the store relies on', () => {
    const kept = new Y.Doc({ gc: false });
    const id = addPerson(kept, { name: 'Sanne Oosterhuis', kind: 'teacher' }, undefined, NOW);
    removeCards(kept, [id]);
    // Without gc a deleted value stays in the history: this is why the store must not turn gc off.
    expect(storedStateContains(kept, 'Oosterhuis')).toBe(true);

    const collected = new Y.Doc();
    const id2 = addPerson(collected, { name: 'Sanne Oosterhuis', kind: 'teacher' }, undefined, NOW);
    removeCards(collected, [id2]);
    expect(storedStateContains(collected, 'Oosterhuis')).toBe(false);
  });

  it('does still remove a person and their links when a stale tab left a malformed link', () => {
    const w = ward();
    putRaw(w.doc, 'skillLinks', 'stale-1', null);

    const observed = observe(w.doc, () => removeCards(w.doc, [w.fatima]));
    expect(observed.error).toBeUndefined();
    expect(recordMap(w.doc, 'people').has(w.fatima)).toBe(false);
    expect(recordMap(w.doc, 'skillLinks').has(w.fatimaWond)).toBe(false);
  });

  it('does still remove a skill when an old-shaped question (without skillIds) is on the board', () => {
    const w = ward();
    putRaw(w.doc, 'questions', 'old-question', { studentId: w.daan, text: 'Oud formaat', skillId: w.wondzorg, status: 'observed', createdAt: NOW });

    const observed = observe(w.doc, () => removeCards(w.doc, [w.wondzorg]));
    expect(observed.error).toBeUndefined();
    expect(recordMap(w.doc, 'skills').has(w.wondzorg)).toBe(false);
    expect(readBoard(w.doc).questions.find((q) => q.id === w.sanneQuestion)?.skillIds).toEqual([w.mondzorg]);
  });
});

describe('moveCards', () => {
  it('does move many cards in one transaction, rounding to whole board units', () => {
    const doc = createBoard();
    const fatima = createPerson(doc, { at: { x: 0, y: 0 } });
    const wondzorg = createSkill(doc);
    const observed = observe(doc, () =>
      moveCards(doc, [
        { id: fatima, x: 10.4, y: -20.6 },
        { id: wondzorg, x: 999_999.6, y: 0.5 },
      ]),
    );

    expectOneWrite(observed);
    const positions = readBoard(doc).positions;
    expect(positions.get(fatima)).toEqual({ x: 10, y: -21 });
    expect(positions.get(wondzorg)).toEqual({ x: 1_000_000, y: 1 });
  });

  it('does not touch the card content (a move is not a rewrite of the person)', () => {
    const doc = createBoard();
    const fatima = createPerson(doc, { at: { x: 0, y: 0 } });
    const before = JSON.stringify(recordMap(doc, 'people').get(fatima));
    const observed = observe(doc, () => moveCards(doc, [{ id: fatima, x: 5, y: 5 }]));
    expect(JSON.stringify(recordMap(doc, 'people').get(fatima))).toBe(before);
    // The update carries no part of the person record.
    expect(Buffer.from(observed.updates[0]).includes(Buffer.from('Fatima'))).toBe(false);
  });

  it.each([
    ['an invalid card id', { id: 'Fatima El Amrani', x: 0, y: 0 }, ''],
    ['x off the board', { id: 'card-1', x: 1_000_000.5, y: 0 }, '/x'],
    ['y off the board', { id: 'card-1', x: 0, y: -1_000_001 }, '/y'],
    ['y NaN', { id: 'card-1', x: 0, y: Number.NaN }, '/y'],
    ['x Infinity', { id: 'card-1', x: Number.POSITIVE_INFINITY, y: 0 }, '/x'],
  ])('does refuse %s and write none of the moves', (_what, bad, path) => {
    const doc = createBoard();
    const fatima = createPerson(doc, { at: { x: 0, y: 0 } });
    expectWriteRefused(doc, () => moveCards(doc, [{ id: fatima, x: 50, y: 50 }, bad]), 'positions', path);
    expect(readBoard(doc).positions.get(fatima)).toEqual({ x: 0, y: 0 });
  });
});

describe('addQuestion', () => {
  it('does add a student’s question as "observed", with its position, in one transaction', () => {
    const doc = createBoard();
    const sanne = createStudent(doc);
    const mondzorg = createSkill(doc, { label: 'mondzorg' });
    const observed = observe(doc, () =>
      addQuestion(doc, { studentId: sanne, text: 'Hoe geef ik mondzorg bij een bewoner die weigert?', skillIds: [mondzorg] }, { x: 3, y: 4 }, NOW),
    );

    expectOneWrite(observed);
    const board = readBoard(doc);
    expect(board.questions).toEqual([
      { id: observed.result, studentId: sanne, text: 'Hoe geef ik mondzorg bij een bewoner die weigert?', skillIds: [mondzorg], status: 'observed', createdAt: NOW },
    ]);
    expect(board.positions.get(observed.result!)).toEqual({ x: 3, y: 4 });
  });

  it.each(['professional-team', 'teacher', 'client', 'learning-monitor'] as const)('does refuse a question for a %s, writing nothing', (kind) => {
    const doc = createBoard();
    const person = createPerson(doc, { kind });
    expectWriteRefused(doc, () => addQuestion(doc, { studentId: person, text: 'Mag ik meekijken?', skillIds: [] }, undefined, NOW), 'questions', '/studentId');
  });

  it('does refuse an unknown student, writing nothing', () => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addQuestion(doc, { studentId: 'nobody', text: 'x', skillIds: [] }, undefined, NOW), 'people', '/nobody');
  });

  it.each([
    ['text over 500 characters', { text: 'x'.repeat(501) }, '/text'],
    ['an unknown status', { status: 'done' }, '/status'],
    ['a skill tag that is not an id', { skillIds: ['Wondzorg'] }, '/skillIds/0'],
    ['a theme of an unknown kind', { theme: { kind: 'dieet', label: 'COPD' } }, '/theme/kind'],
  ])('does refuse a question with %s, writing nothing', (_what, overrides, path) => {
    const doc = createBoard();
    const sanne = createStudent(doc);
    expectWriteRefused(doc, () => addQuestion(doc, { studentId: sanne, text: 'Vraag', skillIds: [], ...overrides } as never, undefined, NOW), 'questions', path);
  });
});

describe('addReaction', () => {
  it('does add a sounding-board reaction in one transaction', () => {
    const doc = createBoard();
    const observed = observe(doc, () => addReaction(doc, { kind: 'not-thought-of', text: 'Wie begeleidt in de nachtdienst?' }, undefined, NOW));
    expectOneWrite(observed);
    expect(readBoard(doc).reactions).toEqual([{ id: observed.result, kind: 'not-thought-of', text: 'Wie begeleidt in de nachtdienst?', createdAt: NOW }]);
  });

  it('does refuse an unknown reaction kind, writing nothing', () => {
    const doc = createBoard();
    expectWriteRefused(doc, () => addReaction(doc, { kind: 'meh' as never, text: '' }, undefined, NOW), 'reactions', '/kind');
  });
});

describe('pairStudents', () => {
  it('does pair two students in one transaction, recording who paired them', () => {
    const { doc, sanne, daan, monitor } = createTeam({ people: { monitor: { kind: 'learning-monitor' } }, students: { sanne: 'Sanne de Vries', daan: 'Daan Mulder' } });
    const observed = observe(doc, () => pairStudents(doc, [sanne, daan], monitor, NOW));

    expectOneWrite(observed);
    expect(readBoard(doc).pairs).toEqual([{ id: observed.result, studentIds: [sanne, daan], createdAt: NOW, createdBy: monitor }]);
  });

  it('does refuse pairing a student with themself, writing nothing', () => {
    const doc = createBoard();
    const sanne = createStudent(doc);
    expectWriteRefused(doc, () => pairStudents(doc, [sanne, sanne], undefined, NOW), 'pairs', '/studentIds');
  });

  it('does refuse pairing a student with a non-student, naming which one', () => {
    const doc = createBoard();
    const sanne = createStudent(doc);
    const teacher = createPerson(doc, { kind: 'teacher' });
    expectWriteRefused(doc, () => pairStudents(doc, [sanne, teacher], undefined, NOW), 'pairs', '/studentIds/1');
    expectWriteRefused(doc, () => pairStudents(doc, [teacher, sanne], undefined, NOW), 'pairs', '/studentIds/0');
  });

  it('does refuse pairing with an unknown person, writing nothing', () => {
    const doc = createBoard();
    const sanne = createStudent(doc);
    expectWriteRefused(doc, () => pairStudents(doc, [sanne, 'nobody'], undefined, NOW), 'people', '/nobody');
  });

  it('does refuse a pair that already exists, in either order, writing nothing', () => {
    const doc = createBoard();
    const sanne = createStudent(doc);
    const daan = createStudent(doc, { name: 'Daan Mulder' });
    pairStudents(doc, [sanne, daan], undefined, NOW);
    expectWriteRefused(doc, () => pairStudents(doc, [sanne, daan], undefined, NOW), 'pairs', '/studentIds');
    expectWriteRefused(doc, () => pairStudents(doc, [daan, sanne], undefined, NOW), 'pairs', '/studentIds');
    expect(readBoard(doc).pairs).toHaveLength(1);
  });

  it('does let a student be in several pairs with different fellow students', () => {
    const { doc, sanne, daan, lotte } = createTeam({ students: { sanne: 'Sanne de Vries', daan: 'Daan Mulder', lotte: 'Lotte Smit' } });
    pairStudents(doc, [sanne, daan], undefined, NOW);
    expectOneWrite(observe(doc, () => pairStudents(doc, [lotte, sanne], undefined, NOW)));
  });
});

describe('canPair', () => {
  it('does offer pairing exactly when pairStudents would accept it', () => {
    const { doc, sanne, daan, lotte, teacher } = createTeam({
      people: { teacher: { kind: 'teacher' } },
      students: { sanne: 'Sanne de Vries', daan: 'Daan Mulder', lotte: 'Lotte Smit' },
    });
    pairStudents(doc, [sanne, daan], undefined, NOW);
    const board = readBoard(doc);
    expect(canPair(board, [sanne, lotte])).toBe(true);
    expect(canPair(board, [daan, sanne])).toBe(false);
    expect(canPair(board, [sanne, daan])).toBe(false);
    expect(canPair(board, [sanne, teacher])).toBe(false);
    expect(canPair(board, [sanne, sanne])).toBe(false);
    expect(canPair(board, [sanne])).toBe(false);
    expect(canPair(board, [sanne, daan, lotte])).toBe(false);
    expect(canPair(board, [sanne, 'nobody'])).toBe(false);
  });
});

describe('the raw fixtures', () => {
  it('does agree with what the helpers write (so raw fixtures are realistic)', () => {
    const doc = createBoard();
    const id = addPerson(doc, { name: 'Fatima El Amrani', kind: 'professional-team' }, undefined, NOW);
    expect(recordMap(doc, 'people').get(id)).toEqual(records.person());
  });
});

describe('updateReaction', () => {
  it('does change the kind and trimmed text of a sounding-board reaction, and rejects an unknown kind', () => {
    const doc = createBoard();
    const id = createReaction(doc, { kind: 'appeals', text: 'Fijn' });
    updateReaction(doc, id, { kind: 'not-thought-of', text: '  Nachtdienst vergeten ' });
    expect(readBoard(doc).reactions[0]).toMatchObject({ kind: 'not-thought-of', text: 'Nachtdienst vergeten' });
    expect(() => updateReaction(doc, id, { kind: 'meh' as never })).toThrow(BoardValidationError);
    expect(readBoard(doc).reactions[0].kind).toBe('not-thought-of');
  });
});
