import { describe, expect, it } from 'vitest';
import { type Random, seededRandom } from '../../../src/analysis/random';
import {
  coordinatePrecision,
  createThrottledUrlWriter,
  DEFAULT_KDE_BANDWIDTH_M,
  DEFAULT_LAYERS,
  decodeUrlState,
  defaultUrlViewState,
  encodeUrlState,
  HOTSPOT_RESOLUTIONS,
  HOTSPOT_RING_SIZES,
  HOTSPOT_SLICES,
  LAYER_IDS,
  MAX_POLYGON_VERTICES,
  type ThrottleTimers,
  type UrlViewState,
} from '../../../src/state/url-state';

const HOSTILE = [
  '<script>alert(1)</script>',
  'a&b=c',
  '=',
  '&&',
  '100%',
  '+plus +',
  'Bronx, "North"',
  'São Paulo',
  '東京都',
  'emoji 🔫➡️🕊️',
  '#hash?query',
  ' leading and trailing ',
  'attr.x=1',
  '',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function subset(random: Random, min: number, max: number): number[] {
  const out: number[] = [];
  for (let v = min; v <= max; v++) if (random() < 0.5) out.push(v);
  return out;
}

function round(value: number, digits: number): number {
  const r = Number(value.toFixed(digits));
  return r === 0 ? 0 : r;
}

/** A random valid state already in canonical form (what decode returns). */
function randomCanonicalState(random: Random): UrlViewState {
  const state = defaultUrlViewState();
  if (random() < 0.3)
    state.dataset = (['user', 'user2', 'user3', 'user4'] as const)[Math.floor(random() * 4)]!;
  if (random() < 0.8) {
    const zoom = round(random() * 22, 2);
    const digits = coordinatePrecision(zoom);
    state.view = {
      zoom,
      lat: round(-90 + 180 * random(), digits),
      lon: round(-180 + 360 * random(), digits),
    };
    if (random() < 0.4) {
      const bearing = round(-180 + 360 * random(), 1);
      if (bearing !== 0) state.view.bearing = bearing;
    }
    if (random() < 0.4) {
      const pitch = round(85 * random(), 1);
      if (pitch !== 0) state.view.pitch = pitch;
    }
  }
  if (random() < 0.5) {
    const a = 2006 + Math.floor(random() * 20);
    const b = a + Math.floor(random() * 3);
    const ma = 1 + Math.floor(random() * 12);
    const mb = b > a ? 1 + Math.floor(random() * 12) : ma + Math.floor(random() * (13 - ma));
    state.time = { from: `${a}-${String(ma).padStart(2, '0')}`, to: `${b}-${String(mb).padStart(2, '0')}` };
  }
  if (random() < 0.6) state.hours = subset(random, 0, 23);
  if (random() < 0.6) state.weekdays = subset(random, 1, 7);
  state.fatal = pick(random, ['all', 'fatal', 'nonfatal'] as const);
  state.unit = pick(random, ['incidents', 'victims'] as const);
  if (random() < 0.7) state.layers = LAYER_IDS.filter(() => random() < 0.4);
  state.h3Res = random() < 0.5 ? 'auto' : 6 + Math.floor(random() * 6);
  if (random() < 0.5) state.kdeBandwidthM = 50 + Math.floor(random() * 4951);
  if (random() < 0.5) {
    state.hotspot = {
      resolution: pick(random, HOTSPOT_RESOLUTIONS),
      k: pick(random, HOTSPOT_RING_SIZES),
      fdr: random() < 0.5,
      slice: pick(random, HOTSPOT_SLICES),
    };
  }
  const columns = Math.floor(random() * 4);
  for (let c = 0; c < columns; c++) {
    const column = pick(random, ['BORO', 'PERP_RACE', 'LOCATION_DESC', 'a&b', 'ä=ö', '<b>']);
    const values = new Set<string>();
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) values.add(pick(random, [...HOSTILE, 'BRONX', 'QUEENS', 'x'.repeat(200)]));
    state.attrs[column] = [...values].sort();
  }
  if (random() < 0.5) {
    const ids = new Set<string>();
    const n = 1 + Math.floor(random() * 5);
    for (let i = 0; i < n; i++) ids.add(pick(random, ['1', '75', 'BK0101', 'MN 12', 'a,b', '<x>', 'Ñ']));
    state.areas.ids = [...ids].sort();
  }
  if (random() < 0.5) {
    const n = 3 + Math.floor(random() * (MAX_POLYGON_VERTICES - 2));
    const cx = -180 + 360 * random();
    const cy = -80 + 160 * random();
    const ring: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      // distinct angles keep consecutive vertices distinct after rounding
      const angle = (2 * Math.PI * i) / n;
      const r = 0.01 + random() * 5;
      const lon = Math.max(-180, Math.min(180, cx + r * Math.cos(angle)));
      const lat = Math.max(-90, Math.min(90, cy + r * Math.sin(angle)));
      const p: [number, number] = [round(lon, 5), round(lat, 5)];
      const prev = ring[ring.length - 1];
      if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) ring.push(p);
    }
    const first = ring[0] as [number, number];
    const last = ring[ring.length - 1] as [number, number];
    if (first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (ring.length >= 3) {
      ring.push([first[0], first[1]]);
      state.areas.polygon = ring;
    }
  }
  if (random() < 0.4) state.program = pick(random, ['nyc-cure-violence-bronx', 'p&q=1', 'Zoë']);
  if (random() < 0.3) state.publish = { on: random() < 0.5, k: pick(random, [5, 10, 11] as const) };
  return state;
}

