/**
 * A program's places as counts: each incident row assigned to one evaluation unit, then counted per
 * period and unit on the engine.
 *
 * Units. The catchment is one unit (the union of its polygons); each comparison feature and each donor
 * feature is its own unit; the optional displacement ring is the catchment buffered by `bufferMetres`
 * minus the catchment. Each incident row is assigned by {@link assignPointsToPolygons} to the FIRST containing
 * polygon in the order catchment, comparison units, donors, so a point on a shared boundary counts for
 * one unit only and the catchment wins over its neighbours. The ring is assigned separately (a row in the
 * ring may also lie in a comparison unit; the guardrails report how many).
 *
 * Counts are zero-filled per period (month or quarter) in the chosen unit (incidents or victims), with the
 * view's filters (hours, weekdays, attributes, fatal) applied; the series covers the whole table unless
 * `from`/`to` say otherwise. The launch period is the period containing the launch date.
 */

import { buffer } from '@turf/turf';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { msg } from '../../analysis/messages/message';
import { MessageError } from '../../analysis/messages/message-error';
import type { Connector } from '../../data/connector';
import { incidentPoints } from '../../data/incident-points';
import { numberColumn } from '../../data/rows';
import { unitSeriesQuery } from '../../data/sql/evaluation-queries';
import { dropTablesQuery } from '../../data/sql/import-queries';
import type { IncidentFilter } from '../../data/sql/incident-filter';
import type { PolygonFeature } from '../../geo/point-in-polygons';
import { assignPointsToPolygons } from '../../geo/polygon-assigner';

/** A named group of polygons that forms one evaluation unit. */
export interface EvaluationArea {
  id: string;
  label: string;
  features: PolygonFeature[];
}

/** The places of one evaluation. */
export interface EvaluationGeometry {
  /** The catchment's polygons (one unit, their union). */
  catchment: PolygonFeature[];
  catchmentLabel: string;
  /** Comparison units (DiD, WDD control, synthetic-control donors). */
  comparison: EvaluationArea[];
  /** Further donor units for the synthetic control only. */
  donors: EvaluationArea[];
  /** Displacement ring width in metres (0 = none). */
  bufferMetres: number;
}

/** Role of a unit. */
export type UnitRole = 'catchment' | 'comparison' | 'donor' | 'buffer';

/** Counts of one unit, one entry per period. */
export interface UnitSeries {
  id: string;
  label: string;
  role: UnitRole;
  total: Float64Array;
  fatal: Float64Array;
}

/** Zero-filled counts of every unit of an evaluation. */
export interface ProgramSeries {
  by: 'month' | 'quarter';
  unit: 'incidents' | 'victims';
  /** Period labels, `YYYY-MM` or `YYYY-Qn`, oldest first. */
  periods: string[];
  /** Month (0-11) or quarter (0-3) of the first period. */
  firstSeason: number;
  /** Launch date and the index of its period. */
  launch: string;
  launchIndex: number;
  units: UnitSeries[];
  bufferMetres: number;
  /** Rows that fall in the ring and also in a comparison or donor unit. */
  bufferOverlapRows: number;
}

/** Options of {@link programSeries}. */
export interface ProgramSeriesOptions {
  by?: 'month' | 'quarter';
  unit?: 'incidents' | 'victims';
  /** Engine filter (hours, weekdays, attributes, fatal); dates in it also restrict counting. */
  filter?: IncidentFilter;
  /** First and last day of the series (`YYYY-MM-DD`); default: the table's range. */
  from?: string;
  to?: string;
  /** Launch date `YYYY-MM-DD`. */
  launch: string;
  /** Engine table for the unit assignment (dropped after use; give each concurrent run its own). Default `program_eval_units`. */
  unitTable?: string;
}

