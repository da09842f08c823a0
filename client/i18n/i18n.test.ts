import { describe, expect, it } from 'vitest';
import { PERSON_KINDS, SKILL_CATEGORIES, STUDENT_LEVELS, SKILL_LEVELS } from '../../shared/index.ts';
import { nl } from './nl.ts';
import { en } from './en.ts';
import { pickLanguage } from './language.ts';

function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? keysOf(child, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('has the same keys in Dutch and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });

  it('does name every person kind, skill category and level in both languages', () => {
    for (const messages of [nl, en]) {
      for (const kind of PERSON_KINDS) expect(messages.personKind[kind]).toBeTruthy();
      for (const category of SKILL_CATEGORIES) expect(messages.skillCategory[category]).toBeTruthy();
      for (const level of STUDENT_LEVELS) expect(messages.studentLevel[level] && messages.studentLevelShort[level]).toBeTruthy();
      for (const level of SKILL_LEVELS) expect(messages.skillLevel[level]).toBeTruthy();
    }
  });

  it('has no empty strings', () => {
    for (const messages of [nl, en]) {
      for (const key of keysOf(messages)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        expect(value, key).not.toBe('');
      }
    }
  });
});

describe('pickLanguage', () => {
  it('defaults to Dutch', () => expect(pickLanguage('', null)).toBe('nl'));
  it('does use the remembered language', () => expect(pickLanguage('', 'en')).toBe('en'));
  it('does let ?lang= win over the remembered language', () => expect(pickLanguage('?lang=nl', 'en')).toBe('nl'));
  it('ignores unknown languages', () => expect(pickLanguage('?lang=de', 'fr')).toBe('nl'));
  it('is case-insensitive in the query', () => expect(pickLanguage('?x=1&lang=EN', null)).toBe('en'));
});