describe('encodeUrlState / decodeUrlState round trip', () => {
  it('the default state encodes to an empty string and decodes back without notices', () => {
    expect(encodeUrlState(defaultUrlViewState())).toBe('');
    expect(decodeUrlState('')).toEqual({ state: defaultUrlViewState(), notices: [] });
    expect(decodeUrlState('?')).toEqual({ state: defaultUrlViewState(), notices: [] });
  });

  it('decode(encode(s)) equals s for 2,000 seeded random canonical states', () => {
    const random = seededRandom(20261127);
    for (let i = 0; i < 2000; i++) {
      const state = randomCanonicalState(random);
      const search = encodeUrlState(state);
      const decoded = decodeUrlState(search);
      expect(decoded.notices, search).toEqual([]);
      expect(decoded.state, search).toEqual(state);
      expect(encodeUrlState(decoded.state)).toBe(search);
    }
  });

  it('writes a human-readable string in a fixed parameter order', () => {
    const state = defaultUrlViewState();
    state.view = { lon: -73.95123, lat: 40.71234, zoom: 12, bearing: 30, pitch: 45 };
    state.time = { from: '2023-01', to: '2024-06' };
    state.hours = [0, 1, 2, 3, 20, 21, 22, 23];
    state.weekdays = [1, 2, 3, 4, 5];
    state.fatal = 'fatal';
    state.unit = 'victims';
    state.layers = ['hotspots', 'hexagons'];
    state.h3Res = 9;
    state.kdeBandwidthM = 250;
    state.hotspot = { resolution: 8, k: 2, fdr: false, slice: 'quarter' };
    state.attrs = { BORO: ['QUEENS', 'BRONX'] };
    state.areas = { ids: ['75', '73'], polygon: null };
    state.program = 'cure-bronx';
    expect(encodeUrlState(state)).toBe(
      'zoom=12&lat=40.71234&lon=-73.95123&bearing=30&pitch=45&time=2023-01..2024-06&hours=20-23%2C0-3' +
        '&weekdays=1-5&fatal=fatal&unit=victims&layers=hexagons%2Chotspots&h3=9&bandwidth=250' +
        '&hotspot.res=8&hotspot.k=2&hotspot.fdr=off&hotspot.slice=quarter' +
        '&attr.BORO=BRONX&attr.BORO=QUEENS&area=73&area=75&program=cure-bronx',
    );
  });

  it('canonicalizes: rounds to the zoom precision, drops zero bearing, sorts sets', () => {
    const state = defaultUrlViewState();
    state.view = { lon: -73.951234567, lat: 40.712345678, zoom: 10.004, bearing: 0.01 };
    state.hours = [5, 3, 4, 3];
    const decoded = decodeUrlState(encodeUrlState(state)).state;
    expect(decoded.view).toEqual({ lon: -73.9512, lat: 40.7123, zoom: 10 });
    expect(decoded.hours).toEqual([3, 4, 5]);
  });

  it('hostile strings in attributes, areas and program survive as data', () => {
    const state = defaultUrlViewState();
    state.attrs = { '<script>': [...HOSTILE].sort(), 'a&b=c': ['x'] };
    state.areas.ids = HOSTILE.filter((s) => s !== '').sort();
    state.program = '<script>alert("x")</script>&program=evil';
    const search = encodeUrlState(state);
    expect(search).not.toContain('<');
    expect(search).not.toContain('"');
    const decoded = decodeUrlState(search);
    expect(decoded.notices).toEqual([]);
    expect(decoded.state).toEqual(state);
    expect(decoded.state.program).toBe('<script>alert("x")</script>&program=evil');
  });

  it('encodes empty hour, weekday and layer sets as none', () => {
    const state = defaultUrlViewState();
    state.hours = [];
    state.weekdays = [];
    state.layers = [];
    const search = encodeUrlState(state);
    expect(search).toBe('hours=none&weekdays=none&layers=none');
    expect(decodeUrlState(search).state).toEqual(state);
  });

  it('encodes a drawn polygon compactly with URL-safe characters and restores the closed ring', () => {
    const state = defaultUrlViewState();
    const ring: [number, number][] = [
      [-73.95, 40.7],
      [-73.94, 40.7],
      [-73.94, 40.71],
      [-73.95, 40.71],
      [-73.95, 40.7],
    ];
    state.areas.polygon = ring;
    const search = encodeUrlState(state);
    const code = search.replace(/^polygon=/, '');
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(30);
    expect(decodeUrlState(search).state.areas.polygon).toEqual(ring);
  });
});

