import { useTranslation } from 'react-i18next';
import { initials } from '../identity.ts';

export interface PresenceEntry {
  key: string;
  name: string;
  colour: string;
  isMe: boolean;
}

const SHOWN = 5;

/**
 * Who is on the board right now, as avatars in each participant's colour: the current
 * participant first, then the others (one entry per person, however many tabs).
 */
export function PresenceList({ entries }: { entries: PresenceEntry[] }) {
  const { t } = useTranslation();
  const shown = entries.slice(0, SHOWN);
  const hidden = entries.length - shown.length;
  return (
    <ul className="presence-list" aria-label={t('presence.label')}>
      {shown.map((entry) => {
        const label = entry.isMe ? `${entry.name} (${t('presence.you')})` : entry.name;
        return (
          <li key={entry.key} className="presence-entry" title={label} style={{ background: entry.colour }}>
            <span aria-hidden="true">{initials(entry.name)}</span>
            <span className="sr-only">{label}</span>
          </li>
        );
      })}
      {hidden > 0 && (
        <li className="presence-entry presence-more" title={entries.slice(SHOWN).map((e) => e.name).join(', ')}>
          <span aria-hidden="true">+{hidden}</span>
          <span className="sr-only">{t('presence.more', { count: hidden })}: {entries.slice(SHOWN).map((e) => e.name).join(', ')}</span>
        </li>
      )}
    </ul>
  );
}
