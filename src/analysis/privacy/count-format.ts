/**
 * The single place where a number shown to a user becomes text: counts (with small-cell suppression),
 * rates, ratios, percent changes, p-values, confidence intervals, months and dates.
 *
 * Language: every function formats in a {@link FormatLocale} ('en' or 'es'), taken from its `locale` option
 * or, when that is omitted, from the display locale set with {@link setFormatLocale} (default 'en'; the
 * command line never changes it). The locale is fixed per language rather than read from the machine, so a
 * screenshot, an export and a shared link read the same everywhere: English uses en-US; Spanish uses es-US
 * (the Spanish of the United States, where the app's community meetings take place: "1,234.5", as in US
 * print, rather than the "1234,5" of Spain). The words that go with numbers ("incidents", "per 100,000 per
 * year", "CI") are translated here too, so every number on screen comes out of this module in one language.
 *
 * Small-cell suppression: a count c with 1 ≤ c < k is shown as "<k" (e.g. "<10 incidents"); 0 is shown as
 * 0, because an empty cell discloses nobody. k is the app's `suppressBelow` setting (0 = off). Anything that
 * could let a reader recover a hidden count must also go through here: a rate built on a suppressed count
 * is not shown, and {@link suppressCounts} hides a second cell of a row whose total is shown.
 *
 * Complementary suppression ({@link suppressCounts}), for one row of cells that sum to a shown total:
 * 1. primary: every cell with 1 ≤ c < k is hidden;
 * 2. if the total itself is in 1..k−1 it is hidden too (then the row needs nothing more);
 * 3. otherwise, if any cell is hidden, the smallest positive shown cell (ties: the first) is hidden as
 *    well, even when two or more cells are already hidden: the total minus the shown cells then gives only
 *    the sum of the hidden cells, one of which is ≥ k with no known upper bound. (Without it, two hidden
 *    cells of 1 and 1, or of k−1 and k−1, would be recovered from their sum.) If no such cell exists, the
 *    total is hidden instead.
 * Its limits, honestly: it protects one row against subtraction from its own total. It does not audit
 * protection intervals: a reader who knows the rule knows a complementary cell is ≥ k, so when that cell is
 * small (e.g. exactly k) the primary cell's range narrows and can collapse to one value. It knows nothing
 * of other tables: two overlapping brushes, two drawn areas that differ by one block, or a row and a column
 * total of a two-way table can still be differenced. Zero cells are never used as complements (hiding a
 * zero protects nothing). For publication-grade protection use dedicated software (e.g. τ-ARGUS, sdcTable)
 * and aggregate more coarsely.
 */

/** A language the app's numbers and dates are written in. */
export type FormatLocale = 'en' | 'es';

/** Every supported {@link FormatLocale}, English first. */
export const FORMAT_LOCALES: readonly FormatLocale[] = ['en', 'es'];

const INTL_LOCALE: Record<FormatLocale, string> = { en: 'en-US', es: 'es-US' };

/** The words this module writes next to numbers, per language. */
const WORDS: Record<
  FormatLocale,
  {
    incident: [string, string];
    victim: [string, string];
    perYear: (per: string) => string;
    notShown: (k: string) => string;
    ci: (level: string) => string;
    to: string;
    suppressed: string;
    notPublished: string;
  }
> = {
  en: {
    incident: ['incident', 'incidents'],
    victim: ['victim', 'victims'],
    perYear: (per) => `per ${per} per year`,
    notShown: (k) => `not shown (<${k})`,
    ci: (level) => `${level}% CI`,
    to: 'to',
    suppressed: 'suppressed',
    notPublished: 'not published',
  },
  es: {
    incident: ['incidente', 'incidentes'],
    victim: ['víctima', 'víctimas'],
    perYear: (per) => `por ${per} al año`,
    notShown: (k) => `no se muestra (<${k})`,
    ci: (level) => `IC ${level}%`,
    to: 'a',
    suppressed: 'oculto',
    notPublished: 'no publicado',
  },
};

let displayLocale: FormatLocale = 'en';

/** Sets the locale used when a call gives none (the app's display language). Throws on an unknown locale. */
export function setFormatLocale(locale: FormatLocale): void {
  if (!FORMAT_LOCALES.includes(locale)) throw new RangeError(`unknown locale ${String(locale)}`);
  displayLocale = locale;
}

/** The locale used when a call gives none. */
export function getFormatLocale(): FormatLocale {
  return displayLocale;
}

/** Options every formatter accepts. */
export interface LocaleOptions {
  /** Language of the text (default: the display locale, see {@link setFormatLocale}). */
  locale?: FormatLocale;
}

