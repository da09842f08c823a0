import type { Rect } from '../model/layout.ts';

/** A card as the overview draws it: a block in board units. */
export interface Block extends Rect {
  id: string;
}

/** Device pixels, whole numbers: a clip on whole pixels leaves no half-blended seam. */
export type PixelRect = Rect;

/** The board-to-canvas transform without rotation (Konva's stage: scale and offset, times the pixel ratio). */
export interface Placement {
  a: number;
  d: number;
  e: number;
  f: number;
}

/** More changed cards than this in one frame: drawing everything again is as quick. */
export const MAX_PATCHED_CARDS = 40;

/**
 * Brings `drawn` (the cards a picture holds, by id) up to the cards to show now, and returns
 * the areas (device pixels) to paint again — or null when it is simpler to paint everything.
 * A card counts as changed when it is not the same object as before: the board view keeps
 * an unchanged card's object, so a remote move changes one object, not thousands. Updated
 * in place, as this runs every frame of a busy session and a new map each time is garbage
 * for the collector. `margin`: device pixels around a card that its drawing may touch.
 */
export function updateDrawnCards(
  drawn: Map<string, Block>,
  now: Iterable<Block>,
  placement: Placement,
  margin: number,
  canvas: { width: number; height: number },
): PixelRect[] | null {
  const areas: PixelRect[] = [];
  const add = (block: Block) => {
    const area = toPixels(block, placement, margin, canvas);
    if (area) areas.push(area);
  };
  let count = 0;
  let changed = 0;
  for (const block of now) {
    count++;
    const old = drawn.get(block.id);
    if (old === block) continue;
    drawn.set(block.id, block);
    if (++changed > MAX_PATCHED_CARDS) continue;
    if (old) add(old);
    add(block);
  }
  // Cards that left (deleted, out of sight, picked up by a drag): rare, so found the slow way.
  if (drawn.size > count) {
    const shown = new Set<string>();
    for (const block of now) shown.add(block.id);
    for (const [id, old] of drawn) {
      if (shown.has(id)) continue;
      drawn.delete(id);
      if (++changed <= MAX_PATCHED_CARDS) add(old);
    }
  }
  return changed > MAX_PATCHED_CARDS ? null : areas;
}

/** A block's area on the canvas, grown by `margin` device pixels and rounded outwards; null when off the canvas. */
export function toPixels(block: Rect, { a, d, e, f }: Placement, margin: number, canvas: { width: number; height: number }): PixelRect | null {
  const left = Math.max(0, Math.floor(Math.min(a * block.x, a * (block.x + block.width)) + e - margin));
  const top = Math.max(0, Math.floor(Math.min(d * block.y, d * (block.y + block.height)) + f - margin));
  const right = Math.min(canvas.width, Math.ceil(Math.max(a * block.x, a * (block.x + block.width)) + e + margin));
  const bottom = Math.min(canvas.height, Math.ceil(Math.max(d * block.y, d * (block.y + block.height)) + f + margin));
  return right > left && bottom > top ? { x: left, y: top, width: right - left, height: bottom - top } : null;
}

/** The board area under a device-pixel rect. */
export function toBoardRect({ x, y, width, height }: PixelRect, { a, d, e, f }: Placement): Rect {
  const x0 = (x - e) / a;
  const x1 = (x + width - e) / a;
  const y0 = (y - f) / d;
  const y1 = (y + height - f) / d;
  return { x: Math.min(x0, x1), y: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) };
}


export const samePlacement = (p: Placement, q: Placement) => p.a === q.a && p.d === q.d && p.e === q.e && p.f === q.f;
