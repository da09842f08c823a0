import { memo } from 'react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.tsx';
import { action, type ActionStates } from './actions.ts';

interface Props {
  /** Which panels and modes are on (see actions.ts); the same object while the answers are. */
  states: ActionStates;
  onRun(actionId: string): void;
  ref?: Ref<HTMLDivElement>;
}

/** The rail's buttons, in order: each runs the action of its id. */
const BUTTONS: Array<{ id: string; icon: IconName; className?: string }> = [
  { id: 'panel:palette', icon: 'skill' },
  { id: 'students', icon: 'student', className: 'rail-students' },
  { id: 'panel:questions', icon: 'question' },
  { id: 'panel:help', icon: 'help' },
  { id: 'panel:coverage', icon: 'grid' },
  { id: 'panel:reactions', icon: 'reaction' },
  { id: 'panel:legend', icon: 'people' },
];

/**
 * What to look at: panels (skills, learning questions, sounding board, legend) and the
 * "Van studenten" highlight. A column on the right on big screens, a scrolling row on phones.
 */
export const ViewRail = memo(function ViewRail({ states, onRun, ref }: Props) {
  const { t } = useTranslation();
  return (
    <div ref={ref} className="view-rail" role="toolbar" aria-label={t('view.label')}>
      {BUTTONS.map(({ id, icon, className }) => (
        <button key={id} type="button" className={`rail-button${className ? ` ${className}` : ''}`} aria-pressed={states.pressed(id)} onClick={() => onRun(id)}>
          <Icon name={icon} />
          <span>{t(action(id).labelKey)}</span>
        </button>
      ))}
      <button type="button" className="rail-button rail-shortcuts" onClick={() => onRun('shortcuts')} aria-keyshortcuts={action('shortcuts').kbd?.join(' ')}>
        <Icon name="keyboard" />
        <span>{t(action('shortcuts').labelKey)}</span>
      </button>
    </div>
  );
});
