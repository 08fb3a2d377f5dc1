/**
 * The canonical incident table that every source maps into, and the vocabulary of the import: column
 * mappings, presets and the reasons a row can be rejected. `docs/DATA.md` describes the same schema for
 * people.
 */
import { englishText } from '../analysis/messages/english';
import { type Message, msg } from '../analysis/messages/message';

/** One column of the canonical incident table. */
export interface CanonicalColumn {
  name: string;
  sqlType: string;
  description: string;
}

/** The canonical incident table, in column order. One row is one victim (or one incident where the source has no victims). */
export const CANONICAL_COLUMNS: readonly CanonicalColumn[] = [
  {
    name: 'row_id',
    sqlType: 'BIGINT',
    description: 'Stable row id: the mapped row-id column, else the data row number.',
  },
  { name: 'incident_id', sqlType: 'VARCHAR', description: 'Rows sharing it are one incident.' },
  {
    name: 'occurred_at',
    sqlType: 'TIMESTAMP',
    description: 'Local wall-clock time (midnight when only a date is known).',
  },
  { name: 'occurred_date', sqlType: 'DATE', description: 'Local calendar date.' },
  { name: 'month', sqlType: 'DATE', description: 'First day of the month of occurred_date.' },
  { name: 'hour', sqlType: 'TINYINT', description: 'Hour of day 0-23; NULL when the source has no time.' },
  { name: 'weekday', sqlType: 'TINYINT', description: 'ISO weekday, Monday = 1 … Sunday = 7.' },
  { name: 'lon', sqlType: 'DOUBLE', description: 'WGS84 longitude, degrees.' },
  { name: 'lat', sqlType: 'DOUBLE', description: 'WGS84 latitude, degrees.' },
  { name: 'fatal', sqlType: 'BOOLEAN', description: 'The victim died; NULL when unknown.' },
  {
    name: 'victim_age_group',
    sqlType: 'VARCHAR',
    description: 'Age band as the source writes it (<18, 18-24, …); NULL when unknown.',
  },
  {
    name: 'victim_sex',
    sqlType: 'VARCHAR',
    description: 'M / F as the source writes it; NULL when unknown.',
  },
  { name: 'victim_race', sqlType: 'VARCHAR', description: 'As the source writes it; NULL when unknown.' },
  {
    name: 'location_type',
    sqlType: 'VARCHAR',
    description: 'Place type (street, housing, …); NULL when unknown.',
  },
  { name: 'precinct', sqlType: 'VARCHAR', description: "The source's own police unit (precinct, beat)." },
  {
    name: 'district',
    sqlType: 'VARCHAR',
    description: "The source's own larger division (borough, district, neighborhood).",
  },
  {
    name: 'source_row',
    sqlType: 'BIGINT',
    description: 'Line of the original file (header = line 1) or record number.',
  },
  {
    name: 'coord_source',
    sqlType: 'VARCHAR',
    description: "'reported', or 'state_plane' when recovered by projection.",
  },
] as const;

/** The canonical fields a source column can be mapped to. */
export type MappedField =
  | 'rowId'
  | 'incidentId'
  | 'date'
  | 'time'
  | 'lat'
  | 'lon'
  | 'fatal'
  | 'victimAgeGroup'
  | 'victimSex'
  | 'victimRace'
  | 'locationType'
  | 'precinct'
  | 'district'
  | 'stateX'
  | 'stateY';

/** Which source column feeds each canonical field. `date`, `lat` and `lon` are required. */
export type ColumnMapping = Partial<Record<MappedField, string>> & { date: string; lat: string; lon: string };

/** Every reason a row can be rejected. */
export const REJECT_REASONS = [
  'malformed_line',
  'missing_date',
  'unparsable_date',
  'date_before_1900',
  'date_in_future',
  'missing_coordinates',
  'coordinates_out_of_range',
  'coordinates_zero',
  'duplicate_row_id',
] as const;

/** Why a row could not be used. */
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Plain-language explanation of each rejection reason, for the report (English; see {@link rejectReasonMessage}). */
export const REJECT_REASON_LABELS: Readonly<Record<RejectReason, string>> = Object.fromEntries(
  REJECT_REASONS.map((reason) => [reason, englishText(rejectReasonMessage(reason))]),
) as Record<RejectReason, string>;

/** The message code of a rejection reason (`reject.<reason in camelCase>`). */
export function rejectReasonMessage(reason: RejectReason): Message {
  return msg(`data:reject.${reason.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())}`);
}

/** Values that mean "unknown" in any text column (compared case-insensitively after trimming). */
export const MISSING_SPELLINGS: readonly string[] = ['', '(null)', 'null', 'unknown', 'u', 'n/a', 'na'];
