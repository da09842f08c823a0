import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  submitLabel: string;
  /** The quiet "Annuleren" before the submit button; left out where the form is closed another way. */
  onCancel?(): void;
  submitDisabled?: boolean;
  /** Goes first, apart from cancel and submit: e.g. a destructive "remove". */
  children?: ReactNode;
}

/** The row that ends a form: cancel, then the primary submit button on the right. */
export function FormActions({ submitLabel, onCancel, submitDisabled, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      {children}
      {onCancel && (
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      )}
      <button type="submit" className="button button-primary" disabled={submitDisabled}>
        {submitLabel}
      </button>
    </div>
  );
}
