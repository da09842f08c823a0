import { Type, type Static } from '@sinclair/typebox';

const coordinate = Type.Number({ minimum: -1_000_000, maximum: 1_000_000 });

/**
 * Where a card stands on the canvas. Kept in its own map, apart from the card's
 * content, so that a move (the most frequent edit) never overwrites a concurrent
 * rename, and stays a tiny update.
 */
export const positionSchema = Type.Object({
  /** Left edge in board units. */
  x: coordinate,
  /** Top edge in board units. */
  y: coordinate,
});

export type Position = Static<typeof positionSchema>;
