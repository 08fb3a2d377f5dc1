/**
 * Unit × period panels for network and city-level evaluation, from either source the product accepts:
 * an incident table (units from one of its columns, e.g. the source's own precinct, or from boundary
 * polygons by point in polygon), or an aggregate file (unit, period, count, optional population) in CSV
 * or Parquet. Both end in the same balanced, zero-filled {@link CountPanel}, so every estimator sees the
 * same numbers whichever way the data came in. Also reads program tables (unit, launch, end, name).
 */
import {
  buildCountPanel,
  type CountPanel,
  type PanelRow,
  type ProgramSite,
} from '../analysis/evaluation/panel/count-panel';
import type { PanelStep } from '../analysis/evaluation/panel/panel-periods';
import { assignAreas } from '../data/area-assignment';
import type { Connector } from '../data/connector';
import { incidentPoints } from '../data/incident-points';
import { arrowRows } from '../data/rows';
import { isCalendarDate } from '../data/sql/incident-filter';
import { unitlessRowsQuery, unitPeriodCountsQuery } from '../data/sql/panel-queries';
import { readTableColumns, type TableFile } from '../data/table-files';
import type { PolygonFeature } from '../geo/point-in-polygons';

/** Common panel options. */
export interface PanelOptions {
  step: PanelStep;
  /** First and last day (`YYYY-MM-DD`) or period; default the data's own range. */
  from?: string;
  to?: string;
  excludeUnits?: readonly string[];
}

/** Columns of an aggregate panel file. */
export interface PanelColumns {
  unit: string;
  period: string;
  count: string;
  population?: string;
}

/** Which columns of a program table hold what. */
export interface ProgramColumns {
  unit: string;
  start: string;
  end?: string;
  name?: string;
}

/** Where an incident table's units come from. */
export type IncidentUnits =
  | { column: string }
  | { features: readonly PolygonFeature[]; labels: readonly string[] };

function numberCell(value: string | null, row: number, column: string, what: string): number {
  const v = value === null ? Number.NaN : Number(value.replace(/,/g, ''));
  if (!Number.isFinite(v))
    throw new RangeError(`row ${row}, column "${column}": ${what} "${value ?? ''}" is not a number`);
  return v;
}

/**
 * Reads an aggregate panel file into a balanced panel. Missing unit-periods are zero; a repeated
 * unit-period is an error.
 * @throws ImportError / RangeError naming the row and column of the first bad value
 */
export async function panelFromFile(
  db: Connector,
  file: TableFile,
  columns: PanelColumns,
  options: PanelOptions,
): Promise<CountPanel> {
  const wanted = [
    columns.unit,
    columns.period,
    columns.count,
    ...(columns.population ? [columns.population] : []),
  ];
  const text = await readTableColumns(db, file, wanted);
  const [cu, cp, cc, cpop] = text.columns as [string, string, string, string | undefined];
  const rows: PanelRow[] = text.rows.map(({ row, values }) => {
    const [unit, period, count, population] = values;
    if (!unit) throw new RangeError(`row ${row}, column "${cu}": the unit is empty`);
    if (!period) throw new RangeError(`row ${row}, column "${cp}": the period is empty`);
    const c = numberCell(count ?? null, row, cc, 'count');
    if (c < 0) throw new RangeError(`row ${row}, column "${cc}": count ${c} is negative`);
    const pop = cpop ? numberCell(population ?? null, row, cpop, 'population') : undefined;
    if (pop !== undefined && !(pop > 0))
      throw new RangeError(`row ${row}, column "${cpop}": population ${pop} must be > 0`);
    return { unit, period, count: c, population: pop };
  });
  if (rows.length === 0) throw new RangeError(`"${file.name}" has no data rows`);
  try {
    return buildCountPanel(rows, { ...options, duplicates: 'error' });
  } catch (error) {
    // Row numbers from the panel builder count data rows, as the file does.
    throw new RangeError(`"${file.name}": ${(error as Error).message}`);
  }
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A launch or end date as `YYYY-MM-DD` (also read from M/D/YYYY), or null when unreadable. */
export function isoDateOf(value: string): string | null {
  const text = value.trim().slice(0, 10);
  if (isCalendarDate(text)) return text;
  const m = US_DATE.exec(value.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * Reads a program table: one row per site.
 * @throws RangeError naming the row and column of an empty unit or an unreadable date
 */
export async function programSitesFromFile(
  db: Connector,
  file: TableFile,
  columns: ProgramColumns,
): Promise<ProgramSite[]> {
  const wanted = [
    columns.unit,
    columns.start,
    ...(columns.end ? [columns.end] : []),
    ...(columns.name ? [columns.name] : []),
  ];
  const text = await readTableColumns(db, file, wanted);
  const [cu, cs] = text.columns as [string, string];
  const ce = columns.end ? (text.columns[2] as string) : undefined;
  const sites = text.rows.map(({ row, values }) => {
    const unit = values[0];
    if (!unit) throw new RangeError(`"${file.name}" row ${row}, column "${cu}": the unit is empty`);
    const start = values[1] ? isoDateOf(values[1]) : null;
    if (!start)
      throw new RangeError(
        `"${file.name}" row ${row}, column "${cs}": launch "${values[1] ?? ''}" is not a date (YYYY-MM-DD)`,
      );
    let end: string | null = null;
    if (ce && values[2]) {
      end = isoDateOf(values[2]);
      if (!end)
        throw new RangeError(
          `"${file.name}" row ${row}, column "${ce}": end "${values[2]}" is not a date (YYYY-MM-DD)`,
        );
    }
    const name = columns.name ? (values[values.length - 1] ?? null) : null;
    return { unit, start, end, name };
  });
  if (sites.length === 0) throw new RangeError(`"${file.name}" lists no site`);
  return sites;
}

/** A panel from the incident table and how many matching rows had no unit. */
export interface IncidentPanel {
  panel: CountPanel;
  unitlessRows: number;
}

/**
 * Counts incidents or victims per unit and period in a loaded incident table.
 * @param units a column of the canonical table (`precinct`, `district`, `attr:<name>`), or polygons with
 *   their unit ids (first containing polygon wins)
 */
export async function panelFromIncidents(
  db: Connector,
  table: string,
  units: IncidentUnits,
  options: PanelOptions & { unit: 'incidents' | 'victims' },
): Promise<IncidentPanel> {
  const filter = { from: options.from, to: options.to };
  let query: Parameters<typeof unitPeriodCountsQuery>[1];
  let allUnits: readonly string[] | undefined;
  if ('column' in units) {
    query = { by: options.step, unit: options.unit, unitColumn: units.column, filter };
  } else {
    const areaTable = '__network_unit_areas';
    await assignAreas(db, await incidentPoints(db, table), units.features, areaTable);
    query = { by: options.step, unit: options.unit, areaTable, areaLabels: units.labels, filter };
    allUnits = units.labels;
  }
  const rows = arrowRows(await db.query(unitPeriodCountsQuery(table, query))).map((r) => ({
    unit: String(r.unit),
    period: new Date(Number(r.period)).toISOString().slice(0, 10),
    count: Number(r.count),
  }));
  const unitlessRows = Number(arrowRows(await db.query(unitlessRowsQuery(table, query)))[0]?.n ?? 0);
  if (rows.length === 0) throw new RangeError('no incident with a unit falls in the chosen period');
  const panel = buildCountPanel(rows, { ...options, units: allUnits, duplicates: 'error' });
  return { panel, unitlessRows };
}
