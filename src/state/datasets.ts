/**
 * A dataset as the app holds it: the canonical incident table in the engine, its import report, its month
 * axis, optional boundaries with each incident's area, and the categorical values the filters offer.
 */

import type { Connector } from '../data/connector';
import type { ImportReport, ImportSource, importIncidents } from '../data/import-incidents';
import { type IncidentPoints, incidentPoints } from '../data/incident-points';
import { type BoundaryLayer, featureValue, parseBoundaries } from '../data/loaders/boundaries';
import { arrowRows } from '../data/rows';
import { categoryValuesQuery } from '../data/sql/cube-queries';
import { type FilterableColumn, SOURCE_ATTRIBUTE_PREFIX } from '../data/sql/incident-filter';
import { DATASET_KEYS, type UrlDataset } from './url/types';

/** Which dataset: the embedded demo city or one of the user's files (`user`, `user2`, … in load order). */
export type DatasetKey = UrlDataset;

/** Keys of the user's files, in load order; one more file than this needs one removed first. */
export const USER_DATASET_KEYS = DATASET_KEYS.filter((k) => k !== 'demo');

/** A boundary layer tied to a dataset's incidents. */
export interface DatasetBoundaries {
  /**
   * Distinct for every boundary file loaded: counts per area and populations carry it, so numbers of one
   * boundary set are never paired with the areas of another.
   */
  id: number;
  layer: BoundaryLayer;
  idProperty: string;
  nameProperty: string;
  /** Feature ids and names in feature order (bin index = feature index). */
  ids: string[];
  names: string[];
  /**
   * Residents per feature (aligned with `ids`) and where they came from, or null: found in a property
   * named like population when the file is loaded, or chosen later (a property or a CSV joined by id).
   */
  population: Float64Array | null;
  populationSource: PopulationSource | null;
  /** Engine table (row_id, area) with each incident's feature index. */
  areaTable: string;
}

/** Where the residents of a boundary set came from: a property of its features, or a CSV joined by id. */
export type PopulationSource =
  | { kind: 'property'; property: string }
  | { kind: 'csv'; file: string; idColumn: string; areaProperty: string; valueColumn: string };

/** A loaded dataset. */
export interface Dataset {
  key: DatasetKey;
  label: string;
  synthetic: boolean;
  /** Distinct for every load, so views can tell a reloaded table from the previous one. */
  loadId: number;
  table: string;
  report: ImportReport;
  /** First month `YYYY-MM-01` (month index 0) and the number of months to the last. */
  firstMonth: string;
  monthCount: number;
  boundaries: DatasetBoundaries | null;
  /** Offered values of the attribute filters, most frequent first. */
  categories: Partial<Record<FilterableColumn, string[]>>;
}

/** Most distinct values a filter column offers (NYPD has 77 precincts and about 40 location types). */
export const MAX_FILTER_VALUES = 500;

/** Attribute columns offered as filters (those the source fills; empty columns are not offered). */
export const FILTER_COLUMNS: readonly FilterableColumn[] = [
  'victim_age_group',
  'victim_sex',
  'victim_race',
  'location_type',
  'precinct',
  'district',
];

let loadCounter = 0;
let boundaryCounter = 0;

/** Month index (0 = `firstMonth`) of `YYYY-MM`. */
export function monthIndex(firstMonth: string, yyyymm: string): number {
  const [y0, m0] = firstMonth.split('-').map(Number) as [number, number];
  const [y, m] = yyyymm.split('-').map(Number) as [number, number];
  return (y - y0) * 12 + (m - m0);
}

