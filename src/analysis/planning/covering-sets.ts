/**
 * Covering sets: which demand points (incidents) lie within a radius of each candidate site, the input of
 * every covering-location statistic in this folder.
 *
 * **What it computes.** For candidate site j and demand point i, site j covers i when the great-circle
 * distance between them is at most `radiusMetres` (haversine on a sphere of radius 6,371,008.8 m, as in
 * {@link haversineMetres}). The result lists, for every site, the demand points it covers, in compressed
 * sparse row form; the transposed lists (the sites covering each demand point) are built on request.
 *
 * **Method.** A packed Hilbert R-tree (flatbush) over the demand points is queried with each site's
 * latitude/longitude box widened by a relative 1e-9, and each candidate is checked with the exact
 * haversine distance, so the cost is about O((sites + demand) log n + covered pairs) rather than
 * O(sites × demand). Straight-line distance is used: a walking route is longer, so a radius of R metres
 * stands for "about R metres as the crow flies".
 */
import Flatbush from 'flatbush';
import { EARTH_RADIUS_METRES, haversineMetres } from '../nearrepeat/close-pairs';

/** Sites and the demand points each covers, as compressed rows. */
export interface CoveringSets {
  /** Number of sites (rows). */
  sites: number;
  /** Number of demand points. */
  demand: number;
  /** Length sites + 1: the points covered by site j are `members[offset[j]] … members[offset[j + 1] − 1]`. */
  offset: Int32Array;
  /** Demand point indices, ascending within each site. */
  members: Int32Array;
}

/** Points as longitude/latitude columns in degrees (WGS84). */
export interface LonLatColumns {
  lon: Float64Array;
  lat: Float64Array;
}

function checkColumns(p: LonLatColumns, name: string): void {
  if (!(p.lon instanceof Float64Array) || !(p.lat instanceof Float64Array))
    throw new TypeError(`${name}: lon and lat must be Float64Arrays`);
  if (p.lon.length !== p.lat.length)
    throw new RangeError(`${name}: lon and lat differ in length (${p.lon.length} vs ${p.lat.length})`);
  for (let i = 0; i < p.lon.length; i++) {
    if (!(Math.abs(p.lon[i]!) <= 180 && Math.abs(p.lat[i]!) <= 90))
      throw new RangeError(`${name}: point ${i} has invalid coordinates (${p.lon[i]}, ${p.lat[i]})`);
  }
}

/**
 * The demand points within `radiusMetres` of each site.
 *
 * @param sites - candidate site centres (degrees).
 * @param demand - demand points (degrees).
 * @param radiusMetres - coverage radius in metres, finite and > 0.
 * @throws {RangeError} on bad coordinates or radius.
 */
export function coveringSets(
  sites: LonLatColumns,
  demand: LonLatColumns,
  radiusMetres: number,
): CoveringSets {
  checkColumns(sites, 'sites');
  checkColumns(demand, 'demand');
  if (!(Number.isFinite(radiusMetres) && radiusMetres > 0))
    throw new RangeError(`radiusMetres must be a finite number > 0 (got ${radiusMetres})`);
  const n = demand.lon.length;
  const m = sites.lon.length;
  const offset = new Int32Array(m + 1);
  if (n === 0 || m === 0) return { sites: m, demand: n, offset, members: new Int32Array(0) };
  const index = new Flatbush(n);
  for (let i = 0; i < n; i++) index.add(demand.lon[i]!, demand.lat[i]!, demand.lon[i]!, demand.lat[i]!);
  index.finish();
  const dLat = ((radiusMetres / EARTH_RADIUS_METRES) * 180) / Math.PI;
  const out: number[] = [];
  for (let j = 0; j < m; j++) {
    const x = sites.lon[j]!;
    const y = sites.lat[j]!;
    const cosLat = Math.cos((Math.min(89.9, Math.abs(y) + dLat) * Math.PI) / 180);
    const dLon = Math.min(180, dLat / cosLat);
    const pad = 1e-9 * (1 + Math.abs(x) + Math.abs(y));
    const hits = index.search(x - dLon - pad, y - dLat - pad, x + dLon + pad, y + dLat + pad);
    hits.sort((a, b) => a - b);
    for (const i of hits) {
      if (haversineMetres(x, y, demand.lon[i]!, demand.lat[i]!) <= radiusMetres) out.push(i);
    }
    offset[j + 1] = out.length;
  }
  return { sites: m, demand: n, offset, members: Int32Array.from(out) };
}

/** The transposed lists: for each demand point, the sites that cover it (ascending). */
export function coveringSitesOfDemand(sets: CoveringSets): { offset: Int32Array; sites: Int32Array } {
  const offset = new Int32Array(sets.demand + 1);
  for (const i of sets.members) offset[i + 1]!++;
  for (let i = 0; i < sets.demand; i++) offset[i + 1]! += offset[i]!;
  const cursor = offset.slice(0, sets.demand);
  const sites = new Int32Array(sets.members.length);
  for (let j = 0; j < sets.sites; j++) {
    for (let p = sets.offset[j]!; p < sets.offset[j + 1]!; p++) sites[cursor[sets.members[p]!]!++] = j;
  }
  return { offset, sites };
}
