import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board } from '../../shared/docSchema.ts';
import { nominationEvents } from '../../shared/nominationEvents.ts';
import { useTimedList } from './useTimedList.ts';

/** One piece of session news, shown as a toast and read out by screen readers. */
export interface Announcement {
  id: string;
  text: string;
  /** For the nominee: answer right here. */
  respond?: { onAccept(): void; onDecline(): void };
}

/** How long a nomination's glow and toast stay. */
const GLOW_MS = 2200;
const TOAST_MS = 8000;
/** The nominee gets longer to answer from the toast. */
const NOMINEE_TOAST_MS = 20_000;

export interface Glow {
  key: string;
  targetId: string;
  colour: string;
}

interface Options {
  board: Board | null;
  /** Only after the first sync: the initial load is not news. */
  synced: boolean;
  meId: string | null;
  nameOf(personId: string | undefined): string;
  skillName(skillId: string): string;
  colourOf(personId: string | undefined): string | undefined;
  /** Answer a nomination for the current participant (from the toast). */
  respond(linkId: string, answer: 'accepted' | 'declined'): void;
  glowColour: string;
  acceptedColour: string;
}

/**
 * The moment the session is about: a nomination arrives (here or from a colleague) and
 * everyone sees it — a toast that screen readers announce, and a brief glow on the card.
 * Arrivals are found by diffing skill links between board snapshots.
 */
export function useNominationNews({ board, synced, meId, nameOf, skillName, colourOf, respond, glowColour, acceptedColour }: Options) {
  const { t } = useTranslation();
  const news = useTimedList<Announcement & { key: string }>(4);
  const glows = useTimedList<Glow>(8);
  const previous = useRef<Board['skillLinks'] | null>(null);
  // Read at the moment of an event; a later change of language or identity must not replay old events.
  const latest = useRef({ meId, nameOf, skillName, colourOf, respond, t });
  latest.current = { meId, nameOf, skillName, colourOf, respond, t };
  const { add: addNews, remove: removeNews } = news;
  const { add: addGlow } = glows;

  const skillLinks = board?.skillLinks;
  useEffect(() => {
    if (!skillLinks || !synced) {
      previous.current = null;
      return;
    }
    const events = nominationEvents(previous.current, skillLinks);
    previous.current = skillLinks;
    const { meId, nameOf, skillName, colourOf, t } = latest.current;
    for (const event of events) {
      const skill = skillName(event.skillId);
      const name = nameOf(event.personId);
      const by = event.nominatedBy ? nameOf(event.nominatedBy) : '';
      if (event.type === 'nominated') {
        const forMe = event.personId === meId;
        addNews(
          {
            key: `n-${event.linkId}`,
            id: `n-${event.linkId}`,
            text: by ? t('announce.nominated', { by, name, skill }) : t('announce.nominatedAnonymous', { name, skill }),
            ...(forMe
              ? { respond: { onAccept: () => latest.current.respond(event.linkId, 'accepted'), onDecline: () => latest.current.respond(event.linkId, 'declined') } }
              : {}),
          },
          forMe ? NOMINEE_TOAST_MS : TOAST_MS,
        );
        addGlow({ key: `g-${event.linkId}`, targetId: event.personId, colour: colourOf(event.nominatedBy) ?? glowColour }, GLOW_MS);
      } else {
        removeNews(`n-${event.linkId}`);
        // A "no" is not news for the whole room: only the two people it concerns hear of it.
        if (event.type === 'declined' && meId !== event.personId && meId !== event.nominatedBy) continue;
        addNews({ key: `r-${event.linkId}`, id: `r-${event.linkId}`, text: t(`announce.${event.type}`, { name, skill }) }, TOAST_MS);
        if (event.type === 'accepted') addGlow({ key: `g-${event.linkId}`, targetId: event.personId, colour: acceptedColour }, GLOW_MS);
      }
    }
  }, [skillLinks, synced, addNews, removeNews, addGlow, glowColour, acceptedColour]);

  return { news, glows };
}
