import { Type, type Static } from '@sinclair/typebox';
import { timestampSchema } from './common.ts';

export const BOARD_TITLE_MAX = 120;

export const boardMetaSchema = Type.Object({
  /** Document schema version; see docVersion.ts. */
  schemaVersion: Type.Integer({ minimum: 0 }),
  /** The board's name, shown on the home page. */
  title: Type.String({ maxLength: BOARD_TITLE_MAX }),
  /** When the board was created. */
  createdAt: timestampSchema,
});

export type BoardMeta = Static<typeof boardMetaSchema>;
