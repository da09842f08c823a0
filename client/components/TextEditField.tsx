import { useState, type ChangeEvent, type FocusEvent, type KeyboardEvent } from 'react';

export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Props {
  label: string;
  initial: string;
  placeholder: string;
  maxLength: number;
  rect: ScreenRect;
  fontSize: number;
  /** A text area for a question's or reaction's text (Shift+Enter starts a new line); one line for a name. */
  multiline?: boolean;
  onCommit(value: string): void;
  onCancel(): void;
}

type EditorElement = HTMLInputElement | HTMLTextAreaElement;

/**
 * A field laid exactly over a card's text, so editing feels like typing on the card.
 * Enter saves, Escape cancels; clicking elsewhere saves.
 */
export function TextEditField({ label, initial, placeholder, maxLength, rect, fontSize, multiline = true, onCommit, onCancel }: Props) {
  const [value, setValue] = useState(initial);
  // Enter and Escape end editing themselves; the blur that follows must not commit again.
  const [done, setDone] = useState(false);
  const finish = (commit: boolean) => {
    if (done) return;
    setDone(true);
    if (commit) onCommit(value);
    else onCancel();
  };
  const field = {
    className: multiline ? 'card-text-edit' : 'card-rename',
    'aria-label': label,
    style: { left: rect.left, top: rect.top, width: rect.width, height: rect.height, fontSize },
    value,
    maxLength,
    placeholder,
    autoFocus: true,
    onFocus: (e: FocusEvent<EditorElement>) => e.currentTarget.select(),
    onChange: (e: ChangeEvent<EditorElement>) => setValue(e.target.value),
    onBlur: () => finish(true),
    onKeyDown: (e: KeyboardEvent<EditorElement>) => {
      // The board's shortcuts (Delete, arrows, letters) must not act while typing.
      e.stopPropagation();
      if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        finish(true);
      } else if (e.key === 'Escape') finish(false);
    },
  };
  return multiline ? <textarea {...field} /> : <input {...field} />;
}
