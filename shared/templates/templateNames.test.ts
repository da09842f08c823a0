import { describe, expect, it } from 'vitest';
import { templateSkillLabel, templateSkillNames } from './templateNames.ts';

describe('templateSkillLabel', () => {
  it('does translate an untouched template skill', () => {
    expect(templateSkillLabel({ label: 'wondzorg', templateKey: 'wound-care' }, 'en')).toBe('wound care');
    expect(templateSkillLabel({ label: 'wondzorg', templateKey: 'wound-care' }, 'nl')).toBe('wondzorg');
  });
  it('does keep a renamed template skill as the team wrote it', () => {
    expect(templateSkillLabel({ label: 'wondverzorging', templateKey: 'wound-care' }, 'en')).toBe('wondverzorging');
  });
  it('does keep skills that are not from a template, or from an unknown one', () => {
    expect(templateSkillLabel({ label: 'tillift' }, 'en')).toBe('tillift');
    expect(templateSkillLabel({ label: 'x', templateKey: 'nope' }, 'en')).toBe('x');
  });
});

describe('templateSkillNames', () => {
  it('does name a template skill in both languages, also after the team renamed it', () => {
    expect(templateSkillNames({ templateKey: 'wound-care' })).toEqual(['wondzorg', 'wound care']);
    expect(templateSkillNames({ templateKey: 'nope' })).toEqual([]);
    expect(templateSkillNames({})).toEqual([]);
  });
});
