import { useLayoutEffect, useRef } from 'react';
import type { ContainerConfig } from 'konva/lib/Container';
import type { Context } from 'konva/lib/Context';
import type { SceneCanvas } from 'konva/lib/Canvas';
import type { KonvaNodeComponent } from 'react-konva/lib/ReactKonvaCore.js';
import Konva from './konva.ts';

/**
 * Full cards are drawn from a bitmap of each card (Konva's node cache), not shape by shape.
 *
 * Why: when a colleague moves a card, the whole cards layer is drawn again. Drawn shape by
 * shape, 25 cards cost ~7 ms a frame here, 250 cards far more: with 100 remote moves a
 * second a zoomed-in board missed one frame in five. From bitmaps, a frame is one image per
 * card.
 *
 * A card's bitmap is made again when the card looks different (its props, not its place,
 * changed: see `useCardBitmap`) and when the zoom has changed and then settled. Until then
 * the card is drawn shape by shape (after a change) or from its bitmap scaled (while
 * zooming), so what is on screen is never out of date, only briefly less sharp.
 */

/** Time per frame for making bitmaps, so a screenful of new cards does not cost one long frame. */
const FRAME_BUDGET_MS = 4;
/** Bitmaps for a new zoom wait until the zoom has stood still this long. */
const ZOOM_SETTLE_MS = 150;
/** Board units around a card that its bitmap also holds: the selection frame and the offset shadow. */
const BITMAP_MARGIN = 4;
/**
 * Far zoomed in (or on a dense screen) a card's bitmap would take many megabytes; it is then
 * drawn shape by shape, which costs little with the few cards such a zoom shows.
 */
const MAX_BITMAP_PIXELS = 2_000_000;

/** The bitmap's pixels per board unit that match the screen's: the zoom times the device's pixel ratio. */
const screenRatio = (group: Konva.Group) => group.getAbsoluteScale().x * Konva.pixelRatio;

/**
 * A card's Konva group, drawn from its bitmap when it has one. Its image is put on whole
 * device pixels: a bitmap drawn between pixels is smoothed and its text goes soft.
 */
export class CardGroup extends Konva.Group {
  /** The zoom (as a pixel ratio) the card was last painted for, with or without a bitmap; 0 after a change. */
  private paintedRatio = 0;

  /** Painted for the screen's zoom since the card last changed: it has its bitmap, or is too large for one. */
  isPaintedForZoom() {
    return this.paintedRatio > 0 && Math.abs(this.paintedRatio - screenRatio(this)) < 1e-6;
  }

  override drawScene(canvas?: SceneCanvas, top?: Konva.Node) {
    // A bitmap made at another zoom still draws (scaled) until a sharp one replaces it.
    if (this.paintedRatio && !canvas?.isCache && !this.isPaintedForZoom()) bitmaps.drawnAtOtherZoom(this, screenRatio(this));
    return super.drawScene(canvas, top);
  }

  override _drawCachedSceneCanvas(context: Context) {
    const cache = this._getCanvasCache();
    if (!cache) return;
    const bitmap = cache.scene;
    const native = context._context;
    context.save();
    context._applyOpacity(this);
    context._applyGlobalCompositeOperation(this);
    context.translate(cache.x, cache.y);
    const m = native.getTransform();
    if (Math.abs(m.a - bitmap.pixelRatio) < 1e-6 && m.b === 0 && m.c === 0) native.setTransform(m.a, 0, 0, m.d, Math.round(m.e), Math.round(m.f));
    context.drawImage(bitmap._canvas, 0, 0, bitmap.width / bitmap.pixelRatio, bitmap.height / bitmap.pixelRatio);
    context.restore();
  }

  /** Draws the card into a new bitmap at the screen's current zoom (or, too large for one, leaves it drawn shape by shape). */
  paintBitmap() {
    const ratio = screenRatio(this);
    if (!(ratio > 0)) return;
    const size = this.getClientRect({ skipTransform: true });
    if ((size.width + 2 * BITMAP_MARGIN) * (size.height + 2 * BITMAP_MARGIN) * ratio * ratio > MAX_BITMAP_PIXELS) {
      if (this.isCached()) this.clearCache();
    } else {
      this.cache({ pixelRatio: ratio, hitCanvasPixelRatio: this.getAbsoluteScale().x, offset: BITMAP_MARGIN });
    }
    this.paintedRatio = ratio;
  }

