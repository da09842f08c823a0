import { useMemo } from 'react';
import type { Role } from '../../shared/session.ts';
import { BoardViewBuilder, EMPTY_VIEW } from '../canvas/boardView.ts';
import { measureText } from '../canvas/measureText.ts';
import { ARRIVAL_GLOW, DROP_HIGHLIGHT } from '../canvas/palette.ts';
import { BoardListView } from '../components/BoardListView.tsx';
import { Icon } from '../components/Icon.tsx';
import { SessionPanel } from '../components/SessionPanel.tsx';
import { useBoard } from '../hooks/useBoard.ts';
import type { BoardConnectionState, Denial } from '../hooks/useBoardConnection.ts';
import { useNominationNews } from '../hooks/useNominationNews.ts';
import { usePeers, usePresenceStore } from '../hooks/usePresence.ts';
import { useServerNotices } from '../hooks/useServerNotices.ts';
import { useStableCallback } from '../hooks/useStableCallback.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import type { ActionContext, WorkspaceCommands } from './actions.ts';
import { BigScreenJoin } from './BigScreenJoin.tsx';
import { BoardDialogs } from './BoardDialogs.tsx';
import { BoardStage } from './BoardStage.tsx';
import { BoardToasts } from './BoardToasts.tsx';
import { BoardTopBar } from './BoardTopBar.tsx';
import { CardEditOverlay } from './CardEditOverlay.tsx';
import { ChipPopover } from './ChipPopover.tsx';
import { DetailPanel, detailOf } from './DetailPanel.tsx';
import { textEditFor } from './rules.ts';
import { BoardNotices, SessionBanners } from './SessionBanners.tsx';
import { Toolbar } from './Toolbar.tsx';
import { ToolPanel } from './ToolPanel.tsx';
import { useActions } from './useActions.ts';
import { useBoardAccess } from './useBoardAccess.ts';
import { useBoardHighlights } from './useBoardHighlights.ts';
import { useBoardLabels } from './useBoardLabels.ts';
import { useBoardPageEffects } from './useBoardPageEffects.ts';
import { useBoardWriter } from './useBoardWriter.ts';
import { useCanvasHandlers } from './useCanvasHandlers.ts';
import { useIdentity } from './useIdentity.ts';
import { useLinking } from './useLinking.ts';
import { usePresenceEntries } from './usePresenceEntries.ts';
import { useSelection } from './useSelection.ts';
import { useSessionControls } from './useSessionControls.ts';
import { useViewport } from './useViewport.ts';
import { useToasts, useWorkspaceState } from './useWorkspaceState.ts';
import { ViewRail } from './ViewRail.tsx';
import { ZoomControls } from './ZoomControls.tsx';

interface Props {
  boardId: string;
  /** The live connection to the board, opened by the page while it was still looking the board up. */
  connectionState: BoardConnectionState;
  /** The board link's token (see boardAccess.ts); sent with every request and to the collab server. */
  token: string;
  /** From the REST lookup, until the server's session message says it. */
  initialRole: Role;
  /** From the REST lookup; shown until the document has synced. */
  initialTitle: string;
  /** The server refused (or dropped) us: the board is gone, or the link does not work. */
  onDenied(denial: Denial): void;
}

/**
 * The board page once the board is known: it composes the state hooks (access, identity,
 * viewport, selection, the one board writer), the canvas and the chrome, which runs the
 * commands of the action list (actions.ts). It holds no rule and writes nothing itself.
 */
