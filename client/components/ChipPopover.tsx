import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';

interface Props {
  /** Where the chip was clicked, in the board area's CSS pixels. */
  at: { x: number; y: number };
  title: string;
  lines: string[];
  children?: ReactNode;
  onClose(): void;
}

/**
 * A small card next to a chip: what the chip means and what this participant can do with
 * it (accept, decline, back). Closes with Escape or a press outside it. A bottom sheet on phones.
 */
export function ChipPopover({ at, title, lines, children, onClose }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onCloseRef.current();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onCloseRef.current();
      }
    };
    // Registered after the click that opened it has finished.
    const timer = setTimeout(() => window.addEventListener('pointerdown', onDown, true));
    window.addEventListener('keydown', onKey, true);
    ref.current?.querySelector<HTMLElement>('button:not(.popover-close)')?.focus({ preventScroll: true });
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);

  return (
    <div ref={ref} className="chip-popover" role="dialog" aria-label={title} style={{ left: at.x, top: at.y }}>
      <header className="chip-popover-header">
        <h2>{title}</h2>
        <button type="button" className="icon-button popover-close" aria-label={t('form.close')} onClick={onClose}>
          <Icon name="close" size={20} />
        </button>
      </header>
      {lines.map((line) => (
        <p key={line} className="chip-popover-line">
          {line}
        </p>
      ))}
      {children && <div className="chip-popover-actions">{children}</div>}
    </div>
  );
}
