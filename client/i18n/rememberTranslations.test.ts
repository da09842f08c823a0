import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { rememberTranslations } from './rememberTranslations.ts';

describe('rememberTranslations', () => {
  it('asks for a plain key once, and passes calls with options through every time', () => {
    const asked: unknown[][] = [];
    const t = (key: string, options?: { name: string }) => {
      asked.push(options ? [key, options] : [key]);
      return options ? `${key}:${options.name}` : `text of ${key}`;
    };
    const remembered = rememberTranslations(t as unknown as TFunction) as unknown as typeof t;
    expect(remembered('board.saved')).toBe('text of board.saved');
    expect(remembered('board.saved')).toBe('text of board.saved');
    expect(remembered('card.you', { name: 'Fatima' })).toBe('card.you:Fatima');
    expect(remembered('card.you', { name: 'Noor' })).toBe('card.you:Noor');
    expect(asked).toEqual([['board.saved'], ['card.you', { name: 'Fatima' }], ['card.you', { name: 'Noor' }]]);
  });
});
