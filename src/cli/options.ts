/**
 * Command-line option parsing shared by every command: the input file and its column mapping, time range,
 * unit and output mode.
 */
import { parseArgs } from 'node:util';
import type { ImportOptions } from '../data/import-incidents';
import type { ColumnMapping } from '../data/schema';
import { isCalendarDate } from '../data/sql/incident-filter';

/** An error in how the command was called; printed without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Options every data command accepts. */
export const COMMON_OPTIONS = {
  input: { type: 'string' },
  preset: { type: 'string', default: 'auto' },
  id: { type: 'string' },
  'row-id': { type: 'string' },
  date: { type: 'string' },
  time: { type: 'string' },
  lat: { type: 'string' },
  lon: { type: 'string' },
  fatal: { type: 'string' },
  'date-format': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  unit: { type: 'string', default: 'incidents' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; default?: string | boolean; multiple?: boolean }
>;

/** Parses argv for a command with the common options plus its own. */
export function parseCommandArgs(argv: string[], extra: OptionSpec = {}) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...extra },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The import options implied by the mapping flags. */
export function importOptionsFrom(
  values: Record<string, string | boolean | undefined>,
): Omit<ImportOptions, 'table'> {
  const preset = String(values.preset ?? 'auto');
  if (!['auto', 'nypd', 'demo', 'generic'].includes(preset)) {
    throw new UsageError(`--preset must be auto, nypd, demo or generic, not "${preset}"`);
  }
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const mapping: Partial<ColumnMapping> = {
    incidentId: str('id'),
    rowId: str('row-id'),
    date: str('date'),
    time: str('time'),
    lat: str('lat'),
    lon: str('lon'),
    fatal: str('fatal'),
  };
  return {
    preset: preset as ImportOptions['preset'],
    mapping,
    dateFormat: str('date-format'),
  };
}

/** A required string option. */
export function requireString(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.length === 0) throw new UsageError(`--${name} is required`);
  return v;
}

/** The counting unit option. */
export function unitFrom(values: Record<string, string | boolean | undefined>): 'incidents' | 'victims' {
  const unit = values.unit ?? 'incidents';
  if (unit !== 'incidents' && unit !== 'victims')
    throw new UsageError(`--unit must be incidents or victims, not "${unit}"`);
  return unit;
}

/** Parses `PROP=V1,V2` of `--where`-style flags. */
export function parseWhere(
  text: string | undefined,
  flag: string,
): { property: string; values: string[] } | null {
  if (text === undefined) return null;
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`${flag} must look like PROPERTY=VALUE[,VALUE…], not "${text}"`);
  return {
    property: text.slice(0, eq),
    values: text
      .slice(eq + 1)
      .split(',')
      .filter(Boolean),
  };
}

/** Validates a `YYYY-MM-DD` flag. */
export function dateFlag(
  values: Record<string, string | boolean | undefined>,
  name: string,
): string | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !isCalendarDate(v)) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, not "${String(v)}"`);
  }
  return v;
}

/** `--from` and `--to` (each optional, `YYYY-MM-DD`), checked to be in order. */
export function dateRangeFlags(values: Record<string, string | boolean | undefined>): {
  from?: string;
  to?: string;
} {
  const from = dateFlag(values, 'from');
  const to = dateFlag(values, 'to');
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}
