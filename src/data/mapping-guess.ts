/**
 * Column guesses for the mapping dialog from a file's header and first rows, beyond the exact names of
 * {@link guessMapping}: names are compared after normalising case, spaces and punctuation (so `date_`,
 * `Date`, `Case Number` and `case-number` are recognised), and the sample values decide between
 * candidates: a date column is one whose name says date and whose values read as dates, or, when no
 * name says so, the first column whose values all read as dates; an incident-id column is one whose name
 * says case, incident, report or event number/id and whose values are non-empty codes. Also orders the
 * preview's columns: long ones (geometry text, free text) last.
 */

import { guessMapping } from './presets';
import type { ColumnMapping } from './schema';

const DATE_VALUE =
  /^(\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?|\d{1,2}\/\d{1,2}\/\d{2,4}( \d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?)?|\d{1,2}\.\d{1,2}\.\d{4})$/i;
const DATE_NAME = /(^|_)(date|datetime|occurred|occur_date|reported_date)(_|$)|date$/;
const ID_NAME = /(^|_)(case|incident|report|event|complaint|cad)(_?(no|num|number|id|key|nbr))?(_|$)|^id$/;
const ID_VALUE = /^[A-Za-z0-9][A-Za-z0-9_\-/.]{2,39}$/;

/** Lower case, runs of non-alphanumerics to '_', no leading or trailing '_'. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function sampleValues(rows: readonly (readonly string[])[], index: number): string[] {
  return rows.map((r) => (r[index] ?? '').trim().replace(/^"|"$/g, '')).filter((v) => v !== '');
}

const allMatch = (values: readonly string[], re: RegExp) =>
  values.length > 0 && values.every((v) => re.test(v));

/**
 * The best guess for each field: {@link guessMapping}'s exact-name guesses first, then normalised names
 * checked against the sample values (see the module header). Fills only fields it can recognise.
 */
export function guessMappingFromSample(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = { ...guessMapping(columns) };
  const normalized = columns.map(normalizeColumnName);
  const byNormal = new Map<string, string>();
  normalized.forEach((n, i) => {
    if (!byNormal.has(n)) byNormal.set(n, columns[i]!);
  });
  const exact = guessMapping([...byNormal.keys()]);
  const used = () => new Set(Object.values(mapping).filter(Boolean));
  for (const [field, n] of Object.entries(exact) as [keyof ColumnMapping, string][]) {
    const original = byNormal.get(n)!;
    if (!mapping[field] && !used().has(original)) (mapping as Record<string, string>)[field] = original;
  }
  const values = (i: number) => sampleValues(rows, i);
  if (!mapping.date) {
    const free = columns.map((_, i) => i).filter((i) => !used().has(columns[i]!));
    const named = free.find((i) => DATE_NAME.test(normalized[i]!) && allMatch(values(i), DATE_VALUE));
    const byValue = free.find((i) => allMatch(values(i), DATE_VALUE));
    const hit = named ?? byValue;
    if (hit !== undefined) mapping.date = columns[hit]!;
  }
  if (!mapping.incidentId) {
    const hit = columns
      .map((_, i) => i)
      .filter((i) => !used().has(columns[i]!))
      .find((i) => ID_NAME.test(normalized[i]!) && allMatch(values(i), ID_VALUE));
    if (hit !== undefined) mapping.incidentId = columns[hit]!;
  }
  return mapping;
}

/** Longest preview cell shown in full; longer ones are cut with an ellipsis. */
export const PREVIEW_CELL_MAX = 32;

/**
 * Column indexes in preview order: columns whose sample values are long on average (over
 * {@link PREVIEW_CELL_MAX} characters, such as a geometry's text or free-text notes) go last; the others
 * keep the file's order.
 */
export function previewColumnOrder(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
): number[] {
  const mean = columns.map((_, i) => {
    const v = rows.map((r) => (r[i] ?? '').length);
    return v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : 0;
  });
  return columns
    .map((_, i) => i)
    .sort((a, b) => {
      const la = mean[a]! > PREVIEW_CELL_MAX ? 1 : 0;
      const lb = mean[b]! > PREVIEW_CELL_MAX ? 1 : 0;
      return la - lb || a - b;
    });
}

/** A preview cell, cut to {@link PREVIEW_CELL_MAX} characters with an ellipsis. */
export function previewCell(value: string): string {
  return value.length > PREVIEW_CELL_MAX ? `${value.slice(0, PREVIEW_CELL_MAX - 1)}…` : value;
}
