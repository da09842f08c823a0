import { useTranslation } from 'react-i18next';
import type { Announcement } from '../hooks/useNominationNews.ts';
import { Icon } from './Icon.tsx';

/**
 * Live news of the session ("Fatima heeft Sam genomineerd voor wondzorg"), read out by
 * screen readers through a polite live region and shown as toasts for a few seconds.
 */
export function Announcements({ items, onDismiss }: { items: Announcement[]; onDismiss(id: string): void }) {
  const { t } = useTranslation();
  return (
    <div className="announcements" role="log" aria-live="polite" aria-label={t('announce.label')}>
      {items.map((item) => (
        <div key={item.id} className="announcement">
          <span className="announcement-text">{item.text}</span>
          {item.respond && (
            <span className="announcement-actions">
              <button type="button" className="button button-primary toast-accept" onClick={item.respond.onAccept}>
                {t('chip.accept')}
              </button>
              <button type="button" className="button toast-action" onClick={item.respond.onDecline}>
                {t('chip.decline')}
              </button>
            </span>
          )}
          <button type="button" className="icon-button announcement-close" aria-label={t('announce.dismiss')} onClick={() => onDismiss(item.id)}>
            <Icon name="close" size={18} />
          </button>
        </div>
      ))}
    </div>
  );
}
