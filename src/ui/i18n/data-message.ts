/**
 * The data layer's messages (import notes, reasons for rejected lines, load errors; see
 * `data/import-messages.ts`) in the interface's language: counts and sizes through the formatting module,
 * line numbers and the user's own text as they are.
 */
import i18next from 'i18next';
import { formatCount } from '../../analysis/privacy/count-format';
import { type ImportMessage, LINE_NUMBER_PARAMS, paramText } from '../../data/import-messages';
import { ImportError } from '../../data/loaders/sniff';

/** One data-layer message in the active language. */
export function dataMessage(message: ImportMessage): string {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    values[name] = paramText(value, dataMessage, (n) =>
      LINE_NUMBER_PARAMS.has(name) ? String(n) : formatCount(n),
    );
  }
  const count = message.params?.count;
  // `count` chooses the plural form; `replace` holds the texts written into the message.
  return i18next.t(`import-messages:${message.code}`, {
    ...(typeof count === 'number' ? { count } : {}),
    replace: values,
  });
}

/** An error's text in the active language when it carries a message code, else its own text. */
export function errorText(error: unknown): string {
  if (error instanceof ImportError && error.structured) return dataMessage(error.structured);
  return error instanceof Error ? error.message : String(error);
}
