import type { PersonKind } from '../../shared/records/person.ts';
import type { SkillCategory } from '../../shared/records/skill.ts';
import type { ThemeKind } from '../../shared/records/learningQuestion.ts';
import type { ReactionKind } from '../../shared/records/reaction.ts';

/** Ten accents, picked to stay apart from each other and to carry a white icon (contrast ≥ 4.5:1). */
export const PERSON_ACCENT: Record<PersonKind, string> = {
  'professional-team': '#2563eb',
  'professional-other': '#0e7490',
  'content-expert': '#7c3aed',
  'experience-expert': '#be185d',
  client: '#c2410c',
  'informal-caregiver': '#a16207',
  family: '#15803d',
  teacher: '#4338ca',
  student: '#a21caf',
  'learning-monitor': '#475569',
};

export interface CategoryColours {
  /** Strip, dot and text accents. */
  strong: string;
  /** Card and chip background. */
  tint: string;
}

export const CATEGORY_COLOURS: Record<SkillCategory, CategoryColours> = {
  zorgverlener: { strong: '#0369a1', tint: '#e0f2fe' },
  communicator: { strong: '#7e22ce', tint: '#f3e8ff' },
  samenwerkingspartner: { strong: '#047857', tint: '#d1fae5' },
  'reflectieve-ebp-professional': { strong: '#4338ca', tint: '#e0e7ff' },
  gezondheidsbevorderaar: { strong: '#4d7c0f', tint: '#ecfccb' },
  organisator: { strong: '#b45309', tint: '#fef3c7' },
  'professional-kwaliteitsbevorderaar': { strong: '#be185d', tint: '#fce7f3' },
  other: { strong: '#475569', tint: '#f1f5f9' },
};

/** Reserved acts (voorbehouden handelingen) share one warning red, whatever their category. */
export const RESERVED = { strong: '#b91c1c', tint: '#fee2e2' };

export const INK = '#1e293b';
export const INK_MUTED = '#475569';
export const CARD_BORDER = '#cbd5e1';
export const SELECTION = '#f59e0b';
export const DROP_HIGHLIGHT = '#16a34a';
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** Learning questions belong to students: they share the student accent, on a light tint. */
export const QUESTION_COLOURS = { strong: '#a21caf', tint: '#fdf4ff', border: '#e9a8f0' };

/** The two framings of a learning question. */
export const THEME_COLOURS: Record<ThemeKind, { strong: string; tint: string }> = {
  ziektebeeld: { strong: '#be123c', tint: '#ffe4e6' },
  levensstijl: { strong: '#0f766e', tint: '#ccfbf1' },
};

/** Sounding-board reactions: green appeals, amber appeals less, violet not thought of. */
export const REACTION_COLOURS: Record<ReactionKind, { strong: string; tint: string; border: string }> = {
  appeals: { strong: '#15803d', tint: '#f0fdf4', border: '#86efac' },
  'appeals-less': { strong: '#b45309', tint: '#fffbeb', border: '#fcd34d' },
  'not-thought-of': { strong: '#6d28d9', tint: '#f5f3ff', border: '#c4b5fd' },
};

/** Skills that students bring in, when "Van studenten" is on. */
export const STUDENT_HIGHLIGHT = '#a21caf';
/** The glow on a card when a nomination for it arrives. */
export const ARRIVAL_GLOW = '#f59e0b';
/** Peer-to-peer pair links. */
export const PAIR_LINK = '#a21caf';
