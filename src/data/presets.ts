/**
 * Presets: column mappings for known incident feeds, recognised from the header alone, and a best guess for
 * any other file that the user (or command-line flags) can correct.
 */
import type { ColumnMapping, MappedField } from './schema';

/** A known source: its name and how its columns map to the canonical table. */
export interface Preset {
  id: 'nypd' | 'demo';
  name: string;
  mapping: ColumnMapping;
  /** A fixed date format (strptime) when the feed always uses one. */
  dateFormat?: string;
  /** True when rows are victims and several rows can share an incident id. */
  rowsAreVictims: boolean;
}

const NYPD_REQUIRED = [
  'INCIDENT_KEY',
  'OCCUR_DATE',
  'OCCUR_TIME',
  'PRECINCT',
  'STATISTICAL_MURDER_FLAG',
  'X_COORD_CD',
  'Y_COORD_CD',
  'Latitude',
  'Longitude',
];

/** NYPD Shooting Incident Data (Historic), NYC Open Data 833y-fsy8: both the 19- and the 21-column releases. */
export const NYPD_PRESET: Preset = {
  id: 'nypd',
  name: 'NYPD Shooting Incident Data (Historic)',
  mapping: {
    incidentId: 'INCIDENT_KEY',
    date: 'OCCUR_DATE',
    time: 'OCCUR_TIME',
    lat: 'Latitude',
    lon: 'Longitude',
    fatal: 'STATISTICAL_MURDER_FLAG',
    victimAgeGroup: 'VIC_AGE_GROUP',
    victimSex: 'VIC_SEX',
    victimRace: 'VIC_RACE',
    locationType: 'LOCATION_DESC',
    precinct: 'PRECINCT',
    district: 'BORO',
    stateX: 'X_COORD_CD',
    stateY: 'Y_COORD_CD',
  },
  rowsAreVictims: true,
};

const DEMO_REQUIRED = [
  'incident_id',
  'victim_id',
  'occurred_at',
  'latitude',
  'longitude',
  'fatal',
  'neighborhood',
];

/** The synthetic demo city shipped in `data/demo/incidents.csv`. */
export const DEMO_PRESET: Preset = {
  id: 'demo',
  name: 'Demo City (synthetic)',
  mapping: {
    rowId: 'victim_id',
    incidentId: 'incident_id',
    date: 'occurred_at',
    lat: 'latitude',
    lon: 'longitude',
    fatal: 'fatal',
    victimAgeGroup: 'victim_age_group',
    victimSex: 'victim_sex',
    district: 'neighborhood',
  },
  dateFormat: '%Y-%m-%d %H:%M:%S',
  rowsAreVictims: true,
};

/** Recognises a preset from a header, or returns null. Column names are compared exactly after trimming. */
export function detectPreset(columns: readonly string[]): Preset | null {
  const present = new Set(columns.map((c) => c.trim()));
  if (NYPD_REQUIRED.every((c) => present.has(c))) return NYPD_PRESET;
  if (DEMO_REQUIRED.every((c) => present.has(c))) return DEMO_PRESET;
  return null;
}

/**
 * A preset the header almost matches (at least two thirds of its required columns, not all), with the
 * columns it lacks: a file cut or renamed on the way loses the preset's incident grouping and coordinate
 * recovery, which the user should be told.
 */
export function nearPreset(columns: readonly string[]): { preset: Preset; missing: string[] } | null {
  const present = new Set(columns.map((c) => c.trim()));
  for (const [preset, required] of [
    [NYPD_PRESET, NYPD_REQUIRED],
    [DEMO_PRESET, DEMO_REQUIRED],
  ] as const) {
    const missing = required.filter((c) => !present.has(c));
    if (missing.length > 0 && missing.length <= required.length / 3) return { preset, missing };
  }
  return null;
}

const GUESSES: Partial<Record<MappedField, readonly string[]>> = {
  incidentId: ['incident_id', 'incident_key', 'incident', 'case_number', 'case_id', 'event_id', 'id'],
  date: [
    'occurred_at',
    'occur_date',
    'date',
    'datetime',
    'date_time',
    'incident_date',
    'occurred_on',
    'timestamp',
  ],
  time: ['occur_time', 'time', 'incident_time', 'hour'],
  lat: ['latitude', 'lat', 'y_lat', 'point_y'],
  lon: ['longitude', 'lon', 'lng', 'long', 'x_lon', 'point_x'],
  fatal: ['fatal', 'is_fatal', 'fatality', 'killed', 'homicide', 'statistical_murder_flag'],
  victimAgeGroup: ['victim_age_group', 'vic_age_group', 'age_group'],
  victimSex: ['victim_sex', 'vic_sex', 'sex', 'gender'],
  victimRace: ['victim_race', 'vic_race', 'race'],
  precinct: ['precinct', 'beat', 'police_beat'],
  district: ['district', 'borough', 'boro', 'neighborhood', 'community_area', 'ward'],
};

/** A best-guess mapping from column names, filling only the fields it can recognise. */
export function guessMapping(columns: readonly string[]): Partial<ColumnMapping> {
  const byLower = new Map(columns.map((c) => [c.trim().toLowerCase(), c] as const));
  const mapping: Partial<Record<MappedField, string>> = {};
  const used = new Set<string>();
  for (const [field, candidates] of Object.entries(GUESSES) as [MappedField, readonly string[]][]) {
    const hit = candidates.map((c) => byLower.get(c)).find((c) => c !== undefined && !used.has(c));
    if (hit !== undefined) {
      mapping[field] = hit;
      used.add(hit);
    }
  }
  return mapping;
}

/** True when a (partial) mapping has the three required fields. */
export function isCompleteMapping(mapping: Partial<ColumnMapping>): mapping is ColumnMapping {
  return Boolean(mapping.date && mapping.lat && mapping.lon);
}
