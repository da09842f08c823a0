import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { readBoard } from './docSchema.ts';
import { linkSkill } from './skillLinks.ts';
import { moveQuestion } from './learningQuestions.ts';
import { respondToNomination, setOwnLevel, toggleEndorsement } from './skillLinks.ts';
import { deriveSkillIndex } from './skillIndex.ts';
import { matchQuestion, RECENT_ASK_WINDOW_MS, suggestPeerPairs, whoCanHelp } from './matching.ts';
import { describeReasons } from './matchReasons.ts';
import { SKILL_LEVELS } from './records/skillLink.ts';
import { createBoard, createPair, createPerson, createQuestion, createSkill, createStudent, createTeam, NOW } from './test/factory.ts';

const DAY = 24 * 60 * 60 * 1000;

const ward = () =>
  createTeam({
    people: { fatima: 'Fatima', sam: 'Sam', noor: 'Noor' },
    students: { sanne: 'Sanne', daan: 'Daan' },
    skills: { mondzorg: 'mondzorg', injecteren: { label: 'injecteren', reservedAct: true } },
  });

const match = (doc: Y.Doc, questionId: string, now = NOW) => {
  const board = readBoard(doc);
  return matchQuestion(board, deriveSkillIndex(board), questionId, now)!;
};

describe('matchQuestion', () => {
  it('does not count a nomination the nominee declined', () => {
    const { doc, fatima, sam, sanne, mondzorg } = ward();
    setOwnLevel(doc, { personId: sam, skillId: mondzorg, level: 'can-do', actorId: sam });
    const nomination = linkSkill(doc, { personId: sam, skillId: mondzorg, actorId: fatima });
    const question = createQuestion(doc, sanne, { skillIds: [mondzorg] });
    const samOf = () => match(doc, question).professionals.find((c) => c.personId === sam)!;
    const pending = samOf();
    expect(pending.reasons).toContainEqual({ kind: 'nominations', count: 1, backers: 0 });
    respondToNomination(doc, nomination, 'declined', sam);
    const declined = samOf();
    expect(declined.reasons.some((r) => r.kind === 'nominations')).toBe(false);
    expect(declined.score).toBeLessThan(pending.score);
  });

  it('does rank higher self levels and nominations first, and explains why', () => {
    const { doc, fatima, sam, noor, sanne, mondzorg } = ward();
    setOwnLevel(doc, { personId: fatima, skillId: mondzorg, level: 'can-do', actorId: fatima });
    setOwnLevel(doc, { personId: sam, skillId: mondzorg, level: 'can-explain', actorId: sam });
    const nomination = linkSkill(doc, { personId: sam, skillId: mondzorg, actorId: fatima });
    respondToNomination(doc, nomination, 'accepted', sam);
    toggleEndorsement(doc, nomination, noor);
    const question = createQuestion(doc, sanne, { skillIds: [mondzorg] });

    const { professionals } = match(doc, question);
    expect(professionals.map((c) => c.personId)).toEqual([sam, fatima]);
    expect(describeReasons(professionals[0].reasons)).toBe('zelf: kan het uitleggen · 1 nominatie (+1)');
    expect(describeReasons(professionals[0].reasons, 'en')).toBe('self: can explain it · 1 nomination (+1)');
  });

  it('does rank people who were asked often this week lower, to spread the load', () => {
    const { doc, fatima, sam, sanne, daan, mondzorg } = ward();
    setOwnLevel(doc, { personId: fatima, skillId: mondzorg, level: 'ask-me', actorId: fatima });
    setOwnLevel(doc, { personId: sam, skillId: mondzorg, level: 'can-explain', actorId: sam });
    for (let i = 0; i < 3; i++) {
      const earlier = createQuestion(doc, daan, { text: `vraag ${i}`, skillIds: [] });
      moveQuestion(doc, earlier, 'looked-up', {}, NOW - DAY);
      moveQuestion(doc, earlier, 'asked-peers', {}, NOW - DAY);
      moveQuestion(doc, earlier, 'asked-professional', { askedPersonId: fatima }, NOW - DAY);
    }
    const question = createQuestion(doc, sanne, { skillIds: [mondzorg] });
    const ranked = match(doc, question).professionals;
    expect(ranked.map((c) => c.personId)).toEqual([sam, fatima]);
    expect(describeReasons(ranked[1].reasons)).toBe('zelf: hier kun je mij voor vragen · deze week al 3× gevraagd');
    // A week later those asks no longer weigh.
    expect(match(doc, question, NOW + RECENT_ASK_WINDOW_MS + DAY).professionals.map((c) => c.personId)).toEqual([fatima, sam]);
  });

  it('does never suggest the student themself', () => {
    const { doc, sanne, mondzorg } = ward();
    setOwnLevel(doc, { personId: sanne, skillId: mondzorg, level: 'ask-me', actorId: sanne });
    const question = createQuestion(doc, sanne, { skillIds: [mondzorg] });
    const { peers, professionals } = match(doc, question);
    expect([...peers, ...professionals].map((c) => c.personId)).not.toContain(sanne);
  });

  it('does offer only people who confirmed authorised and competent for a reserved act', () => {
    const { doc, fatima, sam, sanne, daan, injecteren } = ward();
    setOwnLevel(doc, { personId: fatima, skillId: injecteren, level: 'ask-me', actorId: fatima });
    setOwnLevel(doc, { personId: sam, skillId: injecteren, level: 'can-do', authorisedAndCompetent: true, actorId: sam });
    // Daan answered a similar question, but that does not make him fit to teach injecting.
    const similar = createQuestion(doc, daan, { skillIds: [injecteren] });
    moveQuestion(doc, similar, 'answered', { answer: 'zo' });
    const question = createQuestion(doc, sanne, { skillIds: [injecteren] });
    const { peers, professionals } = match(doc, question);
    expect(professionals.map((c) => c.personId)).toEqual([sam]);
    expect(peers).toEqual([]);
  });

  it('does offer fellow students who answered a similar question as the peer step', () => {
    const { doc, fatima, sanne, daan, mondzorg } = ward();
    setOwnLevel(doc, { personId: fatima, skillId: mondzorg, level: 'ask-me', actorId: fatima });
    const similar = createQuestion(doc, daan, { skillIds: [mondzorg] });
    moveQuestion(doc, similar, 'answered', { answer: 'Met een kindertandenborstel' });
    const question = createQuestion(doc, sanne, { skillIds: [mondzorg] });
    const { peers, professionals } = match(doc, question);
    expect(peers.map((c) => c.personId)).toEqual([daan]);
    expect(describeReasons(peers[0].reasons)).toBe('vond 1× het antwoord op een vergelijkbare vraag');
    expect(professionals.map((c) => c.personId)).toEqual([fatima]);
  });

  it('does answer null for an unknown question', () => {
    const { doc } = ward();
    const board = readBoard(doc);
    expect(matchQuestion(board, deriveSkillIndex(board), 'nosuchquestion', NOW)).toBeNull();
  });

  it('whoCanHelp does rank people for one skill', () => {
    const { doc, fatima, sam, mondzorg } = ward();
    setOwnLevel(doc, { personId: fatima, skillId: mondzorg, level: 'can-do', actorId: fatima });
    setOwnLevel(doc, { personId: sam, skillId: mondzorg, level: 'ask-me', actorId: sam });
    const board = readBoard(doc);
    expect(whoCanHelp(board, deriveSkillIndex(board), mondzorg, NOW).map((c) => c.personId)).toEqual([sam, fatima]);
  });
});

