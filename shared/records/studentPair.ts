import { Type, type Static } from '@sinclair/typebox';
import { idSchema, timestampSchema } from './common.ts';

export const studentPairSchema = Type.Object({
  /** The two students who talk about their learning questions together. */
  studentIds: Type.Tuple([idSchema, idSchema]),
  /** When they were paired. */
  createdAt: timestampSchema,
  /** Who paired them, when known. */
  createdBy: Type.Optional(idSchema),
});

export type StudentPairRecord = Static<typeof studentPairSchema>;
export type StudentPair = StudentPairRecord & { id: string };
