import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Props {
  initial: string;
  placeholder: string;
  maxLength: number;
  rect: ScreenRect;
  fontSize: number;
  onCommit(value: string): void;
  onCancel(): void;
}

/** An HTML input laid exactly over a card's name, so editing feels like typing on the card. */
export function CardRenameField({ initial, placeholder, maxLength, rect, fontSize, onCommit, onCancel }: Props) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  // Enter and Escape end editing themselves; the blur that follows must not commit again.
  const [done, setDone] = useState(false);
  const finish = (commit: boolean) => {
    if (done) return;
    setDone(true);
    if (commit) onCommit(value);
    else onCancel();
  };
  return (
    <input
      className="card-rename"
      aria-label={t('card.renameLabel')}
      style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height, fontSize }}
      value={value}
      maxLength={maxLength}
      placeholder={placeholder}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