/** What a count counts; used for the noun ("1 victim", "12 incidents"). */
export type CountUnit = 'incidents' | 'victims';

/** Options for {@link formatCount}. */
export interface FormatCountOptions extends LocaleOptions {
  /** Noun to append; omitted means the bare number. */
  unit?: CountUnit;
  /** Show counts 1..k−1 as "<k"; 0 (default) or 1 turns suppression off. */
  suppressBelow?: number;
}

const formats = new Map<string, Intl.NumberFormat>();
function fixed(digits: number, locale: FormatLocale): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format;
}
function upTo(kind: 'fraction' | 'significant', digits: number, locale: FormatLocale): Intl.NumberFormat {
  const key = `${locale}:${kind}:${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(
      INTL_LOCALE[locale],
      kind === 'fraction' ? { maximumFractionDigits: digits } : { maximumSignificantDigits: digits },
    );
    formats.set(key, format);
  }
  return format;
}
function integer(locale: FormatLocale): Intl.NumberFormat {
  return fixed(0, locale);
}
function resolve(locale: FormatLocale | undefined): FormatLocale {
  return locale ?? displayLocale;
}

function checkK(k: number): void {
  if (!(Number.isInteger(k) && k >= 0))
    throw new RangeError(`suppressBelow must be a whole number ≥ 0, got ${k}`);
}

function checkDigits(digits: number): void {
  if (!(Number.isInteger(digits) && digits >= 0 && digits <= 10)) {
    throw new RangeError(`digits must be a whole number from 0 to 10, got ${digits}`);
  }
}

function noun(unit: CountUnit, singular: boolean, locale: FormatLocale): string {
  const words = WORDS[locale][unit === 'victims' ? 'victim' : 'incident'];
  return singular ? words[0] : words[1];
}

/** The noun of a unit in a language, without a number: "incidents", "víctimas". */
export function unitNoun(unit: CountUnit, options: LocaleOptions & { singular?: boolean } = {}): string {
  return noun(unit, options.singular ?? false, resolve(options.locale));
}

/** True when a count is hidden under threshold k (1 ≤ value < k). */
export function isSuppressed(value: number, k: number): boolean {
  return k > 1 && value >= 1 && value < k;
}

/**
 * A count as text: "1,234 incidents", "1 victim", "0 incidents", or "<10 incidents" when suppression is on
 * and 1 ≤ value < suppressBelow. Non-finite values give "—" (not available). Throws RangeError for negative
 * or fractional counts (use {@link formatRate} for averages).
 */
export function formatCount(value: number, options: FormatCountOptions = {}): string {
  const k = options.suppressBelow ?? 0;
  checkK(k);
  if (!Number.isFinite(value)) return '—';
  if (!(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`a count must be a whole number ≥ 0, got ${value}`);
  }
  const locale = resolve(options.locale);
  const suppressed = isSuppressed(value, k);
  const text = suppressed ? `<${integer(locale).format(k)}` : integer(locale).format(value);
  if (options.unit === undefined) return text;
  return `${text} ${noun(options.unit, !suppressed && value === 1, locale)}`;
}

/** Options for {@link formatRate}. */
export interface FormatRateOptions extends LocaleOptions {
  /** Rate denominator in residents (default 100,000). */
  per?: number;
  /** Decimals (default 1). */
  digits?: number;
  /** The count the rate is built on; with `suppressBelow`, a rate on a suppressed count is not shown. */
  count?: number;
  /** Suppression threshold k (default 0 = off). */
  suppressBelow?: number;
}

/**
 * A rate per residents per year: "12.3 per 100,000 per year". When `count` is given and suppressed under
 * `suppressBelow`, returns "not shown (<k)" because rate × population would reveal the count.
 */
export function formatRate(value: number, options: FormatRateOptions = {}): string {
  const per = options.per ?? 100_000;
  const digits = options.digits ?? 1;
  const k = options.suppressBelow ?? 0;
  checkK(k);
  checkDigits(digits);
  const locale = resolve(options.locale);
  const words = WORDS[locale];
  if (options.count !== undefined && isSuppressed(options.count, k))
    return words.notShown(integer(locale).format(k));
  if (!Number.isFinite(value)) return '—';
  return `${fixed(digits, locale).format(value)} ${words.perYear(integer(locale).format(per))}`;
}

/** A Benjamini-Hochberg q-value in the style of {@link formatPValue}: "q = 0.012", "q < 0.001". */
export function formatQValue(q: number, options: LocaleOptions = {}): string {
  return formatPValue(q, options).replace(/^p/, 'q');
}

/**
 * A plain measurement with fixed decimals (a z-score, Kendall's τ, an expected count, a density): "2.41".
 * Non-finite gives "—". Not for counts of people or incidents: those go through {@link formatCount}.
 */
export function formatDecimal(value: number, digits = 2, options: LocaleOptions = {}): string {
  checkDigits(digits);
  if (!Number.isFinite(value)) return '—';
  return fixed(digits, resolve(options.locale)).format(value);
}

/** A measurement with at most `digits` decimals, trailing zeros dropped: 7 → "7", 7.25 → "7.3". Non-finite gives "—". */
export function formatUpTo(value: number, digits = 1, options: LocaleOptions = {}): string {
  checkDigits(digits);
  if (!Number.isFinite(value)) return '—';
  return upTo('fraction', digits, resolve(options.locale)).format(value);
}

/**
 * A size in bytes with binary units, one decimal when not whole: 512 → "512 bytes", 1536 → "1.5 KiB",
 * 2 × 1024³ → "2 GiB". The unit symbols are the same in every language; the number follows the locale.
 */
export function formatBytes(bytes: number, options: LocaleOptions = {}): string {
  if (!Number.isFinite(bytes)) return '—';
  const locale = resolve(options.locale);
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size) return `${upTo('fraction', 1, locale).format(bytes / size)} ${unit}`;
  }
  return `${integer(locale).format(bytes)} bytes`;
}

/**
 * A small probability to `digits` significant digits (default 2), trailing zeros dropped: 0.0123 → "0.012",
 * 0.001 → "0.001" (a permutation p-value near its floor). Non-finite gives "—".
 */
export function formatSignificant(value: number, digits = 2, options: LocaleOptions = {}): string {
  if (!(Number.isInteger(digits) && digits >= 1 && digits <= 10))
    throw new RangeError(`digits must be a whole number from 1 to 10, got ${digits}`);
  if (!Number.isFinite(value)) return '—';
  return upTo('significant', digits, resolve(options.locale)).format(value);
}

/** A share as a percentage: "41.2%" (default 1 decimal). Non-finite gives "—". */
export function formatShare(fraction: number, digits = 1, options: LocaleOptions = {}): string {
  checkDigits(digits);
  if (!Number.isFinite(fraction)) return '—';
  return `${fixed(digits, resolve(options.locale)).format(fraction * 100)}%`;
}

/** A ratio such as a rate ratio or IRR: "0.71×" (default 2 decimals). Non-finite gives "—". */
export function formatRatio(value: number, digits = 2, options: LocaleOptions = {}): string {
  checkDigits(digits);
  if (!Number.isFinite(value)) return '—';
  return `${fixed(digits, resolve(options.locale)).format(value)}×`;
}

/**
 * A relative change given as a fraction: −0.293 → "-29.3%", 0.12 → "+12.0%", 0 → "0.0%" (default 1
 * decimal). Non-finite gives "—".
 */
export function formatPercentChange(fraction: number, digits = 1, options: LocaleOptions = {}): string {
  checkDigits(digits);
  if (!Number.isFinite(fraction)) return '—';
  const text = fixed(digits, resolve(options.locale)).format(Math.abs(fraction) * 100);
  if (Number(text.replace(/[^0-9]/g, '')) === 0) return `${text}%`;
  return `${fraction < 0 ? '-' : '+'}${text}%`;
}

/**
 * A p-value: "p < 0.001" below 0.001, otherwise "p = 0.012" (3 decimals, rounded half up as usual, so
 * 0.0496 reads "p = 0.050"). NaN gives "p = —". Throws RangeError outside [0, 1].
 */
export function formatPValue(p: number, options: LocaleOptions = {}): string {
  const format = fixed(3, resolve(options.locale));
  if (Number.isNaN(p)) return 'p = —';
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a p-value must be between 0 and 1, got ${p}`);
  if (p < 0.001) return `p < ${format.format(0.001)}`;
  return `p = ${format.format(p)}`;
}