/** Label of the period containing a `YYYY-MM-DD` date. */
export function periodOf(date: string, by: 'month' | 'quarter'): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  return by === 'month' ? `${y}-${date.slice(5, 7)}` : `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** The catchment buffered by `metres`, as polygon features (empty for 0). */
export function bufferFeatures(features: readonly PolygonFeature[], metres: number): PolygonFeature[] {
  if (!(metres > 0)) return [];
  return features.flatMap((f) => {
    const b = buffer(f, metres, { units: 'meters', steps: 8 });
    return b ? [{ type: 'Feature' as const, properties: {}, geometry: b.geometry } as PolygonFeature] : [];
  });
}

/**
 * Counts incidents (or victims) per unit and period on the engine (see the module header for the unit
 * rules). Throws RangeError when the catchment is empty or the launch lies outside the series.
 */
export async function programSeries(
  db: Connector,
  table: string,
  geometry: EvaluationGeometry,
  options: ProgramSeriesOptions,
): Promise<ProgramSeries> {
  const by = options.by ?? 'month';
  const unit = options.unit ?? 'incidents';
  if (geometry.catchment.length === 0) throw new MessageError(msg('failure:series.noPolygons'));
  const polygons: PolygonFeature[] = [];
  const unitOfPolygon: number[] = [];
  const meta: { id: string; label: string; role: UnitRole }[] = [
    { id: 'catchment', label: geometry.catchmentLabel, role: 'catchment' },
  ];
  for (const f of geometry.catchment) {
    polygons.push(f);
    unitOfPolygon.push(0);
  }
  for (const [role, list] of [
    ['comparison', geometry.comparison],
    ['donor', geometry.donors],
  ] as const) {
    for (const area of list) {
      const u = meta.length;
      meta.push({ id: area.id, label: area.label, role });
      for (const f of area.features) {
        polygons.push(f);
        unitOfPolygon.push(u);
      }
    }
  }
  const points = await incidentPoints(db, table);
  const hit = await assignPointsToPolygons(points.lon, points.lat, polygons);
  const rowIds: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < hit.length; i++) {
    const h = hit[i]!;
    if (h < 0) continue;
    rowIds.push(points.rowId[i]!);
    units.push(unitOfPolygon[h]!);
  }
  let bufferOverlapRows = 0;
  const ring = bufferFeatures(geometry.catchment, geometry.bufferMetres);
  if (ring.length > 0) {
    const bufferUnit = meta.length;
    meta.push({
      id: 'buffer',
      label: `${geometry.bufferMetres} m ring around the catchment`,
      role: 'buffer',
    });
    const inRing = await assignPointsToPolygons(points.lon, points.lat, ring);
    for (let i = 0; i < inRing.length; i++) {
      if (inRing[i]! < 0 || hit[i] === 0 || unitOfPolygon[hit[i]!] === 0) continue;
      if (hit[i]! >= 0) bufferOverlapRows++;
      rowIds.push(points.rowId[i]!);
      units.push(bufferUnit);
    }
  }
  const unitTable = options.unitTable ?? 'program_eval_units';
  await db.query(dropTablesQuery([unitTable]));
  await db.insertArrowIpc(
    unitTable,
    tableToIPC(
      tableFromArrays({ row_id: Float64Array.from(rowIds), unit: Int32Array.from(units) }),
      'stream',
    ),
  );
  let result: Awaited<ReturnType<Connector['query']>>;
  try {
    result = await db.query(
      unitSeriesQuery(table, unitTable, {
        by,
        unit,
        units: meta.length,
        filter: options.filter,
        from: options.from,
        to: options.to,
      }),
    );
  } finally {
    await db.query(dropTablesQuery([unitTable]));
  }
  const unitCol = numberColumn(result, 'unit');
  const periodCol = numberColumn(result, 'period');
  const totalCol = numberColumn(result, 'total');
  const fatalCol = numberColumn(result, 'fatal');
  const n = unitCol.length / meta.length;
  const periods: string[] = [];
  for (let t = 0; t < n; t++) {
    periods.push(periodOf(new Date(periodCol[t]!).toISOString().slice(0, 10), by));
  }
  const series: UnitSeries[] = meta.map((m, u) => ({
    ...m,
    total: totalCol.slice(u * n, (u + 1) * n),
    fatal: fatalCol.slice(u * n, (u + 1) * n),
  }));
  const launchIndex = periods.indexOf(periodOf(options.launch, by));
  if (launchIndex < 0) {
    throw new MessageError(
      msg('failure:series.launchOutside', {
        launch: options.launch,
        first: String(periods[0]),
        last: String(periods[periods.length - 1]),
      }),
    );
  }
  const first = new Date(periodCol[0]!);
  const firstSeason = by === 'month' ? first.getUTCMonth() : Math.floor(first.getUTCMonth() / 3);
  return {
    by,
    unit,
    periods,
    firstSeason,
    launch: options.launch,
    launchIndex,
    units: series,
    bufferMetres: ring.length > 0 ? geometry.bufferMetres : 0,
    bufferOverlapRows,
  };
}
