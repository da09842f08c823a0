import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SessionState } from '../../shared/session.ts';
import { bringEveryoneLeader } from '../model/bringEveryone.ts';
import { EMPTY_VIEW, personAt, type BoardView } from '../canvas/boardView.ts';
import { PERSON_CARD, boundsOf, placeNewCard, type Point, type Rect } from '../model/layout.ts';
import { INITIAL_VIEWPORT, NO_INSETS, clampScale, fitBounds, toBoard, viewportCenter, zoomAt, type Insets, type Viewport } from '../canvas/viewport.ts';
import { useElementSize } from '../hooks/useElementSize.ts';
import type { Peer, PresenceStore } from '../hooks/presenceStore.ts';
import { useRemoteViewports } from '../hooks/usePresence.ts';

/** Breathing room around "fit all", on top of the space the floating controls take. */
const FIT_PADDING = 24;
/** Person cards grow as skills are linked: two rows of chips. */
const PERSON_GROWTH_ROOM = 2 * (PERSON_CARD.chipHeight + PERSON_CARD.chipGap);

/** The viewport that shows `rect` (board units) in the middle of a screen of `size`. */
function viewportShowing(rect: Rect, size: { width: number; height: number }): Viewport {
  const scale = clampScale(Math.min(size.width / rect.width, size.height / rect.height));
  return { scale, x: size.width / 2 - (rect.x + rect.width / 2) * scale, y: size.height / 2 - (rect.y + rect.height / 2) * scale };
}

interface Options {
  view: BoardView;
  boardShown: boolean;
  /** The board came as a snapshot: all there when the canvas first draws. */
  preloaded: boolean;
  presence: PresenceStore | null;
  peers: readonly Peer[];
  session: SessionState | null;
  /** The big screen shows the whole board, unless it follows someone. */
  bigScreen: boolean;
}

/**
 * What part of the board this tab shows: pan and zoom, the first "fit all", following a
 * colleague or the facilitator's "bring everyone", and sharing this view with the others.
 */
