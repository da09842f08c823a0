import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  addPerson,
  addSkill,
  linkSkill,
  moveCards,
  removeCards,
  setBoardTitle,
  unlinkSkill,
  updatePerson,
  updateSkill,
  type NewPerson,
  type NewSkill,
} from '../../shared/boardWrites.ts';
import { DOC_SCHEMA_VERSION } from '../../shared/docVersion.ts';
import { PLACEHOLDER_KINDS, type PersonKind } from '../../shared/records/person.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { buildBoardView, reuseUnchanged, type BoardView, type ViewLabels } from '../canvas/boardView.ts';
import { PERSON_CARD, SKILL_CARD, boundsOf, nameBox, personCardHeight, placeNewCard, skillCardHeight, type Point } from '../canvas/layout.ts';
import { measureText } from '../canvas/measureText.ts';
import { INITIAL_VIEWPORT, NO_INSETS, fitBounds, viewportCenter, zoomAt, type Insets, type Viewport } from '../canvas/viewport.ts';
import { useBoard } from '../hooks/useBoard.ts';
import { useBoardConnection } from '../hooks/useBoardConnection.ts';
import { useElementSize } from '../hooks/useElementSize.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { useUndoManager } from '../hooks/useUndoManager.ts';
import { exposeStage } from '../testHooks.ts';
import { templateSkillLabel } from '../templateLabels.ts';
import { AddPersonForm, PERSON_NAME_MAX } from '../components/AddPersonForm.tsx';
import { AddSkillForm, SKILL_LABEL_MAX } from '../components/AddSkillForm.tsx';
import { BoardTitle } from '../components/BoardTitle.tsx';
import { CardRenameField } from '../components/CardRenameField.tsx';
import { Icon } from '../components/Icon.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Link } from '../components/Link.tsx';
import { StatusIndicator } from '../components/StatusIndicator.tsx';
import { Toolbar } from '../components/Toolbar.tsx';
import { ZoomControls } from '../components/ZoomControls.tsx';

const EMPTY_VIEW: BoardView = { people: [], skills: [], rects: new Map() };
/** Breathing room around "fit all", on top of the space the floating controls take. */
const FIT_PADDING = 24;
const ZOOM_STEP = 1.25;
/** Two rows of chips. */
const PERSON_GROWTH_ROOM = 2 * (PERSON_CARD.chipHeight + PERSON_CARD.chipGap);

const isTypingTarget = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A'].includes(target.tagName));

interface Props {
  boardId: string;
  /** From the REST lookup; shown until the document has synced. */
  initialTitle: string;
  onMissing(): void;
}

