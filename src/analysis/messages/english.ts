/**
 * Messages written in English from the English catalogue, for the command line, JSON reports and the English
 * text an error carries (the interface writes the same messages in the reader's language through its own
 * i18next instance, from the same catalogues).
 */
import i18next from 'i18next';
import data from './locales/en/data.json';
import estimate from './locales/en/estimate.json';
import failure from './locales/en/failure.json';
import guardrail from './locales/en/guardrail.json';
import knox from './locales/en/knox.json';
import panel from './locales/en/panel.json';
import population from './locales/en/population.json';
import programfile from './locales/en/programfile.json';
import reading from './locales/en/reading.json';
import { type Message, renderMessage } from './message';

/** The English catalogues of the messages, by namespace. */
export const ENGLISH_MESSAGES = {
  reading,
  guardrail,
  panel,
  estimate,
  data,
  population,
  knox,
  programfile,
  failure,
};

const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources: { en: ENGLISH_MESSAGES },
  fallbackLng: false,
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A message in English. */
export function englishText(m: Message): string {
  return renderMessage(m, (key, options) => english.t(key, options), 'en');
}
