/**
 * Messages: text composed outside the interface (the plain-language reading of an evaluation, its
 * guardrails) as a stable key and its values, so the interface writes it in the reader's language and the
 * command line in English, from one catalogue per language (`locales/<language>/<namespace>.json`).
 *
 * A value is plain text, an integer count, a number with how to write it (written by the formatting
 * module in the rendering locale, so a Spanish reading has decimal commas), a count noun, a nested message,
 * a clause (a nested sentence written in lower case without its final period, to sit inside another) or a
 * list. Messages are plain data: they cross a worker boundary and print as JSON.
 */
import {
  type CountUnit,
  type FormatLocale,
  formatCi,
  formatDecimal,
  formatPercentChange,
  formatPValue,
  formatRatio,
  formatShare,
  unitNoun,
} from '../privacy/count-format';

/** A number and how to write it. */
export type NumberValue =
  | { num: number; as: 'decimal' | 'ratio' | 'percentChange' | 'signed' | 'share'; digits?: number }
  | { num: number; as: 'pValue' }
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

/** Looks a key up in one language's catalogue and interpolates already-written values (i18next's `t`). */
export type Translate = (key: string, values: Record<string, string | number>) => string;

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

/** Writes one value in `locale`. */
function value(v: MessageValue, t: Translate, locale: FormatLocale): string | number {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (isMessage(v)) return renderMessage(v, t, locale);
  if ('noun' in v) return unitNoun(v.noun, { locale });
  if ('clause' in v) {
    const text = renderMessage(v.clause, t, locale);
    return text.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase()).replace(/\.$/, '');
  }
  if ('list' in v) {
    const items = v.list.map((x) => String(value(x, t, locale)));
    if (v.join === 'semicolonAnd') return items.join(`; ${t('reading:and', {})} `);
    if (v.join !== 'and') return items.join(v.join);
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} ${t('reading:and', {})} ${items[items.length - 1]}`;
  }
  return number(v, locale);
}

/** Writes a message with `t` (one language's catalogue) and numbers in `locale`. */
export function renderMessage(m: Message, t: Translate, locale: FormatLocale): string {
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.values ?? {})) values[k] = value(v, t, locale);
  return t(m.key, values);
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
