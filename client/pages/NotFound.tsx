import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Icon } from '../components/Icon.tsx';

export function NotFound() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('board.notFoundTitle')} — ${t('app.name')}`;
  }, [t]);
  return (
    <div className="center-page">
      <div className="corner-switch">
        <LanguageSwitch />
      </div>
      <main className="panel message-panel">
        <h1>{t('board.notFoundTitle')}</h1>
        <p>{t('board.notFoundBody')}</p>
        <Link href="/" className="button button-primary">
          <Icon name="back" />
          <span>{t('board.goHome')}</span>
        </Link>
      </main>
    </div>
  );
}
