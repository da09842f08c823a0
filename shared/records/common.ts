import { Type } from '@sinclair/typebox';
import { ID_PATTERN } from '../ids.ts';

/** A record id: generated, never derived from a name (names must stay erasable). */
export const idSchema = Type.String({ pattern: ID_PATTERN });
/** Milliseconds since the epoch. */
export const timestampSchema = Type.Number({ minimum: 0 });
/** Short single-line text such as a name or a label; its record says how long. */
export const labelSchema = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** Longer free text such as a learning question or a note; its record says how long. */
export const textSchema = (maxLength: number) => Type.String({ maxLength });
