/**
 * The hotspot pipeline shared by the app and the command line, so both compute identical numbers:
 * incident points from the engine → H3 study grid over the study area (zero cells included) → counts per
 * cell → Getis-Ord Gi* → Benjamini-Hochberg q → hot/cold classes at 99/95/90 %; the same grid per time
 * slice for emerging hot spots; and the points as columns for the near-repeat (Knox) test.
 *
 * The grid is built once from every incident of the dataset (polygon cells whose centre is inside the
 * study area, plus the cells of incidents inside the area whose centre is outside), and the filtered
 * incidents are then counted on it. The cells therefore do not change while the time brush or the
 * attribute filters move, and a filtered run in the app gives the same cells as the command line.
 *
 * Study area: a boundary polygon set when one is given (the command line's `--study-area`, the demo city
 * outline, or the boundary layer loaded in the app), otherwise the convex hull of the incidents pushed
 * 50 m outwards ({@link convexHullStudyArea}).
 */
import { benjaminiHochberg } from '../analysis/hotspots/benjamini-hochberg';
import {
  type EmergingHotSpotsOptions,
  type EmergingHotSpotsResult,
  emergingHotSpots,
} from '../analysis/hotspots/emerging-hot-spots';
import { getisOrdGiStar } from '../analysis/hotspots/getis-ord-gi-star';
import { hotspotClasses } from '../analysis/hotspots/hotspot-classes';
import type { Connector } from '../data/connector';
import { numberColumn } from '../data/rows';
import { type HotspotPointsOptions, hotspotPointsQuery } from '../data/sql/hotspot-queries';
import {
  assignIncidentsToGrid,
  type H3NeighborList,
  type H3StudyGrid,
  h3KRingNeighbors,
  h3StudyGridForIncidents,
  type IncidentAssignment,
  type PolygonFeature,
  type StudyArea,
  type StudyAreaIndex,
  studyAreaIndex,
} from '../geo/h3-study-grid';

/** Incidents (or victims) as columns: location in degrees, day and month numbers. */
export interface HotspotPoints {
  /** Longitude in degrees. */
  lon: Float64Array;
  /** Latitude in degrees. */
  lat: Float64Array;
  /** Days since 1970-01-01. */
  day: Int32Array;
  /** Months since January 1970 (January 1970 = 0). */
  month: Int32Array;
}

/** Reads the points of a table for a filter and unit (see `hotspotPointsQuery`). */
export async function loadHotspotPoints(
  db: Connector,
  table: string,
  options: HotspotPointsOptions = {},
): Promise<HotspotPoints> {
  const result = await db.query(hotspotPointsQuery(table, options));
  return {
    lon: numberColumn(result, 'lon'),
    lat: numberColumn(result, 'lat'),
    day: Int32Array.from(numberColumn(result, 'day')),
    month: Int32Array.from(numberColumn(result, 'month')),
  };
}

/** A study grid ready for Gi*: cells, k-ring neighbours and the study-area tester. */
export interface HotspotGrid {
  /** H3 resolution. */
  resolution: number;
  /** Neighbourhood ring size (1 = the cell and its 6 neighbours). */
  k: number;
  grid: H3StudyGrid;
  neighbors: H3NeighborList;
  area: StudyAreaIndex;
}

/**
 * The study grid over `area` at `resolution`, with the cells of `gridPoints` inside the area added, and
 * its k-ring neighbour lists (self included).
 *
 * @param area study-area polygons (lon/lat)
 * @param resolution H3 resolution 0..15 (the app offers 7..10)
 * @param k ring size ≥ 1
 * @param gridPoints every incident of the dataset (unfiltered), so the grid is stable under filters
 */
