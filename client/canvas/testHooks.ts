import type Konva from 'konva';
import type * as Y from 'yjs';
import type { CardRect } from './boardView.ts';

/** What the canvas last drew, for tests and the benchmark (which cannot count Konva nodes once cards are culled). */
export interface CanvasReport {
  /** Cards on the board (drawn or not). */
  cards: number;
  /** Cards on the screen. */
  inView: number;
  /** Full cards, or one overview shape for many. */
  mode: 'detail' | 'overview';
  /** Where every card is, as drawn (board units). */
  rects: ReadonlyMap<string, CardRect>;
}

declare global {
  interface Window {
    /**
     * For end-to-end tests and the benchmark only: the board's Konva stage, so a test can
     * find a card (`stage.findOne('#' + id)`) and then drive the real mouse to it, and
     * what the canvas drew last.
     */
    __iedereen?: { stage: Konva.Stage | null; canvas?: CanvasReport; doc?: Y.Doc | null };
  }
}

export function exposeStage(stage: Konva.Stage | null) {
  window.__iedereen = { ...window.__iedereen, stage };
}

export function reportCanvas(canvas: CanvasReport) {
  if (canvas.cards > 0 && !window.__iedereen?.canvas?.cards) performance.mark('iedereen:cards');
  window.__iedereen = { stage: null, ...window.__iedereen, canvas };
}

/** For end-to-end tests only: the board's Y.Doc, so a test can send an edit the forms would never make. */
export function exposeDoc(doc: Y.Doc | null) {
  window.__iedereen = { stage: null, ...window.__iedereen, doc };
}
