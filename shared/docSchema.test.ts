import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, recordMap, metaMap, RECORD_MAP_NAMES, type Board, type RecordMapName } from './docSchema.ts';
import { endorsementId } from './records/endorsement.ts';
import { createBoard, createEndorsement, createLink, createPerson, createSkill, putRaw, records, NOW } from './test/factory.ts';

/**
 * A small, fully valid board with fixed ids, written raw so every reference is known:
 * Fatima (team) claims wondzorg, Sanne (student) backs it; Sanne has a question about
 * mondzorg and is paired with Daan.
 */
function baselineBoard(): Y.Doc {
  const doc = createBoard();
  putRaw(doc, 'people', 'p-fatima', records.person());
  putRaw(doc, 'people', 'p-sanne', records.student());
  putRaw(doc, 'people', 'p-daan', records.student({ name: 'Daan Mulder', student: { year: 1, level: 'mbo3' } }));
  putRaw(doc, 'skills', 's-wondzorg', records.skill());
  putRaw(doc, 'skills', 's-mondzorg', records.skill({ label: 'mondzorg' }));
  putRaw(doc, 'skillLinks', 'l-fatima-wondzorg', records.link('p-fatima', 's-wondzorg', { level: 'ask-me' }));
  putRaw(doc, 'endorsements', 'e-sanne', records.endorsement('l-fatima-wondzorg', 'p-sanne'));
  putRaw(doc, 'questions', 'q-sanne', records.question('p-sanne', { skillIds: ['s-mondzorg'] }));
  putRaw(doc, 'pairs', 'pr-sanne-daan', records.pair('p-sanne', 'p-daan'));
  putRaw(doc, 'reactions', 'r-1', records.reaction());
  putRaw(doc, 'positions', 'p-fatima', records.position(10, 20));
  putRaw(doc, 'positions', 'q-sanne', records.position(-30, 40));
  return doc;
}

const BASELINE_IDS = {
  people: ['p-daan', 'p-fatima', 'p-sanne'],
  skills: ['s-mondzorg', 's-wondzorg'],
  skillLinks: ['l-fatima-wondzorg'],
  endorsements: ['e-sanne'],
  questions: ['q-sanne'],
  pairs: ['pr-sanne-daan'],
  reactions: ['r-1'],
  positions: ['p-fatima', 'q-sanne'],
};

function idsOf(board: Board) {
  return {
    people: board.people.map((r) => r.id),
    skills: board.skills.map((r) => r.id),
    skillLinks: board.skillLinks.map((r) => r.id),
    endorsements: board.endorsements.map((r) => r.id),
    questions: board.questions.map((r) => r.id),
    pairs: board.pairs.map((r) => r.id),
    reactions: board.reactions.map((r) => r.id),
    positions: [...board.positions.keys()].sort(),
  };
}

