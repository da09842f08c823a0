import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.tsx';
import { action } from './actions.ts';

interface Props {
  scale: number;
  onRun(actionId: string): void;
}

export const ZoomControls = memo(function ZoomControls({ scale, onRun }: Props) {
  const { t } = useTranslation();
  const percent = Math.round(scale * 100);
  const label = (id: string) => t(action(id).labelKey);
  return (
    <div className="zoom-controls" role="group" aria-label={t('toolbar.zoomLevel', { percent })}>
      <button type="button" className="icon-button" onClick={() => onRun('zoomOut')} aria-label={label('zoomOut')} title={label('zoomOut')}>
        <Icon name="minus" />
      </button>
      <span className="zoom-level" aria-hidden="true">
        {percent}%
      </span>
      <button type="button" className="icon-button" onClick={() => onRun('zoomIn')} aria-label={label('zoomIn')} title={label('zoomIn')}>
        <Icon name="plus" />
      </button>
      <button type="button" className="button button-quiet zoom-fit" onClick={() => onRun('fit')} title={label('fit')}>
        <Icon name="fit" />
        <span>{label('fit')}</span>
      </button>
    </div>
  );
});
