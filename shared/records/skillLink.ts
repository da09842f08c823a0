import { Type, type Static } from '@sinclair/typebox';
import { idSchema, timestampSchema } from './common.ts';
import type { Skill } from './skill.ts';

/** The self-assessment scale, in the order of growing confidence. */
export const SKILL_LEVELS = ['learning', 'can-do', 'can-explain', 'ask-me'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const LINK_SOURCES = ['self', 'nomination'] as const;
export type LinkSource = (typeof LINK_SOURCES)[number];

export const NOMINATION_RESPONSES = ['pending', 'accepted', 'declined'] as const;
export type NominationResponse = (typeof NOMINATION_RESPONSES)[number];

export const skillLinkSchema = Type.Object({
  /** The person who has (or is said to have) the skill. */
  personId: idSchema,
  /** The skill. */
  skillId: idSchema,
  /** "self": the person claims it; "nomination": a colleague says this person is good at it. */
  source: Type.Union(LINK_SOURCES.map((source) => Type.Literal(source))),
  /** Self-assessed level; absent until the person states one. */
  level: Type.Optional(Type.Union(SKILL_LEVELS.map((level) => Type.Literal(level)))),
  /** For reserved acts: the person confirmed being both authorised and competent (bevoegd én bekwaam). */
  authorisedAndCompetent: Type.Optional(Type.Boolean()),
  /** For nominations: the colleague who nominated. */
  nominatedBy: Type.Optional(idSchema),
  /** For nominations: the nominee's answer. */
  response: Type.Optional(Type.Union(NOMINATION_RESPONSES.map((response) => Type.Literal(response)))),
  /** When the link was made. */
  createdAt: timestampSchema,
  /** The person who made the link, when known. */
  createdBy: Type.Optional(idSchema),
});

export type SkillLinkRecord = Static<typeof skillLinkSchema>;
export type SkillLink = SkillLinkRecord & { id: string };

/**
 * The level that counts for matching and display. A reserved act without the
 * authorised-and-competent confirmation counts as "still learning", whatever level
 * the person chose: the law, not the self-assessment, decides who may do it.
 */
export function effectiveLevel(link: Pick<SkillLink, 'level' | 'authorisedAndCompetent'>, skill: Pick<Skill, 'reservedAct'>): SkillLevel | undefined {
  if (skill.reservedAct && link.authorisedAndCompetent !== true) return link.level ? 'learning' : undefined;
  return link.level;
}

/**
 * A nomination still speaks for the nominee unless they declined it: a pending one is
 * shown and counted from the moment it is made. A missing response is pending (older
 * records, and self links, have none).
 */
export const isActiveNomination = (nomination: { response?: NominationResponse }) => nomination.response !== 'declined';

/** The nominations that count: every one the nominee did not decline. */
export const activeNominations = <N extends { response?: NominationResponse }>(nominations: readonly N[]): N[] => nominations.filter(isActiveNomination);
