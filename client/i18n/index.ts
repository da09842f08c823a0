import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { nl } from './nl.ts';
import { en } from './en.ts';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, pickLanguage, type Language } from './language.ts';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Private mode or blocked storage: fall back to the default rather than fail to start.
    return null;
  }
}

export function initI18n() {
  const lng = pickLanguage(window.location.search, readStoredLanguage());
  document.documentElement.lang = lng;
  // Resources are bundled, so init is synchronous and the first render is already translated.
  void i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}

export function setLanguage(language: Language) {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered; the switch still works for this visit.
  }
}