  /** The card looks different: draw it shape by shape until it has a new bitmap. */
  forgetBitmap() {
    if (this.isCached()) this.clearCache();
    this.paintedRatio = 0;
  }
}

// react-konva makes nodes by their class's name on the Konva object.
(Konva as unknown as Record<string, unknown>).CardGroup = CardGroup;
/** A card's group in JSX: a Konva Group that draws from a bitmap (see CardGroup). */
export const CardGroupNode = 'CardGroup' as unknown as KonvaNodeComponent<CardGroup, ContainerConfig>;

/** Makes the bitmaps cards are waiting for, a few each frame; those for a new zoom once it has settled. */
class BitmapQueue {
  private readonly changed = new Set<CardGroup>();
  private readonly zoomed = new Set<CardGroup>();
  /** The zoom (as a pixel ratio) last seen, and when it last changed: a busy board redraws every frame, a zoom does not settle by that. */
  private zoomRatio = 0;
  private lastZoomAt = 0;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** The card looks different: it gets a bitmap in the next frames. */
  changedLook(group: CardGroup) {
    this.zoomed.delete(group);
    this.changed.add(group);
    this.wake();
  }

  /** The card was drawn from a bitmap made at another zoom (`ratio` is the screen's now): a new one once the zoom settles. */
  drawnAtOtherZoom(group: CardGroup, ratio: number) {
    if (ratio !== this.zoomRatio) {
      this.zoomRatio = ratio;
      this.lastZoomAt = performance.now();
    }
    if (!this.changed.has(group)) this.zoomed.add(group);
    this.wake();
  }

  private wake() {
    if (this.frame || typeof requestAnimationFrame !== 'function') return;
    this.frame = requestAnimationFrame(this.work);
  }

  private readonly work = () => {
    this.frame = 0;
    const start = performance.now();
    const paint = (set: Set<CardGroup>, show: boolean) => {
      for (const group of set) {
        if (performance.now() - start > FRAME_BUDGET_MS) return;
        set.delete(group);
        // Gone from the board (culled, deleted) since it asked, or hidden: nothing to paint.
        if (!group.getStage() || !group.isVisible()) continue;
        group.paintBitmap();
        // A card that changed is on screen as drawn shape by shape, which the bitmap matches;
        // one drawn from a bitmap of another zoom is on screen less sharp until drawn again.
        if (show) group.getLayer()?.batchDraw();
      }
    };
    paint(this.changed, false);
    const settledIn = this.lastZoomAt + ZOOM_SETTLE_MS - start;
    if (!this.changed.size && settledIn <= 0) paint(this.zoomed, true);
    if (this.changed.size) this.wake();
    else if (this.zoomed.size && this.timer === undefined) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.wake();
        },
        Math.max(0, settledIn),
      );
    }
  };
}

const bitmaps = new BitmapQueue();

interface CardProps {
  card: { x: number; y: number };
}

/** Same fields (each the same value) in both, apart from those in `except`. */
function sameFields(a: object, b: object, except: readonly string[]) {
  if (a === b) return true;
  const before = a as Record<string, unknown>;
  const after = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!except.includes(key) && !Object.is(before[key], after[key])) return false;
  }
  return true;
}

/** Same picture: every prop the same, the card's own fields too, except where it is. */
export function looksTheSame<P extends CardProps>(before: P, after: P): boolean {
  return sameFields(before, after, ['card']) && sameFields(before.card, after.card, ['x', 'y']);
}

/**
 * For a card component: the ref for its CardGroupNode, and a new bitmap whenever the card's
 * props say it looks different. A card that only moved keeps its bitmap.
 */
export function useCardBitmap<P extends CardProps>(props: P) {
  const ref = useRef<CardGroup>(null);
  const painted = useRef<P | null>(null);
  useLayoutEffect(() => {
    const group = ref.current;
    if (!group) return;
    const before = painted.current;
    painted.current = props;
    if (before && looksTheSame(before, props)) return;
    group.forgetBitmap();
    bitmaps.changedLook(group);
  });
  return ref;
}
