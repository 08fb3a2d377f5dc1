/**
 * Close pairs: every unordered pair of incidents no farther apart than a distance limit, found once with
 * a spatial index so that a near-repeat permutation test can re-use them.
 *
 * Distances are great-circle distances on a sphere of radius 6,371,008.8 m (the mean Earth radius, as in
 * turf), computed with the haversine formula from longitude/latitude in degrees (WGS84 values used as
 * spherical coordinates; the error against the ellipsoid is below 0.5 % and does not matter at the
 * hundreds-of-metres scale of near-repeat bands).
 *
 * The search builds a packed Hilbert R-tree (flatbush) over the points in degrees. For each incident the
 * query box is the exact latitude/longitude extent of a spherical cap of the limit radius (widened by a
 * relative 1e-9 so rounding never drops a pair), and each candidate is then checked with the exact
 * haversine distance. Boxes that cross the antimeridian are split in two; caps that reach a pole search
 * every longitude. Cost is about O(n log n + pairs), against O(n²) for comparing every pair.
 */

import Flatbush from 'flatbush';
import { knoxBands } from './knox-bands';

/** Mean Earth radius in metres (IUGG mean radius R1, as used by turf). */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const RADIANS = Math.PI / 180;

/** Incident locations as longitude/latitude columns in degrees (WGS84). */
export interface ClosePairsInput {
  /** Longitude in degrees, each in [-180, 180]. */
  lon: Float64Array;
  /** Latitude in degrees, each in [-90, 90]. Same length as `lon`. */
  lat: Float64Array;
}

/** Options of {@link closePairs}. */
export interface ClosePairsOptions {
  /**
   * Space band upper bounds in metres, strictly increasing and positive. Pairs farther apart than the last
   * bound are not returned. Band 0 is "same location" (exactly 0 m); band k ≥ 1 is
   * (spaceBands[k − 2] (or 0), spaceBands[k − 1]].
   */
  spaceBands: readonly number[];
}

/**
 * Pairs of incidents within the last space band, as parallel typed columns grouped by space band.
 * Pair `p` joins incidents `i[p] < j[p]`; pairs of band `b` occupy `bandStart[b] … bandStart[b + 1] − 1`.
 */
export interface ClosePairs {
  /** Lower incident index of each pair. */
  i: Int32Array;
  /** Higher incident index of each pair. */
  j: Int32Array;
  /** Space band of each pair: 0 = same location, k = the k-th distance band (see {@link ClosePairsOptions}). */
  spaceBand: Uint8Array;
  /** Offsets of each band's block of pairs; length = number of space rows + 1. */
  bandStart: Int32Array;
  /** Number of pairs. */
  count: number;
}

/**
 * Great-circle distance in metres between two points given in degrees (haversine formula on a sphere of
 * radius {@link EARTH_RADIUS_METRES}).
 */
export function haversineMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const sinHalfLat = Math.sin(((lat2 - lat1) * RADIANS) / 2);
  const sinHalfLon = Math.sin(((lon2 - lon1) * RADIANS) / 2);
  const a =
    sinHalfLat * sinHalfLat + Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS) * sinHalfLon * sinHalfLon;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1, a)));
}

/**
 * Finds every unordered pair of incidents at most `spaceBands[last]` metres apart and assigns each its
 * space band.
 *
 * @param input - longitude and latitude columns in degrees; equal lengths, finite, within range.
 * @param options - the space bands in metres.
 * @returns the pairs as typed columns, grouped by space band (ascending).
 * @throws {TypeError} when the columns are not Float64Arrays.
 * @throws {RangeError} on unequal lengths, non-finite or out-of-range coordinates, or invalid bands.
 */
