import { PatchedMap } from '../../shared/patchedMap.ts';
import { changedPositions, type Board } from '../../shared/docSchema.ts';
import type { PersonKind, StudentLevel } from '../../shared/records/person.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import { QUESTION_STATUSES, type QuestionStatus, type ThemeKind } from '../../shared/records/learningQuestion.ts';
import type { ReactionKind } from '../../shared/records/reaction.ts';
import { effectiveLevel, isActiveNomination, type NominationResponse, type SkillLevel } from '../../shared/records/skillLink.ts';
import {
  PERSON_CARD,
  PERSON_TEXT_X,
  QUESTION_CARD,
  REACTION_CARD,
  SKILL_CARD,
  autoPlace,
  boundsOf,
  centreOf,
  edgePoint,
  fitFontSize,
  layoutChipGroups,
  personCardHeight,
  skillCardHeight,
  wrapText,
  type MeasureText,
  type Point,
  type Rect,
} from '../model/layout.ts';
import { FONT_FAMILY } from './palette.ts';

export type ChipGroup = 'self' | 'nomination';

export interface ChipView {
  linkId: string;
  skillId: string;
  text: string;
  category: SkillCategory;
  reserved: boolean;
  /** A colleague said so (as opposed to the person claiming it). */
  nomination: boolean;
  /** For nominations: the nominee's answer so far. */
  response?: NominationResponse;
  /** For own claims: the level that counts (a reserved act without confirmation is "learning"). */
  level?: SkillLevel;
  /** "+2": colleagues backing the nomination. */
  badge?: string;
  /** Room the badge takes at the chip's end; 0 without one. */
  badgeWidth: number;
  /** A declined nomination, shown faintly and only to the nominee. */
  faint: boolean;
  /** Relative to the card's chip area. */
  x: number;
  y: number;
  width: number;
}

export interface ChipHeadingView {
  text: string;
  /** Relative to the card's chip area. */
  y: number;
}

export interface PersonCardView {
  id: string;
  kind: PersonKind;
  /** The name, or the role when a placeholder (client, caregiver, family) has none. */
  title: string;
  /** The name as stored, for the rename field. */
  name: string;
  subtitle: string;
  /** Presence colour the person chose when joining. */
  colour?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  chips: ChipView[];
  headings: ChipHeadingView[];
}