export function BoardWorkspace({ boardId, connectionState, token, initialRole, initialTitle, onDenied }: Props) {
  const { connection, closeNotice } = connectionState;
  const sync = useSyncStatus(connection);
  const board = useBoard(connection?.doc ?? null);
  const presence = usePresenceStore(connection);
  const peers = usePeers(presence);
  const serverNotices = useServerNotices(connection, closeNotice);
  const access = useBoardAccess({ connectionState, initialRole, initialTitle, onDenied }, board, sync);
  const { editable, role, session, isFacilitator, isViewer, locked } = access;
  const labels = useBoardLabels(board);
  const { t } = labels;
  const ui = useWorkspaceState();
  const toasts = useToasts();
  const writer = useBoardWriter(connection, editable, (error) => {
    // Usually a race: the card was deleted by someone else a moment ago.
    console.warn('Board write rejected', error);
    toasts.setProblem(t('board.saveFailed'));
  });
  const accessFailed = useStableCallback(() => toasts.setProblem(t('access.failed')));
  const controls = useSessionControls(boardId, token, accessFailed);
  useBoardPageEffects({ boardId, title: access.title, sync, connection, t });

  // Identity and the viewport need each other only inside handlers (a new card's spot, selecting it).
  const identity = useIdentity({ boardId, board, editable, writer, newCardSpot: (w, h, near) => vp.newCardSpot(w, h, near), select: (ids) => selection.setSelected(ids) });
  const meId = identity.meId;
  const viewBuilder = useMemo(() => new BoardViewBuilder(), []);
  const view = useMemo(() => (board ? viewBuilder.build(board, labels.labels, measureText, editable, meId) : EMPTY_VIEW), [viewBuilder, board, labels.labels, editable, meId]);
  const selection = useSelection(board, view, editable, presence);
  const { single, editingId, setSelected, setEditing } = selection;
  const vp = useViewport({ view, boardShown: access.boardShown, preloaded: !!connection?.preloaded, presence, peers, session, bigScreen: ui.bigScreen });
  const { stageBoxRef, areaRef, toolbarRef, bottomRef, railRef, panelRef } = vp.refs;
  const highlights = useBoardHighlights(board, ui);
  const linking = useLinking(board, meId, writer, ui);
  const handlers = useCanvasHandlers({ view, ui, selection, writer, onLinkSkill: linking.onLinkSkill, areaRef, stageBoxRef });
  const presenceEntries = usePresenceEntries(presence, peers, identity.me, identity.myColour, labels);
  const respondTo = (linkId: string, answer: 'accepted' | 'declined') => {
    if (meId && writer.respondToNomination(linkId, answer, meId)) news.remove(`n-${linkId}`);
  };
  const { news, glows } = useNominationNews({
    board,
    synced: sync.everSynced,
    meId,
    nameOf: labels.nameOf,
    skillName: labels.skillName,
    colourOf: (id) => (id ? labels.peopleById.get(id)?.colour : undefined),
    respond: respondTo,
    glowColour: ARRIVAL_GLOW,
    acceptedColour: DROP_HIGHLIGHT,
  });

  const detail = detailOf(board, single, ui.panel);
  const workspace: WorkspaceCommands = {
    openDialog: ui.setDialog,
    setPanel: ui.setPanel,
    setStudentsOn: ui.setStudentsOn,
    select: setSelected,
    edit: setEditing,
    disarm: () => ui.setArmedSkill(null),
    newCardSpot: vp.newCardSpot,
    zoomBy: vp.zoomBy,
    fitAll: () => (vp.lookAround(), vp.fitAll()),
    onRemoved(deletion) {
      toasts.setProblem(null);
      if (deletion) toasts.setDeletion(deletion);
    },
    clearDeletion: () => toasts.setDeletion(null),
  };
  const ctx: ActionContext = {
    editable, board, rects: view.rects, selection: selection.selection, meId, panel: ui.panel,
    detailPanelOpen: !!detail, studentsOn: ui.studentsOn, armedSkill: ui.armedSkill, writer, workspace,
  };
  const actions = useActions(ctx, !!ui.dialog || !!ui.levelPick || identity.showJoin || !!editingId);

  const commitEdit = (value: string) => {
    setEditing(null);
    const edit = editingId && board ? textEditFor(board, editingId, value) : null;
    if (edit) writer.applyTextEdit(edit);
  };
  /** Selects a card and brings it into view (from a panel's list). */
  const showCard = (id: string) => {
    const rect = view.rects.get(id);
    if (!rect) return;
    setSelected([id]);
    vp.centreOn(rect);
  };
  const showList = (on: boolean) => {
    ui.setListMode(on);
    if (!on) return;
    setSelected([]);
    setEditing(null);
  };
  const closeToBoard = () => {
    ui.setDialog(null);
    requestAnimationFrame(() => stageBoxRef.current?.focus({ preventScroll: true }));
  };

  const bringing = vp.bringTo !== null && vp.bringTo === vp.myClientId;
  const joinAside = ui.bigScreen && (!!controls.joinLink || isFacilitator);
  const hasPanel = !!detail || (!!ui.panel && !!board);
  const selectedType = single ? view.rects.get(single)?.type : undefined;
  const showDragHint = editable && view.people.length > 0 && view.skills.length > 0 && (board?.skillLinks.length ?? 0) === 0 && !ui.panel;
  const myName = identity.me ? labels.nameOf(identity.me.id) : null;
  const followingName = vp.following !== null ? (presenceEntries.find((e) => e.clientId === vp.following)?.name ?? t('presence.guest')) : null;
  const modes = `${ui.armedSkill ? ' is-armed' : ''}${hasPanel ? ' has-panel' : ''}${ui.bigScreen ? ' is-big-screen' : ''}${joinAside ? ' has-join-aside' : ''}${locked ? ' is-locked' : ''}`;

  return (
    <div className={`board-page${modes}`} data-role={role}>
      <BoardTopBar
        title={access.title} editable={editable} onRename={writer.renameBoard} status={sync.status} role={role}
        presence={sync.everSynced ? presenceEntries : null} following={vp.following} onFollow={(id) => vp.setFollowing((f) => (f === id ? null : id))}
        myName={myName} myColour={identity.myColour} onJoin={identity.openJoin}
        listMode={ui.listMode} onListMode={showList}
        onShare={() => ui.setDialog('share')} sessionOpen={ui.sessionOpen} onToggleSession={() => ui.setSessionOpen((o) => !o)}
        bigScreen={ui.bigScreen} onToggleBigScreen={() => (ui.setBigScreen((on) => !on), ui.setSessionOpen(false))}
      />
      <SessionBanners
        session={session} clockOffset={access.clockOffset} isFacilitator={isFacilitator} timerAside={joinAside} bigScreen={ui.bigScreen}
        bringing={bringing} brought={vp.brought} followingName={followingName}
        onRelease={() => controls.runCommand({ type: 'release-everyone' })} onLookAround={vp.lookAround}
      />
      {isFacilitator && ui.sessionOpen && session && (
        <SessionPanel session={session} clockOffset={access.clockOffset} myClientId={vp.myClientId} onCommand={controls.runCommand} onClose={() => ui.setSessionOpen(false)} />
      )}
      <BoardNotices storageFailing={isFacilitator && serverNotices.storageFailing} outdated={access.outdated} />
      {ui.listMode && board && highlights.skillIndex && <BoardListView board={board} index={highlights.skillIndex} nameOf={labels.nameOf} skillName={labels.skillName} />}
      <div className="board-area" ref={areaRef} hidden={ui.listMode}>
        <BoardStage
          stageBoxRef={stageBoxRef} size={vp.size} canvasView={vp.canvasView} view={view} viewport={vp.viewport}
          selectedIds={selection.selectedIds} editingId={editingId} editable={editable} labels={labels} paletteTarget={ui.paletteTarget}
          highlights={highlights} presence={presence} peers={peers} glows={glows.items} handlers={handlers} onViewportChange={vp.ownViewport} boardShown={access.boardShown}
        >
          {editingId && board && (
            <CardEditOverlay editingId={editingId} view={view} viewport={vp.viewport} person={labels.peopleById.get(editingId)} skill={labels.skillsById.get(editingId)} onCommit={commitEdit} onCancel={() => setEditing(null)} />
          )}
        </BoardStage>
        {!isViewer && !ui.bigScreen && !(locked && !isFacilitator) && (
          <Toolbar ref={toolbarRef} states={actions.states} editIsText={selectedType === 'question' || selectedType === 'reaction'} onRun={actions.run} />
        )}
        <ViewRail ref={railRef} states={actions.states} onRun={actions.run} />
        {board && detail && (
          <DetailPanel ref={panelRef} detail={detail} board={board} editable={editable} labels={labels} writer={writer}
            onClose={() => setSelected([])} onEditText={setEditing} onDelete={() => actions.run('delete')} onShow={showCard} />
        )}
        {board && !detail && ui.panel && (
          <ToolPanel ref={panelRef} panel={ui.panel} board={board} skillIndex={highlights.skillIndex} fromStudents={highlights.fromStudents}
            selectedQuestionId={single && board.questions.some((q) => q.id === single) ? single : null} editable={editable} labels={labels} ui={ui} writer={writer}
            personUnder={vp.personUnder} requestLink={linking.requestLink} placeReaction={(kind) => actions.run(`addReaction:${kind}`)} onShow={showCard} onUnselect={() => setSelected([])} />
        )}
        {ui.armedSkill && (
          <div className="mode-banner mode-armed">
            <span>{t('palette.armed', { skill: labels.skillName(ui.armedSkill) })}</span>
            <button type="button" className="button button-small" onClick={() => ui.setArmedSkill(null)}>
              {t('palette.cancel')}
            </button>
          </div>
        )}
        <div className="board-bottom" ref={bottomRef}>
          {showDragHint && <p className="drag-hint">{t('board.dragHint')}</p>}
          {ui.studentsOn && highlights.fromStudents && (
            <p className="mode-banner mode-students">
              <Icon name="student" size={18} />
              <span>{t('view.studentsOn', { count: highlights.fromStudents.size })}</span>
            </p>
          )}
          <ZoomControls scale={vp.viewport.scale} onRun={actions.run} />
        </div>
        {ui.chipPopover && board && (
          <ChipPopover at={ui.chipPopover.at} linkId={ui.chipPopover.linkId} board={board} meId={meId} editable={editable} labels={labels} writer={writer}
            onRespond={respondTo} onJoin={identity.openJoin} onClose={() => ui.setChipPopover(null)} />
        )}
        <BoardToasts
          news={news.items} onDismissNews={news.remove} notices={serverNotices.notices} onDismissNotice={serverNotices.dismiss}
          problem={toasts.problem} deletion={toasts.deletion} editable={editable}
          onUndoDeletion={() => (writer.undoIfNewest(toasts.deletion?.item), toasts.setDeletion(null))}
        />
      </div>
      <BoardDialogs
        boardId={boardId} token={token} board={board} isFacilitator={isFacilitator} identity={identity} labels={labels} ui={ui} writer={writer}
        newCardSpot={vp.newCardSpot} cardRect={(id) => view.rects.get(id)} select={setSelected} centreOnceDrawn={vp.centreOnceDrawn} closeToBoard={closeToBoard} saveLevel={linking.saveLevel}
      />
      {joinAside && <BigScreenJoin joinLink={controls.joinLink} isFacilitator={isFacilitator} session={session} clockOffset={access.clockOffset} onMakeJoinLink={controls.makeJoinLink} />}
    </div>
  );
}
