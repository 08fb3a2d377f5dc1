/**
 * "Hot now": a short-term risk surface built from the near-repeat pattern measured on the loaded data.
 *
 * **The pattern it rests on.** The Knox test ({@link knoxTest}) counts pairs of incidents by distance band
 * and time band and compares each count O with its expectation E when dates are shuffled. This module keeps
 * the cells of the Knox table with ratio O/E > 1 whose permutation p-values survive the Benjamini-Hochberg
 * false discovery rate at `alpha` (default 0.05) over the cells of the table (with 20 cells, one would reach
 * p < 0.05 by chance about every other time, so single p-values are not enough): the **significant bands**.
 * If none survives there is no measured near-repeat pattern and no surface (`nearRepeatWindow` returns null,
 * and nothing is drawn).
 *
 * **The surface.** In a significant band (s, t) the Knox table holds O − E more pairs than chance, so an
 * incident is followed, on average, by (O − E) / N extra incidents in that band, N being the number of
 * incidents the test ran on. Spread evenly over the band's ring (area π(b_s² − b_{s−1}²)) and its days, an
 * incident i raises the expected count of a study cell c of area a on a day u by
 * (O − E) / N · a / ring area / band days, using the band that holds (distance from i to c's centre, u − day_i);
 * the "same location" band goes wholly to i's own cell. The **boost** of c is the sum over the incidents
 * before the reference day and over the `horizonDays` days ahead (default 7): the expected number of extra
 * incidents in c in the coming week. It decays with distance and time exactly as the measured excess does and
 * is zero beyond the measured window.
 *
 * **How to read it.** The hot-now ranking of a cell is its usual level (the caller adds the expected count
 * of the week from the year before) plus the boost: "expected incidents here this week, given what just
 * happened nearby". The boost alone is what the map shows. It ranks places for the short term; it says
 * nothing about people.
 *
 * Options: `alpha` 0.05; `horizonDays` 7.
 *
 * References: Johnson, S. D. & Bowers, K. J. (2004). The burglary as clue to the future: the beginnings of
 * prospective hot-spotting. European Journal of Criminology, 1(2), 237–255. Ratcliffe, J. H. & Rengert,
 * G. F. (2008). Near-repeat patterns in Philadelphia shootings. Security Journal, 21, 58–76. Benjamini, Y.
 * & Hochberg, Y. (1995). Controlling the false discovery rate. JRSS B, 57(1), 289–300.
 */

import Flatbush from 'flatbush';
import { benjaminiHochberg } from '../hotspots/benjamini-hochberg';
import { EARTH_RADIUS_METRES, haversineMetres } from '../nearrepeat/close-pairs';
import type { KnoxResult } from '../nearrepeat/knox-test';

/** One significant Knox cell. */
export interface SignificantBand {
  /** Row (0 = same location) and column of the Knox table. */
  row: number;
  column: number;
  spaceLabel: string;
  timeLabel: string;
  ratio: number;
  p: number;
  /** Benjamini-Hochberg q over the cells of the table. */
  q: number;
  /** Extra incidents per incident in this band, (O − E) / N. */
  excessPerIncident: number;
}

/** The measured near-repeat window a surface rests on. */
export interface NearRepeatWindow {
  /** Significant cells, row by row. */
  bands: SignificantBand[];
  /** Farthest significant distance, metres (0 when only "same location" is significant). */
  distanceMetres: number;
  /** Longest significant time, days. */
  days: number;
  /** Space band bounds and time band bounds of the Knox table. */
  spaceBands: number[];
  timeBands: number[];
  /**
   * rate[row][column]: extra incidents per incident, per square metre and per day in the band,
   * (O − E) / N / ring area / band days, for significant cells, 0 elsewhere. Row 0 ("same location") is
   * per day only (it goes wholly to the incident's own cell).
   */
  rate: number[][];
  /** Significance level used. */
  alpha: number;
  /** Plain-language statement of the window, e.g. "within 200 m and 14 days (…)". */
  statement: string;
}

/**
 * The significant bands of a Knox result, or null when no band has p ≤ alpha and ratio > 1.
 *
 * @param knox - a Knox test result on the loaded data.
 * @param alpha - significance level, in (0, 1). Default 0.05.
 */
