import { createRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type Konva from './konva.ts';
import type { BoardCanvasProps } from './boardCanvasProps.ts';
import type { CulledView } from './culling.ts';
import type { OverviewDrag } from './OverviewShape.tsx';
import type { Point, Rect as Box } from '../model/layout.ts';

/** The props as of the last render, and what that render culled. */
export type LatestCanvas = BoardCanvasProps & { culled: CulledView };

/** A skill card being dragged from where it sits: where it returns to after linking. */
export interface SkillDrag {
  id: string;
  origin: Point;
  width: number;
  height: number;
}

/** Cards of a multi-selection dragged along with the one under the pointer (the lead). */
export interface GroupDrag {
  lead: string;
  origins: Map<string, Point>;
  nodes: Konva.Node[];
}

/** A press on a block of the overview: a drag once it has moved past Konva.dragDistance. */
export interface OverviewPress {
  id: string;
  ids: string[];
  start: Point;
  started: boolean;
  skill: boolean;
}

/** The state setters of what the canvas draws while a gesture runs. */
export interface GestureDrawing {
  setDropTargetId: Dispatch<SetStateAction<string | null>>;
  setSkillDrag: Dispatch<SetStateAction<SkillDrag | null>>;
  setBox: Dispatch<SetStateAction<Box | null>>;
  setPanAt: Dispatch<SetStateAction<Point | null>>;
}

/**
 * What the canvas's gesture handlers share. Made once per canvas, with the handlers: they read
 * the props through `latest` and so stay the same functions from render to render, which keeps
 * the memoised cards from re-rendering on every viewport change.
 */
export interface GestureContext extends GestureDrawing {
  latest: RefObject<LatestCanvas>;
  stageNode: RefObject<Konva.Stage | null>;
  cardsLayer: RefObject<Konva.Layer | null>;
  /** The card being dragged is drawn here, so each step redraws one card, not every card on the screen. */
  dragLayer: RefObject<Konva.Layer | null>;
  dragOrigin: RefObject<Map<string, Point>>;
  groupDrag: RefObject<GroupDrag | null>;
  boxStart: RefObject<Point | null>;
  pinch: RefObject<{ distance: number; center: Point } | null>;
  /** While the board is panned: where the stage is, so cards coming into view are drawn before the pan ends. */
  panAtRef: RefObject<Point | null>;
  overviewDrag: RefObject<OverviewDrag | null>;
  overviewRedraw: RefObject<(() => void) | null>;
  overviewPress: RefObject<OverviewPress | null>;
  /** The drop target as the gestures know it at once; the state (drawn) follows. */
  dropTargetRef: RefObject<string | null>;
  setDropTarget(id: string | null): void;
}

export function createGestureContext(latest: RefObject<LatestCanvas>, drawing: GestureDrawing): GestureContext {
  const dropTargetRef: RefObject<string | null> = { current: null };
  return {
    ...drawing,
    latest,
    stageNode: createRef(),
    cardsLayer: createRef(),
    dragLayer: createRef(),
    dragOrigin: { current: new Map() },
    groupDrag: createRef(),
    boxStart: createRef(),
    pinch: createRef(),
    panAtRef: createRef(),
    overviewDrag: createRef(),
    overviewRedraw: createRef(),
    overviewPress: createRef(),
    dropTargetRef,
    setDropTarget(id) {
      if (dropTargetRef.current === id) return;
      dropTargetRef.current = id;
      drawing.setDropTargetId(id);
    },
  };
}
