import type { Point, Rect } from '../model/layout.ts';

/** Stage transform: a board point p is drawn at (p.x * scale + x, p.y * scale + y). */
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 3;
export const INITIAL_VIEWPORT: Viewport = { x: 40, y: 40, scale: 1 };

export const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export const toBoard = (v: Viewport, screen: Point): Point => ({ x: (screen.x - v.x) / v.scale, y: (screen.y - v.y) / v.scale });
export const toScreen = (v: Viewport, board: Point): Point => ({ x: board.x * v.scale + v.x, y: board.y * v.scale + v.y });

/** Zooms by `factor` while the board point under `anchor` (screen coordinates) stays put. */
export function zoomAt(v: Viewport, anchor: Point, factor: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const under = toBoard(v, anchor);
  return { scale, x: anchor.x - under.x * scale, y: anchor.y - under.y * scale };
}

/** Wheel deltas differ wildly between mice and trackpads; an exponential keeps both smooth. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-300, Math.min(300, pixels)) * 0.0015);
}

/** Parts of the stage covered by controls floating over it, in screen pixels. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** The part of the stage that is not covered, in screen pixels. */
export function freeArea(screen: { width: number; height: number }, insets: Insets = NO_INSETS): Rect {
  const width = Math.max(1, screen.width - insets.left - insets.right);
  const height = Math.max(1, screen.height - insets.top - insets.bottom);
  return { x: insets.left, y: insets.top, width, height };
}

/** The viewport that shows `bounds` whole, centred in the free area, never zoomed in beyond 100%. */
export function fitBounds(bounds: Rect | null, screen: { width: number; height: number }, padding = 48, insets: Insets = NO_INSETS): Viewport {
  if (!bounds || screen.width <= 0 || screen.height <= 0) return { ...INITIAL_VIEWPORT };
  const area = freeArea(screen, insets);
  const availableW = Math.max(1, area.width - padding * 2);
  const availableH = Math.max(1, area.height - padding * 2);
  const scale = clampScale(Math.min(1, availableW / Math.max(1, bounds.width), availableH / Math.max(1, bounds.height)));
  return {
    scale,
    x: area.x + area.width / 2 - (bounds.x + bounds.width / 2) * scale,
    y: area.y + area.height / 2 - (bounds.y + bounds.height / 2) * scale,
  };
}

/** Board point at the centre of the visible, uncovered area. */
export function viewportCenter(v: Viewport, screen: { width: number; height: number }, insets: Insets = NO_INSETS): Point {
  const area = freeArea(screen, insets);
  return toBoard(v, { x: area.x + area.width / 2, y: area.y + area.height / 2 });
}
