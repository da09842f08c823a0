import type { KonvaEventObject } from 'konva/lib/Node';
import Konva from './konva.ts';
import type { GestureContext } from './gestureContext.ts';
import { CULL_MARGIN } from './culling.ts';
import { boxBetween, idsInBox } from '../model/layout.ts';
import { toBoard, zoomAt, wheelFactor } from './viewport.ts';

/** The stage's own gestures: pan (drag empty space), zoom (wheel, two-finger pinch), Shift-drag a selection box. */
export function createStageGestures(canvas: GestureContext) {
  const { latest, stageNode, boxStart, pinch, panAtRef, overviewPress, overviewDrag, overviewRedraw, setBox, setPanAt } = canvas;

  const onWheel = (e: KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = e.target.getStage();
    const pointer = stage?.getPointerPosition();
    if (!pointer) return;
    latest.current.onViewportChange(zoomAt(latest.current.viewport, pointer, wheelFactor(e.evt.deltaY, e.evt.deltaMode)));
  };

  const onStagePointerDown = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const stage = e.target.getStage();
    if (!stage || e.target !== stage) return;
    if (e.evt instanceof MouseEvent && e.evt.shiftKey && e.evt.button === 0) {
      // Shift-drag on empty space draws a selection box instead of panning.
      const pointer = stage.getPointerPosition();
      if (!pointer) return;
      stage.draggable(false);
      boxStart.current = toBoard(latest.current.viewport, pointer);
      setBox({ ...boxStart.current, width: 0, height: 0 });
      return;
    }
    latest.current.onSelect(null, false);
  };

  const onStagePointerMove = (e: KonvaEventObject<MouseEvent>) => {
    const start = boxStart.current;
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!start || !pointer) return;
    setBox(boxBetween(start, toBoard(latest.current.viewport, pointer)));
  };

  const setStage = (stage: Konva.Stage | null) => {
    stageNode.current = stage;
    const ref = latest.current.stageRef;
    if (typeof ref === 'function') ref(stage);
    else if (ref) (ref as { current: Konva.Stage | null }).current = stage;
  };

  const onStageDragEnd = (e: KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    if (!stage || e.target !== stage) return;
    latest.current.onViewportChange({ ...latest.current.viewport, x: stage.x(), y: stage.y() });
  };

  const onTouchMove = (e: KonvaEventObject<TouchEvent>) => {
    const touches = e.evt.touches;
    const stage = e.target.getStage();
    if (touches.length !== 2 || !stage) return;
    e.evt.preventDefault();
    // Two fingers zoom: stop whatever one-finger drag (pan or card) the first finger began.
    if (stage.isDragging()) stage.stopDrag();
    Konva.DD._dragElements.forEach((drag) => drag.node.stopDrag());
    overviewPress.current = null;
    if (overviewDrag.current) {
      overviewDrag.current = null;
      overviewRedraw.current?.();
    }
    const rect = stage.container().getBoundingClientRect();
    const a = { x: touches[0].clientX - rect.left, y: touches[0].clientY - rect.top };
    const b = { x: touches[1].clientX - rect.left, y: touches[1].clientY - rect.top };
    const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    const last = pinch.current;
    pinch.current = { distance, center };
    if (!last || last.distance === 0) return;
    const v = latest.current.viewport;
    const zoomed = zoomAt(v, last.center, distance / last.distance);
    latest.current.onViewportChange({ ...zoomed, x: zoomed.x + center.x - last.center.x, y: zoomed.y + center.y - last.center.y });
  };

  const onTouchEnd = () => {
    pinch.current = null;
  };

  const onStageDragMove = (e: KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    if (!stage || e.target !== stage) return;
    const { viewport, width, height } = latest.current;
    const from = panAtRef.current ?? viewport;
    // Re-cull once the pan has used up half the margin of cards drawn beyond the screen.
    if (Math.abs(stage.x() - from.x) > (width * CULL_MARGIN) / 2 || Math.abs(stage.y() - from.y) > (height * CULL_MARGIN) / 2) {
      panAtRef.current = { x: stage.x(), y: stage.y() };
      setPanAt(panAtRef.current);
    }
  };

  return { onWheel, onStagePointerDown, onStagePointerMove, setStage, onStageDragEnd, onTouchMove, onTouchEnd, onStageDragMove };
}

/** Ends a selection box on mouseup anywhere: the button may be released outside the canvas. Returns the unsubscribe. */
export function finishBoxOnMouseUp({ latest, stageNode, boxStart, setBox }: GestureContext): () => void {
  const finish = (e: MouseEvent) => {
    const start = boxStart.current;
    const stage = stageNode.current;
    if (!start || !stage) return;
    boxStart.current = null;
    stage.draggable(true);
    const rect = stage.container().getBoundingClientRect();
    const end = toBoard(latest.current.viewport, { x: e.clientX - rect.left, y: e.clientY - rect.top });
    const area = boxBetween(start, end);
    setBox(null);
    if (area.width < 4 && area.height < 4) return;
    latest.current.onSelectBox(idsInBox(latest.current.view.rects, area));
  };
  window.addEventListener('mouseup', finish);
  return () => window.removeEventListener('mouseup', finish);
}
