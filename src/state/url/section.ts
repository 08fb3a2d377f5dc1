/**
 * One concern of the URL codec (the camera, the filters, the layers, …): which parameters it owns, how it
 * writes them and how it reads them back. `../url-state.ts` runs the sections in a fixed order, so a new
 * concern is a new section module plus one line there.
 */
import { MAX_URL_TEXT_LENGTH, type UrlViewState } from './types';

/** What a section's decoder reads, and how it reports a rejected value. */
export interface UrlDecodeInput {
  /** Scalar parameters, first occurrence of each (repeats were already reported). */
  single: ReadonlyMap<string, string>;
  /** Repeated parameters by key (see {@link UrlSection.listKeys}), in URL order. */
  lists: ReadonlyMap<string, readonly string[]>;
  /** Parameters under a prefix (see {@link UrlSection.prefixes}): prefix → rest of key → values. */
  prefixed: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** Rejects `key=value` with a reason: the field keeps its default and a notice is shown. */
  reject: (key: string, value: string, why: string) => void;
  /** Adds a free-form notice. */
  notice: (text: string) => void;
}

/** A group of parameters with its encoder and decoder. */
export interface UrlSection {
  /** Parameters that may appear once. */
  scalarKeys: readonly string[];
  /** Parameters that may repeat (each occurrence is one value). */
  listKeys?: readonly string[];
  /** Key prefixes (e.g. `attr.`) whose remainder is data. */
  prefixes?: readonly string[];
  /**
   * True for a section whose parameters can grow long (lists of free text, polygons): when the whole link
   * would pass the query budget, these are written in the fragment instead (see `encodeUrlLink`).
   */
  bulky?: boolean;
  /** Appends this section's parameters (defaults omitted). Throws for a state no URL can express. */
  encode: (state: UrlViewState, params: URLSearchParams) => void;
  /** Reads this section's parameters into `state` (which starts as the default). Never throws. */
  decode: (input: UrlDecodeInput, state: UrlViewState) => void;
}

/** Rounds to `digits` decimals, never returning −0. */
export function roundTo(value: number, digits: number): number {
  const rounded = Number(value.toFixed(digits));
  return rounded === 0 ? 0 : rounded;
}

/** Fixed decimals with trailing zeros removed ('-73.95', '12', never '-0'). */
export function formatDecimal(value: number, digits: number): string {
  const fixed = roundTo(value, digits).toFixed(digits);
  return digits > 0 ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Sorted, de-duplicated copy. */
export function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** Same strings in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Why a free text value (id, column name, attribute value) cannot go into a URL, or undefined. */
export function textProblem(text: string, what: string, allowEmpty = false): string | undefined {
  if (typeof text !== 'string') return `${what} must be text`;
  if (!allowEmpty && text.length === 0) return `${what} must not be empty`;
  if (text.length > MAX_URL_TEXT_LENGTH) return `${what} must be at most ${MAX_URL_TEXT_LENGTH} characters`;
  return undefined;
}

/** Throws a RangeError when {@link textProblem} finds one. */
export function checkText(text: string, what: string, allowEmpty = false): void {
  const problem = textProblem(text, what, allowEmpty);
  if (problem) throw new RangeError(problem);
}

/** Keeps notices short and single-line whatever a hostile URL contains. */
export function quoteForNotice(text: string): string {
  let flat = '';
  for (const ch of text) flat += ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? ' ' : ch;
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}
