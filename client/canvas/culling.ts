import type { CardContents } from './viewTypes.ts';
import type { Point, Rect } from '../model/layout.ts';
import type { Viewport } from './viewport.ts';

/**
 * Above this many cards in view the board is drawn as an overview: one shape with a
 * coloured block per card instead of a full card (frame, texts, chips) each. At that
 * density the card texts are too small to read anyway, and a browser cannot draw
 * thousands of full cards 60 times a second.
 */
export const DETAIL_MAX_CARDS = 250;

/** Cards just outside the screen are drawn too (this share of the screen on every side), so a pan shows them at once. */
export const CULL_MARGIN = 0.3;

export interface CulledView extends CardContents {
  /** Cards on the screen itself (without the margin). */
  inView: number;
}

/** The part of the board a screen of `size` shows, grown by `margin` × its size on every side. */
export function boardArea(viewport: Viewport, size: { width: number; height: number }, margin = 0): Rect {
  const width = size.width / viewport.scale;
  const height = size.height / viewport.scale;
  return { x: -viewport.x / viewport.scale - width * margin, y: -viewport.y / viewport.scale - height * margin, width: width * (1 + 2 * margin), height: height * (1 + 2 * margin) };
}

/** Two rectangles share some area (touching edges do not count). */
export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;

/** The cards worth drawing for this viewport: those on the screen or within the margin around it. */
export function cullView(view: CardContents, viewport: Viewport, size: { width: number; height: number }, margin = CULL_MARGIN): CulledView {
  const screen = boardArea(viewport, size);
  const area = boardArea(viewport, size, margin);
  let inView = 0;
  const keep = <T extends Rect>(cards: T[]): T[] => {
    const out: T[] = [];
    for (const card of cards) {
      if (!overlaps(card, area)) continue;
      out.push(card);
      if (overlaps(card, screen)) inView++;
    }
    return out.length === cards.length ? cards : out;
  };
  return { people: keep(view.people), skills: keep(view.skills), questions: keep(view.questions), reactions: keep(view.reactions), inView };
}

/** The topmost card under a board point, in drawing order (skills on top, reactions at the bottom). */
export function cardAt(lists: CardContents, point: Point): string | null {
  const inside = (c: Rect) => point.x >= c.x && point.x <= c.x + c.width && point.y >= c.y && point.y <= c.y + c.height;
  for (const list of [lists.skills, lists.people, lists.questions, lists.reactions] as Rect[][] as Array<Array<Rect & { id: string }>>) {
    for (let i = list.length - 1; i >= 0; i--) if (inside(list[i])) return list[i].id;
  }
  return null;
}
