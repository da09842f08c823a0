import { describe, expect, it } from 'vitest';
import { foldText, searchSkills } from './skillSearch.ts';
import type { Skill } from './records/skill.ts';

const skill = (id: string, label: string, synonyms?: string[]): Skill => ({ id, label, category: 'zorgverlener', reservedAct: false, createdAt: 0, ...(synonyms ? { synonyms } : {}) });
const skills = [
  skill('a', 'wondzorg', ['wondverzorging']),
  skill('b', 'decubituspreventie', ['doorliggen']),
  skill('c', 'valpreventie'),
  skill('d', 'infectiepreventie', ['hygiëne']),
  skill('e', 'ethische dilemma’s bespreken'),
];
const labels = (query: string, extra?: (s: Skill) => string[]) => searchSkills(skills, query, extra).map((m) => m.skill.label);

describe('skill search', () => {
  it('ignores case, accents and punctuation', () => {
    expect(foldText('  Hygiëne, É-health! ')).toBe('hygiene e health');
    expect(labels('HYGIENE')).toEqual(['infectiepreventie']);
    expect(labels('dilemmas')).toEqual(['ethische dilemma’s bespreken']);
  });

  it('finds by the start of a word, by a synonym and inside compound words', () => {
    expect(labels('wond')).toEqual(['wondzorg']);
    expect(labels('doorlig')).toEqual(['decubituspreventie']);
    expect(labels('preventie')).toEqual(['decubituspreventie', 'infectiepreventie', 'valpreventie']);
  });

  it('puts label matches before synonym matches and says which synonym matched', () => {
    const list = searchSkills([skill('x', 'mondzorg', ['wondje']), skill('y', 'wondzorg')], 'wond');
    expect(list.map((m) => m.skill.label)).toEqual(['wondzorg', 'mondzorg']);
    expect(list[1].via).toBe('wondje');
  });

  it('finds by extra names such as the English label of a template skill', () => {
    expect(labels('wound', (s) => (s.id === 'a' ? ['wound care'] : []))).toEqual(['wondzorg']);
  });

  it('does find a template skill by its name in either language without being told', () => {
    const fromTemplate = [{ ...skill('t', 'wondzorg'), templateKey: 'wound-care' }, skill('u', 'mondzorg')];
    expect(searchSkills(fromTemplate, 'wound care').map((m) => m.skill.id)).toEqual(['t']);
    expect(searchSkills(fromTemplate, 'wound care')[0].via).toBe('wound care');
    // A skill the team made itself has no other-language name.
    expect(searchSkills([skill('v', 'wondzorg')], 'wound care')).toEqual([]);
  });

  it('lists everything alphabetically for an empty query, and nothing when a word is missing', () => {
    expect(labels('')).toHaveLength(skills.length);
    expect(labels('wondzorg xyz')).toEqual([]);
  });
});
