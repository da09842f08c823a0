import { Type, type Static } from '@sinclair/typebox';
import { idSchema, timestampSchema } from './common.ts';

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
