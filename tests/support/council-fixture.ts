/**
 * A small synthetic city for rendering the council view and the brief without a browser: square areas in a
 * row, seeded counts per area and month with many small cells, populations, and the dashboard data the
 * views read (brush indexes, brushed area counts and monthly totals).
 */
import type { Feature, Polygon } from 'geojson';
import type { MeasureCubes } from '../../src/state/cubes';
import type { Dataset, DatasetBoundaries } from '../../src/state/datasets';
import { cubeRange, prefixCube } from '../../src/state/prefix-cube';
import type { UrlViewState } from '../../src/state/url-state';
import type { DashboardData } from '../../src/ui/use-dashboard';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fixture: dataset, raw counts per area and month (all and fatal), and a builder of dashboard data. */
export interface CouncilFixture {
  dataset: Dataset;
  /** counts[area][month] and fatal[area][month]. */
  counts: number[][];
  fatal: number[][];
  cubes: MeasureCubes;
  data(view: UrlViewState): DashboardData;
}

/**
 * `areas` areas over `months` months from `firstMonth`; each area gets its own mean per month (some well
 * under one, so many area-years are small), fatal about one in five.
 */
export function councilFixture(
  seed: number,
  areas: number,
  months: number,
  firstMonth = '2018-01',
): CouncilFixture {
  const random = seeded(seed);
  const poisson = (mean: number) => {
    let n = 0;
    let p = Math.exp(-mean);
    let s = p;
    const u = random();
    while (u > s && n < 1000) {
      n++;
      p *= mean / n;
      s += p;
    }
    return n;
  };
  const means = Array.from({ length: areas }, () => (random() < 0.5 ? random() * 0.6 : 0.5 + random() * 4));
  const counts = means.map((m) => Array.from({ length: months }, () => poisson(m)));
  const fatal = counts.map((row) =>
    row.map((c) => Array.from({ length: c }, () => random() < 0.2).filter(Boolean).length),
  );
  const triples = (values: number[][]) => {
    const m: number[] = [];
    const b: number[] = [];
    const v: number[] = [];
    values.forEach((row, area) => {
      row.forEach((c, month) => {
        if (c > 0) {
          m.push(month);
          b.push(area);
          v.push(c);
        }
      });
    });
    return [m, b, v] as const;
  };
  const cube = (values: number[][]) => prefixCube(months, areas, ...triples(values));
  const cubes: MeasureCubes = {
    incidents: cube(counts),
    victims: cube(counts),
    fatalIncidents: cube(fatal),
    fatalVictims: cube(fatal),
  };
  const features: Feature<Polygon>[] = Array.from({ length: areas }, (_, i) => ({
    type: 'Feature',
    id: i,
    properties: { id: `A${i + 1}`, name: `Area ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}` },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [i * 0.01, 0],
          [i * 0.01 + 0.01, 0],
          [i * 0.01 + 0.01, 0.01],
          [i * 0.01, 0.01],
          [i * 0.01, 0],
        ],
      ],
    },
  }));
  const boundaries: DatasetBoundaries = {
    id: 1,
    layer: {
      name: 'areas.geojson',
      features: features as DatasetBoundaries['layer']['features'],
      properties: ['id', 'name'],
      idProperty: 'id',
      nameProperty: 'name',
      skipped: 0,
    },
    idProperty: 'id',
    nameProperty: 'name',
    ids: features.map((f) => String(f.properties!.id)),
    names: features.map((f) => String(f.properties!.name)),
    population: Float64Array.from({ length: areas }, () => 20_000 + Math.round(random() * 60_000)),
    populationSource: { kind: 'property', property: 'population' },
    areaTable: 'areas',
  };
  const dataset = {
    key: 'demo',
    label: 'Fixture city',
    synthetic: true,
    loadId: 1,
    table: 'incidents',
    report: {
      source: { name: 'fixture.csv' },
      firstDate: `${firstMonth}-03`,
      lastDate: '2021-05-04',
      incidents: counts.flat().reduce((s, c) => s + c, 0),
    },
    firstMonth,
    monthCount: months,
    boundaries,
    categories: {},
  } as unknown as Dataset;
  const monthIndex = (yyyymm: string) => {
    const [y0, m0] = firstMonth.split('-').map(Number) as [number, number];
    const [y, m] = yyyymm.split('-').map(Number) as [number, number];
    return (y - y0) * 12 + (m - m0);
  };
  const data = (view: UrlViewState): DashboardData => {
    const b0 = view.time ? Math.max(0, monthIndex(view.time.from)) : 0;
    const b1 = view.time ? Math.min(months - 1, monthIndex(view.time.to)) : months - 1;
    const selected = view.areas.ids.map((id) => boundaries.ids.indexOf(id)).filter((i) => i >= 0);
    const rows = selected.length > 0 ? selected : counts.map((_, i) => i);
    const monthly = (values: number[][]) =>
      Float64Array.from({ length: months }, (_, m) => rows.reduce((s, a) => s + values[a]![m]!, 0));
    const total = (values: number[][]) =>
      rows.reduce((s, a) => s + values[a]!.slice(b0, b1 + 1).reduce((x, y) => x + y, 0), 0);
    return {
      brush: [b0, b1],
      headline: {
        incidents: total(counts),
        victims: total(counts),
        fatalIncidents: total(fatal),
        fatalVictims: total(fatal),
      },
      monthly: { totals: monthly(counts), fatal: monthly(fatal) },
      matrix: null,
      hexagons: null,
      areas: cubeRange(cubes.incidents, b0, b1),
      areaCubes: cubes,
      points: null,
      pointsTruncated: false,
      heat: null,
      pending: false,
      errors: [],
    };
  };
  return { dataset, counts, fatal, cubes, data };
}
