/**
 * Stable text serialisations of a generated demo city: the exact bytes written to `data/demo/`.
 * Fixed decimals for coordinates in CSV, one feature per line in GeoJSON, compact-where-short JSON,
 * `\n` line endings, and a trailing newline on every file.
 */

import { demoCityReadme } from './demo-city-readme';
import type {
  DemoCity,
  DemoIncidentTruth,
  DemoVictimRow,
  PolygonFeatureCollection,
} from './generate-demo-city';

/** Header of `incidents.csv`, in column order. */
export const INCIDENTS_CSV_HEADER =
  'incident_id,victim_id,occurred_at,latitude,longitude,fatal,victim_age_group,victim_sex,neighborhood';

/** Header of `truth-incidents.csv`, in column order. */
export const INCIDENT_TRUTH_CSV_HEADER = 'incident_id,generation,parent_incident_id,background_source';

/** File name (inside `data/demo/`) → file text. */
export type DemoCityFiles = Record<string, string>;

/** `incidents.csv`: one row per victim, lat/lon with 5 decimals, `fatal` as `true`/`false`. */
export function incidentsCsv(rows: readonly DemoVictimRow[]): string {
  const lines = [INCIDENTS_CSV_HEADER];
  for (const r of rows) {
    lines.push(
      [
        r.incidentId,
        r.victimId,
        r.occurredAt,
        r.latitude.toFixed(5),
        r.longitude.toFixed(5),
        r.fatal ? 'true' : 'false',
        r.victimAgeGroup,
        r.victimSex,
        r.neighborhood,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `truth-incidents.csv`: generation, parent and background source of every incident. */
export function incidentTruthCsv(rows: readonly DemoIncidentTruth[]): string {
  const lines = [INCIDENT_TRUTH_CSV_HEADER];
  for (const r of rows) {
    lines.push(`${r.incidentId},${r.generation},${r.parentIncidentId},${r.backgroundSource}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Deterministic JSON: values whose compact form fits on the line (≤ `width` characters with indent) stay on
 * one line, larger objects and arrays are expanded with two-space indentation. Key order is insertion order.
 */
export function stableJson(value: unknown, width = 110): string {
  const write = (v: unknown, indent: string): string => {
    const compact = JSON.stringify(v);
    if (compact === undefined) throw new TypeError('stableJson: value is not JSON-serialisable');
    if (v === null || typeof v !== 'object' || indent.length + compact.length <= width) return compact;
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${indent}]`;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`).join(',\n')}\n${indent}}`;
  };
  return `${write(value, '')}\n`;
}

/** A GeoJSON FeatureCollection with one feature per line. */
export function featureCollectionJson<P>(fc: PolygonFeatureCollection<P>): string {
  const features = fc.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${features.join(',\n')}\n]}\n`;
}

/** All files of `data/demo/` for a generated city, keyed by file name. */
export function serializeDemoCity(city: DemoCity): DemoCityFiles {
  return {
    'incidents.csv': incidentsCsv(city.incidents),
    'truth-incidents.csv': incidentTruthCsv(city.incidentTruth),
    'neighborhoods.geojson': featureCollectionJson(city.neighborhoods),
    'city.geojson': featureCollectionJson(city.city),
    'programs.json': stableJson(city.programs),
    'truth.json': stableJson(city.truth),
    'README.md': demoCityReadme(city),
  };
}
