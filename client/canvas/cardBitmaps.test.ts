import { describe, expect, it } from 'vitest';
import { looksTheSame } from './cardBitmaps.ts';

const chips = [{ linkId: 'l1', text: 'Wondzorg' }];
const card = { id: 'p1', title: 'Fatima', x: 10, y: 20, chips };
const props = { card, selected: false, texts: { noSkills: 'Nog geen vaardigheden' } };

describe('looksTheSame: whether a card keeps its bitmap', () => {
  it('keeps it when the card only moved', () => {
    expect(looksTheSame(props, { ...props, card: { ...card, x: 300, y: -40 } })).toBe(true);
  });

  it('keeps it when nothing changed', () => {
    expect(looksTheSame(props, { ...props })).toBe(true);
  });

  it('makes a new one when a field of the card changed, even if it also moved', () => {
    expect(looksTheSame(props, { ...props, card: { ...card, title: 'Fatima El Amrani' } })).toBe(false);
    expect(looksTheSame(props, { ...props, card: { ...card, x: 0, chips: [...chips] } })).toBe(false);
  });

  it('makes a new one when a prop beside the card changed', () => {
    expect(looksTheSame(props, { ...props, selected: true })).toBe(false);
    expect(looksTheSame(props, { ...props, texts: { noSkills: 'No skills yet' } })).toBe(false);
  });

  it('makes a new one when a field appears or goes', () => {
    expect(looksTheSame(props, { ...props, card: { ...card, colour: '#0f766e' } as typeof card })).toBe(false);
    const { title: _title, ...untitled } = card;
    expect(looksTheSame(props, { ...props, card: untitled as typeof card })).toBe(false);
  });
});
