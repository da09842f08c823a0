import { useEffect, useRef, useState } from 'react';
import Konva from './konva.ts';
import { Group, Layer, Rect, Stage } from 'react-konva/lib/ReactKonvaCore.js';
import { PersonCard } from './PersonCard.tsx';
import { SkillCard } from './SkillCard.tsx';
import { QuestionCard } from './QuestionCard.tsx';
import { ReactionCard } from './ReactionCard.tsx';
import { Links } from './Links.tsx';
import { OverviewShape } from './OverviewShape.tsx';
import { DETAIL_MAX_CARDS, cullView, type CulledView } from './culling.ts';
import { reportCanvas } from './testHooks.ts';
import { PERSON_CARD, type Point, type Rect as Box } from '../model/layout.ts';
import { DROP_HIGHLIGHT, SELECTION } from './palette.ts';
import type { BoardCanvasProps } from './boardCanvasProps.ts';
import { createGestureContext, type GestureContext, type LatestCanvas, type SkillDrag } from './gestureContext.ts';
import { createStageGestures, finishBoxOnMouseUp } from './stageGestures.ts';
import { createCardGestures } from './cardGestures.ts';
import { createOverviewGestures, followOverviewDrag } from './overviewGestures.ts';

/** The outline around person cards picked from the coverage view: dashed, so it is not only a colour. */
const COVERAGE_HIGHLIGHT = '#0f766e';

// A click that wobbles a few pixels (a finger, a trackpad) must stay a click, not become a drag.
Konva.dragDistance = 5;

/** Every handler of the canvas, made once (see GestureContext). */
interface CanvasGestures extends ReturnType<typeof createStageGestures>, ReturnType<typeof createCardGestures>, ReturnType<typeof createOverviewGestures> {
  context: GestureContext;
}

function createCanvasGestures(context: GestureContext): CanvasGestures {
  return { context, ...createStageGestures(context), ...createCardGestures(context), ...createOverviewGestures(context) };
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
  const [panAt, setPanAt] = useState<Point | null>(null);
  const cullViewport = panAt ? { ...viewport, ...panAt } : viewport;
  const culled: CulledView = cullView(view, cullViewport, { width, height });
  const overview = culled.inView > DETAIL_MAX_CARDS;
  useEffect(() => reportCanvas({ cards: view.rects.size, inView: culled.inView, mode: overview ? 'overview' : 'detail', rects: view.rects }));

  // Gesture handlers read the latest props through a ref so they can stay stable:
  // stable handlers keep the memoised cards from re-rendering on every viewport change.
  const latest = useRef<LatestCanvas>({ ...props, culled });
  latest.current = { ...props, culled };
  const gesturesRef = useRef<CanvasGestures>(null);
  const gestures = (gesturesRef.current ??= createCanvasGestures(createGestureContext(latest, { setDropTargetId, setSkillDrag, setBox, setPanAt })));
  const { cardsLayer, dragLayer, overviewDrag, overviewRedraw, panAtRef, dropTargetRef } = gestures.context;

  useEffect(() => {
    panAtRef.current = null;
    setPanAt(null);
  }, [viewport]);

  useEffect(() => {
    if (!editable) {
      dropTargetRef.current = null;
      setDropTargetId(null);
      setSkillDrag(null);
    }
  }, [editable]);
  useEffect(() => finishBoxOnMouseUp(gestures.context), []);
  useEffect(() => followOverviewDrag(gestures.context), []);
  useEffect(() => {
    if (overviewDrag.current?.settled) overviewDrag.current = null;
  }, [view]);

  const shownDropTarget = dropTargetId ?? props.externalDropTargetId;
  const scale = viewport.scale;

  return (
    <Stage
      ref={gestures.setStage}
      width={width}
      height={height}
      x={viewport.x}
      y={viewport.y}
      scaleX={viewport.scale}
      scaleY={viewport.scale}
      draggable
      onWheel={gestures.onWheel}
      onMouseDown={gestures.onStagePointerDown}
      onMouseMove={gestures.onStagePointerMove}
      onTouchStart={gestures.onStagePointerDown}
      onTouchMove={gestures.onTouchMove}
      onTouchEnd={gestures.onTouchEnd}
      onDragMove={gestures.onStageDragMove}
      onDragEnd={gestures.onStageDragEnd}
    >
      {/* Few layers on purpose: each is two full-size canvases to allocate, clear and composite. */}
      <Layer
        ref={cardsLayer}
        listening={upperLayers}
        onMouseDown={gestures.onCardPointerDown}
        onTouchStart={gestures.onCardPointerDown}
        onDblClick={gestures.onCardDoubleClick}
        onDblTap={gestures.onCardDoubleClick}
        onClick={gestures.onCardClick}
        onTap={gestures.onCardClick}
        onDragStart={gestures.onCardDragStart}
        onDragMove={gestures.onCardDragMove}
        onDragEnd={gestures.onCardDragEnd}
      >
        <Links connectors={view.connectors} pairs={view.pairs} selectedIds={selectedIds} dimmedIds={dimmedIds} onSelectPair={gestures.onSelectPair} />
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
            onPointerDown={gestures.onOverviewPointerDown}
            onDoubleClick={gestures.onOverviewDoubleClick}
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
      {upperLayers && <Layer ref={dragLayer} onDragMove={gestures.onCardDragMove} onDragEnd={gestures.onCardDragEnd} />}
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