export interface SkillCardView {
  id: string;
  /** As shown: a starter-template skill nobody renamed appears in the reader's language. */
  label: string;
  category: SkillCategory;
  meta: string;
  reserved: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface QuestionCardView {
  id: string;
  studentId: string;
  /** "Leervraag van Noor". */
  kicker: string;
  /** The question as written, for tests, the edit field and screen readers. */
  label: string;
  theme?: { kind: ThemeKind; text: string; width: number };
  /** The question, wrapped. */
  lines: string[];
  /** No text yet: `lines` holds a muted placeholder. */
  placeholder: boolean;
  /** Skill tags as one line. */
  tags: string;
  status: QuestionStatus;
  /** 0-based position of `status` in the lifecycle. */
  step: number;
  stepLabel: string;
  /** Answer or insight, wrapped, once answered. */
  answer: string[];
  helper?: string;
  /** Vertical offsets of the card's parts. */
  themeY: number;
  textY: number;
  tagsY: number;
  stepsY: number;
  answerY: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ReactionCardView {
  id: string;
  kind: ReactionKind;
  title: string;
  /** The reaction as written. */
  label: string;
  lines: string[];
  placeholder: boolean;
  author?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A thin line from a learning question to its student. */
export interface ConnectorView {
  id: string;
  points: [number, number, number, number];
}

/** The line between two paired students, with a clickable badge in the middle. */
export interface PairLinkView {
  id: string;
  studentIds: [string, string];
  points: [number, number, number, number];
  mid: Point;
}

export type CardType = 'person' | 'skill' | 'question' | 'reaction';
export type CardRect = Rect & { type: CardType };

export interface BoardView {
  people: PersonCardView[];
  skills: SkillCardView[];
  questions: QuestionCardView[];
  reactions: ReactionCardView[];
  connectors: ConnectorView[];
  pairs: PairLinkView[];
  rects: ReadonlyMap<string, CardRect>;
}

export const EMPTY_VIEW: BoardView = { people: [], skills: [], questions: [], reactions: [], connectors: [], pairs: [], rects: new Map() };

/** Text the view needs from the translation layer, so this module stays free of i18next. */
export interface ViewLabels {
  personKind(kind: PersonKind): string;
  /** Subtitle of a role placeholder without a name, where the title already says the role. */
  unnamedRole(): string;
  studentDetails(year: number, level: StudentLevel): string;
  /** Added to the subtitle of the current participant's own card. */
  you(): string;
  nominatedBy(name: string): string;
  skillMeta(category: SkillCategory, peopleCount: number): string;
  /** The label to show for a skill (see SkillCardView.label). */
  skillLabel(skill: { label: string; templateKey?: string }): string;
  levelShort(level: SkillLevel): string;
  chipGroup(group: ChipGroup): string;
  questionKicker(studentName: string): string;
  theme(kind: ThemeKind, label: string): string;
  questionStep(status: QuestionStatus, step: number, total: number): string;
  emptyQuestion(): string;
  answer(text: string): string;
  helpedBy(name: string): string;
  reactionKind(kind: ReactionKind): string;
  reactionAuthor(name: string): string;
  emptyReaction(): string;
}

export const chipFont = `${PERSON_CARD.chipTextSize}px ${FONT_FAMILY}`;
export const chipBadgeFont = `bold 12px ${FONT_FAMILY}`;
/** Room for the "+2" bubble beyond its text. */
export const CHIP_BADGE_PADDING = 14;
/** Room for the tick on an accepted nomination. */
export const CHIP_TICK = 18;
/** Canvas text rendering rounds differently from measureText; without slack Konva cuts the last letters. */
const CHIP_SLACK = 4;
const boldFont = (size: number) => `bold ${size}px ${FONT_FAMILY}`;
const TITLE_SIZES = [18, 17, 16, 15, 14] as const;
const LABEL_SIZES = [17, 16, 15] as const;
const TWO_LINE_SIZES = [15, 14, 13] as const;
/** Word wrapping rarely fills both lines; leave slack so the estimate errs towards a smaller font. */
const WRAP_SLACK = 0.85;
const personTitleWidth = PERSON_CARD.width - PERSON_TEXT_X - PERSON_CARD.padding;
const skillLabelWidth = (reserved: boolean) => SKILL_CARD.width - SKILL_CARD.padding * 2 - (reserved ? SKILL_CARD.reservedIcon : 0);

/**
 * The font size a person card's title fits at. Asked when the card is drawn, not when the
 * board is laid out: it does not change the card's size, and on a big board most cards are
 * never drawn at full size (measuring 5,000 titles was a fifth of opening one).
 */
export const fitPersonTitle = (title: string, measure: MeasureText) => fitFontSize(title, TITLE_SIZES, personTitleWidth, boldFont, measure);

/** How a skill card's label is set (asked when drawn, as fitPersonTitle): a long label takes two lines, in place of the category line. */
export function fitSkillLabel({ label, reserved }: Pick<SkillCardView, 'label' | 'reserved'>, measure: MeasureText): { size: number; lines: 1 | 2 } {
  const width = skillLabelWidth(reserved);
  const oneLine = fitFontSize(label, LABEL_SIZES, width, boldFont, measure);
  // Same measurement as fitFontSize's (cached), scaled to the size it chose.
  const fitsOneLine = (measure(label, boldFont(LABEL_SIZES[0])) / LABEL_SIZES[0]) * oneLine <= width;
  return fitsOneLine ? { size: oneLine, lines: 1 } : { size: fitFontSize(label, TWO_LINE_SIZES, 2 * width * WRAP_SLACK, boldFont, measure), lines: 2 };
}

export function chipExtraWidth(editable: boolean) {
  const { chipPaddingX, chipDot, chipRemoveWidth } = PERSON_CARD;
  return chipPaddingX * 2 + chipDot + 6 + (editable ? chipRemoveWidth - chipPaddingX : 0);
}

type Link = Board['skillLinks'][number];

/** Question card parts, top to bottom. */
export function layoutQuestion(hasTheme: boolean, lineCount: number, hasTags: boolean, answerLines: number, hasHelper: boolean) {
  const { padding, lineHeight, tagsHeight, stepsHeight, answerLineHeight } = QUESTION_CARD;
  const themeY = 34;
  const textY = hasTheme ? themeY + 30 : themeY;
  const tagsY = textY + lineCount * lineHeight + 4;
  const stepsY = tagsY + (hasTags ? tagsHeight : 0) + 6;
  const answerY = stepsY + stepsHeight;
  const height = answerY + (answerLines + (hasHelper ? 1 : 0)) * answerLineHeight + (answerLines || hasHelper ? 6 : 0) + padding - 4;
  return { themeY, textY, tagsY, stepsY, answerY, height };
}

export function reactionCardHeight(lineCount: number, hasAuthor: boolean) {
  const { headerHeight, lineHeight, footerHeight, padding } = REACTION_CARD;
  return headerHeight + 6 + lineCount * lineHeight + (hasAuthor ? footerHeight : 0) + padding - 2;
}

/** What a card looks like, apart from where it is. */
type CardContents = Pick<BoardView, 'people' | 'skills' | 'questions' | 'reactions'>;
/** The parts of a board the cards' contents depend on (everything but positions, pairs and meta). */
type ContentInputs = Pick<Board, 'people' | 'skills' | 'skillLinks' | 'endorsements' | 'questions' | 'reactions'>;

/**
 * Turns checked board data into what the canvas draws: texts, sizes and positions.
 * `meId` is the current participant: their own card says so, and they alone see the
 * nominations they declined (faintly).
 */
export function buildBoardView(board: Board, labels: ViewLabels, measure: MeasureText, editable: boolean, meId: string | null = null): BoardView {
  return new BoardViewBuilder().build(board, labels, measure, editable, meId);
}

/**
 * buildBoardView for a board that keeps changing, in two stages: the cards' contents
 * (texts, chips, sizes) are rebuilt only when the records they show changed, and a move
 * only re-places cards. Cards that did not change come back as the same objects, so the
 * memoised canvas components skip them: 100 remote moves a second on a 5,000-card board
 * cost a few hundred microseconds each, not a rebuild of every card.
 */
export class BoardViewBuilder {
  private contentsKey: unknown[] = [];
  private contents: CardContents | null = null;
  private view: BoardView | null = null;
  private readonly placed = new Map<string, Placed>();
  /** The positions this.view was placed with. */
  private positions: Board['positions'] | null = null;
  private pairs: Board['pairs'] | null = null;
  /** Some card had no position and was placed beside the others. */
  private autoPlaced = false;

  build(board: Board, labels: ViewLabels, measure: MeasureText, editable: boolean, meId: string | null = null): BoardView {
    const key = [board.people, board.skills, board.skillLinks, board.endorsements, board.questions, board.reactions, labels, measure, editable, meId];
    const contentsChanged = !this.contents || key.some((input, i) => input !== this.contentsKey[i]);
    if (contentsChanged) {
      const next = buildCardContents(board, remembered(labels), measure, editable, meId);
      this.contents = this.contents ? reuseUnchangedContents(this.contents, next) : next;
      this.contentsKey = key;
    }
    if (!contentsChanged && this.view && board.positions === this.positions && board.pairs === this.pairs) return this.view;
    // A few cards moved and nothing else changed: re-place only those.
    const change = changedPositions(board.positions);
    // (Auto-placed cards sit beside all the others, so any move can shift them: then place all.)
    const moved =
      !contentsChanged && this.view && !this.autoPlaced && change && change.previous === this.positions
        ? moveInView(this.view, board.positions, change.moved, board.pairs, this.placed)
        : null;
    if (moved) this.view = moved;
    else {
      this.view = placeCards(this.contents!, board.positions, board.pairs, this.view, this.placed);
      this.autoPlaced = [...this.view.rects.keys()].some((id) => !board.positions.has(id));
    }
    this.positions = board.positions;
    this.pairs = board.pairs;
    return this.view;
  }
}

function buildCardContents(board: ContentInputs, labels: ViewLabels, measure: MeasureText, editable: boolean, meId: string | null): CardContents {
  const skillsById = new Map(board.skills.map((s) => [s.id, s]));
  const shownLabel = new Map(board.skills.map((s) => [s.id, labels.skillLabel(s)]));
  const peopleById = new Map(board.people.map((p) => [p.id, p]));
  const displayName = (id: string) => {
    const p = peopleById.get(id);
    return p ? p.name || labels.personKind(p.kind) : '';
  };
  const backers = new Map<string, number>();
  for (const e of board.endorsements) backers.set(e.linkId, (backers.get(e.linkId) ?? 0) + 1);
  const linksByPerson = new Map<string, Link[]>();
  const peopleCount = new Map<string, Set<string>>();
  for (const link of board.skillLinks) {
    const declined = link.source === 'nomination' && !isActiveNomination(link);
    if (declined && link.personId !== meId) continue;
    let list = linksByPerson.get(link.personId);
    if (!list) linksByPerson.set(link.personId, (list = []));
    list.push(link);
    if (declined) continue;
    let holders = peopleCount.get(link.skillId);
    if (!holders) peopleCount.set(link.skillId, (holders = new Set()));
    holders.add(link.personId);
  }

  const innerWidth = PERSON_CARD.width - PERSON_CARD.padding * 2;
  const extra = chipExtraWidth(editable);
  const people = board.people.map((person) => {
    const links = linksByPerson.get(person.id) ?? [];
    const chipsOf = (group: ChipGroup) =>
      links
        .filter((link) => (link.source === 'self') === (group === 'self'))
        .flatMap((link) => {
          const skill = skillsById.get(link.skillId);
          if (!skill) return [];
          const label = shownLabel.get(skill.id) ?? skill.label;
          const nomination = link.source === 'nomination';
          const level = nomination ? undefined : effectiveLevel(link, skill);
          const count = nomination ? (backers.get(link.id) ?? 0) : 0;
          const text = nomination
            ? link.nominatedBy
              ? `${label} · ${labels.nominatedBy(displayName(link.nominatedBy))}`
              : label
            : level
              ? `${label} · ${labels.levelShort(level)}`
              : label;
          const response = nomination ? (link.response ?? 'pending') : undefined;
          const badge = count > 0 ? `+${count}` : undefined;
          const badgeWidth = badge ? Math.ceil(measure(badge, chipBadgeFont)) + CHIP_BADGE_PADDING : 0;
          const width = measure(text, chipFont) + CHIP_SLACK + extra + badgeWidth + (response === 'accepted' ? CHIP_TICK : 0);
          return [
            {
              chip: {
                linkId: link.id,
                skillId: skill.id,
                text,
                category: skill.category,
                reserved: skill.reservedAct,
                nomination,
                ...(response ? { response } : {}),
                ...(level ? { level } : {}),
                ...(badge ? { badge } : {}),
                badgeWidth,
                faint: nomination && !isActiveNomination(link),
              },
              width: Math.ceil(width),
              sort: nomination ? `${link.createdAt}`.padStart(16, '0') + link.id : label.toLocaleLowerCase(),
            },
          ];
        })
        .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
    const groups = [chipsOf('self'), chipsOf('nomination')];
    const flow = layoutChipGroups(
      groups.map((g) => g.map((c) => c.width)),
      innerWidth,
      PERSON_CARD.chipHeight,
      PERSON_CARD.chipGap,
    );
    const chips: ChipView[] = groups.flatMap((group, g) => group.map((c, i) => ({ ...c.chip, ...flow.groups[g].boxes[i] })));
    const headings: ChipHeadingView[] = (['self', 'nomination'] as const).flatMap((group, g) =>
      groups[g].length ? [{ text: labels.chipGroup(group), y: flow.groups[g].headingY }] : [],
    );
    const roleText = labels.personKind(person.kind);
    const base = person.student
      ? `${roleText} · ${labels.studentDetails(person.student.year, person.student.level)}`
      : person.name
        ? roleText
        : labels.unnamedRole();
    const subtitle = person.id === meId ? `${base} · ${labels.you()}` : base;
    const title = person.name || roleText;
    return {
      id: person.id,
      kind: person.kind,
      title,
      name: person.name,
      subtitle,
      ...(person.colour ? { colour: person.colour } : {}),
      x: 0,
      y: 0,
      width: PERSON_CARD.width,
      height: personCardHeight(flow.height),
      chips,
      headings,
    } satisfies PersonCardView;
  });

  const skills = board.skills.map((skill) => {
    const label = shownLabel.get(skill.id) ?? skill.label;
    return {
      id: skill.id,
      label,
      category: skill.category,
      meta: labels.skillMeta(skill.category, peopleCount.get(skill.id)?.size ?? 0),
      reserved: skill.reservedAct,
      x: 0,
      y: 0,
      width: SKILL_CARD.width,
      height: skillCardHeight(skill.reservedAct),
    } satisfies SkillCardView;
  });

  const qInner = QUESTION_CARD.width - QUESTION_CARD.padding * 2;
  const questions = board.questions.map((q) => {
    const placeholder = q.text.trim() === '';
    const lines = wrapText(placeholder ? labels.emptyQuestion() : q.text, qInner, boldFont(QUESTION_CARD.textSize), measure, QUESTION_CARD.maxLines);
    const tags = q.skillIds.map((id) => shownLabel.get(id)).filter(Boolean).join(', ');
    const step = QUESTION_STATUSES.indexOf(q.status);
    const answered = q.status === 'answered';
    const answer =
      answered && q.answer
        ? wrapText(labels.answer(q.answer), qInner, `${QUESTION_CARD.answerSize}px ${FONT_FAMILY}`, measure, QUESTION_CARD.answerLines)
        : [];
    const helper = answered && q.helperId && peopleById.has(q.helperId) ? labels.helpedBy(displayName(q.helperId)) : undefined;
    const themeText = q.theme ? labels.theme(q.theme.kind, q.theme.label) : '';
    const theme = q.theme
      ? { kind: q.theme.kind, text: themeText, width: Math.min(qInner, Math.ceil(measure(themeText, boldFont(QUESTION_CARD.tagsSize))) + 22) }
      : undefined;
    const at = layoutQuestion(!!theme, lines.length, !!tags, answer.length, !!helper);
    return {
      id: q.id,
      studentId: q.studentId,
      kicker: labels.questionKicker(displayName(q.studentId)),
      label: q.text,
      ...(theme ? { theme } : {}),
      lines,
      placeholder,
      tags,
      status: q.status,
      step,
      stepLabel: labels.questionStep(q.status, step + 1, QUESTION_STATUSES.length),
      answer,
      ...(helper ? { helper } : {}),
      themeY: at.themeY,
      textY: at.textY,
      tagsY: at.tagsY,
      stepsY: at.stepsY,
      answerY: at.answerY,
      x: 0,
      y: 0,
      width: QUESTION_CARD.width,
      height: at.height,
    } satisfies QuestionCardView;
  });

  const rInner = REACTION_CARD.width - REACTION_CARD.padding * 2 - 4;
  const reactions = board.reactions.map((r) => {
    const placeholder = r.text.trim() === '';
    const lines = wrapText(placeholder ? labels.emptyReaction() : r.text, rInner, `${REACTION_CARD.textSize}px ${FONT_FAMILY}`, measure, REACTION_CARD.maxLines);
    const author = r.authorId && peopleById.has(r.authorId) ? labels.reactionAuthor(displayName(r.authorId)) : undefined;
    return {
      id: r.id,
      kind: r.kind,
      title: labels.reactionKind(r.kind),
      label: r.text,
      lines,
      placeholder,
      ...(author ? { author } : {}),
      x: 0,
      y: 0,
      width: REACTION_CARD.width,
      height: reactionCardHeight(lines.length, !!author),
    } satisfies ReactionCardView;
  });

  return { people, skills, questions, reactions };
}

/**
 * Puts the cards where the board says they are (cards without a position are placed
 * beside the others), and draws the lines between them. A card whose contents and place
 * are unchanged since `previous` comes back as the same object.
 */
/** One placed card as last handed out: the contents it was made from and where. */
interface Placed {
  contents: object;
  x: number;
  y: number;
  card: { id: string; x: number; y: number; width: number; height: number };
}

function placeCards(contents: CardContents, positions: Board['positions'], boardPairs: Board['pairs'], previous: BoardView | null, placedBefore: Map<string, Placed>): BoardView {
  const unplaced: Array<{ id: string; width: number; height: number }> = [];
  const place = <T extends { id: string; x: number; y: number; width: number; height: number }>(cards: T[]): T[] =>
    cards.map((card) => {
      const at = positions.get(card.id);
      if (!at) {
        unplaced.push(card);
        return card;
      }
      // This runs for every card on every frame a card moves: one lookup and three comparisons.
      const old = placedBefore.get(card.id);
      if (old && old.contents === card && old.x === at.x && old.y === at.y) return old.card as T;
      const next = { ...card, x: at.x, y: at.y };
      placedBefore.set(card.id, { contents: card, x: at.x, y: at.y, card: next });
      return next;
    });
  let people = place(contents.people);
  let skills = place(contents.skills);
  let questions = place(contents.questions);
  let reactions = place(contents.reactions);
  if (unplaced.length) {
    const placed = [...people, ...skills, ...questions, ...reactions].filter((card) => positions.has(card.id));
    const spots = autoPlace(unplaced, boundsOf(placed));
    const spot = <T extends { id: string }>(card: T): T => {
      const at = spots.get(card.id);
      return at ? { ...card, ...at } : card;
    };
    people = people.map(spot);
    skills = skills.map(spot);
    questions = questions.map(spot);
    reactions = reactions.map(spot);
  }
  if (previous) {
    people = sameItems(previous.people, people) ? previous.people : people;
    skills = sameItems(previous.skills, skills) ? previous.skills : skills;
    questions = sameItems(previous.questions, questions) ? previous.questions : questions;
    reactions = sameItems(previous.reactions, reactions) ? previous.reactions : reactions;
  }
  if (placedBefore.size > 2 * (people.length + skills.length + questions.length + reactions.length) + 100) {
    // Forget deleted cards now and then.
    const alive = new Set([...people, ...skills, ...questions, ...reactions].map((c) => c.id));
    for (const id of placedBefore.keys()) if (!alive.has(id)) placedBefore.delete(id);
  }

  const rects = new Map<string, CardRect>();
  const rect = (c: Rect, type: CardType): CardRect => ({ x: c.x, y: c.y, width: c.width, height: c.height, type });
  for (const p of people) rects.set(p.id, rect(p, 'person'));
  for (const s of skills) rects.set(s.id, rect(s, 'skill'));
  for (const q of questions) rects.set(q.id, rect(q, 'question'));
  for (const r of reactions) rects.set(r.id, rect(r, 'reaction'));

  return { people, skills, questions, reactions, ...linesBetween(questions, boardPairs, rects, previous), rects };
}

/** The connector from each question to its student, and the link between paired students. */
function linesBetween(questions: QuestionCardView[], boardPairs: Board['pairs'], rects: ReadonlyMap<string, CardRect>, previous: BoardView | null): Pick<BoardView, 'connectors' | 'pairs'> {
  const between = (a: Rect, b: Rect): [number, number, number, number] => {
    const from = edgePoint(a, centreOf(b));
    const to = edgePoint(b, centreOf(a));
    return [from.x, from.y, to.x, to.y];
  };
  const connectors: ConnectorView[] = questions.flatMap((q) => {
    const student = rects.get(q.studentId);
    return student ? [{ id: q.id, points: between(rects.get(q.id)!, student) }] : [];
  });
  const pairs: PairLinkView[] = boardPairs.flatMap((pair) => {
    const [a, b] = pair.studentIds.map((id) => rects.get(id));
    if (!a || !b) return [];
    const points = between(a, b);
    return [{ id: pair.id, studentIds: pair.studentIds, points, mid: { x: (points[0] + points[2]) / 2, y: (points[1] + points[3]) / 2 } }];
  });
  return {
    connectors: previous && sameValue(previous.connectors, connectors) ? previous.connectors : connectors,
    pairs: previous && sameValue(previous.pairs, pairs) ? previous.pairs : pairs,
  };
}

/**
 * The same as placeCards when only the cards in `moved` changed place since `view` was
 * made: those cards get new objects, everything else is shared. Work in proportion to
 * the moves, not the board (plus a few native copies). Null when it cannot tell (a card
 * lost its position and must be auto-placed, or a moved card is unknown): place all.
 */
function moveInView(view: BoardView, positions: Board['positions'], moved: ReadonlySet<string>, boardPairs: Board['pairs'], placedBefore: Map<string, Placed>): BoardView | null {
  const changed = new Map<string, CardRect>();
  const lists: Partial<Record<CardType, Array<{ id: string; x: number; y: number; width: number; height: number }>>> = {};
  const listOf: Record<CardType, keyof CardContents> = { person: 'people', skill: 'skills', question: 'questions', reaction: 'reactions' };
  for (const id of moved) {
    const rect = view.rects.get(id);
    if (!rect) {
      // A position for something that is not a card (yet): harmless, unless it is a card we have not placed.
      if (placedBefore.has(id)) return null;
      continue;
    }
    const at = positions.get(id);
    const entry = placedBefore.get(id);
    if (!at || !entry) return null;
    const list = (lists[rect.type] ??= [...view[listOf[rect.type]]]);
    const index = list.indexOf(entry.card);
    if (index < 0) return null;
    const card = { ...entry.card, x: at.x, y: at.y };
    list[index] = card;
    placedBefore.set(id, { contents: entry.contents, x: at.x, y: at.y, card });
    changed.set(id, { x: at.x, y: at.y, width: rect.width, height: rect.height, type: rect.type });
  }
  // The thousands of cards that stayed are shared with the previous view, not copied.
  const rects = PatchedMap.with(view.rects, changed);
  const questions = (lists.question as QuestionCardView[] | undefined) ?? view.questions;
  return {
    people: (lists.person as PersonCardView[] | undefined) ?? view.people,
    skills: (lists.skill as SkillCardView[] | undefined) ?? view.skills,
    questions,
    reactions: (lists.reaction as ReactionCardView[] | undefined) ?? view.reactions,
    ...linesBetween(questions, boardPairs, rects, view),
    rects,
  };
}

const sameItems = <T,>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Labels are asked for the same few texts thousands of times (one role name per card):
 * remember each answer for as long as the labels object lives. Only calls with plain
 * arguments: a record argument (skillLabel's skill) would need a key built from the whole
 * record — slower than the label itself, and never the same twice.
 */
const rememberedLabels = new WeakMap<ViewLabels, ViewLabels>();
function remembered(labels: ViewLabels): ViewLabels {
  let wrapped = rememberedLabels.get(labels);
  if (wrapped) return wrapped;
  const cache = new Map<string, string>();
  wrapped = Object.fromEntries(
    Object.entries(labels).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        if (args.some((a) => typeof a === 'object' && a !== null)) return (fn as (...a: unknown[]) => string)(...args);
        const key = `${name}\u0000${args.map(String).join('\u0000')}`;
        let text = cache.get(key);
        if (text === undefined) cache.set(key, (text = (fn as (...a: unknown[]) => string)(...args)));
        return text;
      },
    ]),
  ) as unknown as ViewLabels;
  rememberedLabels.set(labels, wrapped);
  return wrapped;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => shallowEqual(item, b[i]));
  if (typeof a === 'object' && typeof b === 'object') return shallowEqual(a, b);
  return false;
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Hands back the previous card contents wherever nothing changed. */
function reuseUnchangedContents(prev: CardContents, next: CardContents): CardContents {
  const reuse = <T extends { id: string }>(before: T[], after: T[]) => {
    const old = new Map(before.map((card) => [card.id, card]));
    const out = after.map((card) => {
      const previous = old.get(card.id);
      return previous && shallowEqual(previous, card) ? previous : card;
    });
    return sameItems(before, out) ? before : out;
  };
  return {
    people: reuse(prev.people, next.people),
    skills: reuse(prev.skills, next.skills),
    questions: reuse(prev.questions, next.questions),
    reactions: reuse(prev.reactions, next.reactions),
  };
}

/** The person card under a board point, topmost (last drawn) first. */
export function personAt(view: BoardView, point: { x: number; y: number }): string | null {
  for (let i = view.people.length - 1; i >= 0; i--) {
    const p = view.people[i];
    if (point.x >= p.x && point.x <= p.x + p.width && point.y >= p.y && point.y <= p.y + p.height) return p.id;
  }
  return null;
}
