import { describe, expect, it } from 'vitest';
import { readBoard } from '../../shared/docSchema.ts';
import { matchQuestion } from '../../shared/matching.ts';
import { deriveSkillIndex } from '../../shared/skillIndex.ts';
import { setOwnLevel } from '../../shared/skillLinks.ts';
import { createBoard, createPerson, createQuestion, createSkill, createTeam, NOW } from '../../shared/test/factory.ts';
import { coverageRows, heat, matchGroups, riskCounts } from './helpModel.ts';
import { moveQuestion } from '../../shared/learningQuestions.ts';

describe('matchGroups', () => {
  it('does put fellow students in the peer group, with reasons in the chosen language and the allowed asks', () => {
    const { doc, fatima, sanne, daan, mondzorg } = createTeam({ people: { fatima: 'Fatima' }, students: { sanne: 'Sanne', daan: 'Daan' }, skills: { mondzorg: 'mondzorg' } });
    setOwnLevel(doc, { personId: fatima, skillId: mondzorg, level: 'can-explain', actorId: fatima });
    setOwnLevel(doc, { personId: daan, skillId: mondzorg, level: 'can-do', actorId: daan });
    const question = createQuestion(doc, sanne, { skillIds: [mondzorg] });
    moveQuestion(doc, question, 'looked-up', {}, NOW);
    const board = readBoard(doc);
    const matches = matchQuestion(board, deriveSkillIndex(board), question, NOW)!;
    const kinds = new Map(board.people.map((p) => [p.id, p.kind]));
    const names = new Map(board.people.map((p) => [p.id, p.name]));
    const groups = matchGroups(matches, 'looked-up', (id) => kinds.get(id), (id) => names.get(id) ?? '', 'nl');
    expect(groups.peers.map((r) => [r.name, r.reason, r.ask.allowed])).toEqual([['Daan', 'zelf: kan het', true]]);
    expect(groups.professionals.map((r) => [r.name, r.reason, r.ask.allowed])).toEqual([['Fatima', 'zelf: kan het uitleggen', false]]);
    const en = matchGroups(matches, 'asked-peers', (id) => kinds.get(id), (id) => names.get(id) ?? '', 'en');
    expect(en.professionals[0]).toMatchObject({ reason: 'self: can explain it', ask: { allowed: true } });
  });
});

describe('coverageRows', () => {
  it('does list uncovered and single-person skills first, filter by category and count the risks', () => {
    const doc = createBoard();
    const fatima = createPerson(doc, { name: 'Fatima' });
    const sam = createPerson(doc, { name: 'Sam' });
    const wond = createSkill(doc, { label: 'wondzorg', category: 'zorgverlener' });
    const sbar = createSkill(doc, { label: 'SBAR-overdracht', category: 'communicator' });
    const mond = createSkill(doc, { label: 'mondzorg', category: 'zorgverlener' });
    setOwnLevel(doc, { personId: fatima, skillId: wond, level: 'can-do', actorId: fatima });
    setOwnLevel(doc, { personId: sam, skillId: wond, level: 'ask-me', actorId: sam });
    setOwnLevel(doc, { personId: sam, skillId: sbar, level: 'can-explain', actorId: sam });
    const board = readBoard(doc);
    const index = deriveSkillIndex(board);
    const label = (id: string) => board.skills.find((s) => s.id === id)!.label;
    const all = coverageRows(board, index, label, null);
    expect(all.map((r) => [r.label, r.coverage.risk])).toEqual([
      ['mondzorg', 'uncovered'],
      ['SBAR-overdracht', 'single'],
      ['wondzorg', 'covered'],
    ]);
    expect(all[1].personIds).toEqual([sam]);
    expect(all[2].coverage.byLevel).toMatchObject({ 'can-do': 1, 'ask-me': 1 });
    expect(riskCounts(all)).toEqual({ uncovered: 1, single: 1, covered: 1 });
    expect(coverageRows(board, index, label, 'communicator').map((r) => r.label)).toEqual(['SBAR-overdracht']);
  });

  it('does clamp the heat shade', () => {
    expect([0, 1, 3, 4, 9].map(heat)).toEqual([0, 1, 3, 4, 4]);
  });
});
