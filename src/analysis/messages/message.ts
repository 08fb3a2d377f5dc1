/**
 * Messages: text composed below the interface (an evaluation's reading and guardrails, import notes and
 * errors, the reasons a line was rejected, validation of a program file) as a stable key and its values, so
 * the interface writes it in the reader's language and the command line in English, from one catalogue per
 * language and namespace (`locales/<language>/<namespace>.json`; the key is `namespace:path`).
 *
 * A value is plain text (the user's own data, line numbers: written as it is), a count (a whole number,
 * written by the formatting module with the locale's digit grouping), a number with how to write it, a count
 * noun, a nested message, a clause (a nested sentence written in lower case without its final period, to sit
 * inside another) or a list. A `count` value also chooses the plural form (`key_one`, `key_other`). Messages
 * are plain data: they cross a worker boundary, are kept with the data and print as JSON.
 */
import {
  type CountUnit,
  type FormatLocale,
  formatBytes,
  formatCi,
  formatCount,
  formatDecimal,
  formatPercentChange,
  formatPValue,
  formatRatio,
  formatShare,
  formatSignificant,
  formatUpTo,
  unitNoun,
} from '../privacy/count-format';

/** A number and how to write it. */
export type NumberValue =
  | {
      num: number;
      as: 'decimal' | 'upTo' | 'significant' | 'ratio' | 'percentChange' | 'signed' | 'share';
      digits?: number;
    }
  | { num: number; as: 'pValue' | 'bytes' }
  | { ci: [number, number]; digits?: number };

/** How a list is joined: "a, b and c", "a; and b", or a fixed separator. */
export type ListJoin = 'and' | 'semicolonAnd' | '; ' | ', ' | ' ';

/** One value of a message. */
export type MessageValue =
  | string
  | number
  | NumberValue
  | { noun: CountUnit }
  | { clause: Message }
  | { list: MessageValue[]; join: ListJoin }
  | Message;

/** A text to be written in the reader's language: `namespace:key` and its values. */
export interface Message {
  key: string;
  values?: Record<string, MessageValue>;
}

/**
 * Looks a key up in one language's catalogue (i18next's `t`): `count` chooses the plural form, `replace`
 * holds the values already written.
 */
export type Translate = (key: string, options: { count?: number; replace: Record<string, string> }) => string;

/** A message with its values. */
export function msg(key: string, values?: Record<string, MessageValue>): Message {
  return values ? { key, values } : { key };
}

/** Sentences written one after the other, separated by a space. */
export function sentences(parts: readonly Message[]): Message {
  return msg('reading:joined', { text: { list: [...parts], join: ' ' } });
}

function isMessage(v: object): v is Message {
  return 'key' in v;
}

function number(v: NumberValue, locale: FormatLocale): string {
  const o = { locale };
  if ('ci' in v) return formatCi(v.ci[0], v.ci[1], 0.95, v.digits ?? 2, o);
  switch (v.as) {
    case 'pValue':
      return formatPValue(v.num, o);
    case 'bytes':
      return formatBytes(v.num, o);
    case 'upTo':
      return formatUpTo(v.num, v.digits ?? 1, o);
    case 'significant':
      return formatSignificant(v.num, v.digits ?? 2, o);
    case 'ratio':
      return formatRatio(v.num, v.digits ?? 2, o);
    case 'percentChange':
      return formatPercentChange(v.num, v.digits ?? 0, o);
    case 'share':
      return formatShare(v.num, v.digits ?? 1, o);
    case 'signed':
      return `${v.num > 0 ? '+' : ''}${formatDecimal(v.num, v.digits ?? 0, o)}`;
    default:
      return formatDecimal(v.num, v.digits ?? 0, o);
  }
}

/** A plain number: a count when it is whole and not negative, else a measurement with up to 2 decimals. */
function plainNumber(n: number, locale: FormatLocale): string {
  return Number.isInteger(n) && n >= 0 ? formatCount(n, { locale }) : formatUpTo(n, 2, { locale });
}

/** Writes one value in `locale`. */
function value(v: MessageValue, t: Translate, locale: FormatLocale): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return plainNumber(v, locale);
  if (isMessage(v)) return renderMessage(v, t, locale);
  if ('noun' in v) return unitNoun(v.noun, { locale });
  if ('clause' in v) {
    const text = renderMessage(v.clause, t, locale);
    return text.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()).replace(/\.$/, '');
  }
  if ('list' in v) {
    const items = v.list.map((x) => String(value(x, t, locale)));
    if (v.join === 'semicolonAnd') return items.join(`; ${t('reading:and', { replace: {} })} `);
    if (v.join !== 'and') return items.join(v.join);
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${t('reading:and', { replace: {} })} ${items[items.length - 1]}`;
  }
  return number(v, locale);
}

/** Writes a message with `t` (one language's catalogue) and numbers in `locale`. */
export function renderMessage(m: Message, t: Translate, locale: FormatLocale): string {
  const replace: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) replace[k] = value(v, t, locale);
  const count = m.values?.count;
  return t(m.key, typeof count === 'number' ? { count, replace } : { replace });
}

/** Every key a message uses, nested ones included (for tests of the catalogues). */
export function messageKeys(m: Message): string[] {
  const out = [m.key];
  const walk = (v: MessageValue) => {
    if (typeof v !== 'object') return;
    if (isMessage(v)) out.push(...messageKeys(v));
    else if ('clause' in v) out.push(...messageKeys(v.clause));
    else if ('list' in v) {
      if (v.join === 'and' || v.join === 'semicolonAnd') out.push('reading:and');
      v.list.forEach(walk);
    }
  };
  Object.values(m.values ?? {}).forEach(walk);
  return out;
}