export function useViewport({ view, boardShown, preloaded, presence, peers, session, bigScreen }: Options) {
  const stageBoxRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const railRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const size = useElementSize(stageBoxRef);
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);

  /**
   * How much of the stage the floating controls cover. Measured, not assumed: the toolbar
   * sits on top on big screens and at the bottom on phones, panels on the right or below.
   */
  const coveredInsets = useCallback((): Insets => {
    const stage = stageBoxRef.current?.getBoundingClientRect();
    if (!stage) return NO_INSETS;
    const insets = { ...NO_INSETS };
    for (const element of [toolbarRef.current, bottomRef.current, railRef.current, panelRef.current]) {
      const box = element?.getBoundingClientRect();
      if (!box || box.height === 0 || box.width === 0) continue;
      // A column (rail, side panel) covers a side; anything else covers the top or bottom edge it is nearer to.
      const column = box.height > stage.height * 0.4 && box.width < stage.width * 0.6;
      if (column) {
        if (stage.right - box.right < box.left - stage.left) insets.right = Math.max(insets.right, stage.right - box.left);
        else insets.left = Math.max(insets.left, box.right - stage.left);
      } else if (stage.bottom - box.bottom < box.top - stage.top) insets.bottom = Math.max(insets.bottom, stage.bottom - box.top);
      else insets.top = Math.max(insets.top, box.bottom - stage.top);
    }
    return insets;
  }, []);
  const fitAll = useCallback(() => setViewport(fitBounds(boundsOf(view.rects.values()), size, FIT_PADDING, coveredInsets())), [view, size, coveredInsets]);

  // Open on the whole board once, when it has arrived; after that the user is in charge.
  // A board that came as a snapshot is all there when the canvas first draws: fit it before
  // the first paint, so the canvas never draws it at 100 % first (on a big board, full cards
  // made and thrown away a moment later). One that comes through the sync reaches React a
  // frame after it (useBoard renders once per frame): wait for that.
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    if (!boardShown || preloaded) return;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setArrived(true))));
    const fallback = setTimeout(() => setArrived(true), 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, [boardShown, preloaded]);
  const [fitted, setFitted] = useState(false);
  useLayoutEffect(() => {
    if (fitted || size.width === 0 || !(preloaded ? boardShown : arrived)) return;
    setFitted(true);
    if (view.rects.size > 0) fitAll();
  }, [fitted, preloaded, boardShown, arrived, size.width, view, fitAll]);

  // ── Following someone's view, "bring everyone" ──
  const remoteViewports = useRemoteViewports(presence);
  const myClientId = presence?.clientId ?? null;
  /** Someone this tab chose to follow (clicked in "who is here"). */
  const [following, setFollowing] = useState<number | null>(null);
  /** Broke away from "bring everyone" (own pan/zoom or "Zelf rondkijken"), until it starts again. */
  const [brokeAway, setBrokeAway] = useState(false);
  const bringTo = session?.bringEveryoneTo ?? null;
  useEffect(() => setBrokeAway(false), [bringTo]);
  const broughtBy = bringEveryoneLeader({ bringTo, myClientId, brokeAway, peers });
  const leader = following ?? broughtBy;
  const leaderRect = leader !== null ? (remoteViewports.get(leader) ?? null) : null;
  useEffect(() => {
    if (leaderRect && size.width > 0) setViewport(viewportShowing(leaderRect, size));
  }, [leaderRect, size]);
  /** Any own pan or zoom: stop following and look around yourself. */
  const lookAround = useCallback(() => {
    setFollowing(null);
    setBrokeAway(true);
  }, []);
  const ownViewport = useCallback(
    (next: Viewport | ((v: Viewport) => Viewport)) => {
      lookAround();
      setViewport(next);
    },
    [lookAround],
  );
  useEffect(() => {
    if (bigScreen && leader === null) fitAll();
  }, [bigScreen, leader, fitAll]);
  // Share what this tab shows, so others can follow it.
  useEffect(() => {
    if (!presence || size.width === 0) return;
    const topLeft = toBoard(viewport, { x: 0, y: 0 });
    presence.setViewport({ x: topLeft.x, y: topLeft.y, width: size.width / viewport.scale, height: size.height / viewport.scale });
  }, [presence, viewport, size]);

  const zoomBy = useCallback((factor: number) => ownViewport((v) => zoomAt(v, { x: size.width / 2, y: size.height / 2 }, factor)), [size.width, size.height, ownViewport]);

  /** Brings a card to the middle of the area the toolbar and panels leave free. */
  const centreOn = useCallback(
    (rect: Rect) => {
      const insets = coveredInsets();
      const freeX = insets.left + (size.width - insets.left - insets.right) / 2;
      const freeY = insets.top + (size.height - insets.top - insets.bottom) / 2;
      setViewport((v) => ({ ...v, x: freeX - (rect.x + rect.width / 2) * v.scale, y: freeY - (rect.y + rect.height / 2) * v.scale }));
    },
    [coveredInsets, size.width, size.height],
  );

  /** A free spot for a new card, near `near` or in the middle of what the user sees. */
  const newCardSpot = (width: number, height: number, near?: Point) => {
    // Person cards grow as skills are linked; keep room below them so they do not grow over a neighbour.
    const taken: Rect[] = [...view.rects.values()].map((r) => (r.type === 'person' ? { ...r, height: r.height + PERSON_GROWTH_ROOM } : r));
    // A pair's badge must stay clickable.
    for (const pair of view.pairs) taken.push({ x: pair.mid.x - 24, y: pair.mid.y - 24, width: 48, height: 48 });
    return placeNewCard(near ?? viewportCenter(viewport, size, coveredInsets()), { width, height }, taken);
  };

  /** The person card under a screen point (a skill dragged from the palette lands there), or null. */
  const personUnder = (clientX: number, clientY: number): string | null => {
    const stage = stageBoxRef.current;
    const under = document.elementFromPoint(clientX, clientY);
    if (!stage || !under || !stage.contains(under)) return null;
    const box = stage.getBoundingClientRect();
    return personAt(view, toBoard(viewport, { x: clientX - box.left, y: clientY - box.top }));
  };

  // A card just added with a panel opening beside (or, on a phone, over) it: once both are
  // on screen, bring the card into the part of the board that is still visible.
  const centreWhenDrawn = useRef<string | null>(null);
  useEffect(() => {
    const id = centreWhenDrawn.current;
    const rect = id ? view.rects.get(id) : undefined;
    if (!rect) return;
    centreWhenDrawn.current = null;
    // After this commit is painted, so the panel's size counts.
    requestAnimationFrame(() => centreOn(rect));
  }, [view, centreOn]);

  return {
    refs: { stageBoxRef, areaRef, toolbarRef, bottomRef, railRef, panelRef },
    size,
    viewport,
    ownViewport,
    fitAll,
    zoomBy,
    centreOn,
    newCardSpot,
    personUnder,
    centreOnceDrawn: (id: string) => void (centreWhenDrawn.current = id),
    /** Until the first fit (before the first paint of a snapshot), the canvas draws no cards. */
    canvasView: preloaded && !fitted ? EMPTY_VIEW : view,
    myClientId,
    following,
    setFollowing,
    bringTo,
    brought: broughtBy !== null,
    lookAround,
  };
}

export type BoardViewport = ReturnType<typeof useViewport>;
