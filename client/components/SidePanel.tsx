import { useId, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** For tests and styling: which panel this is. */
  name: string;
  ref?: Ref<HTMLElement>;
}

/**
 * A panel beside the board on big screens, a bottom sheet on phones. Not modal: the
 * board stays usable next to it (dragging a skill from the palette onto a card).
 */
export function SidePanel({ title, onClose, children, name, ref }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section ref={ref} className={`side-panel side-panel-${name}`} aria-labelledby={id} data-panel={name}>
      <header className="side-panel-header">
        <h2 id={id}>{title}</h2>
        <button type="button" className="icon-button" aria-label={t('view.closePanel')} title={t('view.closePanel')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      <div className="side-panel-body">{children}</div>
    </section>
  );
}
