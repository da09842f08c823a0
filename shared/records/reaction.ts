import { Type, type Static } from '@sinclair/typebox';
import { idSchema, textSchema, timestampSchema } from './common.ts';

/** Sounding-board reactions: spreekt aan · spreekt minder aan · niet aan gedacht. */
export const REACTION_KINDS = ['appeals', 'appeals-less', 'not-thought-of'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** Longest sounding-board reaction. */
export const REACTION_TEXT_MAX = 500;

export const reactionSchema = Type.Object({
  /** Which of the three sounding-board reactions this is. */
  kind: Type.Union(REACTION_KINDS.map((kind) => Type.Literal(kind))),
  /** What the reaction says. */
  text: textSchema(REACTION_TEXT_MAX),
  /** Who placed it, when known. */
  authorId: Type.Optional(idSchema),
  /** When. */
  createdAt: timestampSchema,
});

export type ReactionRecord = Static<typeof reactionSchema>;
export type Reaction = ReactionRecord & { id: string };