export function nearRepeatWindow(knox: KnoxResult, alpha = 0.05): NearRepeatWindow | null {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1) (got ${alpha})`);
  const columns = knox.timeBands.length;
  const q = benjaminiHochberg(Float64Array.from(knox.p.flat()));
  const bands: SignificantBand[] = [];
  const rate = knox.ratio.map((row) => row.map(() => 0));
  let distanceMetres = 0;
  let days = 0;
  knox.ratio.forEach((row, s) => {
    row.forEach((ratio, t) => {
      const qv = q[s * columns + t]!;
      if (!(qv <= alpha && Number.isFinite(ratio) && ratio > 1)) return;
      const excessPerIncident = (knox.observed[s]![t]! - knox.expected[s]![t]!) / knox.incidents;
      const inner = s <= 1 ? 0 : knox.spaceBands[s - 2]!;
      const outer = s === 0 ? 0 : knox.spaceBands[s - 1]!;
      const ring = s === 0 ? 1 : Math.PI * (outer * outer - inner * inner);
      const firstDay = t === 0 ? 0 : knox.timeBands[t - 1]! + 1;
      const bandDays = knox.timeBands[t]! - firstDay + 1;
      rate[s]![t] = excessPerIncident / ring / bandDays;
      bands.push({
        row: s,
        column: t,
        spaceLabel: knox.spaceLabels[s]!,
        timeLabel: knox.timeLabels[t]!,
        ratio,
        p: knox.p[s]![t]!,
        q: qv,
        excessPerIncident,
      });
      distanceMetres = Math.max(distanceMetres, outer);
      days = Math.max(days, knox.timeBands[t]!);
    });
  });
  if (bands.length === 0) return null;
  const listed = bands.map((b) => `${b.spaceLabel} × ${b.timeLabel}: ratio ${b.ratio.toFixed(2)}`).join('; ');
  return {
    bands,
    distanceMetres,
    days,
    spaceBands: [...knox.spaceBands],
    timeBands: [...knox.timeBands],
    rate,
    alpha,
    statement: `within ${distanceMetres} m and ${days} days of an incident (Knox bands with FDR q ≤ ${alpha}: ${listed})`,
  };
}

/** Incidents (location and day) that feed the surface. */
export interface HotNowIncidents {
  lon: Float64Array;
  lat: Float64Array;
  /** Day numbers (days since 1970-01-01). */
  day: Int32Array;
  /** Position of each incident's own study cell, or −1 (optional). */
  cell?: Int32Array;
}

/** Study cell centres. */
export interface CellCentres {
  lon: Float64Array;
  lat: Float64Array;
}

/** A spatial index of cell centres, built once and reused for every reference day. */
export interface CellCentreIndex {
  centres: CellCentres;
  index: Flatbush;
}

/** Builds the spatial index of cell centres used by {@link hotNowRisk}. */
export function cellCentreIndex(centres: CellCentres): CellCentreIndex {
  const n = centres.lon.length;
  const index = new Flatbush(Math.max(1, n));
  for (let c = 0; c < n; c++) index.add(centres.lon[c]!, centres.lat[c]!, centres.lon[c]!, centres.lat[c]!);
  if (n === 0) index.add(0, 0, 0, 0);
  index.finish();
  return { centres, index };
}

function rowOf(distance: number, spaceBands: readonly number[]): number {
  if (distance === 0) return 0;
  for (let s = 0; s < spaceBands.length; s++) if (distance <= spaceBands[s]!) return s + 1;
  return -1;
}

function columnOf(days: number, timeBands: readonly number[]): number {
  if (days < 0) return -1;
  for (let t = 0; t < timeBands.length; t++) if (days <= timeBands[t]!) return t;
  return -1;
}

/**
 * The hot-now boost of every study cell for the `horizonDays` days starting at `referenceDay`, from the
 * incidents strictly before `referenceDay`: expected extra incidents per cell.
 *
 * @param window - the measured near-repeat window ({@link nearRepeatWindow}).
 * @param incidents - incident locations, days and (optionally) own cells; any order.
 * @param cells - cell centres with their index ({@link cellCentreIndex}).
 * @param cellAreaSquareMetres - area of one study cell (H3 cells of one resolution are nearly equal).
 * @param referenceDay - first day of the period at risk.
 * @param horizonDays - length of the period at risk, whole days ≥ 1. Default 7.
 * @returns boost per cell (cell order).
 */
export function hotNowRisk(
  window: NearRepeatWindow,
  incidents: HotNowIncidents,
  cells: CellCentreIndex,
  cellAreaSquareMetres: number,
  referenceDay: number,
  horizonDays = 7,
): Float64Array {
  if (!Number.isInteger(horizonDays) || horizonDays < 1)
    throw new RangeError(`horizonDays must be a whole number ≥ 1 (got ${horizonDays})`);
  if (!(cellAreaSquareMetres > 0))
    throw new RangeError(`cell area must be > 0 (got ${cellAreaSquareMetres})`);
  const { lon, lat } = cells.centres;
  const risk = new Float64Array(lon.length);
  if (lon.length === 0) return risk;
  const reach = Math.max(window.distanceMetres, 1);
  const dLat = ((reach / EARTH_RADIUS_METRES) * 180) / Math.PI;
  const { rate, spaceBands, timeBands } = window;
  const sameLocation = rate[0]!;
  for (let i = 0; i < incidents.day.length; i++) {
    const age = referenceDay - incidents.day[i]!;
    if (age <= 0 || age > window.days) continue;
    const x = incidents.lon[i]!;
    const y = incidents.lat[i]!;
    const own = incidents.cell ? incidents.cell[i]! : -1;
    if (own >= 0) {
      let total = 0;
      for (let u = 0; u < horizonDays; u++) {
        const t = columnOf(age + u, timeBands);
        if (t >= 0) total += sameLocation[t]!;
      }
      risk[own]! += total;
    }
    const dLon = dLat / Math.cos((Math.min(89.9, Math.abs(y) + dLat) * Math.PI) / 180);
    for (const c of cells.index.search(x - dLon, y - dLat, x + dLon, y + dLat)) {
      const d = haversineMetres(x, y, lon[c]!, lat[c]!);
      const row = rowOf(d, spaceBands);
      if (row < 1) continue;
      let total = 0;
      for (let u = 0; u < horizonDays; u++) {
        const t = columnOf(age + u, timeBands);
        if (t >= 0) total += rate[row]![t]!;
      }
      risk[c]! += total * cellAreaSquareMetres;
    }
  }
  return risk;
}
