import type { InputHTMLAttributes } from 'react';
import { Field } from './Field.tsx';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  label: string;
  help?: string;
  error?: string | null;
  value: string;
  onChange(value: string): void;
}

/**
 * A labelled one-line text field for something new (a name, a title): the browser offers no
 * earlier entries, which would be other people's names on a shared screen.
 */
export function TextField({ label, help, error, onChange, ...input }: Props) {
  return (
    <Field label={label} help={help} error={error}>
      <input autoComplete="off" {...input} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
