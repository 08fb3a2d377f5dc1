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
import { msg } from '../analysis/messages/message';
import { failureOf, MessageError } from '../analysis/messages/message-error';
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

function numberCell(value: string | null, row: number, column: string, what: 'count' | 'population'): number {
  const v = value === null ? Number.NaN : Number(value.replace(/,/g, ''));
  if (!Number.isFinite(v))
    throw new MessageError(
      msg(`failure:panelFile.notNumber.${what}`, { row: String(row), column, value: value ?? '' }),
    );
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
    if (!unit) throw new MessageError(msg('failure:panelFile.emptyUnit', { row: String(row), column: cu }));
    if (!period)
      throw new MessageError(msg('failure:panelFile.emptyPeriod', { row: String(row), column: cp }));
    const c = numberCell(count ?? null, row, cc, 'count');
    if (c < 0)
      throw new MessageError(
        msg('failure:panelFile.negativeCount', { row: String(row), column: cc, value: String(c) }),
      );
    const pop = cpop ? numberCell(population ?? null, row, cpop, 'population') : undefined;
    if (pop !== undefined && !(pop > 0))
      throw new MessageError(
        msg('failure:panelFile.populationNotPositive', {
          row: String(row),
          column: String(cpop),
          value: String(pop),
        }),
      );
    return { unit, period, count: c, population: pop };
  });
  if (rows.length === 0) throw new MessageError(msg('failure:panelFile.noRows', { name: file.name }));
  try {
    return buildCountPanel(rows, { ...options, duplicates: 'error' });
  } catch (error) {
    // Row numbers from the panel builder count data rows, as the file does.
    const { error: text, errorMessage } = failureOf(error);
    throw new MessageError(
      msg('failure:panelFile.inFile', { name: file.name, detail: errorMessage ?? text }),
    );
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
    if (!unit)
      throw new MessageError(
        msg('failure:programFile.emptyUnit', { name: file.name, row: String(row), column: cu }),
      );
    const start = values[1] ? isoDateOf(values[1]) : null;
    if (!start)
      throw new MessageError(
        msg('failure:programFile.badLaunch', {
          name: file.name,
          row: String(row),
          column: cs,
          value: values[1] ?? '',
        }),
      );
    let end: string | null = null;
    if (ce && values[2]) {
      end = isoDateOf(values[2]);
      if (!end)
        throw new MessageError(
          msg('failure:programFile.badEnd', {
            name: file.name,
            row: String(row),
            column: ce,
            value: values[2],
          }),
        );
    }
    const name = columns.name ? (values[values.length - 1] ?? null) : null;
    return { unit, start, end, name };
  });
  if (sites.length === 0) throw new MessageError(msg('failure:programFile.noSites', { name: file.name }));
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
  if (rows.length === 0) throw new MessageError(msg('failure:panelFile.noIncidents'));
  const panel = buildCountPanel(rows, { ...options, units: allUnits, duplicates: 'error' });
  return { panel, unitlessRows };
}
