import { useTranslation } from 'react-i18next';
import { MessagePage } from '../components/MessagePage.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <MessagePage title={t('board.notFoundTitle')}>
      <p>{t('board.notFoundBody')}</p>
    </MessagePage>
  );
}
