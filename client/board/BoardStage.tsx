import { useMemo, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import type { BoardView } from '../canvas/boardView.ts';
import { Highlights, type HighlightView } from '../canvas/Highlights.tsx';
import { RemoteSelections, type RemoteSelectionView } from '../canvas/Presence.tsx';
import { toBoard, type Viewport } from '../canvas/viewport.ts';
import type { Peer, PresenceStore } from '../hooks/presenceStore.ts';
import type { Glow } from '../hooks/useNominationNews.ts';
import { exposeStage } from '../canvas/testHooks.ts';
import { LiveCursors } from './LiveCursors.tsx';
import type { useCanvasHandlers } from './useCanvasHandlers.ts';
import type { BoardHighlights } from './useBoardHighlights.ts';
import type { BoardLabels } from './useBoardLabels.ts';

interface Props {
  stageBoxRef: RefObject<HTMLDivElement | null>;
  size: { width: number; height: number };
  /** What the canvas draws (empty until the first fit of a snapshot). */
  canvasView: BoardView;
  /** Where the cards are, for the presence overlays. */
  view: BoardView;
  viewport: Viewport;
  selectedIds: ReadonlySet<string>;
  editingId: string | null;
  editable: boolean;
  labels: BoardLabels;
  paletteTarget: string | null;
  highlights: BoardHighlights;
  presence: PresenceStore | null;
  peers: readonly Peer[];
  glows: readonly Glow[];
  handlers: ReturnType<typeof useCanvasHandlers>;
  onViewportChange(viewport: Viewport): void;
  boardShown: boolean;
  /** Laid over the canvas: the field for the card being edited. */
  children?: ReactNode;
}

/** The board itself: the canvas, the others' selections and cursors over it, and the empty/loading hints. */
export function BoardStage(props: Props) {
  const { stageBoxRef, size, view, viewport, presence, peers, glows, labels, handlers, boardShown } = props;
  const { t, nameOf } = labels;
  const remoteSelections = useMemo<RemoteSelectionView[]>(
    () =>
      peers.flatMap((peer) =>
        peer.selection.flatMap((id) => {
          const rect = view.rects.get(id);
          return rect ? [{ key: `${peer.clientId}-${id}`, name: (peer.personId && nameOf(peer.personId)) || peer.name || t('presence.guest'), colour: peer.colour, rect }] : [];
        }),
      ),
    [peers, view, nameOf, t],
  );
  const highlights = useMemo<HighlightView[]>(
    () =>
      glows.flatMap((g) => {
        const rect = view.rects.get(g.targetId);
        return rect ? [{ key: g.key, targetId: g.targetId, rect, colour: g.colour }] : [];
      }),
    [glows, view],
  );
  const overlay = (
    <>
      <RemoteSelections selections={remoteSelections} scale={viewport.scale} />
      <Highlights highlights={highlights} scale={viewport.scale} />
      <LiveCursors store={presence} scale={viewport.scale} guestName={t('presence.guest')} />
    </>
  );
  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const box = stageBoxRef.current?.getBoundingClientRect();
    if (!box || !presence) return;
    presence.setCursor(toBoard(viewport, { x: e.clientX - box.left, y: e.clientY - box.top }));
  };
  return (
    <div
      className="board-stage"
      ref={stageBoxRef}
      tabIndex={0}
      aria-label={t('board.canvasLabel')}
      // The canvas is not focusable itself; focusing its box sends Delete/Enter/F2 here
      // instead of to whichever toolbar button was clicked last.
      onPointerDown={() => stageBoxRef.current?.focus({ preventScroll: true })}
      onPointerMove={onPointerMove}
      onPointerLeave={() => presence?.setCursor(null)}
    >
      {size.width > 0 && (
        <BoardCanvas
          width={size.width}
          height={size.height}
          view={props.canvasView}
          viewport={viewport}
          selectedIds={props.selectedIds}
          editingId={props.editingId}
          editable={props.editable}
          texts={labels.texts}
          externalDropTargetId={props.paletteTarget}
          studentSkills={props.highlights.studentSkills}
          dimmedIds={props.highlights.dimmedIds}
          highlightedIds={props.highlights.highlightedIds}
          stageRef={exposeStage}
          overlay={overlay}
          onViewportChange={props.onViewportChange}
          {...handlers}
        />
      )}
      {props.children}
      {boardShown && view.rects.size === 0 && (
        <div className="board-hint board-hint-center">
          <p>{t('board.emptyHint')}</p>
        </div>
      )}
      {!boardShown && (
        <div className="board-hint board-hint-center">
          <p className="muted">{t('board.loading')}</p>
        </div>
      )}
    </div>
  );
}
