/**
 * Two synthetic aggregate panels for the demo, seeded and reproducible:
 *
 * - the **demo network**: Demo City's 60 police beats, yearly 2010–2025, with a violence-interruption
 *   network whose sites launched in three waves (2013, 2017, 2021; 10 beats each; 30 beats never
 *   treated). The planted effect differs by cohort and grows with time since launch:
 *   log ratio τ_g(e) = a_g − 0.05·e for e = 0, 1, … years after launch, a_2013 = −0.25, a_2017 = −0.15,
 *   a_2021 = −0.05. Counts are Poisson around exp(unit level + year shape + τ). Because the early cohort's
 *   effect keeps growing while it serves as a control for later cohorts, pooled two-way fixed effects is
 *   biased towards zero; the extended estimator targets the truth, which is written out as the ratio of
 *   expected counts with and without the program over all treated beat-years (and per cohort);
 * - the **state panel**: 300 cities of a synthetic state, yearly 1995–2024 (counts of shootings and
 *   populations, as state crime statistics publish them). One city, Riverside Bay (population about
 *   110,000, with one of the highest rates in the state), funds a program from 2010 that lowers its
 *   expected count by 30% (ratio 0.70) in every later year.
 */
import { normalDeviate, poissonDeviate, type Random, seededRandom } from '../../src/analysis/random';

/** The network's fixed design: unit levels, year shape and planted effects. */
export interface NetworkDesign {
  units: string[];
  years: number[];
  /** Expected counts without the program, unit-major. */
  baseline: Float64Array;
  /** Planted log effect per cell (0 when untreated), unit-major. */
  effect: Float64Array;
  /** Launch year per unit (null: never). */
  launch: (number | null)[];
  cohorts: { year: number; a: number }[];
}

const COHORTS = [
  { year: 2013, a: -0.25 },
  { year: 2017, a: -0.15 },
  { year: 2021, a: -0.05 },
];
const GROWTH = -0.05;

/** The demo network's design (deterministic for a seed). */
export function demoNetworkDesign(seed = 20130601): NetworkDesign {
  const random = seededRandom(seed);
  const units = Array.from({ length: 60 }, (_, i) => `B${String(i + 1).padStart(2, '0')}`);
  const years = Array.from({ length: 16 }, (_, i) => 2010 + i);
  const T = years.length;
  // Unit levels 3–25 events a year; treated beats are drawn from the busier half, as programs are placed.
  const level = units.map(() => Math.log(3) + random() * (Math.log(25) - Math.log(3)));
  const order = level
    .map((l, i) => [l, i] as const)
    .sort((a, b) => b[0] - a[0])
    .map(([, i]) => i);
  const launch: (number | null)[] = units.map(() => null);
  const busy = order.slice(0, 40);
  for (let k = busy.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [busy[k], busy[j]] = [busy[j] as number, busy[k] as number];
  }
  COHORTS.forEach((c, g) => {
    for (const i of busy.slice(g * 10, g * 10 + 10)) launch[i] = c.year;
  });
  const yearShape = years.map(
    (y) => 0.25 * Math.sin((y - 2010) / 2.5) - 0.015 * (y - 2010) + (y >= 2020 && y <= 2021 ? 0.3 : 0),
  );
  const baseline = new Float64Array(units.length * T);
  const effect = new Float64Array(units.length * T);
  units.forEach((_, u) => {
    const l = launch[u] ?? null;
    const a = COHORTS.find((c) => c.year === l)?.a ?? 0;
    years.forEach((y, t) => {
      baseline[u * T + t] = Math.exp((level[u] as number) + (yearShape[t] as number));
      if (l !== null && y >= l) effect[u * T + t] = a + GROWTH * (y - l);
    });
  });
  return { units, years, baseline, effect, launch, cohorts: COHORTS };
}

/** Ratio of expected counts with and without the program over the treated cells (optionally one cohort). */
export function plantedRatio(d: NetworkDesign, cohort?: number): number {
  const T = d.years.length;
  let withP = 0;
  let without = 0;
  d.units.forEach((_, u) => {
    const l = d.launch[u];
    if (l === null || l === undefined || (cohort !== undefined && l !== cohort)) return;
    for (let t = 0; t < T; t++) {
      if ((d.years[t] as number) < l) continue;
      without += d.baseline[u * T + t] as number;
      withP += (d.baseline[u * T + t] as number) * Math.exp(d.effect[u * T + t] as number);
    }
  });
  return withP / without;
}

/** One Poisson draw of the network's counts, unit-major. */
export function drawNetworkCounts(d: NetworkDesign, random: Random): Float64Array {
  return d.baseline.map((b, i) => poissonDeviate(b * Math.exp(d.effect[i] as number), random));
}

/** The state panel: cities × years with counts and populations, and the treated city. */
export interface StatePanel {
  rows: { city: string; year: number; count: number; population: number }[];
  treated: string;
  launch: string;
  plantedRatio: number;
}

