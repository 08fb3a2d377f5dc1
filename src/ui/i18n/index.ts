/**
 * The interface's languages: English and Spanish, with i18next. Text lives in one catalogue per panel and
 * language (`locales/<language>/<namespace>.json`); numbers and dates are written by the formatting module
 * (`count-format.ts`), whose display locale follows the language chosen here.
 *
 * The language comes from the link (`lang=es`), else from the last choice on this computer (localStorage),
 * else English. Choosing a language remembers it and sets the page's `lang` attribute.
 */
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { FORMAT_LOCALES, type FormatLocale, setFormatLocale } from '../../analysis/privacy/count-format';

/** A language of the interface (the same codes as the formatting module's locales). */
export type Language = FormatLocale;

/** Every language of the interface, English first. */
export const LANGUAGES: readonly Language[] = FORMAT_LOCALES;

/** Where the chosen language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'cvi-atlas.language';

const files = import.meta.glob<Record<string, unknown>>(
  // Text composed below the interface (evaluation readings, import notes and errors) keeps its catalogues
  // beside its messages, so the command line writes them in English from the same files.
  ['./locales/*/*.json', '../../analysis/messages/locales/*/*.json'],
  { eager: true, import: 'default' },
);

/** The catalogues as i18next resources: language → namespace → keys. */
export function catalogues(): Resource {
  const resources: Resource = {};
  for (const [path, keys] of Object.entries(files)) {
    const match = /\/locales\/([a-z]+)\/([a-z-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language]![namespace] = keys as Record<string, string>;
  }
  return resources;
}

/** True for a supported language code. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language to start in: the link's `lang`, else the remembered choice, else English. */
export function initialLanguage(search: string, stored: string | null): Language {
  const fromLink = new URLSearchParams(search).get('lang');
  if (isLanguage(fromLink)) return fromLink;
  if (isLanguage(stored)) return stored;
  return 'en';
}

function readStored(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Starts i18next in `language` (synchronously: the catalogues are bundled). */
export function initI18n(language: Language): typeof i18next {
  setFormatLocale(language);
  void i18next.use(initReactI18next).init({
    resources: catalogues(),
    lng: language,
    fallbackLng: false,
    ns: Object.keys(catalogues().en ?? {}),
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return i18next;
}

/** Switches the interface to `language`, remembers it and sets the page's `lang` (the link follows in App). */
export function setLanguage(language: Language): void {
  setFormatLocale(language);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private windows); the choice then lasts for this page only.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** Starts the interface in the language of the link or the remembered one. */
export function initI18nFromPage(): typeof i18next {
  return initI18n(initialLanguage(globalThis.location?.search ?? '', readStored()));
}
