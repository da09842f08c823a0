import { useState } from 'react';
import type { ScreenRect } from './CardRenameField.tsx';

interface Props {
  label: string;
  initial: string;
  placeholder: string;
  maxLength: number;
  rect: ScreenRect;
  fontSize: number;
  onCommit(value: string): void;
  onCancel(): void;
}

/**
 * A text area laid over a question or reaction card, for longer text. Enter saves,
 * Shift+Enter starts a new line, Escape cancels; clicking elsewhere saves.
 */
export function TextEditField({ label, initial, placeholder, maxLength, rect, fontSize, onCommit, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  const [done, setDone] = useState(false);
  const finish = (commit: boolean) => {
    if (done) return;
    setDone(true);
    if (commit) onCommit(value);
    else onCancel();
  };
  return (
    <textarea
      className="card-text-edit"
      aria-label={label}
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
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          finish(true);
        } else if (e.key === 'Escape') finish(false);
      }}
    />
  );
}
