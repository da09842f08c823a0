import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { moveCards } from '../../shared/boardWrites.ts';
import { readBoard } from '../../shared/docSchema.ts';
import { REACTION_KINDS } from '../../shared/records/reaction.ts';
import { createBoard, createPair, createPerson, createQuestion, createReaction, createSkill, createStudent } from '../../shared/test/factory.ts';
import { createBoardUndoManager } from '../../shared/undo.ts';
import { buildBoardView, type ViewLabels } from '../canvas/boardView.ts';
import { ACTIONS, NUDGE, NUDGE_FAR, PANEL_NAMES, ZOOM_STEP, action, actionForKey, actionStateKey, actionStatesFromKey, runAction, type ActionContext, type DialogName, type PanelName } from './actions.ts';
import { createBoardWriter } from './boardWriter.ts';

/** The words on the cards do not matter here, only where the cards are. */
const labels = Object.fromEntries(
  ['personKind', 'unnamedRole', 'studentDetails', 'you', 'nominatedBy', 'skillMeta', 'skillLabel', 'levelShort', 'chipGroup', 'questionKicker', 'theme', 'questionStep', 'emptyQuestion', 'answer', 'helpedBy', 'reactionKind', 'reactionAuthor', 'emptyReaction'].map((key) => [key, () => '']),
) as unknown as ViewLabels;
const measure = (text: string) => text.length * 8;

/** What the workspace around the board holds, as the fake commands leave it. */
interface Workspace {
  dialog: DialogName | null;
  panel: PanelName | null;
  studentsOn: boolean;
  selected: string[];
  editing: string | null;
  armedSkill: string | null;
  zoomedBy: number[];
  fitted: number;
  removed: Array<{ item: unknown } | null>;
  deletionCleared: number;
}

/**
 * A factory-built board (Fatima, two students, a skill, a question of Sanne's, a reaction),
 * the real board writer on it, and fake workspace commands that record what they were asked.
 */
function setup(start: Partial<Workspace> & { editable?: boolean; detailPanelOpen?: boolean; meId?: 'fatima' | null } = {}) {
  const doc = createBoard();
  const fatima = createPerson(doc, { at: { x: 0, y: 0 } });
  const sanne = createStudent(doc, { at: { x: 400, y: 0 } });
  const sem = createStudent(doc, { name: 'Sem Bakker', at: { x: 800, y: 0 } });
  const skill = createSkill(doc, { at: { x: 0, y: 400 } });
  const question = createQuestion(doc, sanne, { at: { x: 400, y: 400 } });
  const reaction = createReaction(doc, {}, { x: 800, y: 400 });
  const undoManager = createBoardUndoManager(doc, 0);
  const rejected: unknown[] = [];
  const state = { editable: start.editable ?? true };
  const writer = createBoardWriter({ doc: () => doc, editable: () => state.editable, undoManager: () => undoManager, onRejected: (e) => rejected.push(e) });
  const ws: Workspace = { dialog: null, panel: null, studentsOn: false, selected: [], editing: null, armedSkill: null, zoomedBy: [], fitted: 0, removed: [], deletionCleared: 0, ...start };
  const ctx = (): ActionContext => {
    const board = readBoard(doc);
    return {
      editable: state.editable,
      board,
      rects: buildBoardView(board, labels, measure, state.editable).rects,
      selection: ws.selected,
      meId: start.meId === null ? null : fatima,
      panel: ws.panel,
      detailPanelOpen: start.detailPanelOpen ?? false,
      studentsOn: ws.studentsOn,
      armedSkill: ws.armedSkill,
      writer,
      workspace: {
        openDialog: (name) => void (ws.dialog = name),
        setPanel: (name) => void (ws.panel = name),
        setStudentsOn: (on) => void (ws.studentsOn = on),
        select: (ids) => void (ws.selected = ids),
        edit: (id) => void (ws.editing = id),
        disarm: () => void (ws.armedSkill = null),
        newCardSpot: () => ({ x: 1200, y: 1200 }),
        zoomBy: (factor) => void ws.zoomedBy.push(factor),
        fitAll: () => void ws.fitted++,
        onRemoved: (deletion) => void ws.removed.push(deletion),
        clearDeletion: () => void ws.deletionCleared++,
      },
    };
  };
  const run = (id: string) => runAction(id, ctx());
  const enabled = (id: string) => action(id).enabled(ctx());
  const board = () => readBoard(doc);
  return { doc, ids: { fatima, sanne, sem, skill, question, reaction }, ws, state, ctx, run, enabled, board, rejected, undoManager };
}