/** `YYYY-MM` of a month index. */
export function monthLabel(firstMonth: string, index: number): string {
  const [y0, m0] = firstMonth.split('-').map(Number) as [number, number];
  const total = y0 * 12 + (m0 - 1) + index;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Imports an incident source as the given dataset; the previous table of that dataset survives a failure. */
export async function loadDataset(
  db: Connector,
  key: DatasetKey,
  source: ImportSource,
  options: {
    label: string;
    synthetic: boolean;
    onProgress?: (stage: string, fraction: number) => void;
  } & Partial<Parameters<typeof importIncidents>[2]>,
): Promise<Dataset> {
  const table = `incidents_${key}`;
  // The importer is loaded with the first file (the first screen does not need it).
  const { importIncidents } = await import('../data/import-incidents');
  const { report } = await importIncidents(db, source, { ...options, table });
  return describeDataset(db, key, table, report, options);
}

/** A dataset over a canonical table already in the engine (an import's or an archive's). */
export async function describeDataset(
  db: Connector,
  key: DatasetKey,
  table: string,
  report: ImportReport,
  options: { label: string; synthetic: boolean },
): Promise<Dataset> {
  const firstMonth = `${report.firstDate!.slice(0, 7)}-01`;
  const monthCount = monthIndex(firstMonth, report.lastDate!.slice(0, 7)) + 1;
  const categories: Dataset['categories'] = {};
  const sourceColumns = report.attributes.map((c) => `${SOURCE_ATTRIBUTE_PREFIX}${c}` as FilterableColumn);
  for (const column of [...FILTER_COLUMNS, ...sourceColumns]) {
    const values = arrowRows(await db.query(categoryValuesQuery(table, column, MAX_FILTER_VALUES)))
      .map((r) => String(r.value))
      .sort(naturalCompare);
    if (values.length > 0) categories[column] = values;
  }
  return {
    key,
    loadId: ++loadCounter,
    label: options.label,
    synthetic: options.synthetic,
    table,
    report,
    firstMonth,
    monthCount,
    boundaries: null,
    categories,
  };
}

/**
 * Parses boundary GeoJSON and assigns every incident of the dataset to its first containing feature;
 * `points` are the dataset's coordinates when already read (otherwise they are read here, and not kept).
 */
export async function attachBoundaries(
  db: Connector,
  dataset: Dataset,
  name: string,
  text: string,
  choice: { idProperty?: string; nameProperty?: string } = {},
  points?: Promise<IncidentPoints>,
): Promise<DatasetBoundaries> {
  const layer = parseBoundaries(name, text);
  const idProperty = choice.idProperty ?? layer.idProperty ?? layer.properties[0] ?? '';
  const nameProperty = choice.nameProperty ?? layer.nameProperty ?? idProperty;
  const areaTable = `areas_${dataset.key}`;
  // Point-in-polygon code loads with the first boundary layer, not with the first screen.
  const { assignAreas } = await import('../data/area-assignment');
  await assignAreas(db, await (points ?? incidentPoints(db, dataset.table)), layer.features, areaTable);
  const popKey = layer.properties.find((p) => /^(population|pop|pop_total|residents)$/i.test(p));
  return {
    id: ++boundaryCounter,
    layer,
    idProperty,
    nameProperty,
    ids: layer.features.map((f, i) => featureValue(f, idProperty) ?? String(i)),
    names: layer.features.map(
      (f, i) => featureValue(f, nameProperty) ?? featureValue(f, idProperty) ?? String(i),
    ),
    population: popKey ? Float64Array.from(layer.features, (f) => Number(f.properties?.[popKey]) || 0) : null,
    populationSource: popKey ? { kind: 'property', property: popKey } : null,
    areaTable,
  };
}

/**
 * The same boundaries with residents per area (aligned with their features), e.g. from a CSV joined by id.
 * @throws RangeError when the length differs from the number of areas
 */
export function withPopulation(
  boundaries: DatasetBoundaries,
  population: Float64Array | null,
  source: PopulationSource | null,
): DatasetBoundaries {
  if (population && population.length !== boundaries.ids.length) {
    throw new RangeError(
      `${population.length} populations for the ${boundaries.ids.length} areas of ${boundaries.layer.name}`,
    );
  }
  return { ...boundaries, population, populationSource: population ? source : null };
}

/** The same boundaries with other id and name properties (incident assignment is unchanged). */
export function withBoundaryProperties(
  boundaries: DatasetBoundaries,
  idProperty: string,
  nameProperty: string,
): DatasetBoundaries {
  const { features } = boundaries.layer;
  return {
    ...boundaries,
    idProperty,
    nameProperty,
    ids: features.map((f, i) => featureValue(f, idProperty) ?? String(i)),
    names: features.map((f, i) => featureValue(f, nameProperty) ?? featureValue(f, idProperty) ?? String(i)),
  };
}

function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
