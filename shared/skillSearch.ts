import type { Skill } from './records/skill.ts';
import { templateSkillNames } from './templates/templateNames.ts';

/**
 * Folds text for matching what people type: case, accents (é → e, ï → i), punctuation
 * and spacing do not matter, so "Decubitus preventie" finds "decubituspreventie" only
 * through its words, and "hygiene" finds "hygiëne".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Dutch plurals and contractions ("dilemma’s", "foto's") are one word.
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const words = (text: string) => foldText(text).split(' ').filter(Boolean);

export interface SkillMatch {
  skill: Skill;
  /** Lower is better. */
  rank: number;
  /** The synonym or translation that matched, when it was not the label. */
  via?: string;
}

/**
 * Finds skills for a search box: every word typed must start a word of the label, a
 * synonym, or an extra name, or occur inside a compound word ("preventie" finds
 * "valpreventie"). Best matches first. The extra names are the template's names in both
 * languages unless told otherwise, so every search box and the server's /api/search
 * find the same skills.
 */
export function searchSkills(skills: readonly Skill[], query: string, extraNames: (skill: Skill) => string[] = templateSkillNames): SkillMatch[] {
  const wanted = words(query);
  if (wanted.length === 0) return skills.map((skill) => ({ skill, rank: 0 })).sort((a, b) => a.skill.label.localeCompare(b.skill.label, 'nl'));
  const matches: SkillMatch[] = [];
  for (const skill of skills) {
    const names: Array<[string, number]> = [
      [skill.label, 0],
      ...extraNames(skill).map((name): [string, number] => [name, 1]),
      ...(skill.synonyms ?? []).map((name): [string, number] => [name, 2]),
    ];
    let best: SkillMatch | null = null;
    for (const [name, weight] of names) {
      const rank = rankName(words(name), wanted);
      if (rank === null) continue;
      const total = weight * 10 + rank;
      if (!best || total < best.rank) best = { skill, rank: total, ...(weight > 0 ? { via: name } : {}) };
    }
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => a.rank - b.rank || a.skill.label.localeCompare(b.skill.label, 'nl'));
}

/** 0 exact, 1 every word a prefix, 2 some word only inside a compound; null when a word is missing. */
function rankName(nameWords: string[], wanted: string[]): number | null {
  if (nameWords.join(' ') === wanted.join(' ')) return 0;
  let rank = 1;
  for (const word of wanted) {
    if (nameWords.some((w) => w.startsWith(word))) continue;
    if (word.length >= 3 && nameWords.some((w) => w.includes(word))) {
      rank = 2;
      continue;
    }
    return null;
  }
  return rank;
}