const positionOf = (doc: Y.Doc, id: string) => readBoard(doc).positions.get(id);

describe('the action list', () => {
  it('does give every action a unique id', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
  });

  it('does answer the same state key across a card move (the chrome skips that render), and a new one when an answer changes', () => {
    const s = setup();
    const before = actionStateKey(s.ctx());
    moveCards(s.doc, [{ id: s.ids.sanne, x: 10, y: 10 }]);
    expect(actionStateKey(s.ctx())).toBe(before);
    s.ws.selected = [s.ids.fatima];
    const after = actionStateKey(s.ctx());
    expect(after).not.toBe(before);
    expect(actionStatesFromKey(after).enabled('delete')).toBe(true);
    expect(actionStatesFromKey(before).enabled('delete')).toBe(false);
  });
});

describe('nudge actions', () => {
  it.each([
    ['nudgeLeft', -NUDGE, 0],
    ['nudgeRight', NUDGE, 0],
    ['nudgeUp', 0, -NUDGE],
    ['nudgeDown', 0, NUDGE],
    ['nudgeLeftFar', -NUDGE_FAR, 0],
    ['nudgeRightFar', NUDGE_FAR, 0],
    ['nudgeUpFar', 0, -NUDGE_FAR],
    ['nudgeDownFar', 0, NUDGE_FAR],
  ])('%s does move every selected card by (%d, %d) and no other', (id, dx, dy) => {
    const s = setup();
    s.ws.selected = [s.ids.fatima, s.ids.skill];
    expect(s.run(id)).toBe(true);
    expect(positionOf(s.doc, s.ids.fatima)).toEqual({ x: dx, y: dy });
    expect(positionOf(s.doc, s.ids.skill)).toEqual({ x: dx, y: 400 + dy });
    expect(positionOf(s.doc, s.ids.sanne)).toEqual({ x: 400, y: 0 });
  });

  it('does nothing without a selection or on a read-only board', () => {
    const s = setup();
    expect(s.enabled('nudgeLeft')).toBe(false);
    s.ws.selected = [s.ids.fatima];
    s.state.editable = false;
    expect(s.run('nudgeLeft')).toBe(false);
    expect(positionOf(s.doc, s.ids.fatima)).toEqual({ x: 0, y: 0 });
  });
});

describe('rename', () => {
  it('does start editing the one selected card', () => {
    const s = setup({ selected: [] });
    s.ws.selected = [s.ids.skill];
    s.run('rename');
    expect(s.ws.editing).toBe(s.ids.skill);
  });

  it('is off for a pair, for two cards, and on a read-only board', () => {
    const s = setup();
    s.ws.selected = [createPair(s.doc, s.ids.sanne, s.ids.sem)];
    expect(s.enabled('rename')).toBe(false);
    s.ws.selected = [s.ids.fatima, s.ids.skill];
    expect(s.enabled('rename')).toBe(false);
    s.ws.selected = [s.ids.fatima];
    s.state.editable = false;
    expect(s.enabled('rename')).toBe(false);
  });
});

