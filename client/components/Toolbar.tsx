import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon.tsx';

interface Props {
  editable: boolean;
  hasSelection: boolean;
  onAddPerson(): void;
  onAddSkill(): void;
  onRename(): void;
  onDelete(): void;
  ref?: Ref<HTMLDivElement>;
}

export function Toolbar({ editable, hasSelection, onAddPerson, onAddSkill, onRename, onDelete, ref }: Props) {
  const { t } = useTranslation();
  return (
    <div ref={ref} className="toolbar" role="toolbar" aria-label={t('app.name')}>
      <button type="button" className="button button-primary" disabled={!editable} onClick={onAddPerson}>
        <Icon name="person" />
        <span>{t('toolbar.addPerson')}</span>
      </button>
      <button type="button" className="button button-primary" disabled={!editable} onClick={onAddSkill}>
        <Icon name="skill" />
        <span>{t('toolbar.addSkill')}</span>
      </button>
      {hasSelection && editable && (
        <>
          <button type="button" className="button" onClick={onRename}>
            <Icon name="pencil" />
            <span>{t('toolbar.rename')}</span>
          </button>
          <button type="button" className="button button-danger" onClick={onDelete}>
            <Icon name="trash" />
            <span>{t('toolbar.delete')}</span>
          </button>
        </>
      )}
    </div>
  );
}
