import type { Board } from '../../shared/docSchema.ts';
import type { PersonKind, StudentLevel } from '../../shared/records/person.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import { PERSON_CARD, PERSON_TEXT_X, SKILL_CARD, autoPlace, boundsOf, fitFontSize, layoutChips, personCardHeight, skillCardHeight, type MeasureText, type Rect } from './layout.ts';
import { FONT_FAMILY } from './palette.ts';

export interface ChipView {
  linkId: string;
  skillId: string;
  text: string;
  category: SkillCategory;
  reserved: boolean;
  /** A colleague said so (as opposed to the person claiming it). */
  nomination: boolean;
  /** Relative to the card's chip area. */
  x: number;
  y: number;
  width: number;
}

export interface PersonCardView {
  id: string;
  kind: PersonKind;
  /** The name, or the role when a placeholder (client, caregiver, family) has none. */
  title: string;
  /** The name as stored, for the rename field. */
  name: string;
  /** Font size the title fits at. */
  titleSize: number;
  subtitle: string;
  x: number;
  y: number;
  width: number;
  height: number;
  chips: ChipView[];
}

export interface SkillCardView {
  id: string;
  /** As shown: a starter-template skill nobody renamed appears in the reader's language. */
  label: string;
  /** Font size the label fits at. */
  labelSize: number;
  /** A long label takes two lines, in place of the category line. */
  labelLines: 1 | 2;
  category: SkillCategory;
  meta: string;
  reserved: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type CardRect = Rect & { type: 'person' | 'skill' };

export interface BoardView {
  people: PersonCardView[];
  skills: SkillCardView[];
  rects: Map<string, CardRect>;
}

/** Text the view needs from the translation layer, so this module stays free of i18next. */
export interface ViewLabels {
  personKind(kind: PersonKind): string;
  /** Subtitle of a role placeholder without a name, where the title already says the role. */
  unnamedRole(): string;
  studentDetails(year: number, level: StudentLevel): string;
  nominatedBy(name: string): string;
  skillMeta(category: SkillCategory, peopleCount: number): string;
  /** The label to show for a skill (see SkillCardView.label). */
  skillLabel(skill: { label: string; templateKey?: string }): string;
}

export const chipFont = `${PERSON_CARD.chipTextSize}px ${FONT_FAMILY}`;
const boldFont = (size: number) => `bold ${size}px ${FONT_FAMILY}`;
const TITLE_SIZES = [18, 17, 16, 15, 14] as const;
const LABEL_SIZES = [17, 16, 15] as const;
const TWO_LINE_SIZES = [15, 14, 13] as const;
/** Word wrapping rarely fills both lines; leave slack so the estimate errs towards a smaller font. */
const WRAP_SLACK = 0.85;
const personTitleWidth = PERSON_CARD.width - PERSON_TEXT_X - PERSON_CARD.padding;
const skillLabelWidth = (reserved: boolean) => SKILL_CARD.width - SKILL_CARD.padding * 2 - (reserved ? SKILL_CARD.reservedIcon : 0);

export function chipExtraWidth(editable: boolean) {
  const { chipPaddingX, chipDot, chipRemoveWidth } = PERSON_CARD;
  return chipPaddingX * 2 + chipDot + 6 + (editable ? chipRemoveWidth - chipPaddingX : 0);
}

/** Turns checked board data into what the canvas draws: texts, sizes and positions. */
export function buildBoardView(board: Board, labels: ViewLabels, measure: MeasureText, editable: boolean): BoardView {
  const skillsById = new Map(board.skills.map((s) => [s.id, s]));
  const shownLabel = new Map(board.skills.map((s) => [s.id, labels.skillLabel(s)]));
  const peopleById = new Map(board.people.map((p) => [p.id, p]));
  const displayName = (id: string) => {
    const p = peopleById.get(id);
    return p ? p.name || labels.personKind(p.kind) : '';
  };
  const linksByPerson = new Map<string, Board['skillLinks']>();
  const peopleCount = new Map<string, Set<string>>();
  for (const link of board.skillLinks) {
    if (link.source === 'nomination' && link.response === 'declined') continue;
    let list = linksByPerson.get(link.personId);
    if (!list) linksByPerson.set(link.personId, (list = []));
    list.push(link);
    let holders = peopleCount.get(link.skillId);
    if (!holders) peopleCount.set(link.skillId, (holders = new Set()));
    holders.add(link.personId);
  }

  const innerWidth = PERSON_CARD.width - PERSON_CARD.padding * 2;
  const extra = chipExtraWidth(editable);
  const people = board.people.map((person) => {
    const links = linksByPerson.get(person.id) ?? [];
    const chipData = links.flatMap((link) => {
      const skill = skillsById.get(link.skillId);
      if (!skill) return [];
      const nomination = link.source === 'nomination';
      const label = shownLabel.get(skill.id) ?? skill.label;
      const text = nomination && link.nominatedBy ? `${label} · ${labels.nominatedBy(displayName(link.nominatedBy))}` : label;
      return [{ linkId: link.id, skillId: skill.id, text, category: skill.category, reserved: skill.reservedAct, nomination }];
    });
    const flow = layoutChips(
      chipData.map((c) => measure(c.text, chipFont)),
      extra,
      innerWidth,
      PERSON_CARD.chipHeight,
      PERSON_CARD.chipGap,
    );
    const roleText = labels.personKind(person.kind);
    const subtitle = person.student
      ? `${roleText} · ${labels.studentDetails(person.student.year, person.student.level)}`
      : person.name
        ? roleText
        : labels.unnamedRole();
    const title = person.name || roleText;
    return {
      id: person.id,
      kind: person.kind,
      title,
      name: person.name,
      titleSize: fitFontSize(title, TITLE_SIZES, personTitleWidth, boldFont, measure),
      subtitle,
      x: 0,
      y: 0,
      width: PERSON_CARD.width,
      height: personCardHeight(flow.height),
      chips: chipData.map((c, i) => ({ ...c, ...flow.boxes[i] })),
    } satisfies PersonCardView;
  });

  const skills = board.skills.map((skill) => {
    const label = shownLabel.get(skill.id) ?? skill.label;
    const width = skillLabelWidth(skill.reservedAct);
    const oneLine = fitFontSize(label, LABEL_SIZES, width, boldFont, measure);
    const fitsOneLine = measure(label, boldFont(oneLine)) <= width;
    return {
        id: skill.id,
        label,
        labelSize: fitsOneLine ? oneLine : fitFontSize(label, TWO_LINE_SIZES, 2 * width * WRAP_SLACK, boldFont, measure),
        labelLines: fitsOneLine ? 1 : 2,
        category: skill.category,
        meta: labels.skillMeta(skill.category, peopleCount.get(skill.id)?.size ?? 0),
        reserved: skill.reservedAct,
        x: 0,
        y: 0,
        width: SKILL_CARD.width,
        height: skillCardHeight(skill.reservedAct),
      } satisfies SkillCardView;
  });

  const placed: Rect[] = [];
  const unplaced: Array<{ id: string; width: number; height: number }> = [];
  for (const card of [...people, ...skills]) {
    const at = board.positions.get(card.id);
    if (at) {
      card.x = at.x;
      card.y = at.y;
      placed.push(card);
    } else unplaced.push(card);
  }
  if (unplaced.length) {
    const spots = autoPlace(unplaced, boundsOf(placed));
    for (const card of [...people, ...skills]) {
      const spot = spots.get(card.id);
      if (spot) Object.assign(card, spot);
    }
  }

  const rects = new Map<string, CardRect>();
  for (const p of people) rects.set(p.id, { x: p.x, y: p.y, width: p.width, height: p.height, type: 'person' });
  for (const s of skills) rects.set(s.id, { x: s.x, y: s.y, width: s.width, height: s.height, type: 'skill' });
  return { people, skills, rects };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => shallowEqual(item, b[i]));
  return false;
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * Hands back the previous card objects wherever nothing changed, so memoised cards skip
 * rendering: one remote move then re-renders one card, not the whole board.
 */
export function reuseUnchanged(prev: BoardView | null, next: BoardView): BoardView {
  if (!prev) return next;
  const reuse = <T extends { id: string }>(before: T[], after: T[]) => {
    const old = new Map(before.map((card) => [card.id, card]));
    return after.map((card) => {
      const previous = old.get(card.id);
      return previous && shallowEqual(previous, card) ? previous : card;
    });
  };
  return { people: reuse(prev.people, next.people), skills: reuse(prev.skills, next.skills), rects: next.rects };
}

/** The person card under a board point, topmost (last drawn) first. */
export function personAt(view: BoardView, point: { x: number; y: number }): string | null {
  for (let i = view.people.length - 1; i >= 0; i--) {
    const p = view.people[i];
    if (point.x >= p.x && point.x <= p.x + p.width && point.y >= p.y && point.y <= p.y + p.height) return p.id;
  }
  return null;
}
