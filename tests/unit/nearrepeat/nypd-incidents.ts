/**
 * Loads the real NYPD shooting incidents (one row per INCIDENT_KEY with coordinates) for near-repeat tests.
 * The data live outside the repository in ../shared/data; outside CI a missing file makes the caller skip,
 * in CI (CI=true) it is an error.
 */

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Path of the NYPD Parquet file (2006–2024 release). */
export const NYPD_PARQUET = path.resolve(repoRoot, '../shared/data/nypd_shootings_raw_2006-2024.parquet');

/** Incidents as columns, with borough names for subsetting. */
export interface NypdIncidents {
  lon: Float64Array;
  lat: Float64Array;
  /** Days since 1970-01-01 of OCCUR_DATE (a midnight timestamp). */
  day: Int32Array;
  boro: string[];
}

/** True when the file is present; throws in CI when it is missing so the tests cannot pass silently. */
export function nypdAvailable(): boolean {
  const present = existsSync(NYPD_PARQUET);
  if (!present && process.env.CI === 'true') {
    throw new Error(`NYPD data missing at ${NYPD_PARQUET}; near-repeat tests need it in CI`);
  }
  return present;
}

/**
 * Reads the Parquet file and keeps the first row of each distinct INCIDENT_KEY that has both Latitude and
 * Longitude (a shooting with several victims has one row per victim, all at the same place and date).
 */
export function loadNypdIncidents(): NypdIncidents {
  const table = tableFromIPC(readParquet(readFileSync(NYPD_PARQUET)).intoIPCStream());
  const key = table.getChild('INCIDENT_KEY');
  const latitude = table.getChild('Latitude');
  const longitude = table.getChild('Longitude');
  const date = table.getChild('OCCUR_DATE');
  const borough = table.getChild('BORO');
  if (!key || !latitude || !longitude || !date || !borough) throw new Error('NYPD Parquet lacks a column');
  const seen = new Set<bigint>();
  const lon: number[] = [];
  const lat: number[] = [];
  const day: number[] = [];
  const boro: string[] = [];
  for (let row = 0; row < table.numRows; row++) {
    const y = latitude.get(row) as number | null;
    const x = longitude.get(row) as number | null;
    if (y === null || x === null) continue;
    const k = key.get(row) as bigint;
    if (seen.has(k)) continue;
    seen.add(k);
    const ms = Number(date.get(row));
    if (ms % 86_400_000 !== 0) throw new Error(`OCCUR_DATE is not at midnight in row ${row}`);
    lon.push(x);
    lat.push(y);
    day.push(ms / 86_400_000);
    boro.push(String(borough.get(row)));
  }
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), day: Int32Array.from(day), boro };
}
