import type { Skill } from '../records/skill.ts';
import { CARE_TEAM_SKILLS } from './careTeam.ts';

const byKey = new Map(CARE_TEAM_SKILLS.map((skill) => [skill.key, skill]));
const templateOf = (skill: Pick<Skill, 'templateKey'>) => (skill.templateKey ? byKey.get(skill.templateKey) : undefined);

/**
 * A starter-template skill is stored with its Dutch label. Readers who chose English see
 * the English one, but only while nobody renamed it: a team's own wording always wins.
 */
export function templateSkillLabel(skill: Pick<Skill, 'label' | 'templateKey'>, language: string): string {
  const template = templateOf(skill);
  if (!template || skill.label !== template.nl) return skill.label;
  return language === 'en' ? template.en : template.nl;
}

/**
 * The names a template skill is also found by, in both languages, so "wound care" finds
 * wondzorg for every reader and on the server. Kept after a rename: the team may have
 * changed the wording, not the skill.
 */
export function templateSkillNames(skill: Pick<Skill, 'templateKey'>): string[] {
  const template = templateOf(skill);
  return template ? [template.nl, template.en] : [];
}
