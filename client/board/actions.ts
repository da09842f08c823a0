/**
 * Every board command, once. The toolbar, the view rail, the zoom buttons, the keyboard and
 * the shortcuts dialog all read this list (as tldraw's ui/context/actions.tsx and
 * excalidraw's actions/ do), so a command cannot do one thing from a button and another
 * from its key. Plain data and functions: no React, no DOM, testable against a real board.
 */
import type { Board } from '../../shared/docSchema.ts';
import type { Position } from '../../shared/records/position.ts';
import { REACTION_KINDS, type ReactionKind } from '../../shared/records/reaction.ts';
import type { CardRect } from '../canvas/boardView.ts';
import { REACTION_CARD } from '../model/layout.ts';
import type { BoardWriter } from './boardWriter.ts';
import { canPair } from '../../shared/studentPairs.ts';

export const PANEL_NAMES = ['palette', 'questions', 'help', 'coverage', 'reactions', 'legend'] as const;
export type PanelName = (typeof PANEL_NAMES)[number];
export type DialogName = 'person' | 'skill' | 'question' | 'shortcuts' | 'share';

export const ZOOM_STEP = 1.25;
/** Arrow keys move the selection this far (board units); with Shift, the larger step. */
export const NUDGE = 10;
export const NUDGE_FAR = 50;
/** Where a new reaction card goes before the user moves it. */
const NEW_REACTION_HEIGHT = 110;

/** What the workspace lets a command change besides the board itself. */
export interface WorkspaceCommands {
  openDialog(name: DialogName): void;
  setPanel(name: PanelName | null): void;
  setStudentsOn(on: boolean): void;
  select(ids: string[]): void;
  edit(id: string): void;
  disarm(): void;
  /** A free spot for a new card of this size, in the part of the board the user sees. */
  newCardSpot(width: number, height: number): Position;
  /** Own pan/zoom: the user stops following and looks around. */
  zoomBy(factor: number): void;
  fitAll(): void;
  /** After a deletion: the toast, with the undo entry when cards (not just pairs) went. */
  onRemoved(undoEntry: { item: unknown } | null): void;
  clearDeletion(): void;
}

/** Everything a command reads. The workspace keeps the latest one in a ref, so handlers stay stable. */
export interface ActionContext {
  editable: boolean;
  board: Board | null;
  /** Where each card is drawn (board units), by id. */
  rects: ReadonlyMap<string, CardRect>;
  /** Selected cards and pairs that still exist. */
  selection: readonly string[];
  meId: string | null;
  panel: PanelName | null;
  /** A selected question or pair shows its own panel, in the tool panel's place. */
  detailPanelOpen: boolean;
  studentsOn: boolean;
  armedSkill: string | null;
  writer: BoardWriter;
  workspace: WorkspaceCommands;
}

/** How the shortcuts dialog shows an action's keys; actions with the same labelKey share a row. */
export interface ShortcutRow {
  labelKey: string;
  /** The keys to show, when not all of `kbd` (Backspace also deletes, but the row says Delete). */
  keys?: readonly string[];
  /** One translated text instead of the keys ("Pijltjestoetsen"). */
  keysLabelKey?: string;
}

export interface Action {
  id: string;
  labelKey: string;
  /** A shorter label for narrow screens. */
  shortLabelKey?: string;
  /** Key combos: "Mod+Z", "Shift+ArrowUp", "?". Mod is Ctrl or ⌘. See comboMatches. */
  kbd?: readonly string[];
  shortcut?: ShortcutRow;
  enabled(ctx: ActionContext): boolean;
  /** For toggles (panels, the students highlight). */
  pressed?(ctx: ActionContext): boolean;
  run(ctx: ActionContext): void;
}

const single = (ctx: ActionContext) => (ctx.selection.length === 1 ? ctx.selection[0] : null);
const isPair = (ctx: ActionContext, id: string) => !!ctx.board?.pairs.some((p) => p.id === id);
const whenEditable = (ctx: ActionContext) => ctx.editable;
const always = () => true;

function nudge(direction: string, key: string, [dx, dy]: [number, number], far: boolean): Action {
  const step = far ? NUDGE_FAR : NUDGE;
  return {
    id: `nudge${direction}${far ? 'Far' : ''}`,
    labelKey: far ? 'shortcuts.moveFar' : 'shortcuts.move',
    kbd: [far ? `Shift+${key}` : key],
    shortcut: far ? { labelKey: 'shortcuts.moveFar', keysLabelKey: 'shortcuts.shiftArrows' } : { labelKey: 'shortcuts.move', keysLabelKey: 'shortcuts.arrows' },
    enabled: (ctx) => ctx.editable && ctx.selection.length > 0,
    run(ctx) {
      const moves = ctx.selection.flatMap((id) => {
        const rect = ctx.rects.get(id);
        return rect ? [{ id, x: rect.x + dx * step, y: rect.y + dy * step }] : [];
      });
      if (moves.length) ctx.writer.moveCards(moves);
    },
  };
}

