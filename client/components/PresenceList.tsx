import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/session.ts';
import { initials } from '../storage/identity.ts';

export interface PresenceEntry {
  key: string;
  name: string;
  colour: string;
  isMe: boolean;
  /** The tab's awareness id: clicking the entry follows that tab's view. */
  clientId?: number;
  role?: Role | null;
}

const SHOWN = 5;

/**
 * Who is on the board right now, as avatars in each participant's colour: the current
 * participant first, then the others (one entry per person, however many tabs).
 */
export function PresenceList({ entries, following = null, onFollow }: { entries: PresenceEntry[]; following?: number | null; onFollow?(clientId: number): void }) {
  const { t } = useTranslation();
  const shown = entries.slice(0, SHOWN);
  const hidden = entries.length - shown.length;
  return (
    <ul className="presence-list" aria-label={t('presence.label')}>
      {shown.map((entry) => {
        const label = entry.isMe ? `${entry.name} (${t('presence.you')})` : entry.name;
        const fullLabel = entry.role ? `${label} · ${t(`access.role.${entry.role}`)}` : label;
        if (onFollow && entry.clientId !== undefined && !entry.isMe) {
          const clientId = entry.clientId;
          const active = following === clientId;
          return (
            <li key={entry.key} className="presence-item">
              <button
                type="button"
                className={`presence-entry presence-follow${active ? ' is-following' : ''}`}
                title={t('session.follow', { name: fullLabel })}
                aria-pressed={active}
                style={{ background: entry.colour }}
                onClick={() => onFollow(clientId)}
              >
                <span aria-hidden="true">{initials(entry.name)}</span>
                <span className="sr-only">{t('session.follow', { name: fullLabel })}</span>
              </button>
            </li>
          );
        }
        return (
          <li key={entry.key} className="presence-entry" title={fullLabel} style={{ background: entry.colour }}>
            <span aria-hidden="true">{initials(entry.name)}</span>
            <span className="sr-only">{fullLabel}</span>
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
