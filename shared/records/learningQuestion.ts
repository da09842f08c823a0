import { Type, type Static } from '@sinclair/typebox';
import { idSchema, textSchema, timestampSchema } from './common.ts';
import type { PersonKind } from './person.ts';

/** The afkijkuurtje lifecycle, in order: the professional is deliberately not the first stop. */
export const QUESTION_STATUSES = ['observed', 'looked-up', 'asked-peers', 'asked-professional', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const THEME_KINDS = ['ziektebeeld', 'levensstijl'] as const;
export type ThemeKind = (typeof THEME_KINDS)[number];

/** Longest question text. */
export const QUESTION_TEXT_MAX = 500;
/** Longest theme label, e.g. "COPD". */
export const THEME_LABEL_MAX = 80;
/** Longest note for one lifecycle step. */
export const QUESTION_NOTE_MAX = 1000;
/** Longest answer or insight. */
export const QUESTION_ANSWER_MAX = 2000;
/** Most skills one question is tagged with. */
export const QUESTION_SKILLS_MAX = 20;
/** Most asks one question keeps. */
export const QUESTION_ASKED_MAX = 50;

export const learningQuestionSchema = Type.Object({
  /** The student who owns the question. */
  studentId: idSchema,
  /** The question in the student's words. */
  text: textSchema(QUESTION_TEXT_MAX),
  /** Skills the question is about. */
  skillIds: Type.Array(idSchema, { maxItems: QUESTION_SKILLS_MAX }),
  /** Framing: a disease picture or lifestyle, with a free label such as "COPD". */
  theme: Type.Optional(
    Type.Object({
      kind: Type.Union(THEME_KINDS.map((kind) => Type.Literal(kind))),
      label: Type.String({ maxLength: THEME_LABEL_MAX }),
    }),
  ),
  /** Where the question is in the lifecycle. */
  status: Type.Union(QUESTION_STATUSES.map((status) => Type.Literal(status))),
  /** A short note per step: what I found, what a fellow student said. */
  notes: Type.Optional(
    Type.Object({
      observed: Type.Optional(textSchema(QUESTION_NOTE_MAX)),
      'looked-up': Type.Optional(textSchema(QUESTION_NOTE_MAX)),
      'asked-peers': Type.Optional(textSchema(QUESTION_NOTE_MAX)),
      'asked-professional': Type.Optional(textSchema(QUESTION_NOTE_MAX)),
      answered: Type.Optional(textSchema(QUESTION_NOTE_MAX)),
    }),
  ),
  /** Whom the student asked for help and when, oldest first; matching uses it to spread the load. */
  asked: Type.Optional(Type.Array(Type.Object({ personId: idSchema, at: timestampSchema }), { maxItems: QUESTION_ASKED_MAX })),
  /** The answer or insight, once answered. */
  answer: Type.Optional(textSchema(QUESTION_ANSWER_MAX)),
  /** Who helped answer it. */
  helperId: Type.Optional(idSchema),
  /** When it was written. */
  createdAt: timestampSchema,
  /** When it last changed status. */
  updatedAt: Type.Optional(timestampSchema),
});

export type LearningQuestionRecord = Static<typeof learningQuestionSchema>;
export type LearningQuestion = LearningQuestionRecord & { id: string };

const order = (status: QuestionStatus) => QUESTION_STATUSES.indexOf(status);

/**
 * Where a question may go from `status`. The afkijkuurtje's point is the order: look it
 * up yourself and ask fellow students before a professional, so a question moves one
 * step at a time. It can be answered at any step (the student may find it themself),
 * and go one step back to correct a slip.
 */
export function nextStatuses(status: QuestionStatus): QuestionStatus[] {
  const at = order(status);
  const next = new Set<QuestionStatus>();
  if (at > 0) next.add(QUESTION_STATUSES[at - 1]);
  if (at < QUESTION_STATUSES.length - 1) next.add(QUESTION_STATUSES[at + 1]);
  if (status !== 'answered') next.add('answered');
  return QUESTION_STATUSES.filter((s) => next.has(s));
}

/** Whether `status` comes before `other` in the lifecycle. */
export const isBefore = (status: QuestionStatus, other: QuestionStatus) => order(status) < order(other);

/** The step asking this kind of person belongs to: a fellow student is "asked fellow students", anyone else "asked a professional". */
export const askStep = (kind: PersonKind | undefined): QuestionStatus => (kind === 'student' ? 'asked-peers' : 'asked-professional');

/** Why an ask cannot be recorded right now; each has a calm hint in the UI. */
export type AskBlock = 'lookUpFirst' | 'peersFirst' | 'answered' | 'pastPeers';

export type AskOption = { allowed: true; step: QuestionStatus } | { allowed: false; block: AskBlock };

/**
 * Whether asking this kind of person may be recorded for a question now; recordAsked
 * accepts exactly these: only forward along the lifecycle (nextStatuses) or at the same
 * step. Going back (asking a peer once a professional was asked) is left to the question panel.
 */
export function askOption(status: QuestionStatus, kind: PersonKind | undefined): AskOption {
  const step = askStep(kind);
  if (status === step) return { allowed: true, step };
  if (status === 'answered') return { allowed: false, block: 'answered' };
  if (isBefore(step, status)) return { allowed: false, block: 'pastPeers' };
  if (nextStatuses(status).includes(step)) return { allowed: true, step };
  return { allowed: false, block: status === 'observed' ? 'lookUpFirst' : 'peersFirst' };
}
