import { useCallback, useEffect, useRef, useState, type Ref } from 'react';
import Konva from 'konva';
import { Layer, Rect, Stage } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { PersonCard } from './PersonCard.tsx';
import { SkillCard } from './SkillCard.tsx';
import { personAt, type BoardView } from './boardView.ts';
import type { Point } from './layout.ts';
import { DROP_HIGHLIGHT } from './palette.ts';
import { toBoard, zoomAt, wheelFactor, type Viewport } from './viewport.ts';

// A click that wobbles a few pixels (a finger, a trackpad) must stay a click, not become a drag.
Konva.dragDistance = 5;

export interface BoardCanvasProps {
  width: number;
  height: number;
  view: BoardView;
  viewport: Viewport;
  selectedId: string | null;
  editingId: string | null;
  editable: boolean;
  texts: { noSkills: string; removeSkill: string; reserved: string };
  stageRef?: Ref<Konva.Stage>;
  onViewportChange(viewport: Viewport): void;
  onSelect(id: string | null): void;
  onEdit(id: string): void;
  onMoveCard(id: string, to: Point): void;
  onLinkSkill(skillId: string, personId: string): void;
  onUnlink(linkId: string): void;
}

const isCard = (node: Konva.Node) => node.hasName('person-card') || node.hasName('skill-card');
const cardOf = (target: Konva.Node): Konva.Node | null => (target.findAncestor(isCard, true) as Konva.Node | undefined) ?? null;

interface SkillDrag {
  id: string;
  origin: Point;
  width: number;
  height: number;
}

/**
 * The board's drawing surface: pan (drag empty space), zoom (wheel, pinch), cards,
 * and drag-to-link. It holds only gesture state; every change goes out through a callback.
 */
