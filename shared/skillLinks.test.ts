import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from './docSchema.ts';
import { BoardValidationError } from './recordWrites.ts';
import { effectiveLevel } from './records/skillLink.ts';
import { linkSkill, respondToNomination, setOwnLevel, toggleEndorsement } from './skillLinks.ts';
import { createTeam, NOW } from './test/factory.ts';
import { observe } from './test/observe.ts';
import { createBoardUndoManager } from './undo.ts';

const team = () =>
  createTeam({
    people: { fatima: 'Fatima', sam: 'Sam', noor: 'Noor' },
    skills: { wondzorg: 'wondzorg', injecteren: { label: 'injecteren (s.c./i.m.)', reservedAct: true } },
  });

const linkOf = (doc: Y.Doc, id: string) => readBoard(doc).skillLinks.find((l) => l.id === id)!;

describe('own skills', () => {
  it('claims a skill with the level the person states', () => {
    const { doc, sam, wondzorg } = team();
    const id = setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'can-explain', actorId: sam }, NOW);
    expect(linkOf(doc, id)).toMatchObject({ source: 'self', level: 'can-explain', personId: sam });
    // Stating it again changes the level of the same claim.
    expect(setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'ask-me', actorId: sam })).toBe(id);
    expect(readBoard(doc).skillLinks).toHaveLength(1);
    expect(linkOf(doc, id).level).toBe('ask-me');
  });

  it('does claim a new skill with its level in one transaction, which one undo step takes back whole', () => {
    const { doc, sam, wondzorg } = team();
    const undo = createBoardUndoManager(doc, 0);
    // What another tab receives: one update, never a claim without its level.
    const seenByOtherTab: Array<ReturnType<typeof readBoard>['skillLinks']> = [];
    const otherTab = new Y.Doc();
    Y.applyUpdate(otherTab, Y.encodeStateAsUpdate(doc));
    doc.on('update', (update: Uint8Array) => {
      Y.applyUpdate(otherTab, update);
      seenByOtherTab.push(readBoard(otherTab).skillLinks);
    });
    const observed = observe(doc, () => setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'can-explain', actorId: sam }, NOW));
    expect(observed.error).toBeUndefined();
    expect(observed.transactions).toBe(1);
    expect(seenByOtherTab).toEqual([[expect.objectContaining({ source: 'self', level: 'can-explain' })]]);

    undo.undo();
    expect(readBoard(doc).skillLinks).toEqual([]);
  });

  it('does change the level of an existing claim in one transaction', () => {
    const { doc, sam, wondzorg } = team();
    const id = setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'can-do', actorId: sam }, NOW);
    const undo = createBoardUndoManager(doc, 0);
    const observed = observe(doc, () => setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'ask-me', actorId: sam }, NOW));
    expect(observed.transactions).toBe(1);
    expect(observed.result).toBe(id);
    undo.undo();
    expect(linkOf(doc, id).level).toBe('can-do');
  });

  it('does not let someone else state a person’s own level', () => {
    const { doc, sam, fatima, wondzorg } = team();
    expect(() => setOwnLevel(doc, { personId: sam, skillId: wondzorg, level: 'ask-me', actorId: fatima })).toThrow(/only the person themself/);
    expect(readBoard(doc).skillLinks).toEqual([]);
  });

  it('counts a reserved act as still learning until the person confirms authorised and competent', () => {
    const { doc, sam, injecteren } = team();
    const id = setOwnLevel(doc, { personId: sam, skillId: injecteren, level: 'ask-me', actorId: sam });
    const skill = readBoard(doc).skills.find((s) => s.id === injecteren)!;
    expect(linkOf(doc, id).authorisedAndCompetent).toBe(false);
    expect(effectiveLevel(linkOf(doc, id), skill)).toBe('learning');

    setOwnLevel(doc, { personId: sam, skillId: injecteren, level: 'ask-me', authorisedAndCompetent: true, actorId: sam });
    expect(effectiveLevel(linkOf(doc, id), skill)).toBe('ask-me');
  });

  it('keeps the level as stated for an ordinary skill, whatever the confirmation', () => {
    expect(effectiveLevel({ level: 'can-do' }, { reservedAct: false })).toBe('can-do');
    expect(effectiveLevel({}, { reservedAct: true })).toBeUndefined();
  });
});

describe('nominations', () => {
  it('makes dragging a skill onto a colleague a pending nomination by the actor', () => {
    const { doc, fatima, sam, wondzorg } = team();
    const id = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    expect(linkOf(doc, id)).toMatchObject({ source: 'nomination', nominatedBy: fatima, response: 'pending' });
  });

  it('lets only the nominee accept or decline', () => {
    const { doc, fatima, sam, noor, wondzorg } = team();
    const id = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    expect(() => respondToNomination(doc, id, 'accepted', noor)).toThrow(BoardValidationError);
    expect(() => respondToNomination(doc, id, 'accepted', fatima)).toThrow(/only the nominated person/);
    respondToNomination(doc, id, 'accepted', sam);
    expect(linkOf(doc, id).response).toBe('accepted');
    respondToNomination(doc, id, 'declined', sam);
    expect(linkOf(doc, id).response).toBe('declined');
  });

  it('refuses to answer an own claim as if it were a nomination', () => {
    const { doc, sam, wondzorg } = team();
    const id = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: sam });
    expect(() => respondToNomination(doc, id, 'accepted', sam)).toThrow(/only a nomination/);
  });

  it('lets other colleagues back a nomination once, and take it back', () => {
    const { doc, fatima, sam, noor, wondzorg } = team();
    const id = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    expect(toggleEndorsement(doc, id, noor)).toBe(true);
    expect(readBoard(doc).endorsements.map((e) => e.personId)).toEqual([noor]);
    expect(toggleEndorsement(doc, id, noor)).toBe(false);
    expect(readBoard(doc).endorsements).toEqual([]);
  });

  it('does not let the nominee or the nominator back their own nomination', () => {
    const { doc, fatima, sam, wondzorg } = team();
    const id = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    expect(() => toggleEndorsement(doc, id, sam)).toThrow(/cannot back/);
    expect(() => toggleEndorsement(doc, id, fatima)).toThrow(/cannot back/);
  });

  it('makes two tabs backing at once one backing, not two', () => {
    const { doc, fatima, sam, noor, wondzorg } = team();
    const id = linkSkill(doc, { personId: sam, skillId: wondzorg, actorId: fatima });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    toggleEndorsement(doc, id, noor);
    toggleEndorsement(other, id, noor);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readBoard(doc).endorsements).toHaveLength(1);
    expect(readBoard(other)).toEqual(readBoard(doc));
  });
});
