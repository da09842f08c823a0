import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addPerson, addSkill, linkSkill, moveCards, readBoard, updateSkill } from '../../shared/index.ts';
import { buildBoardView, personAt, reuseUnchanged, type ViewLabels } from './boardView.ts';
import { PERSON_CARD } from './layout.ts';

const labels: ViewLabels = {
  personKind: (kind) => `kind:${kind}`,
  unnamedRole: () => 'no name',
  studentDetails: (year, level) => `y${year} ${level}`,
  nominatedBy: (name) => `by ${name}`,
  skillMeta: (category, count) => `${category} (${count})`,
  skillLabel: (skill) => (skill.templateKey === 'wound-care' && skill.label === 'wondzorg' ? 'wound care' : skill.label),
};
const measure = (text: string) => text.length * 8;

function makeBoard() {
  const doc = new Y.Doc();
  const fatima = addPerson(doc, { name: 'Fatima', kind: 'professional-team' }, { x: 0, y: 0 });
  const sem = addPerson(doc, { name: 'Sem', kind: 'student', student: { year: 2, level: 'mbo4' } }, { x: 400, y: 0 });
  const client = addPerson(doc, { name: '', kind: 'client' }, { x: 800, y: 0 });
  const wondzorg = addSkill(doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false }, { x: 0, y: 300 });
  const injecteren = addSkill(doc, { label: 'injecteren', category: 'zorgverlener', reservedAct: true });
  return { doc, fatima, sem, client, wondzorg, injecteren };
}

describe('buildBoardView', () => {
  it('does show placeholder people by their role, and students with year and level', () => {
    const { doc, sem, client } = makeBoard();
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    expect(view.people.find((p) => p.id === client)).toMatchObject({ title: 'kind:client', subtitle: 'no name' });
    expect(view.people.find((p) => p.id === sem)?.subtitle).toBe('kind:student · y2 mbo4');
  });

  it('does give a person a chip per linked skill, and count holders on the skill', () => {
    const { doc, fatima, sem, wondzorg, injecteren } = makeBoard();
    linkSkill(doc, { personId: fatima, skillId: wondzorg });
    linkSkill(doc, { personId: fatima, skillId: injecteren });
    linkSkill(doc, { personId: sem, skillId: wondzorg, actorId: fatima });
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    const card = view.people.find((p) => p.id === fatima)!;
    expect(card.chips.map((c) => [c.text, c.reserved])).toEqual(
      expect.arrayContaining([
        ['wondzorg', false],
        ['injecteren', true],
      ]),
    );
    expect(view.people.find((p) => p.id === sem)!.chips[0]).toMatchObject({ text: 'wondzorg · by Fatima', nomination: true });
    expect(view.skills.find((s) => s.id === wondzorg)!.meta).toBe('zorgverlener (2)');
  });

  it('does grow a person card when its chips wrap', () => {
    const { doc, fatima, wondzorg } = makeBoard();
    const empty = buildBoardView(readBoard(doc), labels, measure, true).people.find((p) => p.id === fatima)!;
    const extra = ['klinisch redeneren', 'SBAR-overdracht', 'palliatieve zorg', 'medicatie controleren'].map((label) =>
      addSkill(doc, { label, category: 'communicator', reservedAct: false }),
    );
    for (const skillId of [wondzorg, ...extra]) linkSkill(doc, { personId: fatima, skillId });
    const full = buildBoardView(readBoard(doc), labels, measure, true).people.find((p) => p.id === fatima)!;
    expect(full.height).toBeGreaterThan(empty.height + PERSON_CARD.chipHeight);
    for (const chip of full.chips) expect(chip.x + chip.width).toBeLessThanOrEqual(PERSON_CARD.width - 2 * PERSON_CARD.padding);
  });

  it('does place cards without a position below the placed ones', () => {
    const { doc, injecteren } = makeBoard();
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    const placedBottom = Math.max(...[...view.rects.values()].filter((_, i, all) => all[i] !== view.rects.get(injecteren)).map((r) => r.y + r.height));
    expect(view.rects.get(injecteren)!.y).toBeGreaterThan(placedBottom);
  });

  it('does shrink a long label to fit before cutting it off', () => {
    const { doc } = makeBoard();
    addSkill(doc, { label: 'x'.repeat(21), category: 'organisator', reservedAct: false });
    addSkill(doc, { label: 'y'.repeat(80), category: 'organisator', reservedAct: false });
    const view = buildBoardView(readBoard(doc), labels, (text, font) => text.length * (font.startsWith('bold 17px') ? 10 : 9), true);
    expect(view.skills.find((s) => s.label === 'wondzorg')).toMatchObject({ labelSize: 17, labelLines: 1 });
    expect(view.skills.find((s) => s.label.startsWith('x'))).toMatchObject({ labelSize: 16, labelLines: 1 });
    expect(view.skills.find((s) => s.label.startsWith('y'))).toMatchObject({ labelSize: 13, labelLines: 2 });
  });

  it('does show a starter-template skill in the reader’s language, on its card and on chips', () => {
    const doc = new Y.Doc();
    const skill = addSkill(doc, { label: 'wondzorg', category: 'zorgverlener', reservedAct: false, templateKey: 'wound-care' });
    const person = addPerson(doc, { name: 'Fatima', kind: 'teacher' });
    linkSkill(doc, { personId: person, skillId: skill });
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    expect(view.skills[0].label).toBe('wound care');
    expect(view.people[0].chips[0].text).toBe('wound care');
  });
});

describe('reuseUnchanged', () => {
  it('does keep the same card objects for cards that did not change', () => {
    const { doc, fatima, sem, wondzorg } = makeBoard();
    const before = buildBoardView(readBoard(doc), labels, measure, true);
    moveCards(doc, [{ id: sem, x: 420, y: 10 }]);
    updateSkill(doc, wondzorg, { label: 'wondverzorging' });
    const after = reuseUnchanged(before, buildBoardView(readBoard(doc), labels, measure, true));
    expect(after.people.find((p) => p.id === fatima)).toBe(before.people.find((p) => p.id === fatima));
    expect(after.people.find((p) => p.id === sem)).not.toBe(before.people.find((p) => p.id === sem));
    expect(after.skills.find((s) => s.id === wondzorg)?.label).toBe('wondverzorging');
  });
});

describe('personAt', () => {
  it('does find the person card under a point, and nothing on empty space', () => {
    const { doc, sem } = makeBoard();
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    expect(personAt(view, { x: 410, y: 20 })).toBe(sem);
    expect(personAt(view, { x: 300, y: 20 })).toBeNull();
  });
});
