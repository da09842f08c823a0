import { CARE_TEAM_SKILLS } from '../shared/templates/careTeam.ts';

const byKey = new Map(CARE_TEAM_SKILLS.map((skill) => [skill.key, skill]));

/**
 * A starter-template skill is stored with its Dutch label. Readers who chose English see
 * the English one, but only while nobody renamed it: a team's own wording always wins.
 */
export function templateSkillLabel(skill: { label: string; templateKey?: string }, language: string): string {
  const template = skill.templateKey ? byKey.get(skill.templateKey) : undefined;
  if (!template || skill.label !== template.nl) return skill.label;
  return language === 'en' ? template.en : template.nl;
}
