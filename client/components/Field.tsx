import { cloneElement, useId, type ReactElement } from 'react';

interface Props {
  label: string;
  /** Shown under the control; an error replaces it and marks the control invalid. */
  help?: string;
  error?: string | null;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}

/** A labelled form control. The label names only the control; help text describes it. */
export function Field({ label, help, error, children }: Props) {
  const id = useId();
  const helpId = `${id}-help`;
  const message = error ?? help;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-describedby': message ? helpId : undefined,
        'aria-invalid': error ? true : undefined,
      })}
      {message && (
        <span id={helpId} className={error ? 'field-error' : 'field-help'} role={error ? 'alert' : undefined}>
          {message}
        </span>
      )}
    </div>
  );
}
