/** The language of the interface: `lang=es` (English, the default, is never written). */
import type { UrlSection } from './section';
import { URL_LANGUAGES, type UrlLanguage } from './types';

/** The interface language, so a shared link opens in the sender's language. */
export const languageSection: UrlSection = {
  scalarKeys: ['lang'],
  encode(state, params) {
    const lang = state.lang ?? 'en';
    if (!(URL_LANGUAGES as readonly string[]).includes(lang))
      throw new TypeError(`lang must be one of ${URL_LANGUAGES.join(', ')}, got ${lang}`);
    if (lang !== 'en') params.set('lang', lang);
  },
  decode({ single, reject }, state) {
    const lang = single.get('lang');
    if (lang === undefined || lang === 'en') return;
    if ((URL_LANGUAGES as readonly string[]).includes(lang)) state.lang = lang as UrlLanguage;
    else reject('lang', lang, `lang must be one of ${URL_LANGUAGES.join(', ')}`);
  },
};
