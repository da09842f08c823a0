import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.tsx';

interface Props {
  scale: number;
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
}

export const ZoomControls = memo(function ZoomControls({ scale, onZoomIn, onZoomOut, onFit }: Props) {
  const { t } = useTranslation();
  const percent = Math.round(scale * 100);
  return (
    <div className="zoom-controls" role="group" aria-label={t('toolbar.zoomLevel', { percent })}>
      <button type="button" className="icon-button" onClick={onZoomOut} aria-label={t('toolbar.zoomOut')} title={t('toolbar.zoomOut')}>
        <Icon name="minus" />
      </button>
      <span className="zoom-level" aria-hidden="true">
        {percent}%
      </span>
      <button type="button" className="icon-button" onClick={onZoomIn} aria-label={t('toolbar.zoomIn')} title={t('toolbar.zoomIn')}>
        <Icon name="plus" />
      </button>
      <button type="button" className="button button-quiet zoom-fit" onClick={onFit} title={t('toolbar.fit')}>
        <Icon name="fit" />
        <span>{t('toolbar.fit')}</span>
      </button>
    </div>
  );
});
