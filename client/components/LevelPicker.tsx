import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SKILL_LEVELS, type SkillLevel } from '../../shared/records/skillLink.ts';
import { CheckboxField } from './CheckboxField.tsx';
import { Dialog } from './Dialog.tsx';
import { FormActions } from './FormActions.tsx';

interface Props {
  skillLabel: string;
  reserved: boolean;
  initialLevel?: SkillLevel;
  initialAuthorised?: boolean;
  onSave(level: SkillLevel, authorisedAndCompetent: boolean): void;
  /** Shown when the skill is already on the participant's card. */
  onRemove?(): void;
  onClose(): void;
}

/**
 * "How well can you do this?" — the four levels in plain words. For a reserved act the
 * person must also tick "bevoegd én bekwaam"; without it the card shows "still learning".
 */
export function LevelPicker({ skillLabel, reserved, initialLevel, initialAuthorised, onSave, onRemove, onClose }: Props) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<SkillLevel | undefined>(initialLevel);
  const [authorised, setAuthorised] = useState(initialAuthorised === true);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (level) onSave(level, reserved && authorised);
  };

  return (
    <Dialog title={t('level.title')} onClose={onClose}>
      <form className="form level-form" onSubmit={submit}>
        <p className="level-skill">{skillLabel}</p>
        <fieldset className="level-options">
          <legend className="sr-only">{t('level.title')}</legend>
          {SKILL_LEVELS.map((l) => (
            <label key={l} className="level-option">
              <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} />
              <span>{t(`skillLevel.${l}`)}</span>
            </label>
          ))}
        </fieldset>
        {reserved && (
          <div className="reserved-confirm">
            <p className="reserved-heading">{t('level.reservedHeading')}</p>
            <CheckboxField label={t('level.confirm')} help={t('level.confirmHint')} checked={authorised} onChange={setAuthorised} />
          </div>
        )}
        <FormActions submitLabel={t('level.save')} onCancel={onClose} submitDisabled={!level}>
          {onRemove && (
            <button type="button" className="button button-danger level-remove" onClick={onRemove}>
              {t('level.remove')}
            </button>
          )}
        </FormActions>
      </form>
    </Dialog>
  );
}
