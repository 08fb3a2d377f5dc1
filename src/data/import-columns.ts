/**
 * Which source column is which: the mapping from a preset, a guess from the column names or the user's
 * choice (checked against the file's columns), the unmapped columns kept as categorical attributes, and how
 * the dates are written (detected from the values, or the user's format checked by the engine).
 */
import { msg } from '../analysis/messages/message';
import type { Connector } from './connector';
import type { ImportOptions } from './import-incidents';
import { ImportError } from './loaders/sniff';
import { detectPreset, guessMapping, isCompleteMapping, type Preset } from './presets';
import { arrowRows } from './rows';
import type { ColumnMapping, MappedField } from './schema';
import {
  dateFormatCandidates,
  dateFormatCheckQuery,
  dateFormatScoresQuery,
  distinctCountsQuery,
  distinctValuesQuery,
  EPOCH_MILLISECONDS,
  EPOCH_SECONDS,
} from './sql/import-queries';

/** Refuses a strptime format the engine cannot use, in our words. */
export async function checkDateFormat(db: Connector, format: string): Promise<void> {
  if (format === EPOCH_SECONDS || format === EPOCH_MILLISECONDS) return;
  try {
    await db.query(dateFormatCheckQuery(format));
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
    const detail = /Unrecognized format for strftime\/strptime: (.*)$/.exec(why)?.[1];
    throw new ImportError(
      detail
        ? msg('data:error.dateFormatInvalidPart', { format, part: detail })
        : msg('data:error.dateFormatInvalid', { format }),
    );
  }
}

/** The same format with day and month the other way round, or null when it has no such pair. */
export function swappedDayMonth(format: string): string | null {
  if (format.startsWith('%m/%d/')) return `%d/%m/${format.slice(6)}`;
  if (format.startsWith('%d/%m/')) return `%m/%d/${format.slice(6)}`;
  return null;
}

/** The column mapping for a file's columns: preset, guess or the user's, checked against the columns. */
export function chooseMapping(
  name: string,
  columns: string[],
  options: ImportOptions,
): { mapping: ColumnMapping; preset: Preset | null } {
  const requested = options.preset ?? 'auto';
  const detected = detectPreset(columns);
  let preset: Preset | null = null;
  if (requested === 'auto') preset = detected;
  else if (requested !== 'generic') {
    if (detected?.id !== requested) {
      throw new ImportError(
        msg('data:error.presetColumns', {
          name,
          preset: requested.toUpperCase(),
          columns: columns.join(', '),
        }),
      );
    }
    preset = detected;
  }
  const base: Partial<ColumnMapping> = preset ? { ...preset.mapping } : guessMapping(columns);
  const mapping: Partial<ColumnMapping> = { ...base, ...definedOnly(options.mapping ?? {}) };
  const present = new Set(columns);
  // Optional preset columns that a release does not have (e.g. LOCATION_DESC) are simply not mapped.
  for (const [field, column] of Object.entries(mapping) as [MappedField, string][]) {
    if (present.has(column)) continue;
    const userGave = options.mapping?.[field] !== undefined;
    const required = field === 'date' || field === 'lat' || field === 'lon';
    if (userGave || required) {
      throw new ImportError(
        msg('data:error.columnMissing', { column, field, name, columns: columns.join(', ') }),
      );
    }
    delete mapping[field];
  }
  if (!isCompleteMapping(mapping)) {
    const missing = (['date', 'lat', 'lon'] as const).filter((f) => !mapping[f]);
    throw new ImportError(
      msg('data:error.notIncidentData', {
        name,
        missing: missing.join(', '),
        columns: `${columns.slice(0, 30).join(', ')}${columns.length > 30 ? ', …' : ''}`,
      }),
    );
  }
  return { mapping, preset };
}

function definedOnly(mapping: Partial<ColumnMapping>): Partial<ColumnMapping> {
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => typeof v === 'string' && v.length > 0));
}

/** Most distinct values a source column may have to be kept as a categorical attribute. */
const MAX_ATTRIBUTE_VALUES = 100;

/** Unmapped source columns with 2 to {@link MAX_ATTRIBUTE_VALUES} distinct values (on a sample). */
export async function categoricalSourceColumns(
  db: Connector,
  staging: string,
  columns: readonly string[],
  mapping: ColumnMapping,
): Promise<string[]> {
  const mapped = new Set(Object.values(mapping));
  const candidates = columns.filter((c) => !mapped.has(c));
  if (candidates.length === 0) return [];
  const row = arrowRows(await db.query(distinctCountsQuery(staging, candidates)))[0] ?? {};
  return candidates.filter((_, i) => {
    const n = Number(row[`c${i}`]);
    return n >= 2 && n <= MAX_ATTRIBUTE_VALUES;
  });
}

/** The strptime format most of the date column's values parse with; refuses a column it cannot read. */
export async function detectDateFormat(
  db: Connector,
  table: string,
  mapping: ColumnMapping,
): Promise<string> {
  const row = arrowRows(await db.query(dateFormatScoresQuery(table, mapping.date)))[0]!;
  const total = Number(row.total);
  if (total === 0) throw new ImportError(msg('data:error.dateColumnEmpty', { column: mapping.date }));
  const candidates = dateFormatCandidates();
  let best = 0;
  let bestScore = -1;
  candidates.forEach((_, i) => {
    const score = Number(row[`f${i}`]);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  if (bestScore < total * 0.5) {
    const examples = arrowRows(await db.query(distinctValuesQuery(table, mapping.date, 3)))
      .map((r) => `"${String(r.v)}"`)
      .join(', ');
    throw new ImportError(msg('data:error.dateFormatUnknown', { column: mapping.date, examples }));
  }
  return candidates[best]!;
}
