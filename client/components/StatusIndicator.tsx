import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../hooks/syncStatusStore.ts';

export const StatusIndicator = memo(function StatusIndicator({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  return (
    <div className={`status status-${status}`} role="status" aria-live="polite" data-status={status}>
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">{t(`status.${status}`)}</span>
    </div>
  );
});
