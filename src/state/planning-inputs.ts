/**
 * Inputs of the deployment planner, shared by the app and the command line: incidents from the engine
 * (one row per incident, with fatal flag and victims), the existing catchments each incident lies in or
 * near, and the neighborhood and year of each incident.
 */
import { buffer } from '@turf/turf';
import type { Connector } from '../data/connector';
import { numberColumn } from '../data/rows';
import type { IncidentFilter } from '../data/sql/incident-filter';
import { planningIncidentsQuery } from '../data/sql/planning-queries';
import { type PolygonFeature, pointInPolygons } from '../geo/point-in-polygons';

/** Incidents as columns. */
export interface PlanningIncidents {
  lon: Float64Array;
  lat: Float64Array;
  /** Days since 1970-01-01. */
  day: Int32Array;
  /** 1 when any victim died. */
  fatal: Uint8Array;
  /** Victim rows of the incident. */
  victims: Int32Array;
}

/** An existing program's catchment, as polygons. */
export interface ExistingCatchment {
  id: string;
  name: string;
  features: PolygonFeature[];
}

/** Reads the planning incidents of a table for a filter (see `planningIncidentsQuery`). */
export async function loadPlanningIncidents(
  db: Connector,
  table: string,
  filter: IncidentFilter = {},
): Promise<PlanningIncidents> {
  const r = await db.query(planningIncidentsQuery(table, filter));
  return {
    lon: numberColumn(r, 'lon'),
    lat: numberColumn(r, 'lat'),
    day: Int32Array.from(numberColumn(r, 'day')),
    fatal: Uint8Array.from(numberColumn(r, 'fatal')),
    victims: Int32Array.from(numberColumn(r, 'victims')),
  };
}

/** The incidents of `all` whose day is in [fromDay, toDay] (inclusive), as a new set of columns. */
export function incidentsBetween(all: PlanningIncidents, fromDay: number, toDay: number): PlanningIncidents {
  const keep: number[] = [];
  for (let i = 0; i < all.day.length; i++) if (all.day[i]! >= fromDay && all.day[i]! <= toDay) keep.push(i);
  return {
    lon: Float64Array.from(keep, (i) => all.lon[i]!),
    lat: Float64Array.from(keep, (i) => all.lat[i]!),
    day: Int32Array.from(keep, (i) => all.day[i]!),
    fatal: Uint8Array.from(keep, (i) => all.fatal[i]!),
    victims: Int32Array.from(keep, (i) => all.victims[i]!),
  };
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date. */
export function dayNumber(date: string): number {
  const t = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(t))
    throw new RangeError(`Expected a date YYYY-MM-DD, got "${date}".`);
  return Math.round(t / 86_400_000);
}

/** `YYYY-MM-DD` of a day number. */
export function dayDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Calendar year of each day number. */
export function yearsOf(day: Int32Array): Int32Array {
  return Int32Array.from(day, (d) => new Date(d * 86_400_000).getUTCFullYear());
}

/** The catchments widened by `metres` (turf buffer, 64 steps per quarter circle). */
export function widenedCatchments(features: readonly PolygonFeature[], metres: number): PolygonFeature[] {
  if (!(metres >= 0 && Number.isFinite(metres)))
    throw new RangeError(`walking distance must be ≥ 0 m (got ${metres})`);
  if (metres === 0) return [...features];
  return features.map((f) => {
    const b = buffer(f, metres, { units: 'meters', steps: 64 });
    if (!b) throw new RangeError('a catchment could not be widened (empty geometry)');
    return b as PolygonFeature;
  });
}

/** Per incident: inside any catchment, and inside or within `walkMetres` of one. */
export function catchmentFlags(
  points: { lon: Float64Array; lat: Float64Array },
  catchments: readonly ExistingCatchment[],
  walkMetres: number,
): { inside: Uint8Array; near: Uint8Array; catchment: Int32Array } {
  const owners: number[] = [];
  const features: PolygonFeature[] = [];
  catchments.forEach((c, k) => {
    for (const f of c.features) {
      features.push(f);
      owners.push(k);
    }
  });
  const hit = pointInPolygons(points.lon, points.lat, features);
  const hitNear = pointInPolygons(points.lon, points.lat, widenedCatchments(features, walkMetres));
  const n = points.lon.length;
  const inside = new Uint8Array(n);
  const near = new Uint8Array(n);
  const catchment = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (hit[i]! >= 0) {
      inside[i] = 1;
      catchment[i] = owners[hit[i]!]!;
    }
    if (hit[i]! >= 0 || hitNear[i]! >= 0) near[i] = 1;
  }
  return { inside, near, catchment };
}