describe('delete', () => {
  it('does remove the selected cards and pairs in one undo step, and offers that step on the toast', () => {
    const s = setup();
    const pair = createPair(s.doc, s.ids.sanne, s.ids.sem);
    s.ws.selected = [s.ids.skill, pair];
    s.run('delete');
    expect(s.board().skills).toEqual([]);
    expect(s.board().pairs).toEqual([]);
    expect(s.ws.selected).toEqual([]);
    expect(s.ws.removed).toEqual([{ item: s.undoManager.undoStack.at(-1) }]);
    s.undoManager.undo();
    expect(s.board().skills.map((k) => k.id)).toEqual([s.ids.skill]);
    expect(s.board().pairs.map((p) => p.id)).toEqual([pair]);
  });

  it('does offer no undo toast when only a pair went', () => {
    const s = setup();
    s.ws.selected = [createPair(s.doc, s.ids.sanne, s.ids.sem)];
    s.run('delete');
    expect(s.board().pairs).toEqual([]);
    expect(s.ws.removed).toEqual([null]);
  });

  it('does nothing on a read-only board', () => {
    const s = setup({ editable: false });
    s.ws.selected = [s.ids.skill];
    expect(s.run('delete')).toBe(false);
    expect(s.board().skills).toHaveLength(1);
  });
});

describe('undo and redo', () => {
  it('does take back this tab\'s last edit, and redo brings it back', () => {
    const s = setup();
    s.ws.selected = [s.ids.fatima];
    s.run('nudgeRight');
    s.run('undo');
    expect(positionOf(s.doc, s.ids.fatima)).toEqual({ x: 0, y: 0 });
    expect(s.ws.deletionCleared).toBe(1);
    s.run('redo');
    expect(positionOf(s.doc, s.ids.fatima)).toEqual({ x: NUDGE, y: 0 });
  });

  it('does not undo on a read-only board', () => {
    const s = setup();
    s.ws.selected = [s.ids.fatima];
    s.run('nudgeRight');
    s.state.editable = false;
    expect(s.run('undo')).toBe(false);
    expect(positionOf(s.doc, s.ids.fatima)).toEqual({ x: NUDGE, y: 0 });
  });
});

describe('escape', () => {
  it('does step back one thing at a time: the picked skill, then the selection, then the panel', () => {
    const s = setup({ panel: 'palette', armedSkill: 'x' });
    s.ws.selected = [s.ids.fatima];
    s.run('escape');
    expect(s.ws).toMatchObject({ armedSkill: null, selected: [s.ids.fatima], panel: 'palette' });
    s.run('escape');
    expect(s.ws).toMatchObject({ selected: [], panel: 'palette' });
    s.run('escape');
    expect(s.ws.panel).toBeNull();
    expect(s.enabled('escape')).toBe(false);
  });
});

describe('zoom and fit', () => {
  it('does zoom in and out by one step and fit the whole board', () => {
    const s = setup();
    s.run('zoomIn');
    s.run('zoomOut');
    s.run('fit');
    expect(s.ws.zoomedBy).toEqual([ZOOM_STEP, 1 / ZOOM_STEP]);
    expect(s.ws.fitted).toBe(1);
  });
});

describe('dialogs', () => {
  it.each([
    ['addPerson', 'person'],
    ['addSkill', 'skill'],
    ['addQuestion', 'question'],
  ] as const)('%s does open the %s form, only on an editable board', (id, dialog) => {
    const s = setup();
    s.run(id);
    expect(s.ws.dialog).toBe(dialog);
    const readOnly = setup({ editable: false });
    expect(readOnly.run(id)).toBe(false);
    expect(readOnly.ws.dialog).toBeNull();
  });

  it('shortcuts does open the shortcuts dialog, also for a viewer', () => {
    const s = setup({ editable: false });
    s.run('shortcuts');
    expect(s.ws.dialog).toBe('shortcuts');
  });
});

