import type { PersonKind } from '../../shared/records/person.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import type { QuestionStatus, ThemeKind } from '../../shared/records/learningQuestion.ts';
import type { ReactionKind } from '../../shared/records/reaction.ts';
import type { NominationResponse, SkillLevel } from '../../shared/records/skillLink.ts';
import type { Point, Rect } from '../model/layout.ts';

/*
 * What the canvas draws, as plain data: the board view's contract with the card components.
 * Types only, so every module of the view (contents, placement, text fitting) can name them
 * without importing the builder that puts them together.
 */

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

/** What a card looks like, apart from where it is. */
export type CardContents = Pick<BoardView, 'people' | 'skills' | 'questions' | 'reactions'>;