describe('suggestPeerPairs', () => {
  it('does pair a student who asks about what another brings, and leaves existing pairs out', () => {
    const { doc, sanne, daan, mondzorg } = ward();
    const third = createStudent(doc, { name: 'Lotte' });
    setOwnLevel(doc, { personId: daan, skillId: mondzorg, level: 'can-do', actorId: daan });
    createQuestion(doc, sanne, { skillIds: [mondzorg] });
    createQuestion(doc, third, { skillIds: [mondzorg] });
    let board = readBoard(doc);
    const suggestions = suggestPeerPairs(board, deriveSkillIndex(board));
    expect(suggestions[0].complements).toHaveLength(1);
    expect(suggestions.map((s) => [...s.studentIds].sort())).toContainEqual([sanne, third].sort());
    createPair(doc, sanne, daan);
    board = readBoard(doc);
    expect(suggestPeerPairs(board, deriveSkillIndex(board)).some((s) => s.studentIds.includes(sanne) && s.studentIds.includes(daan))).toBe(false);
  });
});

describe('matching rules under random boards', () => {
  it('does never suggest the student, never an unconfirmed person for a reserved act, and is deterministic', () => {
    const claim = fc.record({ person: fc.nat(5), skill: fc.nat(3), level: fc.nat(3), confirmed: fc.boolean(), nominatedBy: fc.option(fc.nat(5)), accept: fc.boolean() });
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 30 }), fc.nat(3), fc.array(fc.nat(3), { minLength: 1, maxLength: 3 }), (claims, asker, tags) => {
        const doc = createBoard();
        const people = [createPerson(doc, { name: 'A' }), createPerson(doc, { name: 'B' }), createPerson(doc, { name: 'C' }), createStudent(doc, { name: 'D' }), createStudent(doc, { name: 'E' }), createStudent(doc, { name: 'F' })];
        const skills = [createSkill(doc, { label: 'a' }), createSkill(doc, { label: 'b', reservedAct: true }), createSkill(doc, { label: 'c', reservedAct: true }), createSkill(doc, { label: 'd' })];
        for (const c of claims) {
          const personId = people[c.person];
          const skillId = skills[c.skill];
          if (c.nominatedBy !== null && people[c.nominatedBy] !== personId) {
            const link = linkSkill(doc, { personId, skillId, actorId: people[c.nominatedBy] });
            respondToNomination(doc, link, c.accept ? 'accepted' : 'declined', personId);
          } else {
            setOwnLevel(doc, { personId, skillId, level: SKILL_LEVELS[c.level], authorisedAndCompetent: c.confirmed, actorId: personId });
          }
        }
        const student = people[3 + (asker % 3)];
        const skillIds = [...new Set(tags.map((t) => skills[t]))];
        const question = createQuestion(doc, student, { skillIds });
        const board = readBoard(doc);
        const index = deriveSkillIndex(board);
        const result = matchQuestion(board, index, question, NOW)!;
        const all = [...result.peers, ...result.professionals];
        expect(all.map((c) => c.personId)).not.toContain(student);
        const onlyReserved = skillIds.every((id) => board.skills.find((s) => s.id === id)!.reservedAct);
        for (const candidate of all) {
          // Every candidate can be asked for at least one of the question's skills...
          const holders = skillIds.flatMap((id) => index.bySkill.get(id) ?? []).filter((h) => h.personId === candidate.personId && h.canBeAsked);
          expect(holders.length).toBeGreaterThan(0);
          // ...and for a reserved-act question that means confirmed authorised and competent.
          if (onlyReserved) expect(holders.some((h) => h.authorisedAndCompetent)).toBe(true);
        }
        expect(matchQuestion(board, deriveSkillIndex(readBoard(doc)), question, NOW)).toEqual(result);
      }),
      { numRuns: 200 },
    );
  });
});