describe('coordinatePrecision', () => {
  it('matches the half-pixel rule at each zoom', () => {
    expect([0, 1, 5, 10, 12, 16, 20, 22].map(coordinatePrecision)).toEqual([1, 1, 2, 4, 5, 6, 7, 8]);
  });

  it('keeps one unit of the last decimal at most half a pixel of longitude, and not needlessly finer', () => {
    for (let z = 0; z <= 22; z += 0.25) {
      const d = coordinatePrecision(z);
      const pixelsPerDegree = (512 * 2 ** z) / 360;
      expect(10 ** -d * pixelsPerDegree).toBeLessThanOrEqual(0.5);
      if (d > 0) expect(10 ** -(d - 1) * pixelsPerDegree).toBeGreaterThan(0.5);
    }
  });

  it('rounds coordinates in the URL to that many decimals', () => {
    const state = defaultUrlViewState();
    state.view = { lon: -73.123456789, lat: 40.123456789, zoom: 3 };
    expect(encodeUrlState(state)).toBe('zoom=3&lat=40.12&lon=-73.12');
    state.view = { lon: -73.123456789, lat: 40.123456789, zoom: 18 };
    expect(encodeUrlState(state)).toBe('zoom=18&lat=40.123457&lon=-73.123457');
  });

  it('never writes exponent notation for tiny coordinates', () => {
    const state = defaultUrlViewState();
    state.view = { lon: 0.00000001, lat: -0.00000001, zoom: 22 };
    const search = encodeUrlState(state);
    expect(search).toBe('zoom=22&lat=-0.00000001&lon=0.00000001');
    expect(decodeUrlState(search).state.view).toEqual(state.view);
  });
});

