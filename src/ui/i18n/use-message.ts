/**
 * Messages composed below the interface (see `src/analysis/messages/message.ts`: evaluation readings, import
 * notes and errors, program-file problems) written in the interface's language: the catalogue's text, with
 * every number in the language's format through the formatting module.
 */
import i18next from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { type Message, renderMessage } from '../../analysis/messages/message';
import { isLanguage, type Language } from './index';

function language(code: string): Language {
  return isLanguage(code) ? code : 'en';
}

/** A message in the active language (for code outside React components; see {@link useMessage}). */
export function messageText(m: Message): string {
  return renderMessage(m, (key, options) => i18next.t(key, options), language(i18next.language));
}

/** The message an error carries (`structured`, as import errors and catchment errors have), if any. */
function carried(error: Error): Message | null {
  const m = (error as { structured?: unknown }).structured;
  return typeof m === 'object' && m !== null && typeof (m as Message).key === 'string'
    ? (m as Message)
    : null;
}

/** An error's text in the active language when it carries a message, else its own text. */
export function errorText(error: unknown): string {
  const m = error instanceof Error ? carried(error) : null;
  if (m) return messageText(m);
  return error instanceof Error ? error.message : String(error);
}

/** A function that writes a message in the current language (changes when the language does). */
export function useMessage(): (m: Message) => string {
  const { t, i18n } = useTranslation();
  const current = i18n.language;
  return useCallback(
    (m: Message) => renderMessage(m, (key, options) => t(key, options) as string, language(current)),
    [t, current],
  );
}
