import { Type, type Static } from '@sinclair/typebox';
import { idSchema, textSchema, timestampSchema } from './common.ts';

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
