import type { MatchReason } from './matching.ts';
import type { SkillLevel } from './records/skillLink.ts';

export type ReasonLanguage = 'nl' | 'en';

const LEVELS: Record<ReasonLanguage, Record<SkillLevel, string>> = {
  nl: { learning: 'leert het nog', 'can-do': 'kan het', 'can-explain': 'kan het uitleggen', 'ask-me': 'hier kun je mij voor vragen' },
  en: { learning: 'still learning', 'can-do': 'can do it', 'can-explain': 'can explain it', 'ask-me': 'ask me about this' },
};

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

function describe(reason: MatchReason, lang: ReasonLanguage): string {
  switch (reason.kind) {
    case 'self':
      return lang === 'nl' ? `zelf: ${LEVELS.nl[reason.level]}` : `self: ${LEVELS.en[reason.level]}`;
    case 'nominations': {
      const text = lang === 'nl' ? `${reason.count} ${plural(reason.count, 'nominatie', 'nominaties')}` : `${reason.count} ${plural(reason.count, 'nomination', 'nominations')}`;
      return reason.backers > 0 ? `${text} (+${reason.backers})` : text;
    }
    case 'covers':
      return lang === 'nl' ? `${reason.skills} van ${reason.of} vaardigheden` : `${reason.skills} of ${reason.of} skills`;
    case 'answeredSimilar':
      return lang === 'nl'
        ? `vond ${reason.count}× het antwoord op een vergelijkbare vraag`
        : `answered a similar question ${reason.count}×`;
    case 'askedRecently':
      return lang === 'nl' ? `deze week al ${reason.count}× gevraagd` : `already asked ${reason.count}× this week`;
  }
}

/** The plain-language reason line shown beside a suggestion, e.g. "zelf: kan het uitleggen · 2 nominaties · deze week al 3× gevraagd". */
export function describeReasons(reasons: readonly MatchReason[], lang: ReasonLanguage = 'nl'): string {
  return reasons.map((reason) => describe(reason, lang)).join(' · ');
}
