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
  // Text width grows in proportion to the font size: one measurement (the costly part of
  // laying out thousands of cards) answers for every size. Titles end in "…" if it is a pixel off.
  const widthPerPx = measure(text, font(sizes[0])) / sizes[0];
  for (const size of sizes) if (widthPerPx * size <= maxWidth) return size;
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

/** Height of the small heading above each chip group ("Eigen vaardigheden", "Genomineerd"). */
export const CHIP_GROUP_HEADING = 20;
/** Space between the two chip groups. */
export const CHIP_GROUP_GAP = 8;

export interface ChipGroupLayout {
  /** Top of the group's heading, relative to the chip area. */
  headingY: number;
  boxes: ChipBox[];
}

/**
 * Lays out chip groups one below the other, each under its own heading; an empty group
 * takes no room at all. `groups` holds each chip's full width; boxes are relative to the
 * chip area, like layoutChips.
 */
export function layoutChipGroups(
  groups: ReadonlyArray<readonly number[]>,
  maxWidth: number,
  chipHeight: number,
  gap: number,
): { groups: ChipGroupLayout[]; height: number } {
  const result: ChipGroupLayout[] = [];
  let y = 0;
  for (const widths of groups) {
    if (widths.length === 0) {
      result.push({ headingY: y, boxes: [] });
      continue;
    }
    if (y > 0) y += CHIP_GROUP_GAP;
    const headingY = y;
    const flow = layoutChips(widths, 0, maxWidth, chipHeight, gap);
    const top = y + CHIP_GROUP_HEADING;
    result.push({ headingY, boxes: flow.boxes.map((b) => ({ ...b, y: b.y + top })) });
    y = top + flow.height;
  }
  return { groups: result, height: y };
}

/**
 * Breaks text into lines that fit `maxWidth`, word by word; a word longer than a line is
 * cut. More than `maxLines` lines end in an ellipsis. Computed here, not by Konva, so the
 * card's height and the drawn text always agree.
 */
export function wrapText(text: string, maxWidth: number, font: string, measure: MeasureText, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, font) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      // A single word wider than the line (a long compound): cut it where it no longer fits.
      while (measure(line, font) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut), font) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && measure(`${last}…`, font) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** A learning-question card: a question, its skills and theme, and its five steps. */
export const QUESTION_CARD = {
  width: 300,
  padding: 14,
  /** "Leervraag · Noor" and the theme badge. */
  headerHeight: 30,
  textSize: 16,
  lineHeight: 21,
  maxLines: 4,
  tagsSize: 13,
  tagsHeight: 22,
  /** The five-step track with the current step's name under it. */
  stepsHeight: 58,
  stepRadius: 11,
  answerSize: 13,
  answerLineHeight: 17,
  answerLines: 2,
} as const;

/** A sounding-board reaction card. */
export const REACTION_CARD = {
  width: 220,
  padding: 12,
  headerHeight: 34,
  textSize: 15,
  lineHeight: 20,
  maxLines: 6,
  footerHeight: 22,
} as const;

/** Where the straight line from `rect`'s centre towards `target` leaves the rect. */
export function edgePoint(rect: Rect, target: Point): Point {
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  const dx = target.x - cx;
  const dy = target.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx), dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy));
  return { x: cx + dx * Math.min(1, scale), y: cy + dy * Math.min(1, scale) };
}

export const centreOf = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

/** The rect spanned by two corner points, in any order. */
export function boxBetween(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** Ids of the rects a selection box touches, in the map's order. */
export function idsInBox(rects: ReadonlyMap<string, Rect>, box: Rect): string[] {
  const ids: string[] = [];
  for (const [id, r] of rects) if (overlaps(r, box, 0)) ids.push(id);
  return ids;
}