describe('readBoard', () => {
  it('does read a valid board completely, with no problems', () => {
    const board = readBoard(baselineBoard());
    expect(board.problems).toEqual([]);
    expect(idsOf(board)).toEqual(BASELINE_IDS);
    expect(board.meta).toEqual({ schemaVersion: 1, title: 'Afdeling Noord', createdAt: NOW });
    expect(board.people.find((p) => p.id === 'p-sanne')).toEqual({ id: 'p-sanne', ...records.student() });
    expect(board.positions.get('q-sanne')).toEqual({ x: -30, y: 40 });
  });

  it('does read an empty, never initialised document as an empty board with default meta', () => {
    const board = readBoard(new Y.Doc());
    expect(board.meta).toEqual({ schemaVersion: 0, title: '', createdAt: 0 });
    expect(board.problems).toEqual([]);
    expect(board.people).toEqual([]);
    expect(board.positions.size).toBe(0);
  });

  describe('When a record breaks its schema', () => {
    const cases: Array<[RecordMapName, string, unknown, string]> = [
      ['people', 'name is a number', { ...records.person(), name: 42 }, '/name'],
      ['people', 'kind is unknown', records.person({ kind: 'nurse' as never }), '/kind'],
      ['people', 'createdAt is missing', { name: 'Fatima', kind: 'teacher' }, '/createdAt'],
      ['people', 'student year is out of range', records.student({ student: { year: 7, level: 'mbo4' } }), '/student/year'],
      ['people', 'student level is unknown', records.student({ student: { year: 1, level: 'wo' as never } }), '/student/level'],
      ['people', 'colour is not #rrggbb', records.person({ colour: 'rood' }), '/colour'],
      ['people', 'value is a bare string', 'Fatima El Amrani', ''],
      ['people', 'value is null', null, ''],
      ['people', 'value is an array', [records.person()], ''],
      ['skills', 'label is empty', records.skill({ label: '' }), '/label'],
      ['skills', 'reservedAct is text', { ...records.skill(), reservedAct: 'ja' }, '/reservedAct'],
      ['skills', 'category is unknown', records.skill({ category: 'koken' as never }), '/category'],
      ['skills', 'a synonym is empty', records.skill({ synonyms: [''] }), '/synonyms/0'],
      ['skills', 'value is a number', 42, ''],
      ['skillLinks', 'source is unknown', records.link('p-fatima', 's-mondzorg', { source: 'rumour' as never }), '/source'],
      ['skillLinks', 'personId is a name, not an id', records.link('Fatima El Amrani', 's-mondzorg'), '/personId'],
      ['skillLinks', 'level is unknown', records.link('p-fatima', 's-mondzorg', { level: 'expert' as never }), '/level'],
      ['skillLinks', 'value is a boolean', true, ''],
      ['endorsements', 'createdAt is missing', { linkId: 'l-fatima-wondzorg', personId: 'p-daan' }, '/createdAt'],
      ['endorsements', 'linkId is a number', { ...records.endorsement('x', 'p-daan'), linkId: 5 }, '/linkId'],
      ['questions', 'status is unknown', records.question('p-sanne', { status: 'done' as never }), '/status'],
      ['questions', 'skillIds is a single id', { ...records.question('p-sanne'), skillIds: 's-mondzorg' }, '/skillIds'],
      ['questions', 'text is too long', records.question('p-sanne', { text: 'x'.repeat(501) }), '/text'],
      ['questions', 'theme kind is unknown', records.question('p-sanne', { theme: { kind: 'dieet' as never, label: 'COPD' } }), '/theme/kind'],
      ['pairs', 'only one student', { studentIds: ['p-sanne'], createdAt: NOW }, '/studentIds'],
      ['pairs', 'second student is a name', records.pair('p-sanne', 'Daan Mulder'), '/studentIds/1'],
      ['reactions', 'kind is unknown', records.reaction({ kind: 'meh' as never }), '/kind'],
      ['reactions', 'text is a number', { ...records.reaction(), text: 3 }, '/text'],
      ['positions', 'x is a string', { x: '10', y: 0 }, '/x'],
      ['positions', 'y is off the board', { x: 0, y: 2_000_000 }, '/y'],
      ['positions', 'x is NaN', { x: Number.NaN, y: 0 }, '/x'],
      ['positions', 'value is an empty object', {}, '/x'],
    ];

    it.each(cases)('does skip a %s record where %s, report it at its path, and read the rest', (map, _what, value, path) => {
      const doc = baselineBoard();
      putRaw(doc, map, 'broken-1', value);
      const board = readBoard(doc);

      expect(board.problems).toEqual([{ map, key: 'broken-1', path, message: expect.any(String) }]);
      expect(idsOf(board)).toEqual(BASELINE_IDS);
    });

    it('does not repeat the record content in the problem (it may hold a name)', () => {
      const doc = baselineBoard();
      putRaw(doc, 'people', 'broken-1', { name: 'Wilhelmina van Oranje-Nassau'.repeat(4), kind: 'teacher', createdAt: NOW });
      const [problem] = readBoard(doc).problems;
      expect(problem.path).toBe('/name');
      expect(JSON.stringify(problem)).not.toContain('Wilhelmina');
    });
  });

  describe('When a key is not a valid id', () => {
    const badKeys = ['Fatima El Amrani', 'FATIMA', '', 'x'.repeat(65), '-starts-with-dash', 'wondzorg!', 'café'];

    it.each(RECORD_MAP_NAMES)('does skip the %s record and report the key', (map) => {
      const doc = baselineBoard();
      const valid: Record<RecordMapName, unknown> = {
        people: records.person(),
        skills: records.skill(),
        skillLinks: records.link('p-fatima', 's-mondzorg'),
        endorsements: records.endorsement('l-fatima-wondzorg', 'p-daan'),
        questions: records.question('p-daan'),
        pairs: records.pair('p-daan', 'p-sanne'),
        reactions: records.reaction(),
        positions: records.position(),
      };
      for (const key of badKeys) putRaw(doc, map, key, valid[map]);
      const board = readBoard(doc);

      expect(idsOf(board)).toEqual(BASELINE_IDS);
      expect(board.problems).toHaveLength(badKeys.length);
      for (const key of badKeys) expect(board.problems).toContainEqual({ map, key, path: '', message: 'key is not a valid id' });
    });
  });

  describe('When a record holds a __proto__, constructor or prototype key', () => {
    it.each(['__proto__', 'constructor', 'prototype'])('does skip a record with %s anywhere inside, also after it crossed the wire', (key) => {
      const doc = baselineBoard();
      const record = JSON.parse(`{"name":"Indringer","kind":"student","createdAt":1,"student":{"year":1,"level":"mbo3","${key}":{"polluted":true}}}`);
      putRaw(doc, 'people', 'p-evil', record);
      // Through an update as a peer receives it: Yjs decodes by assignment, so __proto__ becomes a prototype.
      const peer = new Y.Doc();
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
      for (const board of [readBoard(doc), readBoard(peer)]) {
        expect(idsOf(board)).toEqual(BASELINE_IDS);
        expect(board.problems).toContainEqual({ map: 'people', key: 'p-evil', path: `/student/${key}`, message: 'this key is not allowed in a record' });
      }
    });
  });

  describe('When a record carries fields this version does not know', () => {
    it('does keep them, so a newer client’s data survives a read', () => {
      const doc = baselineBoard();
      putRaw(doc, 'people', 'p-new', { ...records.person(), pronouns: 'zij/haar', availability: { days: ['ma', 'do'] } });
      putRaw(doc, 'skills', 's-new', { ...records.skill(), icon: 'bandage' });
      const board = readBoard(doc);

      expect(board.problems).toEqual([]);
      expect(board.people.find((p) => p.id === 'p-new')).toMatchObject({ pronouns: 'zij/haar', availability: { days: ['ma', 'do'] } });
      expect(board.skills.find((s) => s.id === 's-new')).toMatchObject({ icon: 'bandage' });
    });

    it('does take the id from the key, never from a stray id field in the value', () => {
      const doc = baselineBoard();
      putRaw(doc, 'people', 'p-new', { ...records.person(), id: 'p-fatima' });
      const ids = readBoard(doc).people.map((p) => p.id);
      expect(ids).toEqual(['p-daan', 'p-fatima', 'p-new', 'p-sanne']);
    });
  });

  describe('When the document holds garbage', () => {
    const garbage = (): unknown[] => {
      const ymap = new Y.Map<unknown>();
      ymap.set('name', 'Fatima');
      ymap.set('kind', 'teacher');
      ymap.set('createdAt', NOW);
      const yarray = new Y.Array<unknown>();
      yarray.push([records.person()]);
      let deep: unknown = { name: 'x' };
      for (let i = 0; i < 500; i++) deep = { nested: deep };
      return [
        null,
        undefined,
        0,
        -1,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        true,
        '',
        'x'.repeat(1_000_000),
        [],
        [null, 1, 'two'],
        {},
        { name: {}, kind: [], createdAt: 'gisteren', student: 'ja', label: null, x: {}, y: [] },
        deep,
        new Uint8Array([0, 1, 2, 255]),
        ymap,
        yarray,
        new Y.Text('Fatima El Amrani'),
        new Y.Doc(),
      ];
    };

    it.each(RECORD_MAP_NAMES)('does not throw on garbage in %s, reports every bad entry and reads the rest', (map) => {
      const doc = baselineBoard();
      const values = garbage();
      values.forEach((value, i) => putRaw(doc, map, `garbage-${i}`, value));

      let board: Board | undefined;
      expect(() => (board = readBoard(doc))).not.toThrow();
      expect(idsOf(board!)).toEqual(BASELINE_IDS);
      expect(board!.problems.map((p) => p.key).sort()).toEqual(values.map((_, i) => `garbage-${i}`).sort());
      for (const problem of board!.problems) expect(problem.map).toBe(map);
    });

    it('does not throw when garbage arrives in a remote update rather than a local write', () => {
      const remote = baselineBoard();
      for (const map of RECORD_MAP_NAMES) {
        garbage()
          .filter((value) => !(value instanceof Y.Doc)) // subdocuments travel separately
          .forEach((value, i) => putRaw(remote, map, `garbage-${i}`, value));
      }
      const local = new Y.Doc();
      Y.applyUpdate(local, Y.encodeStateAsUpdate(remote));

      const board = readBoard(local);
      expect(idsOf(board)).toEqual(BASELINE_IDS);
      expect(board.problems.length).toBeGreaterThan(0);
    });

    it('does fall back to default meta and report each bad meta value', () => {
      const doc = baselineBoard();
      const meta = metaMap(doc);
      meta.set('schemaVersion', 1.5);
      meta.set('title', 'x'.repeat(121));
      meta.set('createdAt', null);
      const board = readBoard(doc);

      expect(board.meta).toEqual({ schemaVersion: 0, title: '', createdAt: 0 });
      expect(board.problems.map((p) => [p.map, p.key])).toEqual([
        ['meta', 'schemaVersion'],
        ['meta', 'title'],
        ['meta', 'createdAt'],
      ]);
      expect(idsOf(board)).toEqual(BASELINE_IDS);
    });

    it('does not throw when another client wrote the top-level names as lists or text', () => {
      const odd = new Y.Doc();
      odd.getArray('people').push([records.person()]);
      odd.getText('skills').insert(0, 'wondzorg');
      odd.getArray('meta').push(['title']);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(odd));

      const board = readBoard(doc);
      expect(board.people).toEqual([]);
      expect(board.skills).toEqual([]);
      expect(board.meta).toEqual({ schemaVersion: 0, title: '', createdAt: 0 });
    });
  });

  describe('When records were inserted in different orders', () => {
    const entries: Array<[RecordMapName, string, unknown]> = [
      ['people', 'p-2', records.person({ name: 'Bram' })],
      ['people', 'p-10', records.person({ name: 'Chantal' })],
      ['people', 'p-1', records.person({ name: 'Anouk' })],
      ['people', 'a9', records.student()],
      ['skills', 's-b', records.skill({ label: 'mondzorg' })],
      ['skills', 's-a', records.skill()],
      ['skillLinks', 'l-2', records.link('p-2', 's-a')],
      ['skillLinks', 'l-1', records.link('p-1', 's-b')],
      ['reactions', 'r-z', records.reaction()],
      ['reactions', 'r-0', records.reaction({ kind: 'appeals' })],
      ['positions', 'p-2', records.position(1, 1)],
      ['positions', 'p-1', records.position(2, 2)],
    ];
    const build = (order: typeof entries) => {
      const doc = new Y.Doc();
      for (const [map, key, value] of order) putRaw(doc, map, key, value);
      return doc;
    };

    it('does return every list sorted by id, identical for every insertion order', () => {
      const forward = readBoard(build(entries));
      const backward = readBoard(build([...entries].reverse()));
      const shuffled = readBoard(build([...entries.slice(5), ...entries.slice(0, 5)]));

      expect(forward.people.map((p) => p.id)).toEqual(['a9', 'p-1', 'p-10', 'p-2']);
      expect(forward.skillLinks.map((l) => l.id)).toEqual(['l-1', 'l-2']);
      expect(backward).toEqual(forward);
      expect(shuffled).toEqual(forward);
    });

    it('does report problems in the same order, whatever the insertion order', () => {
      const broken: typeof entries = [
        ['people', 'p-b', { name: 1 }],
        ['people', 'p-a', { name: 2 }],
        ['people', 'p-c', 'Fatima'],
      ];
      const forward = readBoard(build(broken)).problems;
      const backward = readBoard(build([...broken].reverse())).problems;

      expect(backward).toEqual(forward);
    });
  });

  describe('When a referenced card was deleted (e.g. concurrently, before the cascade reached this peer)', () => {
    const deletePerson = (doc: Y.Doc, id: string) => recordMap(doc, 'people').delete(id);
    const deleteSkill = (doc: Y.Doc, id: string) => recordMap(doc, 'skills').delete(id);
    /** The baseline board as a peer reads it after `change`. */
    const baselineAfter = (change: (doc: Y.Doc) => void) => {
      const doc = baselineBoard();
      change(doc);
      return readBoard(doc);
    };

    it('does drop a skill link to a deleted person, and endorsements of that link', () => {
      const board = baselineAfter((doc) => deletePerson(doc, 'p-fatima'));

      expect(board.skillLinks).toEqual([]);
      expect(board.endorsements).toEqual([]);
      expect(board.problems).toEqual([
        { map: 'skillLinks', key: 'l-fatima-wondzorg', path: '/personId', message: expect.any(String) },
        { map: 'endorsements', key: 'e-sanne', path: '/linkId', message: expect.any(String) },
      ]);
      expect(board.skills.map((s) => s.id)).toEqual(BASELINE_IDS.skills);
    });

    it('does drop a skill link to a deleted skill', () => {
      const board = baselineAfter((doc) => deleteSkill(doc, 's-wondzorg'));

      expect(board.skillLinks).toEqual([]);
      expect(board.problems).toContainEqual({ map: 'skillLinks', key: 'l-fatima-wondzorg', path: '/skillId', message: expect.any(String) });
    });

    it('does drop an endorsement made by a deleted person but keep the link', () => {
      const board = baselineAfter((doc) => putRaw(doc, 'endorsements', 'e-ghost', records.endorsement('l-fatima-wondzorg', 'p-gone')));

      expect(board.endorsements.map((e) => e.id)).toEqual(['e-sanne']);
      expect(board.skillLinks.map((l) => l.id)).toEqual(['l-fatima-wondzorg']);
      expect(board.problems).toEqual([{ map: 'endorsements', key: 'e-ghost', path: '/personId', message: expect.any(String) }]);
    });

    it('does drop the questions and pairs of a deleted student', () => {
      const board = baselineAfter((doc) => deletePerson(doc, 'p-sanne'));

      expect(board.questions).toEqual([]);
      expect(board.pairs).toEqual([]);
      expect(board.problems).toContainEqual({ map: 'questions', key: 'q-sanne', path: '/studentId', message: expect.any(String) });
      expect(board.problems).toContainEqual({ map: 'pairs', key: 'pr-sanne-daan', path: '/studentIds/0', message: expect.any(String) });
      expect(board.people.map((p) => p.id)).toEqual(['p-daan', 'p-fatima']);
    });

    it('does drop a pair whose second member is no longer a student', () => {
      const board = baselineAfter((doc) => putRaw(doc, 'people', 'p-daan', records.person({ name: 'Daan Mulder', kind: 'teacher' })));

      expect(board.pairs).toEqual([]);
      expect(board.problems).toEqual([{ map: 'pairs', key: 'pr-sanne-daan', path: '/studentIds/1', message: expect.any(String) }]);
    });

    it('does keep a question whose skill tag was deleted, dropping only that tag', () => {
      const board = baselineAfter((doc) => {
        putRaw(doc, 'questions', 'q-sanne', records.question('p-sanne', { skillIds: ['s-wondzorg', 's-mondzorg'] }));
        deleteSkill(doc, 's-wondzorg');
      });

      expect(board.questions).toEqual([{ id: 'q-sanne', ...records.question('p-sanne', { skillIds: ['s-mondzorg'] }) }]);
      expect(board.people.map((p) => p.id)).toEqual(BASELINE_IDS.people);
    });
  });

  describe('When a colleague backs a nomination', () => {
    it('does read the endorsement stored under its endorsementId key', () => {
      const doc = createBoard();
      const fatima = createPerson(doc);
      const sanne = createPerson(doc, { name: 'Sanne de Vries', kind: 'student', student: { year: 2, level: 'mbo4' } });
      const joost = createPerson(doc, { kind: 'professional-other' });
      const wondzorg = createSkill(doc);
      const nomination = createLink(doc, fatima, wondzorg, { actorId: sanne });
      const key = createEndorsement(doc, nomination, joost);

      expect(key).toBe(endorsementId(nomination, joost));
      const board = readBoard(doc);
      expect(board.problems).toEqual([]);
      expect(board.endorsements).toEqual([{ id: key, linkId: nomination, personId: joost, createdAt: NOW }]);
    });
  });
});
