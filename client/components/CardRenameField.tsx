import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { TextEditField } from './TextEditField.tsx';

/** A card's name, edited in place on one line. */
export function CardRenameField(props: Omit<ComponentProps<typeof TextEditField>, 'label' | 'multiline'>) {
  const { t } = useTranslation();
  return <TextEditField {...props} label={t('card.renameLabel')} multiline={false} />;
}