export function buildHotspotGrid(
  area: StudyArea,
  resolution: number,
  k: number,
  gridPoints: Pick<HotspotPoints, 'lon' | 'lat'>,
): HotspotGrid {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1, got ${k}.`);
  const { grid } = h3StudyGridForIncidents(area, resolution, gridPoints.lon, gridPoints.lat, {
    containment: 'index',
  });
  if (grid.cells.length < 2) {
    throw new RangeError(`The study area holds ${grid.cells.length} H3 cell(s) at resolution ${resolution}.`);
  }
  return { resolution, k, grid, neighbors: h3KRingNeighbors(grid, k), area: studyAreaIndex(area) };
}

/** Gi* hot spot result per study cell (every column in `cells` order). */
export interface HotspotResult {
  /** H3 cells of the study grid. */
  cells: readonly string[];
  /** Incidents (or victims) per cell, zero cells included. */
  counts: Float64Array;
  /** Gi* z-score per cell. */
  z: Float64Array;
  /** Two-sided normal p-value per cell. */
  p: Float64Array;
  /** Benjamini-Hochberg q-value per cell (always computed; used for the classes when `fdr`). */
  q: Float64Array;
  /** Class code per cell: +3..+1 hot at 99/95/90 %, 0 not significant, −1..−3 cold. */
  classes: Int8Array;
  /** Whether the classes use q (true) or p (false). */
  fdr: boolean;
  /** Σ of counts over each cell's k-ring (self included). */
  neighborSum: Float64Array;
  /** Number of study cells in each cell's k-ring (self included). */
  neighborCount: Int32Array;
  /** Points outside the study area (not counted). */
  excluded: number;
  /** Points counted in the grid. */
  counted: number;
  /** Global mean and spread of the counts. */
  mean: number;
  sd: number;
  resolution: number;
  k: number;
}

/** Gi*, q and classes for counts already on the grid. */
export function hotspotStatistics(
  g: HotspotGrid,
  counts: Float64Array,
  excluded: number,
  options: { fdr?: boolean } = {},
): HotspotResult {
  const fdr = options.fdr ?? true;
  const gi = getisOrdGiStar(counts, g.neighbors);
  const q = benjaminiHochberg(gi.p);
  const { classes } = hotspotClasses(gi.z, gi.p, { fdr });
  let counted = 0;
  for (const c of counts) counted += c;
  return {
    cells: g.grid.cells,
    counts,
    z: gi.z,
    p: gi.p,
    q,
    classes,
    fdr,
    neighborSum: gi.neighborSum,
    neighborCount: gi.neighborCount,
    excluded,
    counted,
    mean: gi.mean,
    sd: gi.sd,
    resolution: g.resolution,
    k: g.k,
  };
}

/** Assigns points to the grid (outside the area: excluded). */
export function assignHotspotPoints(
  g: HotspotGrid,
  points: Pick<HotspotPoints, 'lon' | 'lat'>,
): IncidentAssignment {
  return assignIncidentsToGrid(g.grid, g.area, points.lon, points.lat);
}

/**
 * Gi* hot spots of `points` on the grid: counts per cell, z, p, BH q and classes (by q when `fdr`, the
 * default, else by p).
 */
export function hotspotAnalysis(
  g: HotspotGrid,
  points: Pick<HotspotPoints, 'lon' | 'lat'>,
  options: { fdr?: boolean } = {},
): HotspotResult {
  const a = assignHotspotPoints(g, points);
  return hotspotStatistics(g, a.counts, a.excluded + a.notInGrid, options);
}

/** Time slice of an emerging hot spot analysis. */
export type SliceUnit = 'month' | 'quarter' | 'year';

/** Slice number of a month number (months since January 1970). */
export function sliceOfMonth(month: number, unit: SliceUnit): number {
  return unit === 'month' ? month : Math.floor(month / (unit === 'quarter' ? 3 : 12));
}

/** Label of a slice: "2019", "2019-Q3" or "2019-07". */
export function sliceLabel(slice: number, unit: SliceUnit): string {
  if (unit === 'year') return String(1970 + slice);
  if (unit === 'quarter') return `${1970 + Math.floor(slice / 4)}-Q${(slice % 4) + 1}`;
  return `${1970 + Math.floor(slice / 12)}-${String((slice % 12) + 1).padStart(2, '0')}`;
}

/** Month number (months since January 1970) of a `YYYY-MM` or `YYYY-MM-DD` text. */
export function monthNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  if (!Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12) {
    throw new RangeError(`Expected a date YYYY-MM[-DD], got "${date}".`);
  }
  return (y - 1970) * 12 + m - 1;
}

/** Options of {@link emergingAnalysis}. */
export interface EmergingAnalysisOptions extends EmergingHotSpotsOptions {
  /** Slice length. Default 'year'. */
  slice?: SliceUnit;
  /** First and last month number covered (zero-filled); default the points' own range. */
  fromMonth?: number;
  toMonth?: number;
}

/** Result of {@link emergingAnalysis}. */
export interface EmergingAnalysisResult {
  cells: readonly string[];
  slice: SliceUnit;
  /** Slice labels in time order. */
  sliceLabels: string[];
  /** Counts per slice (one Float64Array per slice, cell order). */
  countsBySlice: Float64Array[];
  result: EmergingHotSpotsResult;
  /** Points outside the study area. */
  excluded: number;
  /** Points outside the slice range. */
  outOfRange: number;
  resolution: number;
  k: number;
}

/**
 * Emerging hot spots of `points` on the grid: counts per cell per slice (zero slices kept), Gi* per
 * slice, Mann-Kendall trend and the ArcGIS pattern of each cell (see `emergingHotSpots`).
 */
export function emergingAnalysis(
  g: HotspotGrid,
  points: HotspotPoints,
  options: EmergingAnalysisOptions = {},
): EmergingAnalysisResult {
  const unit = options.slice ?? 'year';
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const m of points.month) {
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  const fromMonth = options.fromMonth ?? lo;
  const toMonth = options.toMonth ?? hi;
  if (!Number.isFinite(fromMonth) || !Number.isFinite(toMonth) || toMonth < fromMonth) {
    throw new RangeError('Emerging hot spots need incidents in a non-empty time range.');
  }
  const first = sliceOfMonth(fromMonth, unit);
  const last = sliceOfMonth(toMonth, unit);
  const slices = last - first + 1;
  if (slices < 2)
    throw new RangeError(`The time range holds ${slices} ${unit} slice; at least 2 are needed.`);
  const n = g.grid.cells.length;
  const countsBySlice = Array.from({ length: slices }, () => new Float64Array(n));
  const a = assignHotspotPoints(g, points);
  let outOfRange = 0;
  for (let t = 0; t < a.cellIndex.length; t++) {
    const j = a.cellIndex[t] as number;
    if (j < 0) continue;
    const m = points.month[t] as number;
    if (m < fromMonth || m > toMonth) {
      outOfRange++;
      continue;
    }
    const s = countsBySlice[sliceOfMonth(m, unit) - first] as Float64Array;
    s[j] = (s[j] as number) + 1;
  }
  const result = emergingHotSpots(countsBySlice, g.neighbors, {
    fdr: options.fdr,
    alpha: options.alpha,
    trendAlpha: options.trendAlpha,
    validate: false,
  });
  return {
    cells: g.grid.cells,
    slice: unit,
    sliceLabels: Array.from({ length: slices }, (_, s) => sliceLabel(first + s, unit)),
    countsBySlice,
    result,
    excluded: a.excluded + a.notInGrid,
    outOfRange,
    resolution: g.resolution,
    k: g.k,
  };
}

/**
 * A study area for data without boundaries: the convex hull of the points, each vertex moved 50 m away
 * from the hull's centroid so that incidents on the hull are inside. Throws when fewer than 3 distinct
 * points are given or they are collinear.
 */
export function convexHullStudyArea(lon: Float64Array, lat: Float64Array): PolygonFeature {
  const pts: [number, number][] = [];
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i] as number;
    const y = lat[i] as number;
    if (Number.isFinite(x) && Number.isFinite(y)) pts.push([x, y]);
  }
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: [number, number][]): [number, number][] => {
    const out: [number, number][] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(pts), ...half([...pts].reverse())];
  if (hull.length < 3) throw new RangeError('The incidents do not span an area (fewer than 3 corners).');
  let cx = 0;
  let cy = 0;
  for (const [x, y] of hull) {
    cx += x;
    cy += y;
  }
  cx /= hull.length;
  cy /= hull.length;
  const metresPerDegLat = 111_195;
  const metresPerDegLon = metresPerDegLat * Math.cos((cy * Math.PI) / 180);
  const ring = hull.map(([x, y]): [number, number] => {
    const dx = (x - cx) * metresPerDegLon;
    const dy = (y - cy) * metresPerDegLat;
    const d = Math.hypot(dx, dy) || 1;
    return [x + ((dx / d) * 50) / metresPerDegLon, y + ((dy / d) * 50) / metresPerDegLat];
  });
  ring.push(ring[0]!);
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] } };
}