const ARROWS: Array<[string, string, [number, number]]> = [
  ['Left', 'ArrowLeft', [-1, 0]],
  ['Right', 'ArrowRight', [1, 0]],
  ['Up', 'ArrowUp', [0, -1]],
  ['Down', 'ArrowDown', [0, 1]],
];

const openDialog = (id: string, name: DialogName, labelKey: string, shortLabelKey: string): Action => ({
  id,
  labelKey,
  shortLabelKey,
  enabled: whenEditable,
  run: (ctx) => ctx.workspace.openDialog(name),
});

const addReaction = (kind: ReactionKind): Action => ({
  id: `addReaction:${kind}`,
  labelKey: `reactionKind.${kind}`,
  enabled: whenEditable,
  run(ctx) {
    const id = ctx.writer.addReaction(kind, ctx.workspace.newCardSpot(REACTION_CARD.width, NEW_REACTION_HEIGHT), ctx.meId);
    if (!id) return;
    ctx.workspace.select([id]);
    ctx.workspace.edit(id);
  },
});

/** Undo or redo this tab's own edits; a pending "removed" toast goes, as its step is no longer the newest. */
const historyStep = (step: 'undo' | 'redo', kbd: string[]): Action => ({
  id: step,
  labelKey: `shortcuts.${step}`,
  kbd,
  shortcut: { labelKey: `shortcuts.${step}` },
  enabled: whenEditable,
  run(ctx) {
    ctx.workspace.clearDeletion();
    ctx.writer[step]();
  },
});

const togglePanel = (name: PanelName): Action => ({
  id: `panel:${name}`,
  labelKey: `view.${name}`,
  enabled: always,
  pressed: (ctx) => !ctx.detailPanelOpen && ctx.panel === name,
  run(ctx) {
    // A detail panel stands where the tool panel would: its button brings the tool panel back.
    ctx.workspace.setPanel(ctx.panel === name && !ctx.detailPanelOpen ? null : name);
    if (ctx.detailPanelOpen) ctx.workspace.select([]);
  },
});

/** In the order the shortcuts dialog lists them. */
export const ACTIONS: readonly Action[] = [
  ...ARROWS.map(([direction, key, delta]) => nudge(direction, key, delta, false)),
  ...ARROWS.map(([direction, key, delta]) => nudge(direction, key, delta, true)),
  {
    id: 'rename',
    labelKey: 'toolbar.rename',
    shortLabelKey: 'toolbar.short.rename',
    kbd: ['Enter', 'F2'],
    shortcut: { labelKey: 'shortcuts.edit' },
    enabled(ctx) {
      const id = single(ctx);
      return ctx.editable && !!id && ctx.rects.has(id) && !isPair(ctx, id);
    },
    run: (ctx) => ctx.workspace.edit(single(ctx)!),
  },
  {
    id: 'delete',
    labelKey: 'toolbar.delete',
    shortLabelKey: 'toolbar.short.delete',
    kbd: ['Delete', 'Backspace'],
    shortcut: { labelKey: 'shortcuts.remove', keys: ['Delete'] },
    enabled: (ctx) => ctx.editable && ctx.selection.length > 0,
    run(ctx) {
      const pairs = ctx.selection.filter((id) => isPair(ctx, id));
      const cards = ctx.selection.filter((id) => !isPair(ctx, id));
      const removed = ctx.writer.remove(cards, pairs);
      if (!removed) return;
      ctx.workspace.select([]);
      ctx.workspace.onRemoved(cards.length ? { item: removed.undoEntry } : null);
    },
  },
  historyStep('undo', ['Mod+Z']),
  historyStep('redo', ['Mod+Shift+Z', 'Mod+Y']),
  {
    id: 'escape',
    labelKey: 'shortcuts.escape',
    kbd: ['Escape'],
    shortcut: { labelKey: 'shortcuts.escape' },
    enabled: (ctx) => !!ctx.armedSkill || ctx.selection.length > 0 || !!ctx.panel,
    run(ctx) {
      // One step back at a time: the picked skill, then the selection, then the panel.
      if (ctx.armedSkill) ctx.workspace.disarm();
      else if (ctx.selection.length) ctx.workspace.select([]);
      else ctx.workspace.setPanel(null);
    },
  },
  {
    id: 'zoomIn',
    labelKey: 'toolbar.zoomIn',
    kbd: ['+', '='],
    shortcut: { labelKey: 'shortcuts.zoom', keys: ['+'] },
    enabled: always,
    run: (ctx) => ctx.workspace.zoomBy(ZOOM_STEP),
  },
  {
    id: 'zoomOut',
    labelKey: 'toolbar.zoomOut',
    kbd: ['-'],
    shortcut: { labelKey: 'shortcuts.zoom' },
    enabled: always,
    run: (ctx) => ctx.workspace.zoomBy(1 / ZOOM_STEP),
  },
  {
    id: 'shortcuts',
    labelKey: 'view.shortcuts',
    kbd: ['?'],
    shortcut: { labelKey: 'shortcuts.help' },
    enabled: always,
    run: (ctx) => ctx.workspace.openDialog('shortcuts'),
  },
  { id: 'fit', labelKey: 'toolbar.fit', enabled: always, run: (ctx) => ctx.workspace.fitAll() },
  openDialog('addPerson', 'person', 'toolbar.addPerson', 'toolbar.short.addPerson'),
  openDialog('addSkill', 'skill', 'toolbar.addSkill', 'toolbar.short.addSkill'),
  openDialog('addQuestion', 'question', 'toolbar.addQuestionLong', 'toolbar.addQuestion'),
  ...REACTION_KINDS.map(addReaction),
  {
    id: 'pair',
    labelKey: 'toolbar.pair',
    shortLabelKey: 'toolbar.short.pair',
    enabled: (ctx) => ctx.editable && !!ctx.board && canPair(ctx.board, ctx.selection),
    run(ctx) {
      const [a, b] = ctx.selection;
      const id = ctx.writer.pairStudents([a, b], ctx.meId);
      if (id) ctx.workspace.select([id]);
    },
  },
  ...PANEL_NAMES.map(togglePanel),
  {
    id: 'students',
    labelKey: 'view.students',
    enabled: always,
    pressed: (ctx) => ctx.studentsOn,
    run: (ctx) => ctx.workspace.setStudentsOn(!ctx.studentsOn),
  },
];

