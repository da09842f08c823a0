import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  LOCAL_ORIGIN,
  addPerson,
  addQuestion,
  addReaction,
  addSkill,
  linkSkill,
  moveCards,
  pairStudents,
  removeCards,
  setBoardTitle,
  unlinkSkill,
  updatePerson,
  updateReaction,
  updateSkill,
  type NewPerson,
  type NewQuestion,
  type NewSkill,
} from '../../shared/boardWrites.ts';
import { DOC_SCHEMA_VERSION } from '../../shared/docVersion.ts';
import { PLACEHOLDER_KINDS, type PersonKind } from '../../shared/records/person.ts';
import type { Skill, SkillCategory } from '../../shared/records/skill.ts';
import type { SkillLevel } from '../../shared/records/skillLink.ts';
import type { ReactionKind } from '../../shared/records/reaction.ts';
import type { QuestionStatus } from '../../shared/records/learningQuestion.ts';
import { effectiveLevel, respondToNomination, setOwnLevel, toggleEndorsement } from '../../shared/skillLinks.ts';
import { moveQuestion, recordAsked, unpairStudents, updateQuestion, type QuestionEdit, type QuestionStep } from '../../shared/learningQuestions.ts';
import { studentSkillIds } from '../../shared/skillIndex.ts';
import { useSkillIndex } from '../hooks/useSkillIndex.ts';
import { HelpPanel } from '../components/HelpPanel.tsx';
import { CoverageView } from '../components/CoverageView.tsx';
import { BoardListView } from '../components/BoardListView.tsx';
import { searchSkills } from '../../shared/skillSearch.ts';
import { CARE_TEAM_SKILLS } from '../../shared/templates/careTeam.ts';
import { BoardCanvas, type CardMove } from '../canvas/BoardCanvas.tsx';
import { BoardViewBuilder, EMPTY_VIEW, personAt, type ViewLabels } from '../canvas/boardView.ts';
import { Highlights, type HighlightView } from '../canvas/Highlights.tsx';
import { RemoteSelections, type RemoteSelectionView } from '../canvas/Presence.tsx';
import {
  PERSON_CARD,
  QUESTION_CARD,
  REACTION_CARD,
  SKILL_CARD,
  boundsOf,
  nameBox,
  personCardHeight,
  placeNewCard,
  skillCardHeight,
  type Point,
  type Rect,
} from '../canvas/layout.ts';
import { measureText } from '../canvas/measureText.ts';
import { ARRIVAL_GLOW, DROP_HIGHLIGHT } from '../canvas/palette.ts';
import { INITIAL_VIEWPORT, NO_INSETS, clampScale, fitBounds, toBoard, viewportCenter, zoomAt, type Insets, type Viewport } from '../canvas/viewport.ts';
import { useBoard } from '../hooks/useBoard.ts';
import type { BoardConnectionState, Denial } from '../hooks/useBoardConnection.ts';
import { mayEdit, type Role, type SessionCommand } from '../../shared/session.ts';
import { sendSessionCommand, rotateLink } from '../api.ts';
import { knownBoard, localStore, rememberBoard } from '../boardAccess.ts';
import { JoinQr } from '../components/JoinQr.tsx';
import { SessionPanel } from '../components/SessionPanel.tsx';
import { SessionTimer } from '../components/SessionTimer.tsx';
import { ShareDialog } from '../components/ShareDialog.tsx';
import { useElementSize } from '../hooks/useElementSize.ts';
import { usePeers, usePresenceStore, useRemoteViewports } from '../hooks/usePresence.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { useServerNotices } from '../hooks/useServerNotices.ts';
import { bringEveryoneLeader } from '../bringEveryone.ts';
import { useNominationNews } from '../hooks/useNominationNews.ts';
import { useStableCallback } from '../hooks/useStableCallback.ts';
import { rememberTranslations } from '../i18n/rememberTranslations.ts';
import { useStableSet } from '../hooks/useStableSet.ts';
import { useUndoManager } from '../hooks/useUndoManager.ts';
import { guestKey, initials, pickColour, readFlag, readIdentity, rememberIdentity, writeFlag, type StorageLike } from '../identity.ts';
import { NO_FILTER, dimmedQuestionIds, type QuestionFilter } from '../questionFilter.ts';
import { exposeDoc, exposeStage } from '../testHooks.ts';
import { templateSkillLabel } from '../templateLabels.ts';
import { AddPersonForm, PERSON_NAME_MAX } from '../components/AddPersonForm.tsx';
import { AddQuestionForm, QUESTION_TEXT_MAX } from '../components/AddQuestionForm.tsx';
import { AddSkillForm, SKILL_LABEL_MAX } from '../components/AddSkillForm.tsx';
import { Announcements } from '../components/Announcements.tsx';
import { ChipDetails } from '../components/ChipDetails.tsx';
import { BoardTitle } from '../components/BoardTitle.tsx';
import { CardRenameField } from '../components/CardRenameField.tsx';
import { Icon } from '../components/Icon.tsx';
import { JoinDialog, type NewParticipant } from '../components/JoinDialog.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Legend } from '../components/Legend.tsx';
import { LevelPicker } from '../components/LevelPicker.tsx';
import { Link } from '../components/Link.tsx';
import { PairPanel } from '../components/PairPanel.tsx';
import { PresenceList, type PresenceEntry } from '../components/PresenceList.tsx';
import { QuestionFilterPanel } from '../components/QuestionFilterPanel.tsx';
import { QuestionPanel } from '../components/QuestionPanel.tsx';
import { ReactionsPanel } from '../components/ReactionsPanel.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { SidePanel } from '../components/SidePanel.tsx';
import { SkillPalette, type PaletteSkill } from '../components/SkillPalette.tsx';
import { StatusIndicator } from '../components/StatusIndicator.tsx';
import { TextEditField } from '../components/TextEditField.tsx';
import { Toolbar, type SelectionActions } from './Toolbar.tsx';
import { ViewRail, type PanelName } from './ViewRail.tsx';
import { ZoomControls } from './ZoomControls.tsx';
import { LiveCursors } from './LiveCursors.tsx';

/** Breathing room around "fit all", on top of the space the floating controls take. */
const FIT_PADDING = 24;
const ZOOM_STEP = 1.25;
/** Two rows of chips. */
const PERSON_GROWTH_ROOM = 2 * (PERSON_CARD.chipHeight + PERSON_CARD.chipGap);
/** Arrow keys move the selection this far (board units); with Shift, the larger step. */
const NUDGE = 10;
const NUDGE_FAR = 50;
const GUEST_COLOUR = '#64748b';
/**
 * Joining (making your own card, picking your colour) is not an undoable edit: undoing
 * it would delete the participant's own card. Writes run inside a transaction with this
 * origin, which the undo manager does not track (nested transactions take the outer origin).
 */
const JOIN_ORIGIN = 'iedereen:join';

const isTextEntry = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
const isControl = (target: EventTarget | null) => target instanceof HTMLElement && ['BUTTON', 'A'].includes(target.tagName);

const storage = (kind: 'local' | 'session'): StorageLike | null => {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null;
  }
};

const templateByKey = new Map(CARE_TEAM_SKILLS.map((s) => [s.key, s]));
/** A template skill is also found by its label in the other language. */
const extraNames = (skill: Skill) => {
  const template = skill.templateKey ? templateByKey.get(skill.templateKey) : undefined;
  return template ? [template.nl, template.en] : [];
};

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