describe('decodeUrlState rejects bad values with a notice', () => {
  const cases: [string, RegExp][] = [
    ['zoom=99&lat=40&lon=-73', /^Ignored zoom=99: zoom must be between 0 and 22$/],
    ['zoom=-1&lat=40&lon=-73', /zoom=-1: zoom must be between 0 and 22/],
    ['zoom=NaN&lat=40&lon=-73', /zoom=NaN: zoom must be a plain decimal number/],
    ['zoom=1e1&lat=40&lon=-73', /zoom=1e1: zoom must be a plain decimal number/],
    ['zoom=&lat=40&lon=-73', /zoom=: zoom must be a plain decimal number/],
    ['zoom=10&lat=91&lon=-73', /lat=91: lat must be between -90 and 90/],
    ['zoom=10&lat=40&lon=-181', /lon=-181: lon must be between -180 and 180/],
    ['zoom=10&lat=40&lon=Infinity', /lon=Infinity: lon must be a plain decimal number/],
  ];
  for (const [search, notice] of cases) {
    it(`drops the view for ${search}`, () => {
      const { state, notices } = decodeUrlState(search);
      expect(state.view).toBeNull();
      expect(notices.some((n) => notice.test(n))).toBe(true);
      expect(notices).toContain(
        'Ignored the map view: zoom, lat and lon must all be present and valid; the map fits the data',
      );
    });
  }

  it('drops a view missing one of zoom, lat, lon', () => {
    const { state, notices } = decodeUrlState('zoom=10&lat=40');
    expect(state.view).toBeNull();
    expect(notices).toHaveLength(1);
  });

  it('keeps the view but drops a bad bearing or pitch', () => {
    const { state, notices } = decodeUrlState('zoom=10&lat=40&lon=-73&bearing=200&pitch=86');
    expect(state.view).toEqual({ zoom: 10, lat: 40, lon: -73 });
    expect(notices).toEqual([
      'Ignored bearing=200: bearing must be between -180 and 180',
      'Ignored pitch=86: pitch must be between 0 and 85',
    ]);
  });

  const fieldCases: [string, keyof UrlViewState, RegExp][] = [
    ['time=2023-13..2024-01', 'time', /Ignored time=2023-13\.\.2024-01: the start month must be YYYY-MM/],
    ['time=2023-1..2024-01', 'time', /start month must be YYYY-MM/],
    ['time=2023-01..2024-00', 'time', /end month must be YYYY-MM/],
    ['time=2024-06..2023-01', 'time', /the start month 2024-06 is after the end month 2023-01/],
    ['time=2023-01', 'time', /time must look like 2023-01\.\.2024-06/],
    ['hours=24', 'hours', /hours must be between 0 and 23/],
    ['hours=22-3', 'hours', /hour range 22-3 runs backwards; write 22-23,0-3/],
    ['hours=1-2-3', 'hours', /each hour item must be a number or a range/],
    ['hours=1,,2', 'hours', /each hour item/],
    ['hours=', 'hours', /each hour item/],
    ['hours=-1', 'hours', /each hour item/],
    ['weekdays=0-5', 'weekdays', /weekdays must be between 1 and 7/],
    ['weekdays=8', 'weekdays', /weekdays must be between 1 and 7/],
    ['fatal=maybe', 'fatal', /fatal must be 'all', 'fatal' or 'nonfatal'/],
    ['unit=people', 'unit', /unit must be 'incidents' or 'victims'/],
    ['layers=points,lasers', 'layers', /unknown layer lasers; known: points, hexagons/],
    ['layers=<script>', 'layers', /unknown layer <script>/],
    ['h3=5', 'h3Res', /h3 must be 'auto' or a whole number from 6 to 11/],
    ['h3=8.5', 'h3Res', /h3 must be/],
    ['bandwidth=49', 'kdeBandwidthM', /bandwidth must be a whole number of metres from 50 to 5000/],
    ['bandwidth=5001', 'kdeBandwidthM', /bandwidth must be/],
    ['bandwidth=250.5', 'kdeBandwidthM', /bandwidth must be/],
    ['dataset=other', 'dataset', /dataset must be 'demo', 'user', 'user2', 'user3' or 'user4'/],
    ['dataset=user5', 'dataset', /dataset must be 'demo', 'user', 'user2', 'user3' or 'user4'/],
    ['hotspot.res=6', 'hotspot', /hotspot\.res must be one of 7, 8, 9, 10/],
    ['hotspot.res=09', 'hotspot', /hotspot\.res must be one of/],
    ['hotspot.k=0x1', 'hotspot', /hotspot\.k must be one of 1, 2, 3/],
    ['hotspot.k=4', 'hotspot', /hotspot\.k must be one of/],
    ['hotspot.fdr=no', 'hotspot', /hotspot\.fdr must be one of on, off/],
    ['hotspot.slice=week', 'hotspot', /hotspot\.slice must be one of year, quarter, month/],
    ['program=', 'program', /a program id must not be empty/],
    [`program=${'x'.repeat(201)}`, 'program', /at most 200 characters/],
  ];
  for (const [search, field, notice] of fieldCases) {
    it(`keeps the default ${field} for ${search.slice(0, 40)}`, () => {
      const { state, notices } = decodeUrlState(search);
      expect(state[field]).toEqual(defaultUrlViewState()[field]);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(notice);
    });
  }

  it('keeps the valid hotspot settings when one of them is rejected', () => {
    const { state, notices } = decodeUrlState('hotspot.res=8&hotspot.k=9&hotspot.fdr=off');
    expect(state.hotspot).toEqual({ resolution: 8, k: 1, fdr: false, slice: 'year' });
    expect(notices).toEqual(['Ignored hotspot.k=9: hotspot.k must be one of 1, 2, 3']);
  });

  it('rejects bad polygons', () => {
    const bad: [string, RegExp][] = [
      ['polygon=abc%21', /not in its alphabet/],
      ['polygon=AAAA', /at least 3 distinct vertices/],
      ['polygon=AAAAA', /longitude without a latitude/],
      ['polygon=AAAAAA', /repeats a vertex/],
      ['polygon=gggggggggg', /too long/],
      ['polygon=ggggg', /ends in the middle of a number/],
      [
        `polygon=${'CC'.repeat(MAX_POLYGON_VERTICES + 1)}`,
        new RegExp(`at most ${MAX_POLYGON_VERTICES} vertices`),
      ],
    ];
    for (const [search, notice] of bad) {
      const { state, notices } = decodeUrlState(search);
      expect(state.areas.polygon, search).toBeNull();
      expect(notices[0], search).toMatch(notice);
    }
  });

  it('rejects an empty attribute column name and an empty area id, keeping the rest', () => {
    const { state, notices } = decodeUrlState('attr.=x&attr.BORO=BRONX&area=&area=75');
    expect(state.attrs).toEqual({ BORO: ['BRONX'] });
    expect(state.areas.ids).toEqual(['75']);
    expect(notices).toEqual([
      'Ignored attr.=x: the column name must not be empty',
      'Ignored area=: an area id must not be empty',
    ]);
  });

  it('ignores unknown and repeated parameters with a notice', () => {
    const { state, notices } = decodeUrlState('foo=1&zoom=3&lat=1&lon=2&zoom=4&%3Cscript%3E=1');
    expect(state.view).toEqual({ zoom: 3, lat: 1, lon: 2 });
    expect(notices).toEqual([
      'Ignored unknown parameter foo',
      'Ignored a repeated zoom parameter: the first one was used',
      'Ignored unknown parameter <script>',
    ]);
  });

  it('keeps notices single-line and short for hostile values', () => {
    const { notices } = decodeUrlState(`fatal=${encodeURIComponent(`a\nb${'z'.repeat(500)}`)}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).not.toContain('\n');
    expect((notices[0] as string).length).toBeLessThan(150);
  });

  it('accepts a union of overlapping ranges', () => {
    expect(decodeUrlState('hours=1-5,3-7').state.hours).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('encodeUrlState refuses invalid states', () => {
  it('throws for out-of-range values', () => {
    const make = (patch: Partial<UrlViewState>) => ({ ...defaultUrlViewState(), ...patch });
    expect(() => encodeUrlState(make({ view: { lon: 0, lat: 0, zoom: 23 } }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ view: { lon: Number.NaN, lat: 0, zoom: 3 } }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ hours: [24] }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ weekdays: [0] }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ time: { from: '2024-02', to: '2024-01' } }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ h3Res: 12 }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ kdeBandwidthM: 10 }))).toThrow(RangeError);
    const hotspot = defaultUrlViewState().hotspot;
    expect(() => encodeUrlState(make({ hotspot: { ...hotspot, resolution: 11 } }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ hotspot: { ...hotspot, k: 0 } }))).toThrow(RangeError);
    expect(() => encodeUrlState(make({ hotspot: { ...hotspot, slice: 'week' as 'year' } }))).toThrow(
      TypeError,
    );
    expect(() => encodeUrlState(make({ layers: ['lasers' as 'points'] }))).toThrow(TypeError);
    const big: [number, number][] = Array.from({ length: MAX_POLYGON_VERTICES + 1 }, (_, i) => [
      Math.cos(i / 32) * 0.1,
      Math.sin(i / 32) * 0.1,
    ]);
    expect(() => encodeUrlState(make({ areas: { ids: [], polygon: big } }))).toThrow(/simplify/);
  });

  it('omits every default', () => {
    const state = defaultUrlViewState();
    state.layers = [...DEFAULT_LAYERS].reverse();
    state.kdeBandwidthM = DEFAULT_KDE_BANDWIDTH_M;
    state.attrs = { BORO: [] };
    expect(encodeUrlState(state)).toBe('');
  });
});

/** Manual clock: timers fire only when the test advances time. */
function manualTimers(): ThrottleTimers & { advance: (ms: number) => void; active: () => number } {
  let now = 0;
  let nextId = 1;
  const queue = new Map<number, { at: number; callback: () => void }>();
  return {
    setTimeout(callback, ms) {
      const id = nextId++;
      queue.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        let due: [number, { at: number; callback: () => void }] | undefined;
        for (const entry of queue) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].callback();
      }
      now = end;
    },
    active: () => queue.size,
  };
}

describe('createThrottledUrlWriter', () => {
  it('writes the first URL at once and only the latest of a burst at the end of the window', () => {
    const timers = manualTimers();
    const written: string[] = [];
    const writer = createThrottledUrlWriter((url) => written.push(url), 250, timers);
    writer.push('?a');
    expect(written).toEqual(['?a']);
    writer.push('?b');
    writer.push('?c');
    timers.advance(249);
    expect(written).toEqual(['?a']);
    timers.advance(1);
    expect(written).toEqual(['?a', '?c']);
    writer.push('?d');
    timers.advance(100);
    expect(written).toEqual(['?a', '?c']);
    timers.advance(150);
    expect(written).toEqual(['?a', '?c', '?d']);
    timers.advance(1000);
    expect(timers.active()).toBe(0);
    writer.push('?e');
    expect(written).toEqual(['?a', '?c', '?d', '?e']);
  });

  it('writes at most once per window during a long drag', () => {
    const timers = manualTimers();
    const written: string[] = [];
    const writer = createThrottledUrlWriter((url) => written.push(url), 250, timers);
    for (let t = 0; t < 1000; t += 10) {
      writer.push(`?t=${t}`);
      timers.advance(10);
    }
    timers.advance(250);
    expect(written.length).toBeLessThanOrEqual(1000 / 250 + 2);
    expect(written[written.length - 1]).toBe('?t=990');
  });

  it('does not write the same URL twice, flushes and cancels', () => {
    const timers = manualTimers();
    const written: string[] = [];
    const writer = createThrottledUrlWriter((url) => written.push(url), 250, timers);
    writer.push('?a');
    writer.push('?a');
    timers.advance(300);
    expect(written).toEqual(['?a']);
    writer.push('?b');
    writer.push('?c');
    writer.flush();
    expect(written).toEqual(['?a', '?c']);
    writer.push('?d');
    writer.cancel();
    timers.advance(1000);
    expect(written).toEqual(['?a', '?c']);
    expect(timers.active()).toBe(0);
  });

  it('rejects a negative interval', () => {
    expect(() => createThrottledUrlWriter(() => {}, -1)).toThrow(RangeError);
  });
});