const SYLLABLES = [
  'Ash',
  'Bel',
  'Cor',
  'Dun',
  'El',
  'Fair',
  'Glen',
  'Har',
  'Iron',
  'Jun',
  'Kings',
  'Lake',
  'Mar',
  'North',
  'Oak',
  'Pine',
  'Red',
  'San',
  'Twin',
  'Val',
];
const ENDINGS = [
  'ton',
  'field',
  'dale',
  'view',
  'port',
  'wood',
  'ville',
  'ford',
  'mont',
  'haven',
  'ridge',
  'crest',
  'bury',
  'stone',
  'land',
];

/** The synthetic state panel (deterministic for a seed). */
export function demoStatePanel(seed = 19950101): StatePanel {
  const random = seededRandom(seed);
  const years = Array.from({ length: 30 }, (_, i) => 1995 + i);
  const names = new Set<string>();
  while (names.size < 299) {
    names.add(
      `${SYLLABLES[Math.floor(random() * SYLLABLES.length)]}${ENDINGS[Math.floor(random() * ENDINGS.length)]}${names.size % 3 === 0 ? ' City' : ''}`,
    );
  }
  const treated = 'Riverside Bay';
  const cities = [...names, treated].sort();
  const stateShape = years.map(
    (y) => 0.2 * Math.sin((y - 1995) / 4) - 0.02 * (y - 1995) + (y >= 2020 ? 0.25 : 0),
  );
  const rows: StatePanel['rows'] = [];
  for (const city of cities) {
    const isTreated = city === treated;
    const pop0 = isTreated ? 110_000 : Math.round(Math.exp(Math.log(120_000) + 0.8 * normalDeviate(random)));
    const growth = isTreated ? 0.004 : 0.01 * normalDeviate(random);
    const rate = isTreated ? 75 : Math.exp(Math.log(9) + 0.6 * normalDeviate(random));
    const drift = isTreated ? -0.005 : 0.01 * normalDeviate(random);
    years.forEach((y, t) => {
      const population = Math.max(5_000, Math.round(pop0 * Math.exp(growth * t)));
      const effect = isTreated && y >= 2010 ? Math.log(0.7) : 0;
      const mean = (population / 1e5) * rate * Math.exp((stateShape[t] as number) + drift * t + effect);
      rows.push({ city, year: y, count: poissonDeviate(mean, random), population });
    });
  }
  return { rows, treated, launch: '2010-01-01', plantedRatio: 0.7 };
}

/** CSV files of both panels and their truth, for `data/demo/`. */
export function serializeDemoPanels(): Record<string, string> {
  const d = demoNetworkDesign();
  const counts = drawNetworkCounts(d, seededRandom(424242));
  const T = d.years.length;
  const network = ['beat,year,count'];
  d.units.forEach((u, i) => {
    for (const [t, y] of d.years.entries()) network.push(`${u},${y},${counts[i * T + t]}`);
  });
  const programs = ['beat,launch,site'];
  d.units.forEach((u, i) => {
    const l = d.launch[i];
    if (l !== null && l !== undefined) programs.push(`${u},${l}-0${1 + (i % 9)}-01,Site ${u}`);
  });
  const state = demoStatePanel();
  const stateCsv = [
    'city,year,count,population',
    ...state.rows.map((r) => `${r.city},${r.year},${r.count},${r.population}`),
  ];
  const truth = {
    network: {
      description:
        'Planted effects of the demo network: ratio of expected counts with and without the program over treated beat-years.',
      overall: plantedRatio(d),
      cohorts: Object.fromEntries(d.cohorts.map((c) => [String(c.year), plantedRatio(d, c.year)])),
      logEffect: 'a_g - 0.05 * years since launch; a = -0.25 (2013), -0.15 (2017), -0.05 (2021)',
    },
    statePanel: { treated: state.treated, launch: state.launch, plantedRatio: state.plantedRatio },
  };
  return {
    'network-panel.csv': `${network.join('\n')}\n`,
    'network-programs.csv': `${programs.join('\n')}\n`,
    'state-panel.csv': `${stateCsv.join('\n')}\n`,
    'panels-truth.json': `${JSON.stringify(truth, null, 2)}\n`,
    'PANELS.md': PANELS_README,
  };
}

const PANELS_README = `# Demo panels (synthetic)

Generated by \`scripts/demo-city/demo-panels.ts\` (\`npm run demo:generate\`); every number is invented.

## network-panel.csv, network-programs.csv

Demo City's 60 police beats (B01–B60), shootings per year 2010–2025 (\`beat,year,count\`), and the sites of a
violence-interruption network (\`beat,launch,site\`): 10 beats launched in 2013, 10 in 2017, 10 in 2021; 30
never. The planted effect on the log scale is a_g − 0.05 × years since launch, with a = −0.25 (2013),
−0.15 (2017), −0.05 (2021): early sites work better and effects grow. Pooled two-way fixed effects is biased
towards zero here (already-treated beats serve as controls); the extended estimator recovers the truth.
\`panels-truth.json\` gives the planted ratio of expected counts with and without the program over all
treated beat-years and per cohort.

## state-panel.csv

300 cities of a synthetic state, 1995–2024 (\`city,year,count,population\`), as state crime statistics
publish them. Riverside Bay (about 110,000 people, far higher rates than almost every other city) funds a
program from 2010 that multiplies its expected count by 0.70. Its rates lie above every donor's, outside the
donors' convex hull: fit the synthetic control on logs with an intercept (demeaned), donors of at least
50,000 people.
`;
