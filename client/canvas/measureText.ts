import type { MeasureText } from '../model/layout.ts';

let context: CanvasRenderingContext2D | null = null;
/** The font the context is set to: setting it parses the CSS font string every time, even to the same value. */
let contextFont = '';
const cache = new Map<string, number>();

/**
 * Text width as the canvas will draw it. Cached per font and text: chip labels repeat a
 * lot (the same skill on many people), and measuring is the costly part of layout.
 */
export const measureText: MeasureText = (text, font) => {
  const key = `${font}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 8;
  if (font !== contextFont) {
    context.font = font;
    contextFont = font;
  }
  const width = context.measureText(text).width;
  // A 5,000-card board has ~5,000 different titles; keep them all, within reason.
  if (cache.size > 50_000) cache.clear();
  cache.set(key, width);
  return width;
};
