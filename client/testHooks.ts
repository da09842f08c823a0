import type Konva from 'konva';

declare global {
  interface Window {
    /**
     * For end-to-end tests only: the board's Konva stage, so a test can find a card
     * (`stage.findOne('#' + id)`) and then drive the real mouse to it.
     */
    __iedereen?: { stage: Konva.Stage | null };
  }
}

export function exposeStage(stage: Konva.Stage | null) {
  window.__iedereen = { stage };
}