export function BoardWorkspace({ boardId, initialTitle, onMissing }: Props) {
  const { t, i18n } = useTranslation();
  const { connection, refused, scope } = useBoardConnection(boardId);
  const sync = useSyncStatus(connection);
  const board = useBoard(connection?.doc ?? null);
  const undoManager = useUndoManager(connection?.doc ?? null);

  useEffect(() => {
    if (refused) onMissing();
  }, [refused, onMissing]);

  const outdated = (board?.meta.schemaVersion ?? 0) > DOC_SCHEMA_VERSION;
  // Before the first sync the local doc is an empty shell whose schema version we do not
  // know yet; edits wait until we know this client may write this board.
  const editable = !!connection && sync.everSynced && !outdated && scope !== 'readonly';
  const title = sync.everSynced && board ? board.meta.title : initialTitle;

  const labels = useMemo<ViewLabels>(
    () => ({
      personKind: (kind) => t(`personKind.${kind}`),
      unnamedRole: () => t('card.unnamedRole'),
      studentDetails: (year, level) => t('card.studentDetails', { year, level: t(`studentLevelShort.${level}`) }),
      nominatedBy: (name) => t('card.nominatedBy', { name }),
      skillMeta: (category, count) =>
        count > 0 ? `${t(`skillCategory.${category}`)} · ${t('card.peopleCount', { count })}` : t(`skillCategory.${category}`),
      skillLabel: (skill) => templateSkillLabel(skill, i18n.language),
    }),
    [t, i18n.language],
  );
  const texts = useMemo(
    () => ({ noSkills: t('card.noSkills'), removeSkill: t('card.removeSkill'), reserved: t('card.reserved') }),
    [t],
  );

  const previousView = useRef<BoardView | null>(null);
  const view = useMemo(() => {
    if (!board) return EMPTY_VIEW;
    const next = reuseUnchanged(previousView.current, buildBoardView(board, labels, measureText, editable));
    previousView.current = next;
    return next;
  }, [board, labels, editable]);

  const stageBoxRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(stageBoxRef);
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  /**
   * How much of the stage the floating toolbar and zoom controls cover. Measured, not
   * assumed: the toolbar sits on top on big screens and at the bottom on phones.
   */
  const coveredInsets = useCallback((): Insets => {
    const stage = stageBoxRef.current?.getBoundingClientRect();
    if (!stage) return NO_INSETS;
    const insets = { ...NO_INSETS };
    for (const element of [toolbarRef.current, bottomRef.current]) {
      const box = element?.getBoundingClientRect();
      if (!box || box.height === 0) continue;
      if (box.top - stage.top < stage.height / 2) insets.top = Math.max(insets.top, box.bottom - stage.top);
      else insets.bottom = Math.max(insets.bottom, stage.bottom - box.top);
    }
    return insets;
  }, []);
  const fitAll = useCallback(
    () => setViewport(fitBounds(boundsOf(view.rects.values()), size, FIT_PADDING, coveredInsets())),
    [view, size, coveredInsets],
  );

  // Open on the whole board once, when it has arrived; after that the user is in charge.
  const fittedOnce = useRef(false);
  useEffect(() => {
    if (fittedOnce.current || !sync.everSynced || size.width === 0) return;
    fittedOnce.current = true;
    if (view.rects.size > 0) fitAll();
  }, [sync.everSynced, size.width, view, fitAll]);

  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // A card someone else deleted is no longer selected or edited here.
  const selectedId = selected && view.rects.has(selected) ? selected : null;
  const editingId = editable && editing && view.rects.has(editing) ? editing : null;

  const [dialog, setDialog] = useState<'person' | 'skill' | null>(null);
  const [lastKind, setLastKind] = useState<PersonKind>('professional-team');
  const [lastCategory, setLastCategory] = useState<SkillCategory>('zorgverlener');
  const [problem, setProblem] = useState<string | null>(null);
  /** The last deletion, undoable from the toast while it is still the newest own edit. */
  const [deletion, setDeletion] = useState<{ item: unknown } | null>(null);

  useEffect(() => {
    if (!problem) return;
    const timer = setTimeout(() => setProblem(null), 6000);
    return () => clearTimeout(timer);
  }, [problem]);

  useEffect(() => {
    if (!deletion) return;
    const timer = setTimeout(() => setDeletion(null), 10_000);
    return () => clearTimeout(timer);
  }, [deletion]);

  useEffect(() => {
    document.title = `${title || t('board.untitled')} — ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (!sync.unsavedWork) return;
    // The browser shows its own text; ours would be ignored.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sync.unsavedWork]);

  // Canvas callbacks read the latest state through refs so they stay stable and the
  // memoised cards do not re-render when unrelated state changes.
  const live = useRef({ connection, editable, t });
  live.current = { connection, editable, t };
  const write = useCallback((change: (doc: Y.Doc) => void): boolean => {
    const { connection, editable, t } = live.current;
    if (!connection || !editable) return false;
    try {
      change(connection.doc);
      return true;
    } catch (error) {
      // Usually a race: the card was deleted by someone else a moment ago.
      console.warn('Board write rejected', error);
      setProblem(t('board.saveFailed'));
      return false;
    }
  }, []);

  const onMoveCard = useCallback((id: string, to: Point) => write((doc) => moveCards(doc, [{ id, ...to }])), [write]);
  const onLinkSkill = useCallback((skillId: string, personId: string) => write((doc) => linkSkill(doc, { personId, skillId })), [write]);
  const onUnlink = useCallback((linkId: string) => write((doc) => unlinkSkill(doc, linkId)), [write]);
  const onEdit = useCallback((id: string) => {
    setSelected(id);
    setEditing(id);
  }, []);

  const newCardSpot = (width: number, height: number) => {
    // Person cards grow as skills are linked; keep room below them so they do not grow over a neighbour.
    const taken = [...view.rects.values()].map((r) => (r.type === 'person' ? { ...r, height: r.height + PERSON_GROWTH_ROOM } : r));
    return placeNewCard(viewportCenter(viewport, size, coveredInsets()), { width, height }, taken);
  };

  /** After adding, keyboard focus goes to the board, so Delete or F2 act on the new card. */
  const closeDialogToBoard = () => {
    setDialog(null);
    requestAnimationFrame(() => stageBoxRef.current?.focus({ preventScroll: true }));
  };

  const submitPerson = (person: NewPerson) => {
    setLastKind(person.kind);
    const at = newCardSpot(PERSON_CARD.width, personCardHeight(0));
    let id: string | null = null;
    if (write((doc) => (id = addPerson(doc, person, at)))) setSelected(id);
    closeDialogToBoard();
  };

  const submitSkill = (skill: NewSkill) => {
    setLastCategory(skill.category);
    const at = newCardSpot(SKILL_CARD.width, skillCardHeight(skill.reservedAct));
    let id: string | null = null;
    if (write((doc) => (id = addSkill(doc, skill, at)))) setSelected(id);
    closeDialogToBoard();
  };

  const deleteSelected = useCallback(() => {
    if (!selectedId) return;
    // Its own undo step, not merged with an edit made a moment before.
    undoManager?.stopCapturing();
    if (write((doc) => removeCards(doc, [selectedId]))) {
      setSelected(null);
      setProblem(null);
      setDeletion({ item: undoManager?.undoStack.at(-1) ?? null });
    }
  }, [selectedId, write, undoManager]);

  const undoDeletion = () => {
    // Only if nothing of ours happened since: otherwise "undo" would undo something else.
    if (deletion && undoManager && deletion.item && undoManager.undoStack.at(-1) === deletion.item) undoManager.undo();
    setDeletion(null);
  };

  const undoOrRedo = useCallback(
    (redo: boolean) => {
      if (!undoManager || !live.current.editable) return;
      setDeletion(null);
      if (redo) undoManager.redo();
      else undoManager.undo();
    },
    [undoManager],
  );

  const commitRename = (value: string) => {
    const id = editingId;
    setEditing(null);
    if (!id || !board) return;
    const trimmed = value.trim();
    const person = board.people.find((p) => p.id === id);
    if (person) {
      // An empty name is only allowed for role placeholders; otherwise keep the old name.
      if (trimmed === person.name || (!trimmed && !PLACEHOLDER_KINDS.includes(person.kind))) return;
      write((doc) => updatePerson(doc, id, { name: trimmed }));
      return;
    }
    const skill = board.skills.find((s) => s.id === id);
    if (skill && trimmed && trimmed !== skill.label) write((doc) => updateSkill(doc, id, { label: trimmed }));
  };

  const zoomBy = useCallback(
    (factor: number) => setViewport((v) => zoomAt(v, { x: size.width / 2, y: size.height / 2 }, factor)),
    [size.width, size.height],
  );

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (dialog || editingId || e.defaultPrevented) return;
      if (isTypingTarget(e.target) && e.target !== stageBoxRef.current) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const key = e.key.toLowerCase();
        if (key === 'z' || key === 'y') {
          e.preventDefault();
          undoOrRedo(key === 'y' || e.shiftKey);
        }
        return;
      }
      if (e.altKey) return;
      if ((e.key === 'Delete' || e.key === 'Backspace') && selectedId && editable) {
        e.preventDefault();
        deleteSelected();
      } else if ((e.key === 'Enter' || e.key === 'F2') && selectedId && editable) {
        e.preventDefault();
        setEditing(selectedId);
      } else if (e.key === 'Escape') {
        setSelected(null);
      } else if (e.key === '+' || e.key === '=') {
        zoomBy(ZOOM_STEP);
      } else if (e.key === '-') {
        zoomBy(1 / ZOOM_STEP);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dialog, editingId, selectedId, editable, deleteSelected, zoomBy, undoOrRedo]);

  const renameField = (() => {
    if (!editingId || !board) return null;
    const rect = view.rects.get(editingId)!;
    const box = nameBox(rect.type, rect);
    const person = rect.type === 'person' ? board.people.find((p) => p.id === editingId) : undefined;
    const skill = rect.type === 'skill' ? board.skills.find((s) => s.id === editingId) : undefined;
    if (!person && !skill) return null;
    return (
      <CardRenameField
        key={editingId}
        initial={person ? person.name : skill!.label}
        placeholder={person ? t(`personKind.${person.kind}`) : ''}
        maxLength={person ? PERSON_NAME_MAX : SKILL_LABEL_MAX}
        rect={{
          left: box.x * viewport.scale + viewport.x,
          top: box.y * viewport.scale + viewport.y,
          width: box.width * viewport.scale,
          height: box.height * viewport.scale,
        }}
        fontSize={box.fontSize * viewport.scale}
        onCommit={commitRename}
        onCancel={() => setEditing(null)}
      />
    );
  })();

  const empty = sync.everSynced && view.rects.size === 0;
  const showDragHint = editable && view.people.length > 0 && view.skills.length > 0 && (board?.skillLinks.length ?? 0) === 0;

  return (
    <div className="board-page">
      <header className="board-topbar">
        <Link href="/" className="back-link" title={t('board.allBoards')}>
          <Icon name="back" />
          <span className="back-link-text">{t('board.allBoards')}</span>
        </Link>
        <div className="topbar-main">
          <BoardTitle title={title} editable={editable} onRename={(next) => write((doc) => setBoardTitle(doc, next))} />
          <StatusIndicator status={sync.status} />
        </div>
        <div className="topbar-end">
          {scope === 'readonly' && <span className="badge">{t('board.readOnly')}</span>}
          <LanguageSwitch />
        </div>
      </header>

      {outdated && (
        <div className="banner" role="alert">
          <span>{t('board.outdated')}</span>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            <Icon name="reload" />
            <span>{t('board.reload')}</span>
          </button>
        </div>
      )}

      <div className="board-area">
      <div
        className="board-stage"
        ref={stageBoxRef}
        tabIndex={0}
        aria-label={t('board.canvasLabel')}
        // The canvas is not focusable itself; focusing its box sends Delete/Enter/F2 here
        // instead of to whichever toolbar button was clicked last.
        onPointerDown={() => stageBoxRef.current?.focus({ preventScroll: true })}
      >
        {size.width > 0 && (
          <BoardCanvas
            width={size.width}
            height={size.height}
            view={view}
            viewport={viewport}
            selectedId={selectedId}
            editingId={editingId}
            editable={editable}
            texts={texts}
            stageRef={exposeStage}
            onViewportChange={setViewport}
            onSelect={setSelected}
            onEdit={onEdit}
            onMoveCard={onMoveCard}
            onLinkSkill={onLinkSkill}
            onUnlink={onUnlink}
          />
        )}
        {renameField}
        {empty && (
          <div className="board-hint board-hint-center">
            <p>{t('board.emptyHint')}</p>
          </div>
        )}
        {!sync.everSynced && (
          <div className="board-hint board-hint-center">
            <p className="muted">{t('board.loading')}</p>
          </div>
        )}
      </div>

      <Toolbar
        ref={toolbarRef}
        editable={editable}
        hasSelection={!!selectedId}
        onAddPerson={() => setDialog('person')}
        onAddSkill={() => setDialog('skill')}
        onRename={() => selectedId && setEditing(selectedId)}
        onDelete={deleteSelected}
      />
      <div className="board-bottom" ref={bottomRef}>
        {showDragHint && <p className="drag-hint">{t('board.dragHint')}</p>}
        <ZoomControls scale={viewport.scale} onZoomIn={() => zoomBy(ZOOM_STEP)} onZoomOut={() => zoomBy(1 / ZOOM_STEP)} onFit={fitAll} />
      </div>

      {problem && (
        <div className="toast" role="alert">
          {problem}
        </div>
      )}
      {deletion && !problem && (
        <div className="toast" aria-live="polite">
          <span>{t('board.deleted')}</span>
          {!!deletion.item && editable && (
            <button type="button" className="button toast-action" onClick={undoDeletion}>
              {t('board.undo')}
            </button>
          )}
        </div>
      )}
      </div>
      {dialog === 'person' && <AddPersonForm initialKind={lastKind} onSubmit={submitPerson} onClose={() => setDialog(null)} />}
      {dialog === 'skill' && <AddSkillForm initialCategory={lastCategory} onSubmit={submitSkill} onClose={() => setDialog(null)} />}
    </div>
  );
}
