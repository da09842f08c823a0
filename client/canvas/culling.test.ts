import { describe, expect, it } from 'vitest';
import { boardArea, cardAt, cullView } from './culling.ts';
import type { CardContents } from './viewTypes.ts';

const card = (id: string, x: number, y: number) => ({ id, x, y, width: 100, height: 50 });
const lists = (people: ReturnType<typeof card>[], skills: ReturnType<typeof card>[] = []) =>
  ({ people, skills, questions: [], reactions: [] }) as unknown as CardContents;

describe('boardArea', () => {
  it('does turn the screen into board units, grown by the margin on every side', () => {
    expect(boardArea({ x: -100, y: -50, scale: 0.5 }, { width: 400, height: 200 })).toEqual({ x: 200, y: 100, width: 800, height: 400 });
    expect(boardArea({ x: 0, y: 0, scale: 1 }, { width: 400, height: 200 }, 0.5)).toEqual({ x: -200, y: -100, width: 800, height: 400 });
  });
});

describe('cullView', () => {
  const screen = { width: 1000, height: 500 };
  it('does keep the cards on screen and within the margin, and counts only those on screen as in view', () => {
    const onScreen = card('a', 10, 10);
    const inMargin = card('b', 1100, 10);
    const far = card('c', 5000, 10);
    const culled = cullView(lists([onScreen, inMargin, far]), { x: 0, y: 0, scale: 1 }, screen, 0.5);
    expect(culled.people.map((c) => c.id)).toEqual(['a', 'b']);
    expect(culled.inView).toBe(1);
  });

  it('does follow the viewport: zoomed out, the far card is in view', () => {
    const culled = cullView(lists([card('a', 10, 10), card('c', 5000, 10)]), { x: 0, y: 0, scale: 0.1 }, screen, 0.5);
    expect(culled.inView).toBe(2);
  });

  it('does hand back the same list when every card stays', () => {
    const people = [card('a', 10, 10), card('b', 20, 20)];
    expect(cullView(lists(people), { x: 0, y: 0, scale: 1 }, screen).people).toBe(people);
  });
});

describe('cardAt', () => {
  it('does find the topmost card: a skill lying on a person wins', () => {
    const view = lists([card('person', 0, 0)], [card('skill', 50, 20)]);
    expect(cardAt(view, { x: 60, y: 30 })).toBe('skill');
    expect(cardAt(view, { x: 10, y: 10 })).toBe('person');
    expect(cardAt(view, { x: 500, y: 500 })).toBeNull();
  });
});
