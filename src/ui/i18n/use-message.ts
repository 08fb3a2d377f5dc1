/**
 * Messages composed outside the interface (see `src/analysis/messages/message.ts`), written in the
 * interface's language: the catalogue's text, with every number in the language's format.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type Message, renderMessage } from '../../analysis/messages/message';
import { isLanguage } from './index';

/** A function that writes a message in the current language (changes when the language does). */
export function useMessage(): (m: Message) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (m: Message) =>
      renderMessage(m, (key, values) => t(key, values) as string, isLanguage(language) ? language : 'en'),
    [t, language],
  );
}
