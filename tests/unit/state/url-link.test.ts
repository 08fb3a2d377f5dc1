import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/analysis/random';
import {
  decodeUrlState,
  defaultUrlViewState,
  encodeUrlLink,
  encodeUrlState,
  linkSuffix,
  MAX_POLYGON_VERTICES,
  MAX_URL_LIST_LENGTH,
  QUERY_BUDGET,
  type UrlViewState,
} from '../../../src/state/url-state';
import { urlRing } from '../../../src/ui/DrawAreaButton';

const TEXTS = ['<script>alert(1)</script>', 'a&b=c', '#x?y', '東京都', 'Bronx, "North"', '100%', '+ +'];

/** A closed ring of `n` distinct vertices around (cx, cy), rounded to 5 decimals. */
function ring(n: number, cx = -73.95, cy = 40.75, r = 0.05): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    out.push([Number((cx + r * Math.cos(a)).toFixed(5)), Number((cy + r * Math.sin(a)).toFixed(5))]);
  }
  return [...out, [out[0]![0], out[0]![1]]];
}

/** A canonical state whose areas and attribute values make a long link (the rest stays small). */
function longState(seed: number): UrlViewState {
  const random = seededRandom(seed);
  const state = defaultUrlViewState();
  state.view = { lon: -73.95, lat: 40.7, zoom: 12 };
  state.program = 'p&q=1';
  state.fatal = 'fatal';
  const ids = new Set<string>();
  const n = 1 + Math.floor(random() * MAX_URL_LIST_LENGTH);
  const length = 1 + Math.floor(random() * 200);
  while (ids.size < n) {
    const base = `${TEXTS[Math.floor(random() * TEXTS.length)]}-${ids.size}-`;
    ids.add(base.padEnd(length, 'é').slice(0, 200));
  }
  state.areas.ids = [...ids].sort();
  if (random() < 0.7) state.areas.polygon = ring(3 + Math.floor(random() * (MAX_POLYGON_VERTICES - 2)));
  if (random() < 0.7) state.attrs = { 'a&b': [...new Set(TEXTS)].sort(), BORO: ['BRONX', 'x'.repeat(200)] };
  return state;
}

describe('encodeUrlLink: long links keep their bulky parameters in the fragment', () => {
  it('a link that fits the budget is the plain query string, with no fragment', () => {
    const state = defaultUrlViewState();
    state.areas.ids = ['12', '75'];
    state.areas.polygon = ring(20);
    const parts = encodeUrlLink(state);
    expect(parts).toEqual({ query: encodeUrlState(state), fragment: '' });
    expect(linkSuffix(parts)).toBe(`?${encodeUrlState(state)}`);
    expect(linkSuffix(encodeUrlLink(defaultUrlViewState()))).toBe('');
  });

  it('round-trips 300 seeded long states through query + fragment, and through the old query-only form', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const state = longState(seed);
      const whole = encodeUrlState(state);
      const parts = encodeUrlLink(state);
      if (whole.length <= QUERY_BUDGET) {
        expect(parts.fragment).toBe('');
      } else {
        expect(parts.query.length).toBeLessThanOrEqual(QUERY_BUDGET);
        expect(parts.query).not.toMatch(/(^|&)(area|polygon|attr\.[^=]*)=/);
        expect(parts.fragment).toMatch(/(^|&)area=/);
      }
      for (const decoded of [
        decodeUrlState(`?${parts.query}`, `#${parts.fragment}`),
        decodeUrlState(parts.query, parts.fragment),
        decodeUrlState(whole),
      ]) {
        expect(decoded.notices).toEqual([]);
        expect(decoded.state).toEqual(state);
      }
      // The same state always gives the same link.
      expect(encodeUrlLink(decodeUrlState(parts.query, parts.fragment).state)).toEqual(parts);
    }
  });

  it('a 60 KB state leaves a short query and restores its 1,000-vertex polygon from the fragment', () => {
    const state = defaultUrlViewState();
    state.view = { lon: -73.95, lat: 40.7, zoom: 12 };
    state.areas.ids = Array.from({ length: MAX_URL_LIST_LENGTH }, (_, i) =>
      `area ${String(i).padStart(3, '0')} `.padEnd(200, 'é'),
    );
    state.areas.polygon = ring(MAX_POLYGON_VERTICES);
    const whole = encodeUrlState(state);
    expect(whole.length).toBeGreaterThan(60_000);
    const parts = encodeUrlLink(state);
    expect(parts.query).toBe('zoom=12&lat=40.7&lon=-73.95');
    expect(parts.fragment.length).toBeGreaterThan(60_000);
    const decoded = decodeUrlState(parts.query, parts.fragment);
    expect(decoded.notices).toEqual([]);
    expect(decoded.state.areas.polygon).toHaveLength(MAX_POLYGON_VERTICES + 1);
    expect(decoded.state.areas.polygon).toEqual(state.areas.polygon);
  });

  it('reads an old link with the polygon in the query next to areas in the fragment', () => {
    const state = defaultUrlViewState();
    state.areas.polygon = ring(8);
    const polygon = encodeUrlState(state);
    const decoded = decodeUrlState(`?${polygon}&fatal=fatal`, '#area=b&area=a');
    expect(decoded.notices).toEqual([]);
    expect(decoded.state.areas).toEqual({ ids: ['a', 'b'], polygon: state.areas.polygon });
    expect(decoded.state.fatal).toBe('fatal');
  });

  it('a parameter in both places is a repeat: the query wins and a notice says so', () => {
    const decoded = decodeUrlState('?fatal=fatal', '#fatal=nonfatal');
    expect(decoded.state.fatal).toBe('fatal');
    expect(decoded.notices).toEqual(['Ignored a repeated fatal parameter: the first one was used']);
  });

  it('a fragment that is not a parameter list is named in a notice and changes nothing', () => {
    const decoded = decodeUrlState('', '#<img src=x onerror=alert(1)>');
    expect(decoded.state).toEqual(defaultUrlViewState());
    expect(decoded.notices).toEqual(['Ignored unknown parameter <img src']);
  });
});

describe('urlRing: a drawn ring for the link', () => {
  const open = (n: number) => ring(n).map(([x, y]) => [x, y]);

  it(`keeps a ring of up to ${MAX_POLYGON_VERTICES} vertices whole`, () => {
    const { ring: kept, simplifiedFrom } = urlRing(open(MAX_POLYGON_VERTICES));
    expect(simplifiedFrom).toBeNull();
    expect(kept).toEqual(ring(MAX_POLYGON_VERTICES));
  });

  it('simplifies a larger ring to at most the limit and says how many vertices it had', () => {
    const { ring: kept, simplifiedFrom } = urlRing(open(2500));
    expect(simplifiedFrom).toBe(2500);
    expect(kept.length - 1).toBeLessThanOrEqual(MAX_POLYGON_VERTICES);
    expect(kept.length - 1).toBe(834);
    expect(kept[0]).toEqual(kept[kept.length - 1]);
  });
});
