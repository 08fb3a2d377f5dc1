/**
 * Selected areas in a link: `area=<id>` repeated once per boundary feature, and `polygon=<code>`, a drawn
 * polygon whose ring vertices are rounded to 5 decimals (≈ 1.1 m), delta-encoded, and written as zig-zag
 * varints in the URL-safe alphabet `A–Z a–z 0–9 - _` (about 4–8 characters per vertex).
 */
import { checkText, roundTo, textProblem, type UrlSection, uniqueSorted } from './section';
import { MAX_POLYGON_VERTICES, MAX_URL_LIST_LENGTH } from './types';

const POLYGON_SCALE = 1e5;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Boundary feature ids and the drawn polygon. */
export const areaSection: UrlSection = {
  bulky: true,
  scalarKeys: ['polygon'],
  listKeys: ['area'],
  encode(state, params) {
    const ids = uniqueSorted(state.areas.ids);
    if (ids.length > MAX_URL_LIST_LENGTH)
      throw new RangeError(`at most ${MAX_URL_LIST_LENGTH} area ids fit in a URL`);
    for (const id of ids) {
      checkText(id, 'area id');
      params.append('area', id);
    }
    if (state.areas.polygon !== null) params.set('polygon', encodePolygon(state.areas.polygon));
  },
  decode({ single, lists, reject, notice }, state) {
    const areaIds = lists.get('area') ?? [];
    if (areaIds.length > MAX_URL_LIST_LENGTH) {
      notice(`Ignored all area parameters: at most ${MAX_URL_LIST_LENGTH} areas are allowed`);
    } else {
      const good: string[] = [];
      for (const id of areaIds) {
        const problem = textProblem(id, 'an area id');
        if (problem) reject('area', id, problem);
        else good.push(id);
      }
      state.areas.ids = uniqueSorted(good);
    }
    const polygon = single.get('polygon');
    if (polygon !== undefined) {
      const ring = decodePolygon(polygon);
      if (typeof ring === 'string') reject('polygon', polygon, ring);
      else state.areas.polygon = ring;
    }
  },
};

/** Rounds a ring to 5 decimals, drops repeated consecutive vertices and the closing one. */
function openRing(ring: readonly (readonly number[])[]): [number, number][] {
  if (!Array.isArray(ring)) throw new TypeError('polygon must be an array of [lon, lat] positions');
  const out: [number, number][] = [];
  for (const position of ring) {
    const lon = position[0];
    const lat = position[1];
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)
    ) {
      throw new RangeError(`polygon vertex [${lon}, ${lat}] is not a valid longitude/latitude`);
    }
    const p: [number, number] = [roundTo(lon, 5), roundTo(lat, 5)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

function encodePolygon(ring: readonly (readonly number[])[]): string {
  const open = openRing(ring);
  if (open.length < 3) throw new RangeError('polygon needs at least 3 distinct vertices');
  if (open.length > MAX_POLYGON_VERTICES) {
    throw new RangeError(
      `polygon has ${open.length} vertices; simplify it to at most ${MAX_POLYGON_VERTICES}`,
    );
  }
  let out = '';
  let prevX = 0;
  let prevY = 0;
  for (const [lon, lat] of open) {
    const x = Math.round(lon * POLYGON_SCALE);
    const y = Math.round(lat * POLYGON_SCALE);
    out += encodeVarint(x - prevX) + encodeVarint(y - prevY);
    prevX = x;
    prevY = y;
  }
  return out;
}

/** Zig-zag signed integer, then 5-bit groups low first; 32 marks "more groups follow". */
function encodeVarint(delta: number): string {
  let z = delta < 0 ? -2 * delta - 1 : 2 * delta;
  let out = '';
  while (z >= 32) {
    out += ALPHABET[32 + (z % 32)];
    z = Math.floor(z / 32);
  }
  return out + ALPHABET[z];
}

function decodePolygon(text: string): [number, number][] | string {
  const numbers: number[] = [];
  let value = 0;
  let factor = 1;
  let groups = 0;
  for (const ch of text) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return `polygon contains the character '${ch}', which is not in its alphabet`;
    value += (digit % 32) * factor;
    factor *= 32;
    groups++;
    if (groups > 8) return 'polygon contains a number that is too long';
    if (digit < 32) {
      numbers.push(value % 2 === 1 ? -(value + 1) / 2 : value / 2);
      value = 0;
      factor = 1;
      groups = 0;
    }
  }
  if (groups !== 0) return 'polygon ends in the middle of a number';
  if (numbers.length % 2 !== 0) return 'polygon has a longitude without a latitude';
  const vertices = numbers.length / 2;
  if (vertices < 3) return 'polygon needs at least 3 distinct vertices';
  if (vertices > MAX_POLYGON_VERTICES) return `polygon may have at most ${MAX_POLYGON_VERTICES} vertices`;
  const ring: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < numbers.length; i += 2) {
    x += numbers[i] as number;
    y += numbers[i + 1] as number;
    const lon = x / POLYGON_SCALE;
    const lat = y / POLYGON_SCALE;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
      return 'polygon has a vertex outside longitude/latitude range';
    ring.push([roundTo(lon, 5), roundTo(lat, 5)]);
  }
  let canonical: [number, number][];
  try {
    canonical = openRing(ring);
  } catch {
    return 'polygon is not a valid ring';
  }
  if (canonical.length !== ring.length) return 'polygon repeats a vertex consecutively or closes itself';
  const first = canonical[0] as [number, number];
  canonical.push([first[0], first[1]]);
  return canonical;
}
