import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/language.ts';
import { setLanguage } from '../i18n/index.ts';

export const LanguageSwitch = memo(function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          title={t(`language.${language}Name`)}
          onClick={() => setLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
});
