import { useMemo } from 'react';
import type { Board } from '../../shared/docSchema.ts';
import { deriveSkillIndex, type SkillIndex } from '../../shared/skillIndex.ts';

/**
 * One derived index per board snapshot. useBoard hands out the same Board object until the
 * document changes, so every panel that asks for the index of the same snapshot shares
 * one derivation, and a remote change (a nomination in another browser) gives a new one.
 */
const cache = new WeakMap<Board, SkillIndex>();

export function skillIndexOf(board: Board): SkillIndex {
  let index = cache.get(board);
  if (!index) cache.set(board, (index = deriveSkillIndex(board)));
  return index;
}

/** The skill index of the live board; null while there is no board or it is not needed. */
export function useSkillIndex(board: Board | null, enabled = true): SkillIndex | null {
  return useMemo(() => (board && enabled ? skillIndexOf(board) : null), [board, enabled]);
}
