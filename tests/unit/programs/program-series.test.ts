import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/data/connector';
import { importIncidents } from '../../../src/data/import-incidents';
import type { PolygonFeature } from '../../../src/geo/point-in-polygons';
import {
  evaluateProgram,
  type ProgramSeries,
  periodOf,
  programSeries,
} from '../../../src/state/program-evaluation';
import { bytesOf, sharedEngine } from '../../support/engine';

const square = (west: number): PolygonFeature => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [west, 40.7],
        [west + 0.01, 40.7],
        [west + 0.01, 40.71],
        [west, 40.71],
        [west, 40.7],
      ],
    ],
  },
});

// Catchment: lon -74.00..-73.99; comparison: -73.99..-73.98 (they share the edge lon = -73.99).
const CSV = [
  'incident_id,date,latitude,longitude,fatal',
  'a1,2020-01-15,40.705,-73.995,false', // inside the catchment
  'a6,2020-01-20,40.705,-73.9895,false', // comparison, 42 m from the catchment: also in the 200 m ring
  'a2,2020-02-10,40.705,-73.99,false', // exactly on the shared edge: catchment only
  'a3,2020-03-01,40.705,-73.985,true', // comparison, two victims, one fatal
  'a3,2020-03-01,40.705,-73.985,false',
  'a4,2020-03-05,40.705,-74.001,false', // 84 m west of the catchment: ring only
  'a5,2020-03-07,40.80,-73.90,false', // far away: no unit
].join('\n');

describe('programSeries: unit assignment and zero-filled counts', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await sharedEngine();
    await importIncidents(
      db,
      { name: 'units.csv', bytes: bytesOf(CSV) },
      { table: 'units_t', today: '2026-11-27' },
    );
  });
  const geometry = {
    catchment: [square(-74)],
    catchmentLabel: 'catchment',
    comparison: [{ id: 'c1', label: 'c1', features: [square(-73.99)] }],
    donors: [],
    bufferMetres: 200,
  };

  it('counts a point on a shared edge once (catchment first), the ring apart, zeros included', async () => {
    const s = await programSeries(db, 'units_t', geometry, { launch: '2020-02-01' });
    expect(s.periods).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(s.launchIndex).toBe(1);
    expect(s.units.map((u) => [u.role, Array.from(u.total)])).toEqual([
      ['catchment', [1, 1, 0]],
      ['comparison', [1, 0, 1]],
      ['buffer', [1, 0, 1]],
    ]);
    expect(s.bufferOverlapRows).toBe(1);
    expect(Array.from(s.units[1]!.fatal)).toEqual([0, 0, 1]);
  });

  it('victims count rows, incidents count distinct ids', async () => {
    const s = await programSeries(db, 'units_t', geometry, { launch: '2020-02-01', unit: 'victims' });
    expect(Array.from(s.units[1]!.total)).toEqual([1, 0, 2]);
    expect(Array.from(s.units[1]!.fatal)).toEqual([0, 0, 1]);
  });

  it('quarters, explicit range and a launch outside the data', async () => {
    const s = await programSeries(db, 'units_t', geometry, {
      launch: '2020-02-01',
      by: 'quarter',
      from: '2019-10-01',
      to: '2020-06-30',
    });
    expect(s.periods).toEqual(['2019-Q4', '2020-Q1', '2020-Q2']);
    expect(Array.from(s.units[0]!.total)).toEqual([0, 2, 0]);
    expect(s.launchIndex).toBe(1);
    expect(s.firstSeason).toBe(3);
    await expect(programSeries(db, 'units_t', geometry, { launch: '2023-01-01' })).rejects.toThrow(
      /lies outside the data/,
    );
  });

  it('periodOf labels months and quarters', () => {
    expect(periodOf('2013-01-01', 'month')).toBe('2013-01');
    expect(periodOf('2013-12-31', 'quarter')).toBe('2013-Q4');
    expect(periodOf('2013-04-01', 'quarter')).toBe('2013-Q2');
  });
});

describe('evaluateProgram on a hand-made series', () => {
  const f = (xs: number[]) => Float64Array.from(xs);
  const series: ProgramSeries = {
    by: 'month',
    unit: 'incidents',
    periods: ['a', 'b', 'c', 'd', 'e', 'f'],
    firstSeason: 0,
    launch: '2020-04-01',
    launchIndex: 3,
    units: [
      {
        id: 'catchment',
        label: 'C',
        role: 'catchment',
        total: f([5, 6, 7, 9, 3, 4]),
        fatal: f([1, 1, 2, 0, 0, 1]),
      },
      {
        id: 'x',
        label: 'X',
        role: 'comparison',
        total: f([8, 9, 10, 9, 11, 12]),
        fatal: f([0, 0, 0, 0, 0, 0]),
      },
      { id: 'r', label: 'R', role: 'buffer', total: f([2, 2, 3, 1, 4, 4]), fatal: f([0, 0, 0, 0, 0, 0]) },
    ],
    bufferMetres: 400,
    bufferOverlapRows: 0,
  };
  const e = evaluateProgram(series, { windowLength: 2, methods: ['prepost', 'wdd'] });

  it('pre/post uses equal windows around the launch, launch month left out', () => {
    expect(e.prePost?.ok && e.prePost.value.inputs).toEqual({
      pre: 13,
      post: 7,
      preExposure: 2,
      postExposure: 2,
    });
  });

  it('WDD uses the same windows: (7−13) − (23−19) + (8−5) − (23−19) = −11, variance 13+7+4·(19+23)+5+8 = 201', () => {
    expect(e.wdd?.ok && e.wdd.value.wdd).toBe(-11);
    expect(e.wdd?.ok && e.wdd.value.variance).toBe(201);
  });

  it('reports estimators it was not asked for as absent and estimators that cannot run with their reason', () => {
    expect(e.its).toBeNull();
    expect(e.did).toBeNull();
    const all = evaluateProgram(series, { windowLength: 2 });
    expect(all.synth?.ok).toBe(false);
    expect(all.synth && !all.synth.ok && all.synth.error).toMatch(/at least 2 donor units/);
  });

  it('flags fewer than 24 pre-launch months and fewer than 10 events per unit', () => {
    const byId = Object.fromEntries(e.guardrails.map((g) => [g.id, g.status]));
    expect(byId['pre-period']).toBe('warn');
    expect(byId['events-per-unit']).toBe('ok');
    expect(e.guardrails.find((g) => g.id === 'events-per-unit')!.text).toMatch(/18 \(C\)/);
  });
});
