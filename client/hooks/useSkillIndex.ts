import { useMemo } from 'react';
import type { Board } from '../../shared/docSchema.ts';
import { deriveSkillIndex, type SkillIndex } from '../../shared/skillIndex.ts';

type IndexInputs = Pick<Board, 'people' | 'skills' | 'skillLinks' | 'endorsements'>;

/**
 * One derived index per version of the records it is made of. useBoard keeps a list the
 * same object until something in it changes, so every panel that asks shares one
 * derivation, a remote nomination gives a new one, and a card being moved around does not.
 */
const cache = new WeakMap<Board['skillLinks'], { inputs: IndexInputs; index: SkillIndex }>();

export function skillIndexOf(board: IndexInputs): SkillIndex {
  const hit = cache.get(board.skillLinks);
  if (hit && hit.inputs.people === board.people && hit.inputs.skills === board.skills && hit.inputs.endorsements === board.endorsements) return hit.index;
  const index = deriveSkillIndex(board);
  cache.set(board.skillLinks, { inputs: { people: board.people, skills: board.skills, skillLinks: board.skillLinks, endorsements: board.endorsements }, index });
  return index;
}

/** The skill index of the live board; null while there is no board or it is not needed. */
export function useSkillIndex(board: Board | null, enabled = true): SkillIndex | null {
  const people = board?.people;
  const skills = board?.skills;
  const skillLinks = board?.skillLinks;
  const endorsements = board?.endorsements;
  return useMemo(
    () => (people && skills && skillLinks && endorsements && enabled ? skillIndexOf({ people, skills, skillLinks, endorsements }) : null),
    [people, skills, skillLinks, endorsements, enabled],
  );
}
