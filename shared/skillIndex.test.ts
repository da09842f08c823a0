import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { readBoard, recordMap } from './docSchema.ts';
import { addPerson, addSkill, removeCards, updatePerson, updateSkill } from './boardWrites.ts';
import { linkSkill, unlinkSkill } from './skillLinks.ts';
import { respondToNomination, setOwnLevel, toggleEndorsement } from './skillLinks.ts';
import { deriveSkillIndex, pendingNominees, studentSkillIds } from './skillIndex.ts';
import { SkillIndexer } from './skillIndexer.ts';
import { SKILL_LEVELS } from './records/skillLink.ts';
import { createBoard, createPerson, createSkill, createTeam } from './test/factory.ts';

const indexOf = (doc: Y.Doc) => deriveSkillIndex(readBoard(doc));

describe('deriveSkillIndex', () => {
  const team = () =>
    createTeam({
      people: { fatima: 'Fatima', sam: 'Sam', noor: 'Noor' },
      students: { sanne: 'Sanne' },
      skills: { wondzorg: 'wondzorg', injecteren: { label: 'injecteren', reservedAct: true }, sbar: { label: 'SBAR-overdracht', category: 'communicator' } },
    });

  it('does list who can be asked per skill and per person, with levels and nominations', () => {
    const { doc, fatima, sam, noor, wondzorg } = team();
    setOwnLevel(doc, { personId: fatima, skillId: wondzorg, level: 'ask-me', actorId: fatima });
    const nomination = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    toggleEndorsement(doc, nomination, noor);
    const index = indexOf(doc);
    const holders = index.bySkill.get(wondzorg)!;
    expect(holders.map((h) => h.personId)).toEqual([fatima, sam].sort());
    expect(holders.find((h) => h.personId === fatima)).toMatchObject({ claimed: true, selfLevel: 'ask-me', canBeAsked: true });
    expect(holders.find((h) => h.personId === sam)).toMatchObject({
      claimed: false,
      canBeAsked: false,
      nominations: [{ linkId: nomination, nominatedBy: fatima, response: 'pending', backers: [noor] }],
    });
    expect(index.byPerson.get(fatima)?.map((h) => h.skillId)).toEqual([wondzorg]);
  });

  it('does count an accepted nomination as someone who can be asked', () => {
    const { doc, fatima, sam, wondzorg } = team();
    const nomination = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    expect(indexOf(doc).coverage.get(wondzorg)).toMatchObject({ askable: 0, nominated: 1, risk: 'uncovered' });
    respondToNomination(doc, nomination, 'accepted', sam);
    expect(indexOf(doc).coverage.get(wondzorg)).toMatchObject({ askable: 1, byLevel: { none: 1 }, risk: 'single' });
  });

  it('does leave out a declined nomination', () => {
    const { doc, fatima, sam, wondzorg } = team();
    const nomination = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    respondToNomination(doc, nomination, 'declined', sam);
    expect(indexOf(doc).bySkill.get(wondzorg)).toBeUndefined();
    expect(indexOf(doc).coverage.get(wondzorg)).toMatchObject({ nominated: 0, risk: 'uncovered' });
  });

  it('does not count a reserved act without the authorised-and-competent confirmation, not even when nominated', () => {
    const { doc, fatima, sam, injecteren } = team();
    setOwnLevel(doc, { personId: fatima, skillId: injecteren, level: 'ask-me', actorId: fatima });
    const nomination = linkSkill(doc, { personId: sam, skillId: injecteren, actorId: fatima });
    respondToNomination(doc, nomination, 'accepted', sam);
    expect(indexOf(doc).coverage.get(injecteren)).toMatchObject({ askable: 0, risk: 'uncovered' });
    expect(indexOf(doc).bySkill.get(injecteren)?.find((h) => h.personId === fatima)?.selfLevel).toBe('learning');

    setOwnLevel(doc, { personId: sam, skillId: injecteren, level: 'can-do', authorisedAndCompetent: true, actorId: sam });
    expect(indexOf(doc).coverage.get(injecteren)).toMatchObject({ askable: 1, byLevel: { 'can-do': 1 }, risk: 'single' });
  });

  it('does flag single-person and uncovered skills, and counts a skill covered from two people on', () => {
    const { doc, fatima, sam, wondzorg, sbar } = team();
    setOwnLevel(doc, { personId: fatima, skillId: wondzorg, level: 'can-do', actorId: fatima });
    expect(indexOf(doc).coverage.get(wondzorg)?.risk).toBe('single');
    expect(indexOf(doc).coverage.get(sbar)?.risk).toBe('uncovered');
    setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'learning', actorId: sam });
    expect(indexOf(doc).coverage.get(wondzorg)).toMatchObject({ askable: 1, risk: 'single' });
    setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'can-explain', actorId: sam });
    expect(indexOf(doc).coverage.get(wondzorg)).toMatchObject({ askable: 2, risk: 'covered' });
  });

  it('does mark the skills students bring in', () => {
    const { doc, sanne, sbar, wondzorg } = team();
    setOwnLevel(doc, { personId: sanne, skillId: sbar, level: 'can-do', actorId: sanne });
    const index = indexOf(doc);
    expect(index.bySkill.get(sbar)?.[0].fromStudent).toBe(true);
    expect(studentSkillIds(index)).toEqual(new Set([sbar]));
    expect(studentSkillIds(index).has(wondzorg)).toBe(false);
  });

  it('does skip malformed records instead of failing', () => {
    const { doc, fatima, wondzorg } = team();
    setOwnLevel(doc, { personId: fatima, skillId: wondzorg, level: 'can-do', actorId: fatima });
    recordMap(doc, 'skillLinks').set('brokenlink1', { personId: fatima, skillId: 42 } as never);
    recordMap(doc, 'skillLinks').set('dangling1', { personId: 'nobody', skillId: wondzorg, source: 'self', level: 'ask-me', createdAt: 1 });
    expect(indexOf(doc).bySkill.get(wondzorg)?.map((h) => h.personId)).toEqual([fatima]);
  });
});

