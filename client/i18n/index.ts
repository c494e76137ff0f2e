import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { GROUP_NAMES } from '../../shared/domain/groupNames';
import { isLanguage, LANGUAGES, type Language } from '../../shared/domain/languages';
import da from './da.json';
import { featureStrings } from './features';
import en from './en.json';
import kl from './kl.json';
import sv from './sv.json';

const STORAGE_KEY = 'flet:language';

/** The language a person chose last in this browser, if any. */
export function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'nb' || base === 'no') return 'da';
    if (isLanguage(base)) return base;
  }
  return 'da';
}

/** Start i18next. Swedish falls back to English, Greenlandic to Danish, where untranslated. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      da: { translation: { ...da, ...featureStrings('da'), groups: GROUP_NAMES.da } },
      en: { translation: { ...en, ...featureStrings('en'), groups: GROUP_NAMES.en } },
      sv: { translation: { ...sv, ...featureStrings('sv'), groups: GROUP_NAMES.sv } },
      kl: { translation: kl },
    },
    lng: storedLanguage() ?? browserLanguage(),
    fallbackLng: { kl: ['da'], sv: ['en'], default: ['en'] },
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

/**
 * Switch the UI language. `remember` stores a person's own choice, which then wins over the
 * workshop's language on later visits.
 */
export function setLanguage(language: Language, remember: boolean): void {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  void i18next.changeLanguage(language);
}

/** tldraw has Danish, Swedish and English; Greenlandic readers are served Danish. */
export function tldrawLocale(language: string): string {
  if (language === 'kl') return 'da';
  return isLanguage(language) ? language : 'en';
}
