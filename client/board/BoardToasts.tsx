import { useTranslation } from 'react-i18next';
import type { Announcement } from '../hooks/useNominationNews.ts';
import { Announcements } from '../components/Announcements.tsx';
import { Icon } from '../components/Icon.tsx';
import type { NoticeKind, ServerNotice } from '../hooks/serverNotices.ts';

interface Props {
  news: Announcement[];
  onDismissNews(id: string): void;
  notices: readonly ServerNotice[];
  onDismissNotice(key: NoticeKind): void;
  problem: string | null;
  deletion: { item: unknown } | null;
  /** Whether "undo" may be offered on the deletion toast. */
  editable: boolean;
  onUndoDeletion(): void;
}

/** The stack of toasts: nominations arriving, the server's notices, a failed save, a deletion with "undo". */
export function BoardToasts({ news, onDismissNews, notices, onDismissNotice, problem, deletion, editable, onUndoDeletion }: Props) {
  const { t } = useTranslation();
  return (
    <div className="toast-stack">
      <Announcements items={news} onDismiss={onDismissNews} />
      {notices.map((notice) => (
        <div key={notice.key} className="toast toast-notice" role="alert" data-notice={notice.kind}>
          <span>
            {notice.kind.startsWith('refused:') ? t(`notice.refused.${notice.kind.slice('refused:'.length)}`) : t(`notice.${notice.kind}`)}
            {notice.kind === 'board-too-large' && ` ${t('notice.freshCopy')}`}
          </span>
          <button type="button" className="icon-button toast-close" aria-label={t('notice.dismiss')} onClick={() => onDismissNotice(notice.key)}>
            <Icon name="close" size={18} />
          </button>
        </div>
      ))}
      {problem && (
        <div className="toast" role="alert">
          {problem}
        </div>
      )}
      {deletion && !problem && (
        <div className="toast" aria-live="polite">
          <span>{t('board.deleted')}</span>
          {!!deletion.item && editable && (
            <button type="button" className="button toast-action" onClick={onUndoDeletion}>
              {t('board.undo')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