/** One random edit a user (or a misbehaving client) could make. */
type Op =
  | { kind: 'addPerson'; student: boolean }
  | { kind: 'addSkill'; reserved: boolean }
  | { kind: 'claim'; person: number; skill: number; level: number; confirmed: boolean }
  | { kind: 'nominate'; person: number; skill: number; by: number }
  | { kind: 'respond'; link: number; accept: boolean }
  | { kind: 'endorse'; link: number; by: number }
  | { kind: 'unlink'; link: number }
  | { kind: 'remove'; card: number }
  | { kind: 'toggleStudent'; person: number }
  | { kind: 'toggleReserved'; skill: number }
  | { kind: 'garbage'; map: number; target: number }
  | { kind: 'rawDelete'; map: number; target: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('addPerson' as const), student: fc.boolean() }),
  fc.record({ kind: fc.constant('addSkill' as const), reserved: fc.boolean() }),
  fc.record({ kind: fc.constant('claim' as const), person: fc.nat(), skill: fc.nat(), level: fc.nat(3), confirmed: fc.boolean() }),
  { arbitrary: fc.record({ kind: fc.constant('nominate' as const), person: fc.nat(), skill: fc.nat(), by: fc.nat() }), weight: 3 },
  fc.record({ kind: fc.constant('respond' as const), link: fc.nat(), accept: fc.boolean() }),
  { arbitrary: fc.record({ kind: fc.constant('endorse' as const), link: fc.nat(), by: fc.nat() }), weight: 3 },
  fc.record({ kind: fc.constant('unlink' as const), link: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), card: fc.nat() }),
  fc.record({ kind: fc.constant('toggleStudent' as const), person: fc.nat() }),
  fc.record({ kind: fc.constant('toggleReserved' as const), skill: fc.nat() }),
  fc.record({ kind: fc.constant('garbage' as const), map: fc.nat(3), target: fc.nat() }),
  // What a concurrent edit leaves behind: a card deleted without the cascade (e.g. while a colleague backed or linked it).
  fc.record({ kind: fc.constant('rawDelete' as const), map: fc.nat(1), target: fc.nat() }),
);

