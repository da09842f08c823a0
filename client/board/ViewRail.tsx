import { memo } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.tsx';

export type PanelName = 'palette' | 'questions' | 'help' | 'coverage' | 'reactions' | 'legend';

interface Props {
  panel: PanelName | null;
  studentsOn: boolean;
  onPanel(panel: PanelName): void;
  onStudents(): void;
  onShortcuts(): void;
  ref?: Ref<HTMLDivElement>;
}

const PANELS: Array<{ name: PanelName; icon: IconName }> = [
  { name: 'palette', icon: 'skill' },
  { name: 'questions', icon: 'question' },
  { name: 'help', icon: 'help' },
  { name: 'coverage', icon: 'grid' },
  { name: 'reactions', icon: 'reaction' },
  { name: 'legend', icon: 'people' },
];

/**
 * What to look at: panels (skills, learning questions, sounding board, legend) and the
 * "Van studenten" highlight. A column on the right on big screens, a scrolling row on phones.
 */
export const ViewRail = memo(function ViewRail({ panel, studentsOn, onPanel, onStudents, onShortcuts, ref }: Props) {
  const { t } = useTranslation();
  return (
    <div ref={ref} className="view-rail" role="toolbar" aria-label={t('view.label')}>
      {PANELS.slice(0, 1).map(({ name, icon }) => (
        <button key={name} type="button" className="rail-button" aria-pressed={panel === name} onClick={() => onPanel(name)}>
          <Icon name={icon} />
          <span>{t(`view.${name}`)}</span>
        </button>
      ))}
      <button type="button" className="rail-button rail-students" aria-pressed={studentsOn} onClick={onStudents}>
        <Icon name="student" />
        <span>{t('view.students')}</span>
      </button>
      {PANELS.slice(1).map(({ name, icon }) => (
        <button key={name} type="button" className="rail-button" aria-pressed={panel === name} onClick={() => onPanel(name)}>
          <Icon name={icon} />
          <span>{t(`view.${name}`)}</span>
        </button>
      ))}
      <button type="button" className="rail-button rail-shortcuts" onClick={onShortcuts} aria-keyshortcuts="?">
        <Icon name="keyboard" />
        <span>{t('view.shortcuts')}</span>
      </button>
    </div>
  );
});