/**
 * A confidence interval: "95% CI 0.58–0.86" (default level 0.95, 2 decimals). When a bound is negative the
 * range is written "-0.12 to 0.34" so the minus sign and the dash cannot be confused. Non-finite bounds
 * show as "—"; an infinite upper bound shows as "∞".
 */
export function formatCi(
  lower: number,
  upper: number,
  level = 0.95,
  digits = 2,
  options: LocaleOptions = {},
): string {
  checkDigits(digits);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, got ${level}`);
  const locale = resolve(options.locale);
  const bound = (v: number) =>
    v === Number.POSITIVE_INFINITY ? '∞' : Number.isFinite(v) ? fixed(digits, locale).format(v) : '—';
  const label = WORDS[locale].ci(
    fixed(1, locale)
      .format(level * 100)
      .replace(/[.,]0$/, ''),
  );
  const separator = lower < 0 || upper < 0 ? ` ${WORDS[locale].to} ` : '–';
  return `${label} ${bound(lower)}${separator}${bound(upper)}`;
}

/** Why a cell is hidden by {@link suppressCounts}. */
export type SuppressionReason = 'shown' | 'primary' | 'complementary';

/** Result of {@link suppressCounts}. */
export interface SuppressedCounts {
  /** Per cell: shown, hidden as a small count ("<k"), or hidden to protect another cell. */
  reasons: SuppressionReason[];
  /**
   * True if the row total must be hidden: it is itself small, or no positive cell is left to hide as a
   * complement.
   */
  totalSuppressed: boolean;
}

/** Options for {@link suppressCounts}. */
export interface SuppressCountsOptions {
  /** Whether the row total is displayed next to the cells (default true). */
  totalShown?: boolean;
}

/**
 * Primary and simple complementary suppression for one row of counts that sum to a total (see the module
 * header for the rule and its limits). k ≤ 1 turns suppression off. Show primary cells as "<k" and
 * complementary cells as "suppressed" (never "<k": they are not small).
 */
export function suppressCounts(
  cells: readonly number[],
  k: number,
  options: SuppressCountsOptions = {},
): SuppressedCounts {
  checkK(k);
  const totalShown = options.totalShown ?? true;
  let total = 0;
  for (const c of cells) {
    if (!(Number.isInteger(c) && c >= 0)) throw new RangeError(`counts must be whole numbers ≥ 0, got ${c}`);
    total += c;
  }
  const reasons: SuppressionReason[] = cells.map((c) => (isSuppressed(c, k) ? 'primary' : 'shown'));
  const totalSuppressed = totalShown && isSuppressed(total, k);
  if (!totalShown || totalSuppressed || !reasons.includes('primary')) return { reasons, totalSuppressed };
  let best = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as number;
    if (reasons[i] === 'shown' && c > 0 && (best < 0 || c < (cells[best] as number))) best = i;
  }
  if (best < 0) return { reasons, totalSuppressed: true };
  reasons[best] = 'complementary';
  return { reasons, totalSuppressed };
}

/**
 * A cell of a published table as text, by its suppression status: shown counts as {@link formatCount},
 * small ones as "<k", cells hidden to protect others as "suppressed" ("oculto"), and cells of periods left
 * out of the tables as "not published" ("no publicado"), in the language of `options.locale`.
 */
export function formatPublishedCount(
  value: number,
  status: 'shown' | 'primary' | 'complementary' | 'dropped',
  k: number,
  unit?: CountUnit,
  options: LocaleOptions = {},
): string {
  checkK(k);
  const locale = resolve(options.locale);
  if (status === 'primary')
    return formatCount(Math.max(1, Math.min(value, k - 1)), { unit, suppressBelow: k, locale });
  if (status === 'complementary') return WORDS[locale].suppressed;
  if (status === 'dropped') return WORDS[locale].notPublished;
  return formatCount(value, { unit, locale });
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: FormatLocale, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDay}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'short',
      ...(withDay ? { day: 'numeric' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A calendar month "YYYY-MM" as text: "Jan 2023" in English, "ene 2023" in Spanish. Throws RangeError on
 * anything that is not a month.
 */
export function formatMonth(month: string, options: LocaleOptions = {}): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const m = match ? Number(match[2]) : 0;
  if (!match || m < 1 || m > 12)
    throw new RangeError(`a month must be YYYY-MM, got ${JSON.stringify(month)}`);
  return dateFormat(resolve(options.locale), false).format(Date.UTC(Number(match[1]), m - 1, 1));
}

/**
 * A calendar date "YYYY-MM-DD" as text: "Jan 5, 2023" in English, "5 ene 2023" in Spanish (read in UTC, so
 * the day never shifts with the machine's time zone). Throws RangeError on anything that is not a date.
 */
export function formatDate(date: string, options: LocaleOptions = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || !Number.isFinite(time) || new Date(time).getUTCDate() !== Number(match[3]))
    throw new RangeError(`a date must be YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return dateFormat(resolve(options.locale), true).format(time);
}