function play(doc: Y.Doc, op: Op) {
  const board = readBoard(doc);
  const pick = <T,>(list: readonly T[], n: number) => (list.length ? list[n % list.length] : undefined);
  const person = (n: number) => pick(board.people, n)?.id;
  const skill = (n: number) => pick(board.skills, n)?.id;
  try {
    switch (op.kind) {
      case 'addPerson':
        return void addPerson(doc, op.student ? { name: 'Student', kind: 'student', student: { year: 1, level: 'mbo3' } } : { name: 'Collega', kind: 'professional-team' });
      case 'addSkill':
        return void addSkill(doc, { label: 'vaardigheid', category: 'zorgverlener', reservedAct: op.reserved });
      case 'claim': {
        const p = person(op.person), s = skill(op.skill);
        if (p && s) setOwnLevel(doc, { personId: p, skillId: s, level: SKILL_LEVELS[op.level], authorisedAndCompetent: op.confirmed, actorId: p });
        return;
      }
      case 'nominate': {
        const p = person(op.person), s = skill(op.skill), by = person(op.by);
        if (p && s && by) linkSkill(doc, { personId: p, skillId: s, actorId: by });
        return;
      }
      case 'respond': {
        const link = pick(board.skillLinks, op.link);
        if (link?.source === 'nomination') respondToNomination(doc, link.id, op.accept ? 'accepted' : 'declined', link.personId);
        return;
      }
      case 'endorse': {
        const link = pick(board.skillLinks, op.link), by = person(op.by);
        if (link && by) toggleEndorsement(doc, link.id, by);
        return;
      }
      case 'unlink': {
        const link = pick(board.skillLinks, op.link);
        if (link) unlinkSkill(doc, link.id);
        return;
      }
      case 'remove': {
        const card = pick([...board.people, ...board.skills], op.card);
        if (card) removeCards(doc, [card.id]);
        return;
      }
      case 'toggleStudent': {
        const p = pick(board.people, op.person);
        if (p) updatePerson(doc, p.id, p.kind === 'student' ? { kind: 'professional-team', student: undefined } : { kind: 'student', student: { year: 2, level: 'hbo6' } });
        return;
      }
      case 'toggleReserved': {
        const s = pick(board.skills, op.skill);
        if (s) updateSkill(doc, s.id, { reservedAct: !s.reservedAct });
        return;
      }
      case 'garbage': {
        // A stale or foreign client writes something the schema does not allow, or a raw delete.
        const maps = ['people', 'skills', 'skillLinks', 'endorsements'] as const;
        const map = maps[op.map];
        const keys = [...recordMap(doc, map).keys()];
        const key = pick(keys, op.target) ?? 'garbage1';
        if (op.target % 3 === 0) recordMap(doc, map).delete(key);
        else recordMap(doc, map).set(key, { broken: op.target } as never);
        return;
      }
      case 'rawDelete': {
        const card = op.map === 0 ? person(op.target) : skill(op.target);
        if (card) recordMap(doc, op.map === 0 ? 'people' : 'skills').delete(card);
        return;
      }
    }
  } catch (error) {
    // Rule violations (e.g. backing your own nomination) are refused by the helpers: fine, nothing was written.
    if ((error as Error).name !== 'BoardValidationError') throw error;
  }
}

describe('SkillIndexer', () => {
  it('does equal a full recomputation after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { minLength: 10, maxLength: 80, size: 'max' }), (ops) => {
        // Start from a small team so that most edits land on something.
        const { doc } = createTeam({
          people: { fatima: 'Fatima', sam: 'Sam', noor: 'Noor' },
          students: { sanne: 'Sanne' },
          skills: { wondzorg: 'wondzorg', injecteren: { label: 'injecteren', reservedAct: true } },
        });
        const indexer = SkillIndexer.fromDoc(doc).observe(doc);
        for (const [i, op] of ops.entries()) {
          play(doc, op);
          // Compare now and then mid-way too, so stale incremental state cannot hide behind a later full pass.
          if (i % 7 === 0) expect(indexer.index()).toEqual(indexOf(doc));
        }
        expect(indexer.index()).toEqual(indexOf(doc));
        indexer.destroy();
      }),
      { numRuns: 200 },
    );
  });

  it('does start from an existing board', () => {
    const doc = createBoard();
    const p = createPerson(doc);
    const s = createSkill(doc);
    setOwnLevel(doc, { personId: p, skillId: s, level: 'can-do', actorId: p });
    expect(SkillIndexer.fromDoc(doc).index()).toEqual(indexOf(doc));
  });
});

describe('pendingNominees', () => {
  it('does list a fresh nomination until it is accepted', () => {
    const { doc, fatima, sam, wond } = createTeam({ people: { fatima: 'Fatima', sam: 'Sam' }, skills: { wond: 'wondzorg' } });
    const link = linkSkill(doc, { personId: sam, skillId: wond, actorId: fatima });
    expect(pendingNominees(deriveSkillIndex(readBoard(doc)), wond)).toEqual([{ personId: sam, nominatedBy: [fatima] }]);
    respondToNomination(doc, link, 'accepted', sam);
    expect(pendingNominees(deriveSkillIndex(readBoard(doc)), wond)).toEqual([]);
  });

  it('does not list apart a nominee who can already be asked through their own level', () => {
    const { doc, fatima, sam, wond } = createTeam({ people: { fatima: 'Fatima', sam: 'Sam' }, skills: { wond: 'wondzorg' } });
    setOwnLevel(doc, { personId: sam, skillId: wond, level: 'can-do', actorId: sam });
    linkSkill(doc, { personId: sam, skillId: wond, actorId: fatima });
    expect(pendingNominees(deriveSkillIndex(readBoard(doc)), wond)).toEqual([]);
  });
});
