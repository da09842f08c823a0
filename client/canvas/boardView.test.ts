import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardReader } from '../../shared/docSchema.ts';
import { addPerson, addQuestion, addReaction, addSkill, linkSkill, moveCards, pairStudents, readBoard, recordMap, removeCards, updateSkill } from '../../shared/index.ts';
import { respondToNomination, setOwnLevel, toggleEndorsement } from '../../shared/skillLinks.ts';
import { moveQuestion } from '../../shared/learningQuestions.ts';
import { BoardViewBuilder, buildBoardView, personAt, type ViewLabels } from './boardView.ts';
import { fitSkillLabel } from './viewText.ts';
import { PERSON_CARD, type MeasureText } from '../model/layout.ts';

const labels: ViewLabels = {
  personKind: (kind) => `kind:${kind}`,
  unnamedRole: () => 'no name',
  studentDetails: (year, level) => `y${year} ${level}`,
  nominatedBy: (name) => `by ${name}`,
  skillMeta: (category, count) => `${category} (${count})`,
  skillLabel: (skill) => (skill.templateKey === 'wound-care' && skill.label === 'wondzorg' ? 'wound care' : skill.label),
  you: () => 'you',
  levelShort: (level) => `lvl:${level}`,
  chipGroup: (group) => `group:${group}`,
  questionKicker: (name) => `question of ${name}`,
  theme: (kind, label) => `${kind}: ${label}`,
  questionStep: (status, step, total) => `${step}/${total} ${status}`,
  emptyQuestion: () => 'empty question',
  answer: (text) => `answer: ${text}`,
  helpedBy: (name) => `helped by ${name}`,
  reactionKind: (kind) => `reaction:${kind}`,
  reactionAuthor: (name) => `— ${name}`,
  emptyReaction: () => 'empty reaction',
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
    const measure: MeasureText = (text, font) => text.length * (font.startsWith('bold 17px') ? 10 : 9);
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    const fitted = (find: (label: string) => boolean) => fitSkillLabel(view.skills.find((s) => find(s.label))!, measure);
    expect(fitted((label) => label === 'wondzorg')).toEqual({ size: 17, lines: 1 });
    expect(fitted((label) => label.startsWith('x'))).toEqual({ size: 16, lines: 1 });
    expect(fitted((label) => label.startsWith('y'))).toEqual({ size: 13, lines: 2 });
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

describe('buildBoardView: own skills and nominations', () => {
  it('does put own claims and nominations in two groups, each under its heading', () => {
    const { doc, fatima, sem, wondzorg, injecteren } = makeBoard();
    setOwnLevel(doc, { personId: sem, skillId: wondzorg, level: 'can-explain', actorId: sem });
    linkSkill(doc, { personId: sem, skillId: injecteren, actorId: fatima });
    const card = buildBoardView(readBoard(doc), labels, measure, true).people.find((p) => p.id === sem)!;
    expect(card.headings.map((h) => h.text)).toEqual(['group:self', 'group:nomination']);
    expect(card.chips.map((c) => [c.text, c.nomination, c.response ?? null])).toEqual([
      ['wondzorg · lvl:can-explain', false, null],
      ['injecteren · by Fatima', true, 'pending'],
    ]);
    const [own, nominated] = card.chips;
    expect(nominated.y).toBeGreaterThan(own.y + PERSON_CARD.chipHeight);
    expect(card.headings[1].y).toBeGreaterThan(own.y);
  });

  it('does show a reserved act claimed without the confirmation as still learning', () => {
    const { doc, fatima, injecteren } = makeBoard();
    setOwnLevel(doc, { personId: fatima, skillId: injecteren, level: 'ask-me', actorId: fatima });
    let chip = buildBoardView(readBoard(doc), labels, measure, true).people.find((p) => p.id === fatima)!.chips[0];
    expect(chip).toMatchObject({ level: 'learning', text: 'injecteren · lvl:learning' });
    setOwnLevel(doc, { personId: fatima, skillId: injecteren, level: 'ask-me', authorisedAndCompetent: true, actorId: fatima });
    chip = buildBoardView(readBoard(doc), labels, measure, true).people.find((p) => p.id === fatima)!.chips[0];
    expect(chip.level).toBe('ask-me');
  });

  it('does count backers on a nomination and make room for the badge', () => {
    const { doc, fatima, sem, client, wondzorg } = makeBoard();
    const ilse = addPerson(doc, { name: 'Ilse', kind: 'teacher' });
    const link = linkSkill(doc, { personId: fatima, skillId: wondzorg, actorId: sem });
    const before = buildBoardView(readBoard(doc), labels, measure, true).people.find((p) => p.id === fatima)!.chips[0];
    toggleEndorsement(doc, link, ilse);
    toggleEndorsement(doc, link, client);
    respondToNomination(doc, link, 'accepted', fatima);
    const after = buildBoardView(readBoard(doc), labels, measure, true).people.find((p) => p.id === fatima)!.chips[0];
    expect(after).toMatchObject({ badge: '+2', response: 'accepted' });
    expect(after.width).toBeGreaterThan(before.width + after.badgeWidth);
  });

  it('does hide a declined nomination, except faintly from the nominee', () => {
    const { doc, fatima, sem, wondzorg } = makeBoard();
    const link = linkSkill(doc, { personId: sem, skillId: wondzorg, actorId: fatima });
    respondToNomination(doc, link, 'declined', sem);
    const forFatima = buildBoardView(readBoard(doc), labels, measure, true, fatima);
    expect(forFatima.people.find((p) => p.id === sem)!.chips).toEqual([]);
    expect(forFatima.skills.find((s) => s.id === wondzorg)!.meta).toBe('zorgverlener (0)');
    const forSem = buildBoardView(readBoard(doc), labels, measure, true, sem);
    expect(forSem.people.find((p) => p.id === sem)!.chips[0]).toMatchObject({ faint: true, response: 'declined' });
    expect(forSem.people.find((p) => p.id === sem)!.subtitle).toBe('kind:student · y2 mbo4 · you');
  });
});

describe('buildBoardView: questions, reactions and links', () => {
  it('does draw a question with its theme, tags, step and a connector to its student', () => {
    const { doc, sem, fatima, wondzorg } = makeBoard();
    const question = addQuestion(
      doc,
      { studentId: sem, text: 'Hoe verzorg ik een wond bij iemand met diabetes?', skillIds: [wondzorg], theme: { kind: 'ziektebeeld', label: 'Diabetes' } },
      { x: 400, y: 400 },
    );
    let view = buildBoardView(readBoard(doc), labels, measure, true);
    const card = view.questions[0];
    expect(card).toMatchObject({ id: question, kicker: 'question of Sem', tags: 'wondzorg', step: 0, stepLabel: '1/5 observed', answer: [] });
    expect(card.theme?.text).toBe('ziektebeeld: Diabetes');
    expect(card.lines.length).toBeGreaterThan(1);
    expect(view.rects.get(question)).toMatchObject({ type: 'question', x: 400, y: 400 });
    expect(view.connectors).toEqual([{ id: question, points: expect.any(Array) }]);

    for (const to of ['looked-up', 'asked-peers', 'asked-professional'] as const) moveQuestion(doc, question, to);
    moveQuestion(doc, question, 'answered', { answer: 'Eerst de bloedsuiker', helperId: fatima });
    view = buildBoardView(readBoard(doc), labels, measure, true);
    expect(view.questions[0]).toMatchObject({ step: 4, answer: ['answer: Eerst de bloedsuiker'], helper: 'helped by Fatima' });
    expect(view.questions[0].height).toBeGreaterThan(card.height);
  });

  it('does draw reactions with their kind and author, and grow with the text', () => {
    const { doc, fatima } = makeBoard();
    addReaction(doc, { kind: 'appeals', text: '', authorId: fatima });
    addReaction(doc, { kind: 'not-thought-of', text: 'Wie betrekt de familie bij de leervragen van studenten op de afdeling?' });
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    const empty = view.reactions.find((r) => r.kind === 'appeals')!;
    const long = view.reactions.find((r) => r.kind === 'not-thought-of')!;
    expect(empty).toMatchObject({ placeholder: true, lines: ['empty reaction'], author: '— Fatima', title: 'reaction:appeals' });
    expect(long.author).toBeUndefined();
    expect(long.height).toBeGreaterThan(empty.height);
  });

  it('does link paired students from edge to edge, with the badge in the middle', () => {
    const doc = new Y.Doc();
    const a = addPerson(doc, { name: 'Noor', kind: 'student', student: { year: 1, level: 'mbo3' } }, { x: 0, y: 0 });
    const b = addPerson(doc, { name: 'Sem', kind: 'student', student: { year: 2, level: 'mbo4' } }, { x: 600, y: 0 });
    pairStudents(doc, [a, b]);
    const view = buildBoardView(readBoard(doc), labels, measure, true);
    const [x1, , x2] = view.pairs[0].points;
    expect(x1).toBe(PERSON_CARD.width);
    expect(x2).toBe(600);
    expect(view.pairs[0].mid.x).toBe((PERSON_CARD.width + 600) / 2);
  });
});

describe('BoardViewBuilder', () => {
  it('does keep the same card objects for cards that did not change', () => {
    const { doc, fatima, sem, wondzorg } = makeBoard();
    const builder = new BoardViewBuilder();
    const reader = new BoardReader(doc);
    const before = builder.build(reader.read(), labels, measure, true);
    moveCards(doc, [{ id: sem, x: 420, y: 10 }]);
    updateSkill(doc, wondzorg, { label: 'wondverzorging' });
    const after = builder.build(reader.read(), labels, measure, true);
    expect(after.people.find((p) => p.id === fatima)).toBe(before.people.find((p) => p.id === fatima));
    expect(after.people.find((p) => p.id === sem)).not.toBe(before.people.find((p) => p.id === sem));
    expect(after.people.find((p) => p.id === sem)).toMatchObject({ x: 420, y: 10 });
    expect(after.skills.find((s) => s.id === wondzorg)?.label).toBe('wondverzorging');
  });

  it('does only re-place the moved card when a card moves: the other cards and lists stay the same objects', () => {
    const { doc, sem, wondzorg } = makeBoard();
    const builder = new BoardViewBuilder();
    const reader = new BoardReader(doc);
    const before = builder.build(reader.read(), labels, measure, true);
    moveCards(doc, [{ id: wondzorg, x: 900, y: 900 }]);
    const after = builder.build(reader.read(), labels, measure, true);
    expect(after.people).toBe(before.people);
    expect(after.questions).toBe(before.questions);
    expect(after.skills).not.toBe(before.skills);
    expect(after.skills.find((s) => s.id === wondzorg)).toMatchObject({ x: 900, y: 900 });
    expect(after.rects.get(wondzorg)).toMatchObject({ x: 900, y: 900 });
    expect(after.people.find((p) => p.id === sem)).toBe(before.people.find((p) => p.id === sem));
    // The same view as building from scratch.
    expect(after).toEqual(buildBoardView(readBoard(doc), labels, measure, true));
  });

  it('does give the same view as building from scratch, after any mix of moves, edits and deletes', () => {
    const { doc, fatima, sem, wondzorg, injecteren } = makeBoard();
    const builder = new BoardViewBuilder();
    const reader = new BoardReader(doc);
    const steps: Array<() => void> = [
      () => moveCards(doc, [{ id: sem, x: 10, y: 10 }]),
      () => moveCards(doc, [{ id: wondzorg, x: 20, y: 500 }, { id: fatima, x: 800, y: 0 }]),
      () => updateSkill(doc, injecteren, { label: 'injecteren (s.c.)' }),
      () => moveCards(doc, [{ id: injecteren, x: 5, y: 5 }]),
      () => recordMap(doc, 'positions').delete(sem),
      () => moveCards(doc, [{ id: sem, x: 300, y: 300 }]),
      () => recordMap(doc, 'positions').set('nocard0000001', { x: 1, y: 1 }),
      () => removeCards(doc, [wondzorg]),
      () => moveCards(doc, [{ id: fatima, x: 0, y: 0 }]),
    ];
    builder.build(reader.read(), labels, measure, true);
    for (const step of steps) {
      step();
      expect(builder.build(reader.read(), labels, measure, true)).toEqual(buildBoardView(readBoard(doc), labels, measure, true));
    }
  });

  it('does rebuild the texts when the language (the labels) changes', () => {
    const { doc, fatima } = makeBoard();
    const builder = new BoardViewBuilder();
    const board = readBoard(doc);
    const dutch = builder.build(board, labels, measure, true);
    const shouting: ViewLabels = { ...labels, personKind: (kind) => labels.personKind(kind).toUpperCase() };
    const english = builder.build(board, shouting, measure, true);
    const subtitle = (view: typeof dutch) => view.people.find((p) => p.id === fatima)!.subtitle;
    expect(subtitle(english)).toBe(subtitle(dutch).toUpperCase());
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
