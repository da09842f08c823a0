import { Type, type Static } from '@sinclair/typebox';
import { idSchema, timestampSchema } from './common.ts';

/**
 * A colleague backing an existing nomination (+1). Keyed by `${linkId}~${personId}`
 * so that one person backing twice, even concurrently from two tabs, is one record.
 */
export const endorsementSchema = Type.Object({
  /** The nomination (skill link) being backed. */
  linkId: idSchema,
  /** The colleague who backs it. */
  personId: idSchema,
  /** When. */
  createdAt: timestampSchema,
});

export type EndorsementRecord = Static<typeof endorsementSchema>;
export type Endorsement = EndorsementRecord & { id: string };

export const endorsementId = (linkId: string, personId: string) => `${linkId}~${personId}`;