type DialogName = 'person' | 'skill' | 'question' | 'shortcuts' | 'share' | null;

/** The viewport that shows `rect` (board units) in the middle of a screen of `size`. */
function viewportShowing(rect: Rect, size: { width: number; height: number }): Viewport {
  const scale = clampScale(Math.min(size.width / rect.width, size.height / rect.height));
  return { scale, x: size.width / 2 - (rect.x + rect.width / 2) * scale, y: size.height / 2 - (rect.y + rect.height / 2) * scale };
}

export function BoardWorkspace({ boardId, connectionState, token, initialRole, initialTitle, onDenied }: Props) {
  const { t: translate, i18n } = useTranslation();
  const t = useMemo(() => rememberTranslations(translate), [translate, i18n.language]);
  const { connection, refused, denial, scope, session: sessionInfo, closeNotice } = connectionState;
  const role: Role = sessionInfo?.role ?? initialRole;
  const session = sessionInfo?.session ?? null;
  const clockOffset = sessionInfo?.clockOffset ?? 0;
  const isFacilitator = role === 'facilitator';
  const isViewer = role === 'viewer';
  const locked = !!session?.locked;
  const mayWrite = mayEdit(role, session);
  const sync = useSyncStatus(connection);
  const board = useBoard(connection?.doc ?? null);
  const undoManager = useUndoManager(connection?.doc ?? null);
  const presence = usePresenceStore(connection);
  const peers = usePeers(presence);
  const serverNotices = useServerNotices(connection, closeNotice);
  useEffect(() => exposeDoc(connection?.doc ?? null), [connection]);

  useEffect(() => {
    if (refused) onDenied(denial ?? 'board-not-found');
  }, [refused, denial, onDenied]);

  const outdated = (board?.meta.schemaVersion ?? 0) > DOC_SCHEMA_VERSION;
  // Before the first sync the local doc is an empty shell whose schema version we do not
  // know yet; edits wait until we know this client may write this board.
  const editable = !!connection && sync.everSynced && !outdated && mayWrite && (scope !== 'readonly' || (!!sessionInfo && mayWrite));
  // The board can be drawn before the first sync when it came as a snapshot; edits wait for the sync.
  const boardShown = sync.everSynced || !!connection?.preloaded;
  const title = boardShown && board ? board.meta.title : initialTitle;

  // ── Who am I ────────────────────────────────────────────────────────────────
  const [identityId, setIdentityId] = useState(() => readIdentity(storage('local'), boardId));
  const [guest, setGuest] = useState(() => readFlag(storage('session'), guestKey(boardId)));
  const [joinOpen, setJoinOpen] = useState(false);
  const boardPeople = board?.people;
  const boardSkills = board?.skills;
  const boardLinks = board?.skillLinks;
  const me = useMemo(() => (identityId && boardPeople ? (boardPeople.find((p) => p.id === identityId) ?? null) : null), [identityId, boardPeople]);
  const meId = me?.id ?? null;
  const showJoin = editable && (joinOpen || (!me && !guest));
  const myColour = me?.colour ?? GUEST_COLOUR;

  const joinablePeople = useMemo(
    () => (boardPeople ?? []).filter((p) => p.name).map((p) => ({ id: p.id, name: p.name, kind: p.kind, ...(p.colour ? { colour: p.colour } : {}) })),
    [boardPeople],
  );
  const takenColours = useMemo(() => (boardPeople ?? []).flatMap((p) => (p.colour ? [p.colour] : [])), [boardPeople]);
  const peopleById = useMemo(() => new Map((boardPeople ?? []).map((p) => [p.id, p])), [boardPeople]);
  const nameOf = useCallback(
    (id: string | undefined | null) => {
      const p = id ? peopleById.get(id) : undefined;
      return p ? p.name || t(`personKind.${p.kind}`) : '';
    },
    [peopleById, t],
  );
  const skillsById = useMemo(() => new Map((boardSkills ?? []).map((s) => [s.id, s])), [boardSkills]);
  const labelOf = useCallback((skill: Skill) => templateSkillLabel(skill, i18n.language), [i18n.language]);
  const skillName = useCallback((id: string) => {
    const s = skillsById.get(id);
    return s ? labelOf(s) : '';
  }, [skillsById, labelOf]);

  const labels = useMemo<ViewLabels>(
    () => ({
      personKind: (kind) => t(`personKind.${kind}`),
      unnamedRole: () => t('card.unnamedRole'),
      studentDetails: (year, level) => t('card.studentDetails', { year, level: t(`studentLevelShort.${level}`) }),
      you: () => t('card.you'),
      nominatedBy: (name) => t('card.nominatedBy', { name }),
      skillMeta: (category, count) =>
        count > 0 ? `${t(`skillCategory.${category}`)} · ${t('card.peopleCount', { count })}` : t(`skillCategory.${category}`),
      skillLabel: (skill) => templateSkillLabel(skill, i18n.language),
      levelShort: (level) => t(`levelShort.${level}`),
      chipGroup: (group) => (group === 'self' ? t('card.groupSelf') : t('card.groupNominated')),
      questionKicker: (name) => t('question.kicker', { name }),
      theme: (kind, label) => (label.trim() ? `${t(`themeKind.${kind}`)} · ${label.trim()}` : t(`themeKind.${kind}`)),
      questionStep: (status, step, total) => t('question.step', { step, total, name: t(`questionStatus.${status}`) }),
      emptyQuestion: () => t('question.empty'),
      answer: (text) => t('question.answerPrefix', { text }),
      helpedBy: (name) => t('question.helpedBy', { name }),
      reactionKind: (kind) => t(`reactionKind.${kind}`),
      reactionAuthor: (name) => t('reactions.author', { name }),
      emptyReaction: () => t('reactions.empty'),
    }),
    [t, i18n.language],
  );
  const texts = useMemo(() => ({ noSkills: t('card.noSkills'), removeSkill: t('card.removeSkill'), reserved: t('card.reserved') }), [t]);

  const viewBuilder = useMemo(() => new BoardViewBuilder(), []);
  const view = useMemo(() => (board ? viewBuilder.build(board, labels, measureText, editable, meId) : EMPTY_VIEW), [viewBuilder, board, labels, editable, meId]);

  // ── Viewport ────────────────────────────────────────────────────────────────
  const stageBoxRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const size = useElementSize(stageBoxRef);
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);
  const viewportRef = useRef(viewport);
  viewportRef.current = viewport;
  const toolbarRef = useRef<HTMLDivElement>(null);
  const bottomRef = useRef<HTMLDivElement>(null);
  const railRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLElement>(null);
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
  const fitAll = useCallback(
    () => setViewport(fitBounds(boundsOf(view.rects.values()), size, FIT_PADDING, coveredInsets())),
    [view, size, coveredInsets],
  );

  // Open on the whole board once, when it has arrived; after that the user is in charge.
  // A board that came as a snapshot is all there when the canvas first draws: fit it before
  // the first paint, so the canvas never draws it at 100 % first (on a big board, full cards
  // made and thrown away a moment later). One that comes through the sync reaches React a
  // frame after it (useBoard renders once per frame): wait for that.
  const fitBeforePaint = !!connection?.preloaded;
  const [arrived, setArrived] = useState(false);
  useEffect(() => {
    if (!boardShown || fitBeforePaint) return;
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setArrived(true))));
    const fallback = setTimeout(() => setArrived(true), 250);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, [boardShown, fitBeforePaint]);
  const [fitted, setFitted] = useState(false);
  useLayoutEffect(() => {
    if (fitted || size.width === 0 || !(fitBeforePaint ? boardShown : arrived)) return;
    setFitted(true);
    if (view.rects.size > 0) fitAll();
  }, [fitted, fitBeforePaint, boardShown, arrived, size.width, view, fitAll]);
  // Until that fit (before the first paint), the canvas draws no cards.
  const canvasView = fitBeforePaint && !fitted ? EMPTY_VIEW : view;

  // ── Selection, editing, panels ──────────────────────────────────────────────
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const boardPairs = board?.pairs;
  const pairIds = useMemo(() => new Set((boardPairs ?? []).map((p) => p.id)), [boardPairs]);
  // A card someone else deleted is no longer selected or edited here.
  const selectedList = useMemo(() => selected.filter((id) => view.rects.has(id) || pairIds.has(id)), [selected, view, pairIds]);
  // The same Set while the selection is (the overview keeps its picture while the selection does).
  const selectedIds = useStableSet(useMemo(() => new Set(selectedList), [selectedList]));
  const single = selectedList.length === 1 ? selectedList[0] : null;
  const editingId = editable && editing && view.rects.has(editing) ? editing : null;

  const [dialog, setDialog] = useState<DialogName>(null);
  const [panel, setPanel] = useState<PanelName | null>(null);
  const [studentsOn, setStudentsOn] = useState(false);
  /** "Wie kan helpen?": the question picked in the panel (a selected question card wins). */
  const [helpQuestionId, setHelpQuestionId] = useState<string | null>(null);
  /** Coverage view: the skill whose people are outlined on the board. */
  const [coverageSkill, setCoverageSkill] = useState<string | null>(null);
  /** The accessible list instead of the canvas. */
  const [listMode, setListMode] = useState(false);
  const [filter, setFilter] = useState<QuestionFilter>(NO_FILTER);
  const [query, setQuery] = useState('');
  const [armedSkill, setArmedSkill] = useState<string | null>(null);
  const [paletteTarget, setPaletteTarget] = useState<string | null>(null);
  const [levelPick, setLevelPick] = useState<{ personId: string; skillId: string; linkId?: string } | null>(null);
  const [chipPopover, setChipPopover] = useState<{ linkId: string; at: Point } | null>(null);
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
  // The home page lists this board under its current name.
  useEffect(() => {
    if (sync.everSynced) rememberBoard(localStore(), boardId, { title });
  }, [sync.everSynced, boardId, title]);

  useEffect(() => {
    if (!sync.unsavedWork) return;
    // The browser shows its own text; ours would be ignored.
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sync.unsavedWork]);

  // ── Writing ─────────────────────────────────────────────────────────────────
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

  // ── Presence ────────────────────────────────────────────────────────────────
  useEffect(() => {
    presence?.setUser({ personId: meId, name: me ? me.name || t(`personKind.${me.kind}`) : '', colour: myColour });
  }, [presence, meId, me, myColour, t]);
  useEffect(() => {
    presence?.setSelection(selectedList);
  }, [presence, selectedList]);

  // ── Following someone's view, "bring everyone" ──────────────────────────────
  const remoteViewports = useRemoteViewports(presence);
  const myClientId = presence?.clientId ?? null;
  /** Someone this tab chose to follow (clicked in "who is here"). */
  const [following, setFollowing] = useState<number | null>(null);
  /** Broke away from "bring everyone" (own pan/zoom or "Zelf rondkijken"), until it starts again. */
  const [brokeAway, setBrokeAway] = useState(false);
  const bringTo = session?.bringEveryoneTo ?? null;
  useEffect(() => setBrokeAway(false), [bringTo]);
  const broughtBy = bringEveryoneLeader({ bringTo, myClientId, brokeAway, peers });
  const brought = broughtBy !== null;
  const leader = following ?? broughtBy;
  const leaderRect = leader !== null ? (remoteViewports.get(leader) ?? null) : null;
  useEffect(() => {
    if (leaderRect && size.width > 0) setViewport(viewportShowing(leaderRect, size));
  }, [leaderRect, size]);
  const [bigScreen, setBigScreen] = useState(false);
  const [sessionOpen, setSessionOpen] = useState(false);
  const [joinLink, setJoinLink] = useState<string | null>(() => knownBoard(localStore(), boardId)?.links.participant ?? null);
  const runCommand = useCallback(
    (command: SessionCommand) => {
      sendSessionCommand(boardId, command, token).catch((error: unknown) => {
        console.warn('Session command failed', error);
        setProblem(t('access.failed'));
      });
    },
    [boardId, token, t],
  );
  const makeJoinLink = async () => {
    try {
      const { link } = await rotateLink(boardId, 'participant', token);
      rememberBoard(localStore(), boardId, { links: { participant: link } });
      setJoinLink(link);
    } catch {
      setProblem(t('access.failed'));
    }
  };
  /** The big screen's side column: the join link and QR (a viewer without the link gets just the board). */
  const joinAside = bigScreen && (!!joinLink || isFacilitator);
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
  // The big screen shows the whole board (and keeps it whole as it grows), unless it follows someone.
  useEffect(() => {
    if (bigScreen && leader === null) fitAll();
  }, [bigScreen, leader, fitAll]);
  // Share what this tab shows, so others can follow it.
  useEffect(() => {
    if (!presence || size.width === 0) return;
    const topLeft = toBoard(viewport, { x: 0, y: 0 });
    presence.setViewport({ x: topLeft.x, y: topLeft.y, width: size.width / viewport.scale, height: size.height / viewport.scale });
  }, [presence, viewport, size]);

  const presenceEntries = useMemo<PresenceEntry[]>(() => {
    // The participant themself is the "Jij: …" button next to the list.
    const entries: PresenceEntry[] = [];
    const seen = new Set<string>(meId ? [meId] : []);
    for (const peer of peers) {
      if (peer.personId) {
        if (seen.has(peer.personId)) continue;
        seen.add(peer.personId);
      }
      const name = (peer.personId && nameOf(peer.personId)) || peer.name || t('presence.guest');
      entries.push({ key: peer.personId ?? `guest-${peer.clientId}`, name, colour: peer.colour, isMe: false, clientId: peer.clientId, role: peer.role });
    }
    return entries;
  }, [peers, meId, nameOf, t]);

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

  const onStagePointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const box = stageBoxRef.current?.getBoundingClientRect();
    if (!box || !presence) return;
    presence.setCursor(toBoard(viewportRef.current, { x: e.clientX - box.left, y: e.clientY - box.top }));
  };

  // ── Nominations arriving: glow on the card, toast for everyone ───────────────
  const respondTo = (linkId: string, answer: 'accepted' | 'declined') => {
    if (!meId) return;
    if (write((doc) => respondToNomination(doc, linkId, answer, meId))) news.remove(`n-${linkId}`);
  };
  const { news, glows } = useNominationNews({
    board,
    synced: sync.everSynced,
    meId,
    nameOf,
    skillName,
    colourOf: (id) => (id ? peopleById.get(id)?.colour : undefined),
    respond: respondTo,
    glowColour: ARRIVAL_GLOW,
    acceptedColour: DROP_HIGHLIGHT,
  });

  const highlights = useMemo<HighlightView[]>(
    () =>
      glows.items.flatMap((g) => {
        const rect = view.rects.get(g.targetId);
        return rect ? [{ key: g.key, targetId: g.targetId, rect, colour: g.colour }] : [];
      }),
    [glows.items, view],
  );

  // ── Linking skills: self level, nomination, or (as a guest) on the person's behalf ──
  const requestLink = useCallback(
    (skillId: string, personId: string) => {
      if (!meId) {
        write((doc) => linkSkill(doc, { personId, skillId }));
      } else if (personId === meId) {
        const existing = board?.skillLinks.find((l) => l.personId === meId && l.skillId === skillId && l.source === 'self');
        setLevelPick({ personId, skillId, ...(existing ? { linkId: existing.id } : {}) });
      } else {
        write((doc) => linkSkill(doc, { personId, skillId, actorId: meId }));
      }
    },
    [meId, board, write],
  );
  const requestLinkRef = useRef(requestLink);
  requestLinkRef.current = requestLink;

  const saveLevel = (level: SkillLevel, authorisedAndCompetent: boolean) => {
    const pick = levelPick;
    setLevelPick(null);
    if (!pick || !meId) return;
    write((doc) => setOwnLevel(doc, { personId: pick.personId, skillId: pick.skillId, level, authorisedAndCompetent, actorId: meId }));
  };

  // ── Canvas callbacks ────────────────────────────────────────────────────────
  const liveSel = useRef({ armedSkill, view, selectedList });
  liveSel.current = { armedSkill, view, selectedList };
  const onSelect = useCallback((id: string | null, additive: boolean) => {
    const { armedSkill, view } = liveSel.current;
    if (armedSkill) {
      // Tap-to-link: the tap on a person links the skill picked in the palette.
      setArmedSkill(null);
      if (id && view.rects.get(id)?.type === 'person') {
        requestLinkRef.current(armedSkill, id);
        return;
      }
    }
    setChipPopover(null);
    if (id === null) {
      if (!additive) setSelected([]);
      return;
    }
    setSelected((list) => (additive ? (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]) : [id]));
  }, []);
  const onSelectBox = useCallback((ids: string[]) => setSelected((list) => [...new Set([...list, ...ids])]), []);
  const onMoveCards = useCallback((moves: CardMove[]) => write((doc) => moveCards(doc, moves)), [write]);
  const onLinkSkill = useCallback((skillId: string, personId: string) => requestLinkRef.current(skillId, personId), []);
  const onUnlink = useCallback((linkId: string) => write((doc) => unlinkSkill(doc, linkId)), [write]);
  const onEdit = useCallback((id: string) => {
    setSelected([id]);
    setEditing(id);
  }, []);
  const onChipClick = useCallback((linkId: string, at: Point) => {
    const area = areaRef.current?.getBoundingClientRect();
    const stage = stageBoxRef.current?.getBoundingClientRect();
    const x = (stage?.left ?? 0) - (area?.left ?? 0) + at.x;
    const y = (stage?.top ?? 0) - (area?.top ?? 0) + at.y;
    const width = area?.width ?? 1000;
    setChipPopover({ linkId, at: { x: Math.max(8, Math.min(x + 8, width - 340)), y: y + 16 } });
  }, []);

  // Own chip → level picker; any other chip → the popover.
  const chipLink = chipPopover && boardLinks ? boardLinks.find((l) => l.id === chipPopover.linkId) : undefined;
  useEffect(() => {
    if (!chipPopover || !boardLinks) return;
    const link = boardLinks.find((l) => l.id === chipPopover.linkId);
    if (!link) setChipPopover(null);
    else if (link.source === 'self' && meId && link.personId === meId) {
      setChipPopover(null);
      setLevelPick({ personId: meId, skillId: link.skillId, linkId: link.id });
    }
  }, [chipPopover, boardLinks, meId]);

  // ── Adding cards ────────────────────────────────────────────────────────────
  const newCardSpot = (width: number, height: number, near?: Point) => {
    // Person cards grow as skills are linked; keep room below them so they do not grow over a neighbour.
    const taken: Rect[] = [...view.rects.values()].map((r) => (r.type === 'person' ? { ...r, height: r.height + PERSON_GROWTH_ROOM } : r));
    // A pair's badge must stay clickable.
    for (const pair of view.pairs) taken.push({ x: pair.mid.x - 24, y: pair.mid.y - 24, width: 48, height: 48 });
    return placeNewCard(near ?? viewportCenter(viewport, size, coveredInsets()), { width, height }, taken);
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
    if (write((doc) => (id = addPerson(doc, { ...person, ...(meId ? { createdBy: meId } : {}) }, at)))) setSelected([id!]);
    closeDialogToBoard();
  };

  const submitSkill = (skill: NewSkill) => {
    setLastCategory(skill.category);
    const at = newCardSpot(SKILL_CARD.width, skillCardHeight(skill.reservedAct));
    let id: string | null = null;
    if (write((doc) => (id = addSkill(doc, { ...skill, ...(meId ? { createdBy: meId } : {}) }, at)))) setSelected([id!]);
    closeDialogToBoard();
  };

  const submitQuestion = (question: NewQuestion) => {
    const student = view.rects.get(question.studentId);
    // Beside the student's card, so the connector is short and it is clear whose it is.
    const near = student ? { x: student.x + student.width + 40 + QUESTION_CARD.width / 2, y: student.y + 90 } : undefined;
    const at = newCardSpot(QUESTION_CARD.width, 190, near);
    let id: string | null = null;
    if (write((doc) => (id = addQuestion(doc, question, at)))) {
      focusAfterAdd.current = id;
      setSelected([id!]);
      setPanel(null);
    }
    closeDialogToBoard();
  };

  const placeReaction = (kind: ReactionKind) => {
    const at = newCardSpot(REACTION_CARD.width, 110);
    let id: string | null = null;
    if (write((doc) => (id = addReaction(doc, { kind, text: '', ...(meId ? { authorId: meId } : {}) }, at)))) {
      setSelected([id!]);
      setEditing(id);
    }
  };

  // ── Joining ─────────────────────────────────────────────────────────────────
  const join = (personId: string) => {
    rememberIdentity(storage('local'), boardId, personId);
    setIdentityId(personId);
    setJoinOpen(false);
    writeFlag(storage('session'), guestKey(boardId), false);
    setGuest(false);
  };

  const pickPerson = (personId: string) => {
    const person = peopleById.get(personId);
    if (person && !person.colour) {
      const taken = board!.people.map((p) => p.colour);
      const colour = pickColour(taken);
      write((doc) => doc.transact(() => updatePerson(doc, personId, { colour }), JOIN_ORIGIN));
    }
    join(personId);
  };

  const createParticipant = (p: NewParticipant) => {
    const at = newCardSpot(PERSON_CARD.width, personCardHeight(0));
    let id: string | null = null;
    if (write((doc) => doc.transact(() => (id = addPerson(doc, { name: p.name, kind: p.kind, ...(p.student ? { student: p.student } : {}), colour: p.colour }, at)), JOIN_ORIGIN))) {
      join(id!);
      setSelected([id!]);
    }
  };

  const continueAsGuest = () => {
    if (joinOpen && me) {
      setJoinOpen(false);
      return;
    }
    writeFlag(storage('session'), guestKey(boardId), true);
    setGuest(true);
    setJoinOpen(false);
  };

  // ── Deleting, undo ──────────────────────────────────────────────────────────
  const deleteSelected = useCallback(() => {
    const { selectedList } = liveSel.current;
    if (selectedList.length === 0) return;
    // Its own undo step, not merged with an edit made a moment before.
    undoManager?.stopCapturing();
    const cards = selectedList.filter((id) => !pairIds.has(id));
    const pairs = selectedList.filter((id) => pairIds.has(id));
    const ok = write((doc) =>
      doc.transact(() => {
        for (const pair of pairs) unpairStudents(doc, pair);
        if (cards.length) removeCards(doc, cards);
      }, LOCAL_ORIGIN),
    );
    if (ok) {
      setSelected([]);
      setProblem(null);
      if (cards.length) setDeletion({ item: undoManager?.undoStack.at(-1) ?? null });
    }
  }, [write, undoManager, pairIds]);

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

  const nudge = useCallback(
    (dx: number, dy: number) => {
      const { selectedList, view } = liveSel.current;
      const moves = selectedList.flatMap((id) => {
        const r = view.rects.get(id);
        return r ? [{ id, x: r.x + dx, y: r.y + dy }] : [];
      });
      if (moves.length) write((doc) => moveCards(doc, moves));
    },
    [write],
  );

  // ── Editing names and texts ─────────────────────────────────────────────────
  const commitEdit = (value: string) => {
    const id = editingId;
    setEditing(null);
    if (!id || !board) return;
    const trimmed = value.trim();
    const person = peopleById.get(id);
    if (person) {
      // An empty name is only allowed for role placeholders; otherwise keep the old name.
      if (trimmed === person.name || (!trimmed && !PLACEHOLDER_KINDS.includes(person.kind))) return;
      write((doc) => updatePerson(doc, id, { name: trimmed }));
      return;
    }
    const skill = skillsById.get(id);
    if (skill) {
      if (trimmed && trimmed !== skill.label) write((doc) => updateSkill(doc, id, { label: trimmed }));
      return;
    }
    const question = board.questions.find((q) => q.id === id);
    if (question) {
      if (trimmed && trimmed !== question.text) write((doc) => updateQuestion(doc, id, { text: trimmed }));
      return;
    }
    const reaction = board.reactions.find((r) => r.id === id);
    if (reaction && trimmed !== reaction.text) write((doc) => updateReaction(doc, id, { text: trimmed }));
  };

  const zoomBy = useCallback(
    (factor: number) => ownViewport((v) => zoomAt(v, { x: size.width / 2, y: size.height / 2 }, factor)),
    [size.width, size.height, ownViewport],
  );

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

  /** Selects a card and brings it into view (from a panel's list). */
  const showCard = (id: string) => {
    const rect = view.rects.get(id);
    if (!rect) return;
    setSelected([id]);
    centreOn(rect);
  };

  // A card just added with a panel opening beside (or, on a phone, over) it: once both are
  // on screen, bring the card into the part of the board that is still visible.
  const focusAfterAdd = useRef<string | null>(null);
  useEffect(() => {
    const id = focusAfterAdd.current;
    const rect = id ? view.rects.get(id) : undefined;
    if (!rect) return;
    focusAfterAdd.current = null;
    // After this commit is painted, so the panel's size counts.
    requestAnimationFrame(() => centreOn(rect));
  }, [view, centreOn]);

  // ── Keyboard ────────────────────────────────────────────────────────────────
  const modalOpen = !!dialog || !!levelPick || showJoin;
  const keyState = useRef({ panel, armedSkill, chipPopover, selectedList, editable, editingId, modalOpen, single });
  keyState.current = { panel, armedSkill, chipPopover, selectedList, editable, editingId, modalOpen, single };
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const s = keyState.current;
      if (s.modalOpen || s.editingId || e.defaultPrevented) return;
      if (isTextEntry(e.target)) return;
      if (isControl(e.target) && (e.key === 'Enter' || e.key === ' ')) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        const key = e.key.toLowerCase();
        if (key === 'z' || key === 'y') {
          e.preventDefault();
          undoOrRedo(key === 'y' || e.shiftKey);
        }
        return;
      }
      if (e.altKey) return;
      const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
      if (e.key in arrows && s.selectedList.length && s.editable) {
        e.preventDefault();
        const step = e.shiftKey ? NUDGE_FAR : NUDGE;
        nudge(arrows[e.key][0] * step, arrows[e.key][1] * step);
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && s.selectedList.length && s.editable) {
        e.preventDefault();
        deleteSelected();
      } else if ((e.key === 'Enter' || e.key === 'F2') && s.single && s.editable && !pairIds.has(s.single)) {
        e.preventDefault();
        setEditing(s.single);
      } else if (e.key === 'Escape') {
        if (s.armedSkill) setArmedSkill(null);
        else if (s.selectedList.length) setSelected([]);
        else if (s.panel) setPanel(null);
      } else if (e.key === '?') {
        e.preventDefault();
        setDialog('shortcuts');
      } else if (e.key === '+' || e.key === '=') {
        zoomBy(ZOOM_STEP);
      } else if (e.key === '-') {
        zoomBy(1 / ZOOM_STEP);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [deleteSelected, zoomBy, undoOrRedo, nudge, pairIds]);

  // ── Derived for panels ──────────────────────────────────────────────────────
  const skillIndex = useSkillIndex(board, studentsOn || listMode || panel === 'palette' || panel === 'help' || panel === 'coverage');
  const highlightedIds = useStableSet(
    useMemo(
      () => (panel === 'coverage' && coverageSkill && skillIndex ? new Set((skillIndex.bySkill.get(coverageSkill) ?? []).map((h) => h.personId)) : null),
      [panel, coverageSkill, skillIndex],
    ),
  );
  const fromStudents = useMemo(() => (skillIndex ? studentSkillIds(skillIndex) : null), [skillIndex]);
  const studentSkills = useStableSet(studentsOn ? fromStudents : null);
  const boardQuestions = board?.questions;
  const dimmedIds = useStableSet(useMemo(() => (boardQuestions ? dimmedQuestionIds(boardQuestions, filter) : null), [boardQuestions, filter]));

  const paletteSkills = useMemo<PaletteSkill[]>(() => {
    if (!boardSkills || panel !== 'palette') return [];
    return searchSkills(boardSkills, query, extraNames).map(({ skill, via }) => {
      const label = labelOf(skill);
      return {
        id: skill.id,
        label,
        category: skill.category,
        reserved: skill.reservedAct,
        fromStudent: !!fromStudents?.has(skill.id),
        ...(via && via !== label ? { via } : {}),
      };
    });
  }, [boardSkills, panel, query, labelOf, fromStudents]);

  const personUnder = (clientX: number, clientY: number): string | null => {
    const stage = stageBoxRef.current;
    const under = document.elementFromPoint(clientX, clientY);
    if (!stage || !under || !stage.contains(under)) return null;
    const box = stage.getBoundingClientRect();
    return personAt(view, toBoard(viewport, { x: clientX - box.left, y: clientY - box.top }));
  };

  const selectedQuestion = single && board ? (board.questions.find((q) => q.id === single) ?? null) : null;
  const selectedPair = single && board ? (board.pairs.find((p) => p.id === single) ?? null) : null;
  const selectionType = single ? view.rects.get(single)?.type : undefined;
  const canPair =
    selectedList.length === 2 &&
    selectedList.every((id) => peopleById.get(id)?.kind === 'student') &&
    !(board?.pairs ?? []).some((pair) => pair.studentIds.includes(selectedList[0]) && pair.studentIds.includes(selectedList[1]));
  const canDelete = selectedList.length > 0;
  // One object per distinct answer, so the memoised toolbar skips renders where none changed.
  const selectionActions: SelectionActions = useMemo(
    () => ({ canEdit: !!selectionType, editIsText: selectionType === 'question' || selectionType === 'reaction', canDelete, canPair }),
    [selectionType, canDelete, canPair],
  );

  const pairSelected = () => {
    if (!selectionActions.canPair) return;
    const [a, b] = selectedList;
    let id: string | null = null;
    if (write((doc) => (id = pairStudents(doc, [a, b], meId ?? undefined)))) setSelected([id!]);
  };

  // Stable handlers for the memoised toolbar, view rail, zoom buttons and title: a remote
  // card move re-renders this workspace, not them.
  const toolbarActions = {
    addPerson: useStableCallback(() => setDialog('person')),
    addSkill: useStableCallback(() => setDialog('skill')),
    addQuestion: useStableCallback(() => setDialog('question')),
    addReaction: useStableCallback(placeReaction),
    rename: useStableCallback(() => single && setEditing(single)),
    remove: useStableCallback(deleteSelected),
    pair: useStableCallback(pairSelected),
  };
  const railActions = {
    panel: useStableCallback((name: PanelName) => {
      setPanel((current) => (current === name && !detailPanel ? null : name));
      if (detailPanel) setSelected([]);
    }),
    students: useStableCallback(() => setStudentsOn((on) => !on)),
    shortcuts: useStableCallback(() => setDialog('shortcuts')),
  };
  const zoomActions = {
    zoomIn: useStableCallback(() => zoomBy(ZOOM_STEP)),
    zoomOut: useStableCallback(() => zoomBy(1 / ZOOM_STEP)),
    fit: useStableCallback(() => (lookAround(), fitAll())),
  };
  const renameBoard = useStableCallback((next: string) => write((doc) => setBoardTitle(doc, next)));

  const editField = (() => {
    if (!editingId || !board) return null;
    const rect = view.rects.get(editingId)!;
    const screen = (r: Rect) => ({ left: r.x * viewport.scale + viewport.x, top: r.y * viewport.scale + viewport.y, width: r.width * viewport.scale, height: r.height * viewport.scale });
    if (rect.type === 'question' || rect.type === 'reaction') {
      const question = rect.type === 'question' ? view.questions.find((q) => q.id === editingId) : undefined;
      const reaction = rect.type === 'reaction' ? view.reactions.find((r) => r.id === editingId) : undefined;
      const pad = rect.type === 'question' ? QUESTION_CARD.padding : REACTION_CARD.padding;
      const top = question ? question.textY - 4 : REACTION_CARD.headerHeight + 2;
      const lines = question ? question.lines.length : (reaction?.lines.length ?? 1);
      const lineHeight = question ? QUESTION_CARD.lineHeight : REACTION_CARD.lineHeight;
      const box = { x: rect.x + pad - 4, y: rect.y + top, width: rect.width - pad * 2 + 8, height: Math.max(lines * lineHeight + 12, 3 * lineHeight + 12) };
      return (
        <TextEditField
          key={editingId}
          label={t('card.textLabel')}
          initial={question ? question.label : (reaction?.label ?? '')}
          placeholder={question ? t('question.textPlaceholder') : ''}
          maxLength={question ? QUESTION_TEXT_MAX : 500}
          rect={screen(box)}
          fontSize={(question ? QUESTION_CARD.textSize : REACTION_CARD.textSize) * viewport.scale}
          onCommit={commitEdit}
          onCancel={() => setEditing(null)}
        />
      );
    }
    const box = nameBox(rect.type, rect);
    const person = rect.type === 'person' ? peopleById.get(editingId) : undefined;
    const skill = rect.type === 'skill' ? skillsById.get(editingId) : undefined;
    if (!person && !skill) return null;
    return (
      <CardRenameField
        key={editingId}
        initial={person ? person.name : skill!.label}
        placeholder={person ? t(`personKind.${person.kind}`) : ''}
        maxLength={person ? PERSON_NAME_MAX : SKILL_LABEL_MAX}
        rect={screen(box)}
        fontSize={box.fontSize * viewport.scale}
        onCommit={commitEdit}
        onCancel={() => setEditing(null)}
      />
    );
  })();

  const popover = (() => {
    if (!chipPopover || !chipLink) return null;
    const link = chipLink;
    if (link.source === 'self' && meId && link.personId === meId) return null;
    const skill = skillsById.get(link.skillId);
    const close = () => setChipPopover(null);
    return (
      <ChipDetails
        at={chipPopover.at}
        link={link}
        skillLabel={skillName(link.skillId)}
        level={skill ? effectiveLevel(link, skill) : undefined}
        nameOf={nameOf}
        backers={(board?.endorsements ?? []).filter((e) => e.linkId === link.id).map((e) => e.personId)}
        meId={meId}
        editable={editable}
        onRespond={(answer) => {
          respondTo(link.id, answer);
          close();
        }}
        onToggleBacking={() => meId && write((doc) => toggleEndorsement(doc, link.id, meId))}
        onRemove={() => {
          close();
          write((doc) => unlinkSkill(doc, link.id));
        }}
        onJoin={() => {
          close();
          setJoinOpen(true);
        }}
        onClose={close}
      />
    );
  })();

  const detailPanel = (() => {
    if (!board) return null;
    if (selectedQuestion && panel !== 'help') {
      return (
        <SidePanel ref={panelRef} name="question" title={t('question.panelTitle', { name: nameOf(selectedQuestion.studentId) })} onClose={() => setSelected([])}>
          <QuestionPanel
            question={selectedQuestion}
            people={board.people.filter((p) => p.name).map((p) => ({ id: p.id, name: p.name }))}
            skills={board.skills}
            labelOf={labelOf}
            extraNames={extraNames}
            editable={editable}
            onMove={(to: QuestionStatus, step: QuestionStep) => write((doc) => moveQuestion(doc, selectedQuestion.id, to, step))}
            onUpdate={(edit: QuestionEdit) => write((doc) => updateQuestion(doc, selectedQuestion.id, edit))}
            onEditText={() => setEditing(selectedQuestion.id)}
            onDelete={deleteSelected}
          />
        </SidePanel>
      );
    }
    if (selectedPair) {
      const names = selectedPair.studentIds.map((id) => nameOf(id)) as [string, string];
      return (
        <SidePanel ref={panelRef} name="pair" title={t('pair.title')} onClose={() => setSelected([])}>
          <PairPanel
            names={names}
            questions={board.questions.filter((q) => selectedPair.studentIds.includes(q.studentId))}
            editable={editable}
            onUnpair={() => write((doc) => unpairStudents(doc, selectedPair.id)) && setSelected([])}
            onShow={showCard}
          />
        </SidePanel>
      );
    }
    return null;
  })();

  const toolPanel = (() => {
    if (!board || !panel || detailPanel) return null;
    const close = () => setPanel(null);
    switch (panel) {
      case 'palette':
        return (
          <SidePanel ref={panelRef} name="palette" title={t('palette.title')} onClose={close}>
            <SkillPalette
              skills={paletteSkills}
              total={board.skills.length}
              query={query}
              onQuery={setQuery}
              armedId={armedSkill}
              onArm={setArmedSkill}
              editable={editable}
              onDragMove={(_, x, y) => setPaletteTarget(personUnder(x, y))}
              onDrop={(skillId, x, y) => {
                setPaletteTarget(null);
                const personId = personUnder(x, y);
                if (personId) requestLink(skillId, personId);
              }}
              onDragCancel={() => setPaletteTarget(null)}
            />
          </SidePanel>
        );
      case 'questions':
        return (
          <SidePanel ref={panelRef} name="questions" title={t('filter.title')} onClose={close}>
            <QuestionFilterPanel questions={board.questions} studentName={nameOf} filter={filter} onFilter={setFilter} onShow={showCard} />
          </SidePanel>
        );
      case 'reactions':
        return (
          <SidePanel ref={panelRef} name="reactions" title={t('reactions.title')} onClose={close}>
            <ReactionsPanel reactions={board.reactions} authorName={(id) => (id ? nameOf(id) || null : null)} editable={editable} onAdd={placeReaction} onShow={showCard} />
          </SidePanel>
        );
      case 'help': {
        const questionId = selectedQuestion?.id ?? (board.questions.some((q) => q.id === helpQuestionId) ? helpQuestionId : null);
        return (
          <SidePanel ref={panelRef} name="help" title={t('help.title')} onClose={close}>
            <HelpPanel
              board={board}
              index={skillIndex!}
              labelOf={labelOf}
              extraNames={extraNames}
              nameOf={nameOf}
              editable={editable}
              questionId={questionId}
              onPickQuestion={(id) => {
                setHelpQuestionId(id);
                if (id) showCard(id);
                else setSelected([]);
              }}
              onAsk={(question, person) => write((doc) => recordAsked(doc, question, person))}
            />
          </SidePanel>
        );
      }
      case 'coverage':
        return (
          <SidePanel ref={panelRef} name="coverage" title={t('coverage.title')} onClose={close}>
            <CoverageView board={board} index={skillIndex!} labelOf={skillName} highlightedSkillId={coverageSkill} onHighlight={setCoverageSkill} />
          </SidePanel>
        );
      case 'legend':
        return (
          <SidePanel ref={panelRef} name="legend" title={t('legend.title')} onClose={close}>
            <Legend />
          </SidePanel>
        );
    }
  })();

  const empty = boardShown && view.rects.size === 0;
  const showDragHint = editable && view.people.length > 0 && view.skills.length > 0 && (board?.skillLinks.length ?? 0) === 0 && !panel;
  const armedLabel = armedSkill ? skillName(armedSkill) : '';
  const overlay = (
    <>
      <RemoteSelections selections={remoteSelections} scale={viewport.scale} />
      <Highlights highlights={highlights} scale={viewport.scale} />
      <LiveCursors store={presence} scale={viewport.scale} guestName={t('presence.guest')} />
    </>
  );

  return (
    <div
      className={`board-page${armedSkill ? ' is-armed' : ''}${detailPanel || toolPanel ? ' has-panel' : ''}${bigScreen ? ' is-big-screen' : ''}${joinAside ? ' has-join-aside' : ''}${locked ? ' is-locked' : ''}`}
      data-role={role}
    >
      <header className="board-topbar">
        <Link href="/" className="back-link" title={t('board.allBoards')}>
          <Icon name="back" />
          <span className="back-link-text">{t('board.allBoards')}</span>
        </Link>
        <div className="topbar-main">
          <BoardTitle title={title} editable={editable} onRename={renameBoard} />
          <StatusIndicator status={sync.status} />
        </div>
        <div className="topbar-end">
          <span className={`role-badge role-${role}`} title={t('access.roleLabel', { role: t(`access.role.${role}`) })}>
            {t(`access.role.${role}`)}
          </span>
          {sync.everSynced && presenceEntries.length > 0 && (
            <PresenceList entries={presenceEntries} following={following} onFollow={(id) => setFollowing((f) => (f === id ? null : id))} />
          )}
          {editable && (
            <button type="button" className="me-button" onClick={() => setJoinOpen(true)} title={me ? t('join.switch') : t('join.joinButton')}>
              <span className="me-avatar" style={{ background: myColour }} aria-hidden="true">
                {me ? initials(nameOf(me.id)) : '?'}
              </span>
              <span className="me-label">{me ? t('join.you', { name: nameOf(me.id) }) : t('join.joinButton')}</span>
              {me && <span className="sr-only"> — {t('join.switch')}</span>}
            </button>
          )}
          <div className="view-toggle" role="group" aria-label={t('list.toggleLabel')}>
            <button type="button" className="view-toggle-button" aria-pressed={!listMode} onClick={() => setListMode(false)}>
              <Icon name="board" size={18} />
              <span>{t('list.board')}</span>
            </button>
            <button
              type="button"
              className="view-toggle-button"
              aria-pressed={listMode}
              onClick={() => {
                setListMode(true);
                setSelected([]);
                setEditing(null);
              }}
            >
              <Icon name="list" size={18} />
              <span>{t('list.list')}</span>
            </button>
          </div>
          {isFacilitator && (
            <>
              <button type="button" className="button topbar-tool" title={t('access.share')} onClick={() => setDialog('share')}>
                <Icon name="share" size={18} />
                <span>{t('access.share')}</span>
              </button>
              <button type="button" className="button topbar-tool" title={t('session.open')} aria-expanded={sessionOpen} onClick={() => setSessionOpen((o) => !o)}>
                <Icon name="timer" size={18} />
                <span>{t('session.open')}</span>
              </button>
            </>
          )}
          {(isFacilitator || isViewer) && (
            <button
              type="button"
              className="button topbar-tool"
              title={bigScreen ? t('session.exitBigScreen') : t('session.bigScreen')}
              aria-pressed={bigScreen}
              onClick={() => {
                setBigScreen((on) => !on);
                setSessionOpen(false);
              }}
            >
              <Icon name={bigScreen ? 'close' : 'screen'} size={18} />
              <span>{bigScreen ? t('session.exitBigScreen') : t('session.bigScreen')}</span>
            </button>
          )}
          <LanguageSwitch />
        </div>
      </header>
      {(locked || brought || following !== null || (bringTo !== null && bringTo === myClientId) || session) && (
        <div className="session-banners">
          {session && !joinAside && <SessionTimer timer={session.timer} clockOffset={clockOffset} className="session-timer-floating" />}
          {locked && (
            <p className="session-banner session-banner-locked" role="status">
              {isFacilitator ? t('session.lockedFacilitator') : t('session.locked')}
            </p>
          )}
          {bringTo !== null && bringTo === myClientId && !bigScreen && (
            <p className="session-banner session-banner-bring" role="status">
              <span>{t('session.bringing')}</span>
              <button type="button" className="button button-small" onClick={() => runCommand({ type: 'release-everyone' })}>
                {t('session.release')}
              </button>
            </p>
          )}
          {brought && following === null && (
            <p className="session-banner session-banner-bring" role="status">
              <span>{t('session.broughtBanner')}</span>
              <button type="button" className="button button-small" onClick={lookAround}>
                {t('session.lookAround')}
              </button>
            </p>
          )}
          {following !== null && (
            <p className="session-banner session-banner-follow" role="status">
              <span>{t('session.following', { name: presenceEntries.find((e) => e.clientId === following)?.name ?? t('presence.guest') })}</span>
              <button type="button" className="button button-small" onClick={lookAround}>
                {t('session.stopFollowing')}
              </button>
            </p>
          )}
        </div>
      )}
      {isFacilitator && sessionOpen && session && (
        <SessionPanel session={session} clockOffset={clockOffset} myClientId={myClientId} onCommand={runCommand} onClose={() => setSessionOpen(false)} />
      )}

      {isFacilitator && serverNotices.storageFailing && (
        <div className="banner banner-storage" role="status">
          <Icon name="info" />
          <span className="banner-storage-text">
            <strong>{t('notice.storageFailing')}</strong>
            <span>{t('notice.storageFailingBody')}</span>
          </span>
        </div>
      )}
      {outdated && (
        <div className="banner" role="alert">
          <span>{t('board.outdated')}</span>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            <Icon name="reload" />
            <span>{t('board.reload')}</span>
          </button>
        </div>
      )}

      {listMode && board && skillIndex && <BoardListView board={board} index={skillIndex} nameOf={nameOf} skillName={skillName} />}
      <div className="board-area" ref={areaRef} hidden={listMode}>
        <div
          className="board-stage"
          ref={stageBoxRef}
          tabIndex={0}
          aria-label={t('board.canvasLabel')}
          // The canvas is not focusable itself; focusing its box sends Delete/Enter/F2 here
          // instead of to whichever toolbar button was clicked last.
          onPointerDown={() => stageBoxRef.current?.focus({ preventScroll: true })}
          onPointerMove={onStagePointerMove}
          onPointerLeave={() => presence?.setCursor(null)}
        >
          {size.width > 0 && (
            <BoardCanvas
              width={size.width}
              height={size.height}
              view={canvasView}
              viewport={viewport}
              selectedIds={selectedIds}
              editingId={editingId}
              editable={editable}
              texts={texts}
              externalDropTargetId={paletteTarget}
              studentSkills={studentSkills}
              dimmedIds={dimmedIds}
              highlightedIds={highlightedIds}
              stageRef={exposeStage}
              overlay={overlay}
              onViewportChange={ownViewport}
              onSelect={onSelect}
              onSelectBox={onSelectBox}
              onEdit={onEdit}
              onMoveCards={onMoveCards}
              onLinkSkill={onLinkSkill}
              onUnlink={onUnlink}
              onChipClick={onChipClick}
            />
          )}
          {editField}
          {empty && (
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

        {!isViewer && !bigScreen && !(locked && !isFacilitator) && <Toolbar
          ref={toolbarRef}
          editable={editable}
          selection={selectionActions}
          onAddPerson={toolbarActions.addPerson}
          onAddSkill={toolbarActions.addSkill}
          onAddQuestion={toolbarActions.addQuestion}
          onAddReaction={toolbarActions.addReaction}
          onRename={toolbarActions.rename}
          onDelete={toolbarActions.remove}
          onPair={toolbarActions.pair}
        />}
        <ViewRail
          ref={railRef}
          panel={detailPanel ? null : panel}
          studentsOn={studentsOn}
          onPanel={railActions.panel}
          onStudents={railActions.students}
          onShortcuts={railActions.shortcuts}
        />
        {detailPanel ?? toolPanel}
        {armedSkill && (
          <div className="mode-banner mode-armed">
            <span>{t('palette.armed', { skill: armedLabel })}</span>
            <button type="button" className="button button-small" onClick={() => setArmedSkill(null)}>
              {t('palette.cancel')}
            </button>
          </div>
        )}
        <div className="board-bottom" ref={bottomRef}>
          {showDragHint && <p className="drag-hint">{t('board.dragHint')}</p>}
          {studentsOn && fromStudents && (
            <p className="mode-banner mode-students">
              <Icon name="student" size={18} />
              <span>{t('view.studentsOn', { count: fromStudents.size })}</span>
            </p>
          )}
          <ZoomControls scale={viewport.scale} onZoomIn={zoomActions.zoomIn} onZoomOut={zoomActions.zoomOut} onFit={zoomActions.fit} />
        </div>

        {popover}
        <div className="toast-stack">
          <Announcements items={news.items} onDismiss={news.remove} />
          {serverNotices.notices.map((notice) => (
            <div key={notice.key} className="toast toast-notice" role="alert" data-notice={notice.kind}>
              <span>
                {notice.kind.startsWith('refused:') ? t(`notice.refused.${notice.kind.slice('refused:'.length)}`) : t(`notice.${notice.kind}`)}
                {notice.kind === 'board-too-large' && ` ${t('notice.freshCopy')}`}
              </span>
              <button type="button" className="icon-button toast-close" aria-label={t('notice.dismiss')} onClick={() => serverNotices.dismiss(notice.key)}>
                <Icon name="close" size={18} />
              </button>
            </div>
          ))}
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
      </div>
      {dialog === 'person' && <AddPersonForm initialKind={lastKind} onSubmit={submitPerson} onClose={() => setDialog(null)} />}
      {dialog === 'skill' && <AddSkillForm initialCategory={lastCategory} onSubmit={submitSkill} onClose={() => setDialog(null)} />}
      {dialog === 'question' && board && (
        <AddQuestionForm
          students={board.people.filter((p) => p.kind === 'student').map((p) => ({ id: p.id, name: nameOf(p.id) }))}
          initialStudentId={me?.kind === 'student' ? me.id : null}
          skills={board.skills}
          labelOf={labelOf}
          extraNames={extraNames}
          onSubmit={submitQuestion}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'share' && isFacilitator && (
        <ShareDialog
          boardId={boardId}
          token={token}
          onClose={() => setDialog(null)}
          onOwnLinkChanged={() => window.location.reload()}
        />
      )}
      {joinAside && (
        <aside className="big-screen-join" aria-label={t('session.joinHere')}>
          {session && <SessionTimer timer={session.timer} clockOffset={clockOffset} className="session-timer-big" />}
          {joinLink ? (
            <>
              <h2>{t('session.joinHere')}</h2>
              <JoinQr text={joinLink} label={t('session.qrLabel')} />
              <p className="big-screen-hint">{t('session.joinHint')}</p>
              <p className="big-screen-link">{joinLink}</p>
            </>
          ) : isFacilitator ? (
            <>
              <h2>{t('session.joinHere')}</h2>
              <p className="muted">{t('session.noJoinLink')}</p>
              <button type="button" className="button button-primary" onClick={makeJoinLink}>
                {t('session.makeJoinLink')}
              </button>
            </>
          ) : null}
        </aside>
      )}
      {levelPick && (() => {
        const skill = skillsById.get(levelPick.skillId);
        const link = levelPick.linkId ? board?.skillLinks.find((l) => l.id === levelPick.linkId) : undefined;
        if (!skill) return null;
        return (
          <LevelPicker
            skillLabel={labelOf(skill)}
            reserved={skill.reservedAct}
            initialLevel={link?.level}
            initialAuthorised={link?.authorisedAndCompetent}
            onSave={saveLevel}
            onRemove={link ? () => (setLevelPick(null), write((doc) => unlinkSkill(doc, link.id))) : undefined}
            onClose={() => setLevelPick(null)}
          />
        );
      })()}
      {showJoin && board && (
        <JoinDialog
          people={joinablePeople}
          takenColours={takenColours}
          currentId={meId}
          onPick={pickPerson}
          onCreate={createParticipant}
          onGuest={continueAsGuest}
        />
      )}
    </div>
  );
}
