import { CARD_SIZE } from '../../shared/cardSize.ts';

/**
 * Card geometry, in board units. Pure: the same board gives the same layout on every peer,
 * which is what makes hit-testing, "fit all" and the rename overlay agree with the drawing.
 */

export const PERSON_CARD = {
  width: CARD_SIZE.person.width,
  padding: 14,
  headerHeight: 72,
  avatar: 44,
  nameSize: 18,
  roleSize: 13,
  chipHeight: 30,
  chipGap: 6,
  chipTextSize: 14,
  chipPaddingX: 10,
  /** Room for the "×" at a chip's right end, when the chip can be removed. */
  chipRemoveWidth: 26,
  /** Dot that shows the chip's category colour. */
  chipDot: 10,
} as const;

/** Skill cards are compact stamps, the same size with or without the reserved-act mark. */
export const SKILL_CARD = {
  width: CARD_SIZE.skill.width,
  height: CARD_SIZE.skill.height,
  padding: 12,
  stripHeight: 6,
  labelSize: 17,
  /** Vertical centre of the label line. */
  labelCenter: 21,
  metaY: 35,
  metaSize: 12,
  /** Room the reserved-act icon takes at the right of the label. */
  reservedIcon: 22,
} as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Measures the width of `text` in a canvas font string such as "bold 14px sans-serif". */
export type MeasureText = (text: string, font: string) => number;

export interface ChipBox {
  x: number;
  y: number;
  width: number;
}

/**
 * Flows chips left to right, wrapping onto new lines; a chip wider than the card is cut
 * to the card's width (its text is drawn with an ellipsis).
 */
export function layoutChips(textWidths: readonly number[], extra: number, maxWidth: number, chipHeight: number, gap: number) {
  const boxes: ChipBox[] = [];
  let x = 0;
  let y = 0;
  for (const textWidth of textWidths) {
    const width = Math.min(maxWidth, Math.ceil(textWidth + extra));
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      y += chipHeight + gap;
    }
    boxes.push({ x, y, width });
    x += width + gap;
  }
  return { boxes, height: textWidths.length === 0 ? 0 : y + chipHeight };
}

/** Height of a person card with the given chip area. An empty card keeps room for the drop hint. */
export function personCardHeight(chipsHeight: number): number {
  const { headerHeight, padding, chipHeight } = PERSON_CARD;
  return headerHeight + Math.max(chipsHeight, chipHeight) + padding;
}

/**
 * The largest of `sizes` (descending) at which `text` fits in `maxWidth`, else the
 * smallest: long Dutch compounds ("mantelzorger betrekken bij het zorgplan") stay
 * readable instead of being cut off early.
 */
export function fitFontSize(text: string, sizes: readonly number[], maxWidth: number, font: (size: number) => string, measure: MeasureText): number {
  for (const size of sizes) if (measure(text, font(size)) <= maxWidth) return size;
  return sizes[sizes.length - 1];
}

/** Height of the line box a card's title is centred in, whatever its fitted font size. */
export const TITLE_LINE = 22;

export const skillCardHeight = (_reservedAct: boolean) => SKILL_CARD.height;

export function boundsOf(rects: Iterable<Rect>): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX === Infinity ? null : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export const contains = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

const overlaps = (a: Rect, b: Rect, gap: number) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/**
 * Where a new card goes: as close to `center` as possible without covering another card,
 * searching outwards ring by ring. Cards added one after another therefore line up next
 * to each other instead of hiding each other (and a drop always hits the card you see).
 */
export function placeNewCard(center: Point, size: { width: number; height: number }, existing: Iterable<Rect>, gap = 16): Point {
  const step = 24;
  const rings = 60;
  const start = { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) };
  // Only cards within reach of the search matter; on a 5,000-card board that is a handful.
  const reach = { x: start.x - rings * step, y: start.y - rings * step, width: size.width + 2 * rings * step, height: size.height + 2 * rings * step };
  const taken = [...existing].filter((r) => overlaps(r, reach, gap));
  const free = (p: Point) => !taken.some((r) => overlaps({ ...p, ...size }, r, gap));
  if (free(start)) return start;
  for (let ring = 1; ring <= rings; ring++) {
    let best: Point | null = null;
    let bestDistance = Infinity;
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of [
        [i, -ring],
        [i, ring],
        [-ring, i],
        [ring, i],
      ]) {
        // Sideways steps count less than vertical ones: rows of cards read better on wide screens.
        const p = { x: start.x + dx * step, y: start.y + dy * step };
        const distance = Math.hypot(dx * 0.8, dy);
        if (distance < bestDistance && free(p)) {
          best = p;
          bestDistance = distance;
        }
      }
    }
    if (best) return best;
  }
  return { x: start.x + step, y: start.y + step };
}

/**
 * Board positions for cards that have none (e.g. created by an importer or an older
 * client): a grid below everything that is placed, in id order so every peer agrees.
 */
export function autoPlace(
  unplaced: ReadonlyArray<{ id: string; width: number; height: number }>,
  placedBounds: Rect | null,
  columns = 4,
  gap = 24,
): Map<string, Point> {
  const result = new Map<string, Point>();
  const startX = placedBounds ? placedBounds.x : 0;
  let y = placedBounds ? placedBounds.y + placedBounds.height + gap * 2 : 0;
  const cellWidth = PERSON_CARD.width + gap;
  for (let row = 0; row * columns < unplaced.length; row++) {
    const cards = unplaced.slice(row * columns, row * columns + columns);
    cards.forEach((card, column) => result.set(card.id, { x: startX + column * cellWidth, y }));
    y += Math.max(...cards.map((c) => c.height)) + gap;
  }
  return result;
}

/** Left edge of a person card's name and role text. */
export const PERSON_TEXT_X = PERSON_CARD.padding + PERSON_CARD.avatar + 14;

/**
 * Where a card's name is drawn, in board units, as a box a little larger than the text:
 * the rename field is laid exactly over it.
 */
export function nameBox(type: 'person' | 'skill', card: Rect): Rect & { fontSize: number } {
  if (type === 'person') {
    const top = PERSON_CARD.padding + 2 + PERSON_CARD.nameSize / 2;
    return { x: card.x + PERSON_TEXT_X - 6, y: card.y + top - 14, width: card.width - PERSON_TEXT_X - PERSON_CARD.padding + 12, height: 28, fontSize: PERSON_CARD.nameSize };
  }
  return {
    x: card.x + SKILL_CARD.padding - 6,
    y: card.y + SKILL_CARD.labelCenter - 14,
    width: card.width - SKILL_CARD.padding * 2 + 12,
    height: 28,
    fontSize: SKILL_CARD.labelSize,
  };
}
