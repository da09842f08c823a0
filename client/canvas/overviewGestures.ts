import type { KonvaEventObject } from 'konva/lib/Node';
import Konva from './konva.ts';
import type { GestureContext } from './gestureContext.ts';
import { cardAt } from './culling.ts';
import { personAt } from './boardView.ts';
import type { Point } from '../model/layout.ts';
import { toBoard } from './viewport.ts';

/** Overview (many cards in view): one shape; pressing a block selects it, dragging moves it. */
export function createOverviewGestures(canvas: GestureContext) {
  const { latest, overviewPress } = canvas;

  const onOverviewPointerDown = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!pointer) return;
    const { viewport, selectedIds, view, editable, culled } = latest.current;
    const id = cardAt(culled, toBoard(viewport, pointer));
    if (!id) return;
    const additive = 'shiftKey' in e.evt && e.evt.shiftKey;
    if (additive || !selectedIds.has(id)) latest.current.onSelect(id, additive);
    // Viewers (and Shift) keep panning from anywhere; an editor's press on a card is the card's.
    if (!editable || additive) return;
    e.cancelBubble = true;
    const ids = selectedIds.has(id) && selectedIds.size > 1 ? [...selectedIds].filter((other) => view.rects.has(other)) : [id];
    overviewPress.current = { id, ids, start: pointer, started: false, skill: ids.length === 1 && view.rects.get(id)?.type === 'skill' };
  };

  const onOverviewDoubleClick = (e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!pointer) return;
    const { viewport, view, culled, width, height } = latest.current;
    const id = cardAt(culled, toBoard(viewport, pointer));
    const rect = id ? view.rects.get(id) : undefined;
    // Zoom in on the card, at its real size.
    if (rect) latest.current.onViewportChange({ scale: 1, x: width / 2 - (rect.x + rect.width / 2), y: height / 2 - (rect.y + rect.height / 2) });
  };

  return { onOverviewPointerDown, onOverviewDoubleClick };
}

/** Follows a press on the overview to its end on the window, where it becomes a move or a link. Returns the unsubscribe. */
export function followOverviewDrag({ latest, stageNode, overviewPress, overviewDrag, overviewRedraw, dropTargetRef, setDropTarget }: GestureContext): () => void {
  const pointerOf = (event: PointerEvent): Point | null => {
    const stage = stageNode.current;
    if (!stage) return null;
    const box = stage.container().getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const move = (event: PointerEvent) => {
    const press = overviewPress.current;
    const pointer = press && pointerOf(event);
    if (!press || !pointer) return;
    if (!press.started && Math.hypot(pointer.x - press.start.x, pointer.y - press.start.y) < Konva.dragDistance) return;
    press.started = true;
    const { viewport, view } = latest.current;
    overviewDrag.current = { ids: new Set(press.ids), dx: (pointer.x - press.start.x) / viewport.scale, dy: (pointer.y - press.start.y) / viewport.scale };
    if (press.skill) setDropTarget(personAt(view, toBoard(viewport, pointer)));
    overviewRedraw.current?.();
  };
  const end = (event: PointerEvent) => {
    const press = overviewPress.current;
    if (!press) return;
    overviewPress.current = null;
    const drag = overviewDrag.current;
    const personId = press.skill ? dropTargetRef.current : null;
    setDropTarget(null);
    if (!press.started || !drag || event.type === 'pointercancel') {
      overviewDrag.current = null;
      overviewRedraw.current?.();
      return;
    }
    if (personId) {
      // As with full cards: the skill links and stays where it was.
      overviewDrag.current = null;
      overviewRedraw.current?.();
      latest.current.onLinkSkill(press.id, personId);
      return;
    }
    const { view } = latest.current;
    const moves = press.ids.flatMap((id) => {
      const rect = view.rects.get(id);
      return rect ? [{ id, x: rect.x + drag.dx, y: rect.y + drag.dy }] : [];
    });
    // Drawn where they were dropped until the board has them there (the next frame), so they do not jump back for a moment.
    if (latest.current.onMoveCards(moves)) overviewDrag.current = { ...drag, settled: true };
    else overviewDrag.current = null;
    overviewRedraw.current?.();
  };
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', end);
  window.addEventListener('pointercancel', end);
  return () => {
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', end);
    window.removeEventListener('pointercancel', end);
  };
}
