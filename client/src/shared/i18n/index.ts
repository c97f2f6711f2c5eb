import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'ka.language';

/** German ships with the app; English is loaded when someone switches to it (it is not in the initial bundle). */
async function loadLanguage(language: string): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { en } = await import('./en');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

/** The URL parameter that carries the language (`?lang=en`), so a shared link opens in the language it was made in. */
export const LANGUAGE_PARAMETER = 'lang';

/** The language a URL asks for, or null when it names none (or one the app does not have). */
export function languageOf(search: string | URLSearchParams): Language | null {
  const value = (typeof search === 'string' ? new URLSearchParams(search) : search).get(LANGUAGE_PARAMETER);
  return value === 'en' || value === 'de' ? value : null;
}

/**
 * A link target in `language`: English adds `lang=en`, German (the default) drops the parameter, so every internal
 * link keeps the language it was followed in. Paths without a query and `?…`-only targets both work.
 */
export function withLanguage(to: string, language: string): string {
  const hashAt = to.indexOf('#');
  const hash = hashAt >= 0 ? to.slice(hashAt) : '';
  const beforeHash = hashAt >= 0 ? to.slice(0, hashAt) : to;
  const queryAt = beforeHash.indexOf('?');
  const path = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = new URLSearchParams(queryAt >= 0 ? beforeHash.slice(queryAt + 1) : '');
  if (language === 'en') query.set(LANGUAGE_PARAMETER, 'en');
  else query.delete(LANGUAGE_PARAMETER);
  const text = query.toString();
  return `${path}${text ? `?${text}` : ''}${hash}`;
}

function storedLanguage(): Language {
  // The address wins over the last choice: a link shared in English opens in English.
  const fromUrl = typeof location !== 'undefined' ? languageOf(location.search) : null;
  if (fromUrl) {
    // Remembered as the choice too: the next address without a language keeps it.
    localStorage.setItem(STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'de';
}

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de } },
  lng: 'de',
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  localStorage.setItem(STORAGE_KEY, lng);
});
document.documentElement.lang = 'de';
if (storedLanguage() === 'en') void changeLanguage('en');

export { i18n };