export function closePairs(input: ClosePairsInput, options: ClosePairsOptions): ClosePairs {
  const { lon, lat } = input;
  checkCoordinates(lon, lat);
  const spaceBands = knoxBands(options.spaceBands, [1]).spaceBands;
  const rows = spaceBands.length + 1;
  const maxDistance = spaceBands[rows - 2]!;
  const n = lon.length;

  let capacity = Math.max(1024, n * 4);
  let pairI: Int32Array = new Int32Array(capacity);
  let pairJ: Int32Array = new Int32Array(capacity);
  let pairBand = new Uint8Array(capacity);
  let count = 0;

  if (n >= 2) {
    const index = new Flatbush(n);
    for (let k = 0; k < n; k++) {
      index.add(lon[k]!, lat[k]!, lon[k]!, lat[k]!);
    }
    index.finish();

    const capAngle = maxDistance / EARTH_RADIUS_METRES;
    const sinCap = Math.sin(capAngle);
    const dLat = (capAngle / RADIANS) * (1 + 1e-9) + 1e-12;
    let current = 0;
    let curLat = 0;
    let curLon = 0;

    // Called by flatbush for every candidate; it records the pair itself and returns false so that no
    // result array is built.
    const visit = (other: number): boolean => {
      if (other <= current) return false;
      // The same arithmetic as haversineMetres, so a pair at exactly a bound lands in that bound's band.
      const distance = haversineMetres(curLon, curLat, lon[other]!, lat[other]!);
      if (distance > maxDistance) return false;
      let band = 0;
      if (distance > 0) {
        band = 1;
        while (distance > spaceBands[band - 1]!) band++;
      }
      if (count === capacity) {
        capacity *= 2;
        pairI = grow(pairI, capacity);
        pairJ = grow(pairJ, capacity);
        const nextBand = new Uint8Array(capacity);
        nextBand.set(pairBand);
        pairBand = nextBand;
      }
      pairI[count] = current;
      pairJ[count] = other;
      pairBand[count] = band;
      count++;
      return false;
    };

    for (current = 0; current < n; current++) {
      curLat = lat[current]!;
      curLon = lon[current]!;
      const minY = curLat - dLat;
      const maxY = curLat + dLat;
      // Widest longitude span of the cap: asin(sin(cap) / cos(latitude)) at the cap's most poleward
      // latitude, which bounds the span at every latitude the cap covers.
      const poleward = Math.abs(curLat * RADIANS) + capAngle;
      const ratio = poleward >= Math.PI / 2 ? 2 : sinCap / Math.cos(poleward);
      if (ratio >= 1) {
        index.search(-180, minY, 180, maxY, visit);
        continue;
      }
      const dLon = (Math.asin(ratio) / RADIANS) * (1 + 1e-9) + 1e-12;
      const minX = curLon - dLon;
      const maxX = curLon + dLon;
      index.search(Math.max(-180, minX), minY, Math.min(180, maxX), maxY, visit);
      if (minX < -180) index.search(minX + 360, minY, 180, maxY, visit);
      if (maxX > 180) index.search(-180, minY, maxX - 360, maxY, visit);
    }
  }

  // Group pairs by band (counting sort) so the permutation loop needs no per-pair band lookup.
  const bandStart = new Int32Array(rows + 1);
  for (let p = 0; p < count; p++) bandStart[pairBand[p]! + 1]!++;
  for (let b = 0; b < rows; b++) bandStart[b + 1]! += bandStart[b]!;
  const cursor = bandStart.slice(0, rows);
  const i = new Int32Array(count);
  const j = new Int32Array(count);
  const spaceBand = new Uint8Array(count);
  for (let p = 0; p < count; p++) {
    const band = pairBand[p]!;
    const at = cursor[band]!++;
    i[at] = pairI[p]!;
    j[at] = pairJ[p]!;
    spaceBand[at] = band;
  }
  return { i, j, spaceBand, bandStart, count };
}

function grow(values: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(values);
  return next;
}

function checkCoordinates(lon: Float64Array, lat: Float64Array): void {
  if (!(lon instanceof Float64Array) || !(lat instanceof Float64Array)) {
    throw new TypeError('lon and lat must be Float64Arrays of degrees');
  }
  if (lon.length !== lat.length) {
    throw new RangeError(`lon and lat must have equal lengths (got ${lon.length} and ${lat.length})`);
  }
  for (let k = 0; k < lon.length; k++) {
    const x = lon[k]!;
    const y = lat[k]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      throw new RangeError(`coordinates must be finite (incident ${k}: lon ${x}, lat ${y})`);
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      throw new RangeError(`coordinates out of range (incident ${k}: lon ${x}, lat ${y})`);
    }
  }
}
