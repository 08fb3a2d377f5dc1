/**
 * Messages of the data layer (import notes, reasons a row or line was rejected, load errors) as stable codes
 * with parameters, so that each interface renders them in its own language: the app with its catalogues
 * (namespace `import-messages`), the command line and the JSON report in English. The English wording lives
 * once, in `import-messages.en.json`, which is also the app's English catalogue for these codes.
 *
 * Parameters are the user's data as it is (file and column names, quoted values, line numbers) or numbers;
 * a parameter may itself be a message (rendered in the same language) or a list of messages.
 * Plural forms follow i18next (`key_one`, `key_other`, chosen by the `count` parameter).
 */
import english from './import-messages.en.json';

/** Several messages shown as one list, joined by `separator`. */
export interface MessageList {
  list: ImportMessage[];
  separator: ', ' | '; ';
}

/** One value of a message: text or a number as it is, a nested message, or a list of them. */
export type MessageParam = string | number | ImportMessage | MessageList;

/** A message: a code (a key path in the catalogue, e.g. `note.copiesRows`) and its parameters. */
export interface ImportMessage {
  code: string;
  params?: Record<string, MessageParam>;
}

/** Parameters that are line or row numbers of the user's file: shown as written, never as formatted counts. */
export const LINE_NUMBER_PARAMS: ReadonlySet<string> = new Set(['line']);

/** The English catalogue of data-layer messages (nested objects of i18next strings). */
export const IMPORT_MESSAGES_EN: Readonly<Record<string, unknown>> = english;

/** Shorthand for a message. */
export function msg(code: string, params?: Record<string, MessageParam>): ImportMessage {
  return params ? { code, params } : { code };
}

/** True for a value shaped like an {@link ImportMessage}. */
export function isImportMessage(value: unknown): value is ImportMessage {
  return typeof value === 'object' && value !== null && typeof (value as ImportMessage).code === 'string';
}

function lookup(catalogue: Readonly<Record<string, unknown>>, path: string): unknown {
  let node: unknown = catalogue;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const englishPlural = new Intl.PluralRules('en');

/** The English template of a code (plural form chosen by `count`); throws for an unknown code. */
function englishTemplate(message: ImportMessage): string {
  const count = message.params?.count;
  if (typeof count === 'number') {
    const plural = lookup(IMPORT_MESSAGES_EN, `${message.code}_${englishPlural.select(count)}`);
    if (typeof plural === 'string') return plural;
  }
  const text = lookup(IMPORT_MESSAGES_EN, message.code);
  if (typeof text !== 'string') throw new Error(`no English text for the message code "${message.code}"`);
  return text;
}

/**
 * A message in English, numbers written as they are (the command line's and the JSON report's wording).
 * `render` writes nested messages; by default they are rendered in English too.
 */
export function renderEnglish(message: ImportMessage): string {
  return englishTemplate(message).replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
    const value = message.params?.[name];
    return value === undefined ? '' : paramText(value, renderEnglish, String);
  });
}

/** A parameter as text: nested messages through `render`, numbers through `number`. */
export function paramText(
  value: MessageParam,
  render: (m: ImportMessage) => string,
  number: (n: number) => string,
): string {
  if (typeof value === 'object' && 'list' in value) return value.list.map(render).join(value.separator);
  if (isImportMessage(value)) return render(value);
  if (typeof value === 'number') return number(value);
  return value;
}

/** Every code of the English catalogue (plural suffixes removed), for completeness checks. */
export function importMessageCodes(): string[] {
  const out = new Set<string>();
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'string') out.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ''));
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
  };
  walk(IMPORT_MESSAGES_EN, '');
  return [...out].sort();
}