export function BoardCanvas(props: BoardCanvasProps) {
  const { width, height, view, viewport, selectedId, editingId, editable, texts } = props;
  const [dropTargetId, setDropTargetId] = useState<string | null>(null);
  const [skillDrag, setSkillDrag] = useState<SkillDrag | null>(null);
  const dragOrigin = useRef<Map<string, Point>>(new Map());
  const pinch = useRef<{ distance: number; center: Point } | null>(null);

  // Gesture handlers read the latest props through a ref so they can stay stable:
  // stable handlers keep the memoised cards from re-rendering on every viewport change.
  const latest = useRef(props);
  latest.current = props;
  const dropTargetRef = useRef<string | null>(null);

  useEffect(() => {
    if (!editable) {
      dropTargetRef.current = null;
      setDropTargetId(null);
      setSkillDrag(null);
    }
  }, [editable]);

  const setDropTarget = (id: string | null) => {
    if (dropTargetRef.current === id) return;
    dropTargetRef.current = id;
    setDropTargetId(id);
  };

  const onWheel = useCallback((e: KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = e.target.getStage();
    const pointer = stage?.getPointerPosition();
    if (!pointer) return;
    latest.current.onViewportChange(zoomAt(latest.current.viewport, pointer, wheelFactor(e.evt.deltaY, e.evt.deltaMode)));
  }, []);

  const onStagePointerDown = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target === e.target.getStage()) latest.current.onSelect(null);
  }, []);

  const onStageDragEnd = useCallback((e: KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    if (!stage || e.target !== stage) return;
    latest.current.onViewportChange({ ...latest.current.viewport, x: stage.x(), y: stage.y() });
  }, []);

  const onTouchMove = useCallback((e: KonvaEventObject<TouchEvent>) => {
    const touches = e.evt.touches;
    const stage = e.target.getStage();
    if (touches.length !== 2 || !stage) return;
    e.evt.preventDefault();
    // Two fingers zoom: stop whatever one-finger drag (pan or card) the first finger began.
    if (stage.isDragging()) stage.stopDrag();
    Konva.DD._dragElements.forEach((drag) => drag.node.stopDrag());
    const box = stage.container().getBoundingClientRect();
    const a = { x: touches[0].clientX - box.left, y: touches[0].clientY - box.top };
    const b = { x: touches[1].clientX - box.left, y: touches[1].clientY - box.top };
    const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    const last = pinch.current;
    pinch.current = { distance, center };
    if (!last || last.distance === 0) return;
    const v = latest.current.viewport;
    const zoomed = zoomAt(v, last.center, distance / last.distance);
    latest.current.onViewportChange({ ...zoomed, x: zoomed.x + center.x - last.center.x, y: zoomed.y + center.y - last.center.y });
  }, []);

  const onTouchEnd = useCallback(() => {
    pinch.current = null;
  }, []);

  const onCardPointerDown = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target.hasName('chip-remove')) return;
    const card = cardOf(e.target);
    if (card) latest.current.onSelect(card.id());
  }, []);

  const onCardDoubleClick = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (!latest.current.editable || e.target.hasName('chip-remove')) return;
    const card = cardOf(e.target);
    if (card) latest.current.onEdit(card.id());
  }, []);

  const onCardClick = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (!latest.current.editable || !e.target.hasName('chip-remove')) return;
    e.cancelBubble = true;
    const linkId: unknown = (e.target as Konva.Node).getAttr('linkId');
    if (typeof linkId === 'string') latest.current.onUnlink(linkId);
  }, []);

  const pointerOnBoard = (node: Konva.Node): Point | null => {
    const pointer = node.getStage()?.getPointerPosition();
    return pointer ? toBoard(latest.current.viewport, pointer) : null;
  };

  const onCardDragStart = useCallback((e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (!isCard(node)) return;
    const rect = latest.current.view.rects.get(node.id());
    const origin = rect ? { x: rect.x, y: rect.y } : node.position();
    dragOrigin.current.set(node.id(), origin);
    node.moveToTop();
    if (node.hasName('skill-card') && rect) setSkillDrag({ id: node.id(), origin, width: rect.width, height: rect.height });
  }, []);

  const onCardDragMove = useCallback((e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (!node.hasName('skill-card')) return;
    const point = pointerOnBoard(node);
    setDropTarget(point ? personAt(latest.current.view, point) : null);
  }, []);

  const onCardDragEnd = useCallback((e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (!isCard(node)) return;
    const id = node.id();
    const origin = dragOrigin.current.get(id);
    dragOrigin.current.delete(id);
    const personId = node.hasName('skill-card') ? dropTargetRef.current : null;
    setDropTarget(null);
    setSkillDrag(null);
    if (personId) {
      // A skill card is a reusable stamp: it links, then returns home for the next colleague.
      if (origin) node.to({ x: origin.x, y: origin.y, duration: 0.18, easing: Konva.Easings.EaseOut });
      latest.current.onLinkSkill(id, personId);
      return;
    }
    latest.current.onMoveCard(id, { x: node.x(), y: node.y() });
  }, []);

  return (
    <Stage
      ref={props.stageRef}
      width={width}
      height={height}
      x={viewport.x}
      y={viewport.y}
      scaleX={viewport.scale}
      scaleY={viewport.scale}
      draggable
      onWheel={onWheel}
      onMouseDown={onStagePointerDown}
      onTouchStart={onStagePointerDown}
      onTouchMove={onTouchMove}
      onTouchEnd={onTouchEnd}
      onDragEnd={onStageDragEnd}
    >
      <Layer
        onMouseDown={onCardPointerDown}
        onTouchStart={onCardPointerDown}
        onDblClick={onCardDoubleClick}
        onDblTap={onCardDoubleClick}
        onClick={onCardClick}
        onTap={onCardClick}
        onDragStart={onCardDragStart}
        onDragMove={onCardDragMove}
        onDragEnd={onCardDragEnd}
      >
        {view.people.map((card) => (
          <PersonCard
            key={card.id}
            card={card}
            selected={card.id === selectedId}
            dropTarget={card.id === dropTargetId}
            editing={card.id === editingId}
            editable={editable}
            texts={texts}
          />
        ))}
        {skillDrag && dropTargetId && (
          // Where the dragged skill will return to: it is copied onto the person, not moved.
          <Rect
            x={skillDrag.origin.x}
            y={skillDrag.origin.y}
            width={skillDrag.width}
            height={skillDrag.height}
            cornerRadius={10}
            stroke={DROP_HIGHLIGHT}
            dash={[8, 6]}
            strokeWidth={2}
            listening={false}
          />
        )}
        {view.skills.map((card) => (
          <SkillCard
            key={card.id}
            card={card}
            selected={card.id === selectedId}
            editing={card.id === editingId}
            editable={editable}
            texts={texts}
          />
        ))}
      </Layer>
    </Stage>
  );
}