export const actionById: ReadonlyMap<string, Action> = new Map(ACTIONS.map((a) => [a.id, a]));

export function action(id: string): Action {
  const found = actionById.get(id);
  if (!found) throw new Error(`No action "${id}"`);
  return found;
}

/** Runs the action when it is enabled; answers whether it ran. */
export function runAction(id: string, ctx: ActionContext): boolean {
  const found = action(id);
  if (!found.enabled(ctx)) return false;
  found.run(ctx);
  return true;
}

/**
 * Which actions are enabled and pressed, as one string: equal strings mean equal answers,
 * so the chrome gets the same props object (and skips its render) while nothing it shows changed.
 */
export function actionStateKey(ctx: ActionContext): string {
  return ACTIONS.map((a) => (a.enabled(ctx) ? (a.pressed?.(ctx) ? 'p' : 'e') : '-')).join('');
}

export interface ActionStates {
  enabled(id: string): boolean;
  pressed(id: string): boolean;
}

export function actionStatesFromKey(key: string): ActionStates {
  const index = new Map(ACTIONS.map((a, i) => [a.id, i]));
  const at = (id: string) => key[index.get(id) ?? -1];
  return { enabled: (id) => at(id) === 'e' || at(id) === 'p', pressed: (id) => at(id) === 'p' };
}

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  /** Ctrl or ⌘. */
  mod: boolean;
}

/**
 * Whether a combo ("Mod+Shift+Z", "ArrowLeft") matches a key press. `exactShift` false lets
 * a combo without Shift match with Shift held: "?" and "+" need Shift on most layouts, and
 * Shift+Delete still deletes. A letter is compared case-blind (Shift makes "Z").
 */
export function comboMatches(combo: string, press: KeyPress, exactShift: boolean): boolean {
  const parts = combo.split('+');
  // "+" itself splits into two empty parts.
  const key = combo.endsWith('+') ? '+' : parts[parts.length - 1];
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (press.mod !== mod) return false;
  if (shift !== press.shiftKey && (shift || exactShift)) return false;
  return key.length === 1 ? press.key.toLowerCase() === key.toLowerCase() : press.key === key;
}

/** The action a key press asks for: a combo naming Shift exactly wins over one that only tolerates it. */
export function actionForKey(press: KeyPress): Action | null {
  const withKeys = ACTIONS.filter((a) => a.kbd);
  return (
    withKeys.find((a) => a.kbd!.some((c) => comboMatches(c, press, true))) ??
    withKeys.find((a) => a.kbd!.some((c) => comboMatches(c, press, false))) ??
    null
  );
}