describe('adding a reaction', () => {
  it.each(REACTION_KINDS)('addReaction:%s does place an empty reaction of that kind by me, selected and in edit', (kind) => {
    const s = setup();
    s.run(`addReaction:${kind}`);
    const added = s.board().reactions.find((r) => r.id !== s.ids.reaction)!;
    expect(added).toMatchObject({ kind, text: '', authorId: s.ids.fatima });
    expect(s.board().positions.get(added.id)).toEqual({ x: 1200, y: 1200 });
    expect(s.ws.selected).toEqual([added.id]);
    expect(s.ws.editing).toBe(added.id);
  });

  it('does place a guest\'s reaction without an author', () => {
    const s = setup({ meId: null });
    s.run('addReaction:appeals');
    expect(s.board().reactions.find((r) => r.id !== s.ids.reaction)!.authorId).toBeUndefined();
  });
});

describe('pair', () => {
  it('does pair two selected students and select the pair', () => {
    const s = setup();
    s.ws.selected = [s.ids.sanne, s.ids.sem];
    s.run('pair');
    const [pair] = s.board().pairs;
    expect([...pair.studentIds].sort()).toEqual([s.ids.sanne, s.ids.sem].sort());
    expect(s.ws.selected).toEqual([pair.id]);
  });

  it('is off for students already paired, for a non-student, and on a read-only board', () => {
    const s = setup();
    s.ws.selected = [s.ids.sanne, s.ids.fatima];
    expect(s.enabled('pair')).toBe(false);
    createPair(s.doc, s.ids.sanne, s.ids.sem);
    s.ws.selected = [s.ids.sem, s.ids.sanne];
    expect(s.enabled('pair')).toBe(false);
    const readOnly = setup({ editable: false });
    readOnly.ws.selected = [readOnly.ids.sanne, readOnly.ids.sem];
    expect(readOnly.enabled('pair')).toBe(false);
  });
});

describe('panels', () => {
  it.each(PANEL_NAMES)('panel:%s does open its panel, shows pressed, and closes it again', (name) => {
    const s = setup();
    s.run(`panel:${name}`);
    expect(s.ws.panel).toBe(name);
    expect(action(`panel:${name}`).pressed!(s.ctx())).toBe(true);
    s.run(`panel:${name}`);
    expect(s.ws.panel).toBeNull();
  });

  it('does bring the tool panel back over a question\'s detail panel, unselecting the question', () => {
    const s = setup({ panel: 'palette', detailPanelOpen: true });
    s.ws.selected = [s.ids.question];
    expect(action('panel:palette').pressed!(s.ctx())).toBe(false);
    s.run('panel:palette');
    expect(s.ws).toMatchObject({ panel: 'palette', selected: [] });
  });

  it('students does toggle the "from students" highlight', () => {
    const s = setup();
    s.run('students');
    expect(s.ws.studentsOn).toBe(true);
    expect(action('students').pressed!(s.ctx())).toBe(true);
    s.run('students');
    expect(s.ws.studentsOn).toBe(false);
  });
});

describe('keys', () => {
  const press = (key: string, mods: { shiftKey?: boolean; mod?: boolean } = {}) => actionForKey({ key, shiftKey: false, mod: false, ...mods })?.id ?? null;

  it('does map each shortcut to its action', () => {
    expect(press('ArrowLeft')).toBe('nudgeLeft');
    expect(press('ArrowLeft', { shiftKey: true })).toBe('nudgeLeftFar');
    expect(press('Enter')).toBe('rename');
    expect(press('F2')).toBe('rename');
    expect(press('Delete')).toBe('delete');
    expect(press('Backspace')).toBe('delete');
    expect(press('z', { mod: true })).toBe('undo');
    expect(press('Z', { mod: true, shiftKey: true })).toBe('redo');
    expect(press('y', { mod: true })).toBe('redo');
    expect(press('Escape')).toBe('escape');
    expect(press('+', { shiftKey: true })).toBe('zoomIn');
    expect(press('=')).toBe('zoomIn');
    expect(press('-')).toBe('zoomOut');
    expect(press('?', { shiftKey: true })).toBe('shortcuts');
  });

  it('does not take plain letters or Ctrl with other keys', () => {
    expect(press('z')).toBeNull();
    expect(press('-', { mod: true })).toBeNull();
    expect(press('a', { mod: true })).toBeNull();
  });
});
