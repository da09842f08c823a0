import { Type, type Static } from '@sinclair/typebox';
import { idSchema, textSchema, timestampSchema } from './common.ts';

/** The afkijkuurtje lifecycle, in order: the professional is deliberately not the first stop. */
export const QUESTION_STATUSES = ['observed', 'looked-up', 'asked-peers', 'asked-professional', 'answered'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const THEME_KINDS = ['ziektebeeld', 'levensstijl'] as const;
export type ThemeKind = (typeof THEME_KINDS)[number];

export const learningQuestionSchema = Type.Object({
  /** The student who owns the question. */
  studentId: idSchema,
  /** The question in the student's words. */
  text: textSchema(500),
  /** Skills the question is about. */
  skillIds: Type.Array(idSchema, { maxItems: 20 }),
  /** Framing: a disease picture or lifestyle, with a free label such as "COPD". */
  theme: Type.Optional(
    Type.Object({
      kind: Type.Union(THEME_KINDS.map((kind) => Type.Literal(kind))),
      label: Type.String({ maxLength: 80 }),
    }),
  ),
  /** Where the question is in the lifecycle. */
  status: Type.Union(QUESTION_STATUSES.map((status) => Type.Literal(status))),
  /** A short note per step: what I found, what a fellow student said. */
  notes: Type.Optional(
    Type.Object({
      observed: Type.Optional(textSchema(1000)),
      'looked-up': Type.Optional(textSchema(1000)),
      'asked-peers': Type.Optional(textSchema(1000)),
      'asked-professional': Type.Optional(textSchema(1000)),
      answered: Type.Optional(textSchema(1000)),
    }),
  ),
  /** Whom the student asked for help and when, oldest first; matching uses it to spread the load. */
  asked: Type.Optional(Type.Array(Type.Object({ personId: idSchema, at: timestampSchema }), { maxItems: 50 })),
  /** The answer or insight, once answered. */
  answer: Type.Optional(textSchema(2000)),
  /** Who helped answer it. */
  helperId: Type.Optional(idSchema),
  /** When it was written. */
  createdAt: timestampSchema,
  /** When it last changed status. */
  updatedAt: Type.Optional(timestampSchema),
});

export type LearningQuestionRecord = Static<typeof learningQuestionSchema>;
export type LearningQuestion = LearningQuestionRecord & { id: string };
