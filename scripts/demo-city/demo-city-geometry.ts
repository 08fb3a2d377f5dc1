/**
 * Plane geometry for the synthetic demo city: a local equirectangular frame in metres around a fixed
 * reference point, and the few polygon operations the generator needs (point in ring, distances, area).
 * Rings are arrays of `[x, y]` pairs, closed (first point repeated last), in either metres or lon/lat degrees.
 */

/** A position `[x, y]`: metres east/north in the local frame, or `[longitude, latitude]` in degrees. */
export type Position = [number, number];

/** Mean Earth radius in metres (IUGG), used for the local degree-to-metre scale. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

/** A local equirectangular frame: metres east/north of a south-west origin, with fixed scales. */
export interface LocalFrame {
  /** Longitude of the frame origin (x = 0), degrees. */
  originLon: number;
  /** Latitude of the frame origin (y = 0), degrees. */
  originLat: number;
  /** Metres per degree of latitude. */
  metresPerDegreeLat: number;
  /** Metres per degree of longitude at the reference latitude. */
  metresPerDegreeLon: number;
}

/**
 * Builds a frame whose rectangle `widthMetres` × `heightMetres` is centred on (`centreLon`, `centreLat`).
 * The longitude scale is taken at the centre latitude; over ~10 km it is off by well under 0.1%.
 */
export function localFrame(
  centreLon: number,
  centreLat: number,
  widthMetres: number,
  heightMetres: number,
): LocalFrame {
  const metresPerDegreeLat = (EARTH_RADIUS_METRES * Math.PI) / 180;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((centreLat * Math.PI) / 180);
  return {
    originLon: centreLon - widthMetres / 2 / metresPerDegreeLon,
    originLat: centreLat - heightMetres / 2 / metresPerDegreeLat,
    metresPerDegreeLat,
    metresPerDegreeLon,
  };
}

/** Converts frame metres to `[lon, lat]` degrees. */
export function toLonLat(frame: LocalFrame, x: number, y: number): Position {
  return [frame.originLon + x / frame.metresPerDegreeLon, frame.originLat + y / frame.metresPerDegreeLat];
}

/** Converts `[lon, lat]` degrees to frame metres. */
export function toMetres(frame: LocalFrame, lon: number, lat: number): Position {
  return [
    (lon - frame.originLon) * frame.metresPerDegreeLon,
    (lat - frame.originLat) * frame.metresPerDegreeLat,
  ];
}

/** Rounds to `decimals` decimal places (half away from zero is not needed here: values are finite). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}

/** Even-odd ray-casting test: is `p` strictly inside the closed ring (boundary points are undefined)? */
export function pointInRing(px: number, py: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from point `p` to segment `a`-`b` in the ring's units. */
export function pointSegmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Smallest distance from `p` to the ring's boundary. */
export function distanceToRing(px: number, py: number, ring: readonly Position[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[i + 1]!;
    best = Math.min(best, pointSegmentDistance(px, py, ax, ay, bx, by));
  }
  return best;
}

function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
}

function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const o1 = orientation(a[0], a[1], b[0], b[1], c[0], c[1]);
  const o2 = orientation(a[0], a[1], b[0], b[1], d[0], d[1]);
  const o3 = orientation(c[0], c[1], d[0], d[1], a[0], a[1]);
  const o4 = orientation(c[0], c[1], d[0], d[1], b[0], b[1]);
  return o1 !== o2 && o3 !== o4;
}

/** Smallest distance between two rings (0 when they overlap or one contains the other). */
export function ringDistance(a: readonly Position[], b: readonly Position[]): number {
  if (pointInRing(a[0]![0], a[0]![1], b) || pointInRing(b[0]![0], b[0]![1], a)) return 0;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < a.length - 1; i++) {
    for (let j = 0; j < b.length - 1; j++) {
      if (segmentsIntersect(a[i]!, a[i + 1]!, b[j]!, b[j + 1]!)) return 0;
    }
  }
  for (const [x, y] of a) best = Math.min(best, distanceToRing(x, y, b));
  for (const [x, y] of b) best = Math.min(best, distanceToRing(x, y, a));
  return best;
}

/** Unsigned shoelace area of a closed ring, in squared ring units. */
export function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** Axis-aligned bounding box `[minX, minY, maxX, maxY]` of a ring. */
export function ringBounds(ring: readonly Position[]): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
