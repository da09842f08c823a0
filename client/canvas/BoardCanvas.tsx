import { useCallback, useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import Konva from './konva.ts';
import { Group, Layer, Rect, Stage } from 'react-konva/lib/ReactKonvaCore.js';
import type { KonvaEventObject } from 'konva/lib/Node';
import { PersonCard } from './PersonCard.tsx';
import { SkillCard } from './SkillCard.tsx';
import { QuestionCard } from './QuestionCard.tsx';
import { ReactionCard } from './ReactionCard.tsx';
import { Links } from './Links.tsx';
import { OverviewShape, type OverviewDrag } from './OverviewShape.tsx';
import { CULL_MARGIN, DETAIL_MAX_CARDS, cardAt, cullView, type CulledView } from './culling.ts';
import { reportCanvas } from './testHooks.ts';
import { personAt, type BoardView } from './boardView.ts';
import { PERSON_CARD, boxBetween, idsInBox, type Point, type Rect as Box } from '../model/layout.ts';
import { DROP_HIGHLIGHT, SELECTION } from './palette.ts';
import { toBoard, zoomAt, wheelFactor, type Viewport } from './viewport.ts';

/** The outline around person cards picked from the coverage view: dashed, so it is not only a colour. */
const COVERAGE_HIGHLIGHT = '#0f766e';

// A click that wobbles a few pixels (a finger, a trackpad) must stay a click, not become a drag.
Konva.dragDistance = 5;

export interface CardMove {
  id: string;
  x: number;
  y: number;
}

export interface BoardCanvasProps {
  width: number;
  height: number;
  view: BoardView;
  viewport: Viewport;
  selectedIds: ReadonlySet<string>;
  editingId: string | null;
  editable: boolean;
  texts: { noSkills: string; removeSkill: string; reserved: string };
  /** A skill dragged in from the palette is over this person: dropping links it. */
  externalDropTargetId: string | null;
  /** "Van studenten": skills students bring in; null when off. */
  studentSkills: ReadonlySet<string> | null;
  /** Question cards the filter leaves out. */
  dimmedIds: ReadonlySet<string> | null;
  /** Person cards outlined (e.g. the people of a skill picked in the coverage view); null when none. */
  highlightedIds?: ReadonlySet<string> | null;
  stageRef?: Ref<Konva.Stage>;
  /** Drawn on top of the cards (presence, highlights), on a layer that does not listen: groups, not layers. */
  overlay?: ReactNode;
  onViewportChange(viewport: Viewport): void;
  /** A card (or pair) was pressed; `additive` (Shift) toggles it in the selection. null: empty space. */
  onSelect(id: string | null, additive: boolean): void;
  /** Shift-drag on empty space drew a box around these cards. */
  onSelectBox(ids: string[]): void;
  onEdit(id: string): void;
  /** One or more cards were dragged: one write for all of them. False when it was refused. */
  onMoveCards(moves: CardMove[]): boolean;
  onLinkSkill(skillId: string, personId: string): void;
  onUnlink(linkId: string): void;
  /** A chip's body was clicked; `at` is the pointer in stage (CSS pixel) coordinates. */
  onChipClick(linkId: string, at: Point): void;
}

const CARD_NAMES = ['person-card', 'skill-card', 'question-card', 'reaction-card'];
const isCard = (node: Konva.Node) => CARD_NAMES.some((name) => node.hasName(name));
const cardOf = (target: Konva.Node): Konva.Node | null => (target.findAncestor(isCard, true) as Konva.Node | undefined) ?? null;

interface SkillDrag {
  id: string;
  origin: Point;
  width: number;
  height: number;
}

interface GroupDrag {
  lead: string;
  origins: Map<string, Point>;
  nodes: Konva.Node[];
}

/**
 * The board's drawing surface: pan (drag empty space), zoom (wheel, pinch), cards,
 * selection (click, Shift-click, Shift-drag a box), moving one or many cards, and
 * drag-to-link. It holds only gesture state; every change goes out through a callback.
 */
export function BoardCanvas(props: BoardCanvasProps) {
  const { width, height, view, viewport, selectedIds, editingId, editable, texts, studentSkills, dimmedIds } = props;
  const [dropTargetId, setDropTargetId] = useState<string | null>(null);
  const [skillDrag, setSkillDrag] = useState<SkillDrag | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const dragOrigin = useRef<Map<string, Point>>(new Map());
  const groupDrag = useRef<GroupDrag | null>(null);
  const boxStart = useRef<Point | null>(null);
  const pinch = useRef<{ distance: number; center: Point } | null>(null);
  const cardsLayer = useRef<Konva.Layer>(null);
  /** The card being dragged is drawn here, so each step redraws one card, not every card on the screen. */
  const dragLayer = useRef<Konva.Layer>(null);
  // The drag and overlay layers are added just after the first frame: each layer is two
  // full-size canvases to allocate (~20 ms each here), and neither draws anything on opening.
  // For the same reason the cards layer starts without its hit canvas (not listening): it
  // is only asked where a pointer is, and nobody can point before the first frame.
  const [upperLayers, setUpperLayers] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setUpperLayers(true), 0)));
    // A hidden tab gets no frames.
    const fallback = setTimeout(() => setUpperLayers(true), 300);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, []);
  /** While the board is panned: where the stage is, so cards coming into view are drawn before the pan ends. */
  const [panAt, setPanAt] = useState<{ x: number; y: number } | null>(null);
  const panAtRef = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    panAtRef.current = null;
    setPanAt(null);
  }, [viewport]);
  const cullViewport = panAt ? { ...viewport, ...panAt } : viewport;
  const culled: CulledView = cullView(view, cullViewport, { width, height });
  const overview = culled.inView > DETAIL_MAX_CARDS;
  useEffect(() => reportCanvas({ cards: view.rects.size, inView: culled.inView, mode: overview ? 'overview' : 'detail', rects: view.rects }));
  const overviewDrag = useRef<OverviewDrag | null>(null);
  const overviewRedraw = useRef<(() => void) | null>(null);
  const overviewPress = useRef<{ id: string; ids: string[]; start: Point; started: boolean; skill: boolean } | null>(null);

  // Gesture handlers read the latest props through a ref so they can stay stable:
  // stable handlers keep the memoised cards from re-rendering on every viewport change.
  const latest = useRef({ ...props, culled });
  latest.current = { ...props, culled };
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
  }, []);

  const onStagePointerMove = useCallback((e: KonvaEventObject<MouseEvent>) => {
    const start = boxStart.current;
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!start || !pointer) return;
    setBox(boxBetween(start, toBoard(latest.current.viewport, pointer)));
  }, []);

  const stageNode = useRef<Konva.Stage | null>(null);
  useEffect(() => {
    // The button may be released outside the canvas: finish the box wherever that happens.
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
  }, []);

  const setStage = useCallback((stage: Konva.Stage | null) => {
    stageNode.current = stage;
    const ref = latest.current.stageRef;
    if (typeof ref === 'function') ref(stage);
    else if (ref) (ref as { current: Konva.Stage | null }).current = stage;
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
  }, []);

  const onTouchEnd = useCallback(() => {
    pinch.current = null;
  }, []);

  const onCardPointerDown = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (e.target.hasName('chip-remove')) return;
    const card = cardOf(e.target);
    if (!card) return;
    const additive = 'shiftKey' in e.evt && e.evt.shiftKey;
    // Pressing a card that is part of a multi-selection keeps the selection, so it can be dragged as a group.
    if (additive || !latest.current.selectedIds.has(card.id())) latest.current.onSelect(card.id(), additive);
  }, []);

  const onCardDoubleClick = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    if (!latest.current.editable || e.target.hasName('chip-remove') || e.target.hasName('chip-body')) return;
    const card = cardOf(e.target);
    if (card) latest.current.onEdit(card.id());
  }, []);

  const onCardClick = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const target = e.target as Konva.Node;
    const linkId: unknown = target.getAttr('linkId');
    if (target.hasName('chip-remove') && typeof linkId === 'string') {
      e.cancelBubble = true;
      if (latest.current.editable) latest.current.onUnlink(linkId);
      return;
    }
    if (target.hasName('chip-body') && typeof linkId === 'string') {
      const pointer = target.getStage()?.getPointerPosition();
      if (pointer) latest.current.onChipClick(linkId, pointer);
      return;
    }
    // A plain click on one card of a multi-selection narrows the selection to that card.
    const card = cardOf(target);
    const additive = 'shiftKey' in e.evt && e.evt.shiftKey;
    if (card && !additive && latest.current.selectedIds.size > 1) latest.current.onSelect(card.id(), false);
  }, []);

  const pointerOnBoard = (node: Konva.Node): Point | null => {
    const pointer = node.getStage()?.getPointerPosition();
    return pointer ? toBoard(latest.current.viewport, pointer) : null;
  };

  const onCardDragStart = useCallback((e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    if (!isCard(node)) return;
    const { view, selectedIds } = latest.current;
    const rect = view.rects.get(node.id());
    const origin = rect ? { x: rect.x, y: rect.y } : node.position();
    dragOrigin.current.set(node.id(), origin);
    node.moveToTop();
    if (dragLayer.current) node.moveTo(dragLayer.current);
    groupDrag.current = null;
    if (selectedIds.has(node.id()) && selectedIds.size > 1) {
      const origins = new Map<string, Point>();
      const nodes: Konva.Node[] = [];
      for (const id of selectedIds) {
        const r = view.rects.get(id);
        if (!r || id === node.id()) continue;
        origins.set(id, { x: r.x, y: r.y });
        // Selected cards far off screen are not drawn (culled): they move with the others when the drag ends.
        const other = cardsLayer.current?.findOne(`#${id}`);
        if (other) {
          nodes.push(other);
          if (dragLayer.current) other.moveTo(dragLayer.current);
        }
      }
      if (origins.size) {
        groupDrag.current = { lead: node.id(), origins, nodes };
        return;
      }
    }
    if (node.hasName('skill-card') && rect) setSkillDrag({ id: node.id(), origin, width: rect.width, height: rect.height });
  }, []);

  const onCardDragMove = useCallback((e: KonvaEventObject<DragEvent>) => {
    const node = e.target;
    const group = groupDrag.current;
    if (group && group.lead === node.id()) {
      const origin = dragOrigin.current.get(node.id())!;
      const dx = node.x() - origin.x;
      const dy = node.y() - origin.y;
      for (const other of group.nodes) {
        const at = group.origins.get(other.id())!;
        other.position({ x: at.x + dx, y: at.y + dy });
      }
      return;
    }
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
    const group = groupDrag.current;
    groupDrag.current = null;
    // Back among the other cards (on top, where a dragged card ends up).
    const home = cardsLayer.current;
    if (home) for (const moved of [node, ...(group?.nodes ?? [])]) if (moved.getParent() && moved.getLayer() !== home) moved.moveTo(home);
    if (group && group.lead === id) {
      const dx = node.x() - (origin?.x ?? node.x());
      const dy = node.y() - (origin?.y ?? node.y());
      const moves = [{ id, x: node.x(), y: node.y() }, ...[...group.origins].map(([other, at]) => ({ id: other, x: at.x + dx, y: at.y + dy }))];
      if (!latest.current.onMoveCards(moves)) {
        if (origin) node.position(origin);
        for (const n of group.nodes) n.position(group.origins.get(n.id())!);
      }
      return;
    }
    const personId = node.hasName('skill-card') ? dropTargetRef.current : null;
    setDropTarget(null);
    setSkillDrag(null);
    if (personId) {
      // A skill card is a reusable stamp: it links, then returns home for the next colleague.
      if (origin) node.to({ x: origin.x, y: origin.y, duration: 0.18, easing: Konva.Easings.EaseOut });
      latest.current.onLinkSkill(id, personId);
      return;
    }
    if (!latest.current.onMoveCards([{ id, x: node.x(), y: node.y() }]) && origin) node.position(origin);
  }, []);

  // ── Overview (many cards in view): one shape; pressing a block selects it, dragging moves it ──
  const onOverviewPointerDown = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
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
  }, []);

  const onOverviewDoubleClick = useCallback((e: KonvaEventObject<MouseEvent | TouchEvent>) => {
    const pointer = e.target.getStage()?.getPointerPosition();
    if (!pointer) return;
    const { viewport, view, culled, width, height } = latest.current;
    const id = cardAt(culled, toBoard(viewport, pointer));
    const rect = id ? view.rects.get(id) : undefined;
    // Zoom in on the card, at its real size.
    if (rect) latest.current.onViewportChange({ scale: 1, x: width / 2 - (rect.x + rect.width / 2), y: height / 2 - (rect.y + rect.height / 2) });
  }, []);

  useEffect(() => {
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
  }, []);
  useEffect(() => {
    if (overviewDrag.current?.settled) overviewDrag.current = null;
  }, [view]);

  const onStageDragMove = useCallback((e: KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    if (!stage || e.target !== stage) return;
    const { viewport, width, height } = latest.current;
    const from = panAtRef.current ?? viewport;
    // Re-cull once the pan has used up half the margin of cards drawn beyond the screen.
    if (Math.abs(stage.x() - from.x) > (width * CULL_MARGIN) / 2 || Math.abs(stage.y() - from.y) > (height * CULL_MARGIN) / 2) {
      panAtRef.current = { x: stage.x(), y: stage.y() };
      setPanAt(panAtRef.current);
    }
  }, []);

  const onSelectPair = useCallback((id: string, additive: boolean) => latest.current.onSelect(id, additive), []);

  const shownDropTarget = dropTargetId ?? props.externalDropTargetId;
  const scale = viewport.scale;

  return (
    <Stage
      ref={setStage}
      width={width}
      height={height}
      x={viewport.x}
      y={viewport.y}
      scaleX={viewport.scale}
      scaleY={viewport.scale}
      draggable
      onWheel={onWheel}
      onMouseDown={onStagePointerDown}
      onMouseMove={onStagePointerMove}
      onTouchStart={onStagePointerDown}
      onTouchMove={onTouchMove}
      onTouchEnd={onTouchEnd}
      onDragMove={onStageDragMove}
      onDragEnd={onStageDragEnd}
    >
      {/* Few layers on purpose: each is two full-size canvases to allocate, clear and composite. */}
      <Layer
        ref={cardsLayer}
        listening={upperLayers}
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
        <Links connectors={view.connectors} pairs={view.pairs} selectedIds={selectedIds} dimmedIds={dimmedIds} onSelectPair={onSelectPair} />
        {overview ? (
          <OverviewShape
            people={culled.people}
            skills={culled.skills}
            questions={culled.questions}
            reactions={culled.reactions}
            scale={scale}
            selectedIds={selectedIds}
            dimmedIds={dimmedIds}
            dropTargetId={shownDropTarget}
            names={culled.inView <= DETAIL_MAX_CARDS * 3 && scale >= 0.15}
            drag={overviewDrag}
            redrawRef={overviewRedraw}
            onPointerDown={onOverviewPointerDown}
            onDoubleClick={onOverviewDoubleClick}
          />
        ) : (
          <>
            {culled.reactions.map((card) => (
              <ReactionCard key={card.id} card={card} selected={selectedIds.has(card.id)} editing={card.id === editingId} editable={editable} />
            ))}
            {culled.questions.map((card) => (
              <QuestionCard
                key={card.id}
                card={card}
                selected={selectedIds.has(card.id)}
                editing={card.id === editingId}
                editable={editable}
                dimmed={!!dimmedIds?.has(card.id)}
              />
            ))}
            {culled.people.map((card) => (
              <PersonCard
                key={card.id}
                card={card}
                selected={selectedIds.has(card.id)}
                dropTarget={card.id === shownDropTarget}
                editing={card.id === editingId}
                editable={editable}
                texts={texts}
                studentSkills={studentSkills}
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
            {culled.skills.map((card) => (
              <SkillCard
                key={card.id}
                card={card}
                selected={selectedIds.has(card.id)}
                editing={card.id === editingId}
                editable={editable}
                texts={texts}
                fromStudent={studentSkills ? studentSkills.has(card.id) : null}
              />
            ))}
          </>
        )}
      </Layer>
      {upperLayers && <Layer ref={dragLayer} onDragMove={onCardDragMove} onDragEnd={onCardDragEnd} />}
      {/* One layer for everything drawn over the cards that never listens: each layer is a full-size canvas to allocate, clear and composite. */}
      {upperLayers && <Layer listening={false}>
        {props.highlightedIds && props.highlightedIds.size > 0 && (
          <Group>
            {view.people
              .filter((card) => props.highlightedIds!.has(card.id))
              .map((card) => (
                <Rect
                  key={card.id}
                  name="coverage-highlight"
                  targetId={card.id}
                  x={card.x - 7 / scale}
                  y={card.y - 7 / scale}
                  width={PERSON_CARD.width + 14 / scale}
                  height={card.height + 14 / scale}
                  cornerRadius={18}
                  stroke={COVERAGE_HIGHLIGHT}
                  strokeWidth={4 / scale}
                  dash={[12 / scale, 6 / scale]}
                />
              ))}
          </Group>
        )}
        {props.overlay}
        {box && (
          <Rect
            name="selection-box"
            x={box.x}
            y={box.y}
            width={box.width}
            height={box.height}
            fill="rgba(245, 158, 11, 0.10)"
            stroke={SELECTION}
            strokeWidth={1.5 / scale}
            dash={[6 / scale, 4 / scale]}
          />
        )}
      </Layer>}
    </Stage>
  );
}
