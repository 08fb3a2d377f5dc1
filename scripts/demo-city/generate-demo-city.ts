/**
 * Synthetic demo city: a seeded, fully documented simulation of shootings in a fictional city, used as the
 * app's offline demo dataset and as ground truth for the statistics tests.
 *
 * What it simulates. A city of 25 neighborhoods (a jittered 5 × 5 grid of polygons that share edges
 * exactly, ~12 km × 10 km, placed at about 38.95° N, 95.25° W only so web-map projections work) and ten
 * years of shooting incidents with one row per victim. Incidents come from a background Poisson process
 * plus a self-exciting (Hawkes) retaliation process:
 * - background intensity per day for component c (a neighborhood, or a hotspot disc):
 *   μ_c(d) = scale · R_c(d) / 365.25 · Y(year) · S(day of year) · W(weekday), where R_c is the
 *   component's annual rate (constant for neighborhoods, piecewise linear for hotspots), Y a citywide
 *   year factor, S = 1 + a·cos(2π(doy − peak)/365.25) the seasonality and W the weekday factor;
 *   neighborhood incidents are uniform inside the polygon, hotspot incidents are isotropic Gaussian
 *   (σ = radius / 2) truncated at the radius; the clock time comes from a 24-hour profile.
 * - retaliation: every incident has Poisson(η) offspring; an offspring lies at a Gaussian offset
 *   (σ per axis) from its parent and happens 1 + ⌊E⌋ days later, E ~ Exponential(mean), at a clock time
 *   from the same hour profile; offspring outside the city or after the study period are discarded.
 * - programs: from launch, every incident (background or offspring) inside a program's catchment is kept
 *   with probability equal to the program's effect multiplier (thinning), which multiplies the
 *   conditional intensity inside the catchment. Thinned incidents do not happen and trigger nothing.
 * - a 90-day burn-in before the study start gives early incidents their retaliation history.
 *
 * Every incident owns a random stream seeded from a hash of its identity (component, day, index, or its
 * parent's identity and offspring index), so the world without programs (the exact counterfactual) is a
 * superset of the world with them, and `retaliation: false` gives exactly the background incidents of the
 * same seed. The truth record holds every parameter, the coupled counterfactual counts per program and the
 * figures measured on the output. Output is byte-for-byte reproducible (no clock, no `Math.random`).
 *
 * Options: `seed` (default 20260101), `retaliation` (default true), `programEffects` (default true),
 * `startYear` (default 2015), `years` (default 10), `scale` (multiplies every background rate, default 1).
 */

import { normalDeviate, poissonDeviate, type Random, seededRandom } from '../../src/analysis/random';
import {
  distanceToRing,
  type LocalFrame,
  localFrame,
  type Position,
  pointInRing,
  ringArea,
  ringBounds,
  ringDistance,
  roundTo,
  toLonLat,
  toMetres,
} from './demo-city-geometry';

/** Options of {@link generateDemoCity}. */
export interface DemoCityOptions {
  /** Integer seed of every random stream. Default 20260101. */
  seed?: number;
  /** Switch the self-exciting retaliation process on (default) or off (background only). */
  retaliation?: boolean;
  /** Apply the programs' planted effects (default) or generate the no-program counterfactual city. */
  programEffects?: boolean;
  /** First calendar year of the study period (starts 1 January). Default 2015. */
  startYear?: number;
  /** Length of the study period in whole years. Default 10. */
  years?: number;
  /** Factor on every background rate (1 gives ~23k incidents over 10 years). Default 1. */
  scale?: number;
}

/** Victim age groups in the demo data; `''` is unknown. */
export type DemoAgeGroup = '<18' | '18-24' | '25-44' | '45-64' | '65+' | '';
/** Victim sex in the demo data; `''` is unknown. */
export type DemoSex = 'M' | 'F' | '';

/** One victim row of `incidents.csv` (all victims of an incident share its time and place). */
export interface DemoVictimRow {
  incidentId: string;
  victimId: string;
  /** Local wall-clock time `YYYY-MM-DD HH:MM:SS` (the city has no time zone offsets to apply). */
  occurredAt: string;
  /** Latitude in degrees, rounded to 5 decimals. */
  latitude: number;
  /** Longitude in degrees, rounded to 5 decimals. */
  longitude: number;
  fatal: boolean;
  victimAgeGroup: DemoAgeGroup;
  victimSex: DemoSex;
  /** Neighborhood id (`N01`..`N25`). */
  neighborhood: string;
}

/** Ground truth of one incident: where it came from in the simulation. */
export interface DemoIncidentTruth {
  incidentId: string;
  /** 0 = background incident, k ≥ 1 = k-th generation retaliation offspring. */
  generation: number;
  /** Incident id of the parent (empty for background, or when the parent fell in the burn-in). */
  parentIncidentId: string;
  /** Background component of the family's root: a neighborhood id or a hotspot id. */
  backgroundSource: string;
}

/** A GeoJSON polygon geometry (lon/lat, exterior ring counter-clockwise, closed). */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}

/** A GeoJSON feature with a polygon geometry. */
export interface PolygonFeature<P> {
  type: 'Feature';
  properties: P;
  geometry: PolygonGeometry;
}

/** A GeoJSON FeatureCollection of polygons. */
export interface PolygonFeatureCollection<P> {
  type: 'FeatureCollection';
  features: PolygonFeature<P>[];
}

/** Properties of a neighborhood feature. */
export interface NeighborhoodProperties {
  id: string;
  name: string;
  population: number;
}

/** Properties of the city-limit feature. */
export interface CityProperties {
  name: string;
  synthetic: true;
}

/** A period of a planted program effect: intensity multiplier `factor` from `from` (inclusive) to `to`. */
export interface EffectPeriod {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** First day after the period, `YYYY-MM-DD`, or null for open-ended. */
  to: string | null;
  /** Multiplier on the conditional intensity inside the catchment. */
  factor: number;
}

/** One entry of `programs.json`. */
export interface DemoProgram {
  id: string;
  name: string;
  model: string;
  city: string;
  /** Launch day `YYYY-MM-DD`. */
  launch: string;
  catchment: PolygonGeometry;
  /** Suggested comparison neighborhoods (similar pre-period level, away from every catchment). */
  comparison: string[];
  displacementBufferMetres: number;
  notes: string;
  plantedEffect: {
    kind: 'intensity-multiplier';
    appliesTo: string;
    periods: EffectPeriod[];
    summary: string;
  };
}

/** Definition of a hotspot (truth record). */
export interface HotspotTruth {
  id: string;
  kind: 'persistent' | 'emerging' | 'fading';
  /** Centre `[lon, lat]`, rounded to 6 decimals. */
  centre: Position;
  /** Centre in the local frame, metres east/north of the south-west origin. */
  centreMetres: Position;
  /** Radius in metres: every background incident of the hotspot lies within it. */
  radiusMetres: number;
  /** Gaussian σ per axis in metres (truncated at the radius). */
  sigmaMetres: number;
  /** Piecewise-linear annual rate knots (incidents/year before the citywide factors). */
  profile: { date: string; ratePerYear: number }[];
  /** Expected background incidents per study year from this hotspot (all factors applied, no programs). */
  expectedBackgroundByYear: number[];
}

/** Per-program truth: planted effect and what it did in this realisation. */
export interface ProgramTruth {
  id: string;
  launch: string;
  catchmentAreaKm2: number;
  /** Nominal catchment radius: the 12 vertices lie at 0.85-1.15 × this distance from the hotspot centre. */
  catchmentRadiusMetres: number;
  hotspot: string;
  periods: EffectPeriod[];
  comparison: string[];
  /** Mean observed incidents/month in the catchment over the 24 months before the launch month. */
  preLaunchMonthlyMean: number;
  /** Per effect period: incidents inside the catchment whose parent occurred (the at-risk candidates) and
   *  how many the thinning kept; kept/candidates estimates the planted multiplier. */
  direct: { from: string; to: string | null; factor: number; candidates: number; kept: number }[];
  /** Observed vs exact counterfactual (same seed, no program) incidents in the catchment, per month. */
  monthly: { month: string; observed: number; counterfactual: number }[];
}

/** The machine-readable ground truth of a demo city. */
export interface DemoCityTruth {
  schema: 'cvi-atlas-demo-truth/1';
  synthetic: true;
  seed: number;
  options: Required<DemoCityOptions>;
  regenerate: string;
  city: {
    name: string;
    centre: Position;
    widthMetres: number;
    heightMetres: number;
    frame: LocalFrame;
    areaKm2: number;
    studyStart: string;
    studyEnd: string;
    burnInDays: number;
  };
  /** How neighborhood background rates were set: rate ∝ population / 30,000 × risk, summing to the total. */
  neighborhoodModel: {
    totalBackgroundPerYear: number;
    riskFloor: number;
    riskCores: { x: number; y: number; weight: number }[];
    riskCoreSigmaMetres: number;
    riskNoiseSd: number;
    populationRange: [number, number];
  };
  neighborhoods: {
    id: string;
    name: string;
    population: number;
    areaKm2: number;
    riskMultiplier: number;
    backgroundRatePerYear: number;
  }[];
  hotspots: HotspotTruth[];
  temporal: {
    yearFactors: number[];
    seasonalAmplitude: number;
    seasonalPeakDayOfYear: number;
    weekdayFactors: { day: string; factor: number }[];
    hourWeights: number[];
  };
  victims: {
    victimsPerIncident: { victims: number; probability: number }[];
    fatalProbability: number;
    ageGroups: { group: DemoAgeGroup; probability: number }[];
    sexes: { sex: DemoSex; probability: number }[];
  };
  retaliation: {
    enabled: boolean;
    branchingRatio: number;
    offsetSigmaMetres: number;
    delayMinDays: number;
    delayExponentialMeanDays: number;
    meanDelayDays: number;
    shareWithin400m: number;
    shareWithin14Days: number;
  };
  programs: ProgramTruth[];
  measured: {
    incidents: number;
    victims: number;
    fatalVictims: number;
    byYear: { year: number; incidents: number; victims: number; fatalVictims: number }[];
    fatalShare: number;
    multiVictimIncidentShare: number;
    summerWinterRatio: number;
    nightShare: number;
    morningShare: number;
    weekendShare: number;
    retaliationIncidents: number;
    retaliationShare: number;
    /** Share of retaliation incidents within 400 m of their parent. */
    retaliationWithin400mShare: number;
    /** Share of retaliation incidents at most 14 days after their parent. */
    retaliationWithin14DaysShare: number;
    hotspotIncidentsByYear: { id: string; counts: number[] }[];
    neighborhoodIncidents: { id: string; incidents: number }[];
  };
}

/** Everything {@link generateDemoCity} returns. */
export interface DemoCity {
  /** One row per victim, sorted by time, incident id, victim id. */
  incidents: DemoVictimRow[];
  /** One row per incident (same order as the incidents' first victims). */
  incidentTruth: DemoIncidentTruth[];
  neighborhoods: PolygonFeatureCollection<NeighborhoodProperties>;
  city: PolygonFeatureCollection<CityProperties>;
  programs: DemoProgram[];
  truth: DemoCityTruth;
}

/** City name used in every file. */
export const DEMO_CITY_NAME = 'Demo City (synthetic)';

const DEFAULTS: Required<DemoCityOptions> = {
  seed: 20260101,
  retaliation: true,
  programEffects: true,
  startYear: 2015,
  years: 10,
  scale: 1,
};

const CENTRE: Position = [-95.25, 38.95];
const WIDTH = 12_000;
const HEIGHT = 10_000;
const COLS = 5;
const ROWS = 5;
const BURN_IN_DAYS = 90;
/** Points closer than this (degrees) to any neighborhood or catchment edge are redrawn. */
const EDGE_MARGIN_DEG = 2e-6;

const NEIGHBORHOOD_NAMES = [
  'Ashgrove',
  'Birchfield',
  'Cedar Hill',
  'Dunmore',
  'Elm Park',
  'Fairlawn',
  'Glenwood',
  'Hollis Flats',
  'Ironbridge',
  'Juniper Row',
  'Kingsley',
  'Larkspur',
  'Millbrook',
  'North Commons',
  'Oakridge',
  'Pinecrest',
  'Quarry Hill',
  'Redfield',
  'Stonegate',
  'Tanners Mill',
  'Upland Park',
  'Valley Green',
  'Willow Bend',
  'Yardley',
  'Westbrook',
];

const NEIGHBORHOOD_BACKGROUND_PER_YEAR = 1150;
const RISK_CORES: { x: number; y: number; weight: number }[] = [
  { x: 8000, y: 4600, weight: 1.0 },
  { x: 3800, y: 4000, weight: 0.8 },
];
const RISK_CORE_SIGMA = 2600;
const RISK_FLOOR = 0.3;
const RISK_NOISE_SD = 0.25;
const POPULATION_RANGE: [number, number] = [8000, 55_000];

interface HotspotSpec {
  id: string;
  kind: 'persistent' | 'emerging' | 'fading';
  x: number;
  y: number;
  radius: number;
  /** Knots: years after the study start (fractional allowed) and annual rate. */
  knots: { year: number; rate: number }[];
}

const HOTSPOTS: HotspotSpec[] = [
  { id: 'H1', kind: 'persistent', x: 7600, y: 5600, radius: 400, knots: [{ year: 0, rate: 95 }] },
  { id: 'H2', kind: 'persistent', x: 4200, y: 3600, radius: 350, knots: [{ year: 0, rate: 85 }] },
  { id: 'H3', kind: 'persistent', x: 9400, y: 2800, radius: 450, knots: [{ year: 0, rate: 95 }] },
  { id: 'H4', kind: 'persistent', x: 6000, y: 8800, radius: 350, knots: [{ year: 0, rate: 85 }] },
  { id: 'H5', kind: 'persistent', x: 2600, y: 6900, radius: 400, knots: [{ year: 0, rate: 85 }] },
  { id: 'H6', kind: 'persistent', x: 1300, y: 4900, radius: 400, knots: [{ year: 0, rate: 80 }] },
  {
    id: 'E1',
    kind: 'emerging',
    x: 2000,
    y: 1600,
    radius: 400,
    knots: [
      { year: 5, rate: 0 },
      { year: 10, rate: 150 },
    ],
  },
  {
    id: 'F1',
    kind: 'fading',
    x: 9800,
    y: 8000,
    radius: 450,
    knots: [
      { year: 3, rate: 160 },
      { year: 10, rate: 50 },
    ],
  },
];

const YEAR_FACTORS = [1.0, 1.04, 0.98, 0.94, 0.92, 1.18, 1.24, 1.1, 0.98, 0.9];
const SEASONAL_AMPLITUDE = 0.22;
const SEASONAL_PEAK_DOY = 196;
/** Weekday factors, Sunday first (JavaScript `getUTCDay` order); they average to 1. */
const WEEKDAY_FACTORS = [1.15, 0.85, 0.85, 0.85, 0.9, 1.1, 1.3];
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Relative weights of the clock hour 0..23. */
const HOUR_WEIGHTS = [
  9.0, 8.5, 7.0, 5.0, 3.5, 2.2, 1.4, 1.1, 1.1, 1.3, 1.7, 2.2, 2.7, 3.0, 3.3, 3.8, 4.3, 5.0, 5.8, 6.6, 7.4,
  8.2, 8.8, 9.3,
];

const VICTIM_COUNTS = [
  { victims: 1, probability: 0.83 },
  { victims: 2, probability: 0.12 },
  { victims: 3, probability: 0.035 },
  { victims: 4, probability: 0.01 },
  { victims: 5, probability: 0.005 },
];
const FATAL_PROBABILITY = 0.18;
const AGE_GROUPS: { group: DemoAgeGroup; probability: number }[] = [
  { group: '<18', probability: 0.1 },
  { group: '18-24', probability: 0.33 },
  { group: '25-44', probability: 0.43 },
  { group: '45-64', probability: 0.1 },
  { group: '65+', probability: 0.01 },
  { group: '', probability: 0.03 },
];
const SEXES: { sex: DemoSex; probability: number }[] = [
  { sex: 'M', probability: 0.86 },
  { sex: 'F', probability: 0.12 },
  { sex: '', probability: 0.02 },
];

const BRANCHING_RATIO = 0.25;
const OFFSET_SIGMA = 150;
const DELAY_MIN_DAYS = 1;
const DELAY_MEAN_EXTRA_DAYS = 4.5;

interface ProgramSpec {
  id: string;
  name: string;
  model: string;
  hotspot: string;
  catchmentRadius: number;
  launch: { year: number; month: number };
  /** Effect periods: months after launch when the period starts, and the multiplier. */
  periods: { startMonth: number; factor: number }[];
  notes: string;
  summary: string;
}

const DISPLACEMENT_BUFFER_METRES = 400;
const COMPARISON_COUNT = 3;
const PRE_PERIOD_MONTHS = 24;

const PROGRAMS: ProgramSpec[] = [
  {
    id: 'program-a',
    name: 'Eastside Street Outreach',
    model: 'Cure Violence (street outreach and conflict mediation)',
    hotspot: 'H1',
    catchmentRadius: 900,
    launch: { year: 4, month: 7 },
    periods: [{ startMonth: 0, factor: 0.7 }],
    notes: 'Synthetic program. Planted effect: intensity x0.70 inside the catchment from launch on.',
    summary: '-30% from launch on (multiplier 0.70, open-ended)',
  },
  {
    id: 'program-b',
    name: 'Westside Youth Partnership',
    model: 'Youth mentoring and job placement',
    hotspot: 'H2',
    catchmentRadius: 900,
    launch: { year: 5, month: 1 },
    periods: [{ startMonth: 0, factor: 1.0 }],
    notes: 'Synthetic program. Planted effect: none (multiplier 1.00); a null case for evaluation.',
    summary: 'no effect (multiplier 1.00)',
  },
  {
    id: 'program-c',
    name: 'Southeast Peacemaker Fellowship',
    model: 'Advance Peace (fellowship with daily check-ins)',
    hotspot: 'H3',
    catchmentRadius: 950,
    launch: { year: 4, month: 1 },
    periods: [
      { startMonth: 0, factor: 0.65 },
      { startMonth: 24, factor: 1.0 },
    ],
    notes:
      'Synthetic program. Planted effect: intensity x0.65 inside the catchment for the first 24 months, ' +
      'then x1.00 (the effect stops abruptly after two years).',
    summary: '-35% for 24 months from launch, then no effect (0.65, then 1.00)',
  },
];

// ---------------------------------------------------------------------------------------------------------
// Hashing and calendar helpers

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3-style mix of 32-bit integer parts; gives each incident its own random stream. */
function hashParts(...parts: number[]): number {
  let h = 0x9747b28c;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = rotl(k, 15);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = rotl(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= parts.length * 4;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const DAY_MS = 86_400_000;

function epochDay(year: number, month1: number, day: number): number {
  return Date.UTC(year, month1 - 1, day) / DAY_MS;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isoDate(epoch: number): string {
  const d = new Date(epoch * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function pick<T>(items: readonly T[], weight: (t: T) => number, u: number): T {
  let total = 0;
  for (const item of items) total += weight(item);
  let acc = 0;
  const target = u * total;
  for (const item of items) {
    acc += weight(item);
    if (target < acc) return item;
  }
  return items[items.length - 1]!;
}

function round(value: number, decimals: number): number {
  return roundTo(value, decimals);
}

// ---------------------------------------------------------------------------------------------------------
// Simulation state

interface SimEvent {
  key: number;
  /** Day index relative to the study start (negative in the burn-in). */
  day: number;
  second: number;
  lon: number;
  lat: number;
  neighborhood: number;
  generation: number;
  parent: number;
  root: number;
  /** Parent occurred in the programs' world (always true for background incidents). */
  parentKept: boolean;
  kept: boolean;
  catchment: number;
  victims: { fatal: boolean; age: DemoAgeGroup; sex: DemoSex }[];
  offspring: number;
}

interface Neighborhood {
  id: string;
  name: string;
  population: number;
  ring: Position[];
  ringMetres: Position[];
  bounds: [number, number, number, number];
  risk: number;
  rate: number;
}

interface Catchment {
  spec: ProgramSpec;
  ring: Position[];
  ringMetres: Position[];
  bounds: [number, number, number, number];
  launchDay: number;
  periodStarts: number[];
  launchMonthIndex: number;
}

function hourSecond(random: Random): number {
  const hour = pick(
    HOUR_WEIGHTS.map((w, h) => ({ w, h })),
    (x) => x.w,
    random(),
  ).h;
  return hour * 3600 + Math.floor(random() * 3600);
}

/**
 * Generates the synthetic demo city. Pure: the same options always give the same result.
 *
 * @param options seed, retaliation on/off, program effects on/off, start year, years, rate scale.
 * @returns victim rows, per-incident truth, neighborhoods, city limit, programs and the truth record.
 */
export function generateDemoCity(options: DemoCityOptions = {}): DemoCity {
  const opts: Required<DemoCityOptions> = { ...DEFAULTS, ...options };
  if (!Number.isInteger(opts.seed)) throw new TypeError(`seed must be an integer, got ${opts.seed}`);
  if (!Number.isInteger(opts.startYear) || opts.startYear < 1970 || opts.startYear > 2200) {
    throw new RangeError(`startYear must be an integer in 1970..2200, got ${opts.startYear}`);
  }
  if (!Number.isInteger(opts.years) || opts.years < 8 || opts.years > 30) {
    throw new RangeError(
      `years must be an integer in 8..30 (programs launch in years 5-6), got ${opts.years}`,
    );
  }
  if (!(opts.scale > 0 && opts.scale <= 10))
    throw new RangeError(`scale must be in (0, 10], got ${opts.scale}`);

  const seed = opts.seed;
  const frame = localFrame(CENTRE[0], CENTRE[1], WIDTH, HEIGHT);
  const lonLat6 = (x: number, y: number): Position => {
    const [lon, lat] = toLonLat(frame, x, y);
    return [round(lon, 6), round(lat, 6)];
  };

  // --- Neighborhood grid: shared vertices and shared jittered edge midpoints, so neighbors share edges.
  const geo = seededRandom(hashParts(seed, 1));
  const cellW = WIDTH / COLS;
  const cellH = HEIGHT / ROWS;
  const jitter = (amp: number) => (geo() * 2 - 1) * amp;
  const vertex: Position[][] = [];
  for (let i = 0; i <= COLS; i++) {
    const column: Position[] = [];
    for (let j = 0; j <= ROWS; j++) {
      const edgeX = i === 0 || i === COLS;
      const edgeY = j === 0 || j === ROWS;
      const dx = edgeX ? jitter(150) : jitter(0.15 * cellW);
      const dy = edgeY ? jitter(150) : jitter(0.15 * cellH);
      column.push([i * cellW + dx, j * cellH + dy]);
    }
    vertex.push(column);
  }
  const midpoint = (a: Position, b: Position): Position => {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const off = jitter(120);
    return [
      (a[0] + b[0]) / 2 + (off * -(b[1] - a[1])) / len,
      (a[1] + b[1]) / 2 + (off * (b[0] - a[0])) / len,
    ];
  };
  // Horizontal edge (i,j)-(i+1,j) and vertical edge (i,j)-(i,j+1) midpoints.
  const hMid: Position[][] = [];
  const vMid: Position[][] = [];
  for (let i = 0; i <= COLS; i++) {
    const h: Position[] = [];
    const v: Position[] = [];
    for (let j = 0; j <= ROWS; j++) {
      if (i < COLS) h.push(midpoint(vertex[i]![j]!, vertex[i + 1]![j]!));
      if (j < ROWS) v.push(midpoint(vertex[i]![j]!, vertex[i]![j + 1]!));
    }
    hMid.push(h);
    vMid.push(v);
  }
  const V = (i: number, j: number) => vertex[i]![j]!;
  const H = (i: number, j: number) => hMid[i]![j]!;
  const Vm = (i: number, j: number) => vMid[i]![j]!;

  const neighborhoods: Neighborhood[] = [];
  for (let j = ROWS - 1; j >= 0; j--) {
    for (let i = 0; i < COLS; i++) {
      const ringMetresRaw = [
        V(i, j),
        H(i, j),
        V(i + 1, j),
        Vm(i + 1, j),
        V(i + 1, j + 1),
        H(i, j + 1),
        V(i, j + 1),
        Vm(i, j),
      ];
      const ring = ringMetresRaw.map(([x, y]) => lonLat6(x, y));
      ring.push(ring[0]!);
      const ringMetres = ring.map(([lon, lat]) => toMetres(frame, lon, lat));
      const index = neighborhoods.length;
      neighborhoods.push({
        id: `N${pad(index + 1)}`,
        name: NEIGHBORHOOD_NAMES[index]!,
        population: 0,
        ring,
        ringMetres,
        bounds: ringBounds(ring),
        risk: 0,
        rate: 0,
      });
    }
  }
  let weightSum = 0;
  for (const n of neighborhoods) {
    n.population =
      Math.round((POPULATION_RANGE[0] + geo() * (POPULATION_RANGE[1] - POPULATION_RANGE[0])) / 10) * 10;
    const [minX, minY, maxX, maxY] = ringBounds(n.ringMetres);
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    let field = RISK_FLOOR;
    for (const core of RISK_CORES) {
      const d2 = (cx - core.x) ** 2 + (cy - core.y) ** 2;
      field += core.weight * Math.exp(-d2 / (2 * RISK_CORE_SIGMA ** 2));
    }
    n.risk = field * Math.exp(RISK_NOISE_SD * normalDeviate(geo));
    weightSum += (n.population / 30_000) * n.risk;
  }
  for (const n of neighborhoods) {
    n.rate = (NEIGHBORHOOD_BACKGROUND_PER_YEAR * ((n.population / 30_000) * n.risk)) / weightSum;
  }

  const outline: Position[] = [];
  for (let i = 0; i < COLS; i++) outline.push(V(i, 0), H(i, 0));
  for (let j = 0; j < ROWS; j++) outline.push(V(COLS, j), Vm(COLS, j));
  for (let i = COLS; i > 0; i--) outline.push(V(i, ROWS), H(i - 1, ROWS));
  for (let j = ROWS; j > 0; j--) outline.push(V(0, j), Vm(0, j - 1));
  const cityRing = outline.map(([x, y]) => lonLat6(x, y));
  cityRing.push(cityRing[0]!);
  const cityRingMetres = cityRing.map(([lon, lat]) => toMetres(frame, lon, lat));

  // --- Calendar.
  const startEpoch = epochDay(opts.startYear, 1, 1);
  const endEpoch = epochDay(opts.startYear + opts.years, 1, 1);
  const totalDays = endEpoch - startEpoch;
  const dateOf = (day: number) => new Date((startEpoch + day) * DAY_MS);
  const dayOfDate = (yearOffset: number, month1: number, dayOfMonth = 1) =>
    epochDay(opts.startYear + yearOffset, month1, dayOfMonth) - startEpoch;
  const monthIndexOf = (day: number) => {
    const d = dateOf(day);
    return (d.getUTCFullYear() - opts.startYear) * 12 + d.getUTCMonth();
  };
  const monthCount = opts.years * 12;
  const monthLabel = (m: number) => `${opts.startYear + Math.floor(m / 12)}-${pad((m % 12) + 1)}`;

  // --- Hotspots and programs.
  const hotspotKnotDays = HOTSPOTS.map((h) =>
    h.knots.map((k) => ({
      day: dayOfDate(Math.floor(k.year), 1) + Math.round((k.year % 1) * 365.25),
      rate: k.rate,
    })),
  );
  const hotspotRate = (index: number, day: number): number => {
    const knots = hotspotKnotDays[index]!;
    const first = knots[0]!;
    if (day <= first.day) return first.rate;
    for (let k = 1; k < knots.length; k++) {
      const a = knots[k - 1]!;
      const b = knots[k]!;
      if (day <= b.day) return a.rate + ((b.rate - a.rate) * (day - a.day)) / (b.day - a.day);
    }
    return knots[knots.length - 1]!.rate;
  };

  const catchments: Catchment[] = PROGRAMS.map((spec) => {
    const hotspot = HOTSPOTS.find((h) => h.id === spec.hotspot)!;
    const ringRaw: Position[] = [];
    for (let k = 0; k < 12; k++) {
      const angle = (2 * Math.PI * k) / 12;
      const r = spec.catchmentRadius * (0.85 + 0.3 * geo());
      ringRaw.push(lonLat6(hotspot.x + r * Math.cos(angle), hotspot.y + r * Math.sin(angle)));
    }
    ringRaw.push(ringRaw[0]!);
    const launchDay = dayOfDate(spec.launch.year, spec.launch.month);
    return {
      spec,
      ring: ringRaw,
      ringMetres: ringRaw.map(([lon, lat]) => toMetres(frame, lon, lat)),
      bounds: ringBounds(ringRaw),
      launchDay,
      periodStarts: spec.periods.map((p) =>
        dayOfDate(
          spec.launch.year + Math.floor((spec.launch.month - 1 + p.startMonth) / 12),
          ((spec.launch.month - 1 + p.startMonth) % 12) + 1,
        ),
      ),
      launchMonthIndex: monthIndexOf(launchDay),
    };
  });
  const effectFactor = (c: Catchment, day: number): number => {
    let factor = 1;
    for (let p = 0; p < c.periodStarts.length; p++) {
      if (day >= c.periodStarts[p]!) factor = c.spec.periods[p]!.factor;
    }
    return factor;
  };

  /** Neighborhood index of a rounded point, -1 outside the city, -2 too close to an edge. */
  const locate = (lon: number, lat: number): number => {
    for (const c of catchments) {
      const [a, b, cc, d] = c.bounds;
      if (lon >= a - 1e-5 && lon <= cc + 1e-5 && lat >= b - 1e-5 && lat <= d + 1e-5) {
        if (distanceToRing(lon, lat, c.ring) < EDGE_MARGIN_DEG) return -2;
      }
    }
    for (let n = 0; n < neighborhoods.length; n++) {
      const nb = neighborhoods[n]!;
      const [a, b, cc, d] = nb.bounds;
      if (lon < a - 1e-5 || lon > cc + 1e-5 || lat < b - 1e-5 || lat > d + 1e-5) continue;
      if (distanceToRing(lon, lat, nb.ring) < EDGE_MARGIN_DEG) return -2;
      if (pointInRing(lon, lat, nb.ring)) return n;
    }
    return -1;
  };
  const catchmentOf = (lon: number, lat: number): number => {
    for (let c = 0; c < catchments.length; c++) {
      if (pointInRing(lon, lat, catchments[c]!.ring)) return c;
    }
    return -1;
  };

  // --- Background intensity per day (shared by every component up to its annual rate).
  const firstDay = -BURN_IN_DAYS;
  const dayFactor = new Float64Array(totalDays + BURN_IN_DAYS);
  for (let day = firstDay; day < totalDays; day++) {
    const date = dateOf(day);
    const yearIndex = Math.max(0, date.getUTCFullYear() - opts.startYear);
    const year = YEAR_FACTORS[Math.min(yearIndex, YEAR_FACTORS.length - 1)]!;
    const doy =
      (Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) -
        Date.UTC(date.getUTCFullYear(), 0, 1)) /
      DAY_MS;
    const season = 1 + SEASONAL_AMPLITUDE * Math.cos((2 * Math.PI * (doy - SEASONAL_PEAK_DOY)) / 365.25);
    dayFactor[day - firstDay] = (opts.scale / 365.25) * year * season * WEEKDAY_FACTORS[date.getUTCDay()]!;
  }

  const components = [
    ...neighborhoods.map((n) => ({
      id: n.id,
      kind: 'neighborhood' as const,
      index: neighborhoods.indexOf(n),
    })),
    ...HOTSPOTS.map((h, index) => ({ id: h.id, kind: 'hotspot' as const, index })),
  ];
  const rateOf = (c: (typeof components)[number], day: number) =>
    c.kind === 'neighborhood' ? neighborhoods[c.index]!.rate : hotspotRate(c.index, day);

  const drawVictimsAndOffspring = (ev: SimEvent, random: Random) => {
    const count = pick(VICTIM_COUNTS, (v) => v.probability, random()).victims;
    for (let v = 0; v < count; v++) {
      const fatal = random() < FATAL_PROBABILITY;
      const age = pick(AGE_GROUPS, (a) => a.probability, random()).group;
      const sex = pick(SEXES, (s) => s.probability, random()).sex;
      ev.victims.push({ fatal, age, sex });
    }
    ev.offspring = poissonDeviate(BRANCHING_RATIO, random);
  };
  const decideKept = (ev: SimEvent, uThin: number) => {
    ev.catchment = catchmentOf(ev.lon, ev.lat);
    const factor =
      ev.catchment >= 0 && opts.programEffects ? effectFactor(catchments[ev.catchment]!, ev.day) : 1;
    ev.kept = ev.parentKept && uThin < factor;
  };

  const events: SimEvent[] = [];
  const expectedByYear = HOTSPOTS.map(() => new Array<number>(opts.years).fill(0));
  for (let c = 0; c < components.length; c++) {
    const comp = components[c]!;
    const counts = seededRandom(hashParts(seed, 2, c));
    const hotspot = comp.kind === 'hotspot' ? HOTSPOTS[comp.index]! : null;
    for (let day = firstDay; day < totalDays; day++) {
      const mu = rateOf(comp, day) * dayFactor[day - firstDay]!;
      if (hotspot && day >= 0) {
        const y = dateOf(day).getUTCFullYear() - opts.startYear;
        expectedByYear[comp.index]![y]! += mu;
      }
      const n = poissonDeviate(mu, counts);
      for (let k = 0; k < n; k++) {
        const key = hashParts(seed, 3, c, day, k);
        const random = seededRandom(key);
        let lon = 0;
        let lat = 0;
        let where = -1;
        while (where < 0) {
          if (hotspot) {
            const sigma = hotspot.radius / 2;
            const gx = sigma * normalDeviate(random);
            const gy = sigma * normalDeviate(random);
            if (Math.hypot(gx, gy) > hotspot.radius) continue;
            [lon, lat] = toLonLat(frame, hotspot.x + gx, hotspot.y + gy);
          } else {
            const [a, b, cc, d] = neighborhoods[comp.index]!.bounds;
            lon = a + random() * (cc - a);
            lat = b + random() * (d - b);
          }
          lon = round(lon, 5);
          lat = round(lat, 5);
          where = locate(lon, lat);
          if (!hotspot && where !== comp.index) where = -1;
        }
        const ev: SimEvent = {
          key,
          day,
          second: hourSecond(random),
          lon,
          lat,
          neighborhood: where,
          generation: 0,
          parent: -1,
          root: c,
          parentKept: true,
          kept: true,
          catchment: -1,
          victims: [],
          offspring: 0,
        };
        decideKept(ev, random());
        drawVictimsAndOffspring(ev, random);
        events.push(ev);
      }
    }
  }

  // --- Retaliation offspring, generation by generation (the queue grows while it is read).
  if (opts.retaliation) {
    for (let e = 0; e < events.length; e++) {
      const parent = events[e]!;
      const [px, py] = toMetres(frame, parent.lon, parent.lat);
      for (let j = 0; j < parent.offspring; j++) {
        const key = hashParts(parent.key, 4, j);
        const random = seededRandom(key);
        const delay = DELAY_MIN_DAYS + Math.floor(-DELAY_MEAN_EXTRA_DAYS * Math.log(1 - random()));
        const day = parent.day + delay;
        let lon = 0;
        let lat = 0;
        let where = -2;
        for (let attempt = 0; attempt < 50 && where === -2; attempt++) {
          [lon, lat] = toLonLat(
            frame,
            px + OFFSET_SIGMA * normalDeviate(random),
            py + OFFSET_SIGMA * normalDeviate(random),
          );
          lon = round(lon, 5);
          lat = round(lat, 5);
          where = locate(lon, lat);
        }
        if (day >= totalDays || where < 0) continue;
        const ev: SimEvent = {
          key,
          day,
          second: hourSecond(random),
          lon,
          lat,
          neighborhood: where,
          generation: parent.generation + 1,
          parent: e,
          root: parent.root,
          parentKept: parent.kept,
          kept: true,
          catchment: -1,
          victims: [],
          offspring: 0,
        };
        decideKept(ev, random());
        drawVictimsAndOffspring(ev, random);
        events.push(ev);
      }
    }
  }

  // --- Output rows, sorted in time.
  const order: number[] = [];
  for (let e = 0; e < events.length; e++) {
    const ev = events[e]!;
    if (ev.kept && ev.day >= 0) order.push(e);
  }
  order.sort((a, b) => {
    const ea = events[a]!;
    const eb = events[b]!;
    return ea.day - eb.day || ea.second - eb.second || ea.key - eb.key || a - b;
  });
  const incidentIdOf = new Map<number, string>();
  order.forEach((e, i) => {
    incidentIdOf.set(e, `DC-${pad(i + 1, 6)}`);
  });
  const incidents: DemoVictimRow[] = [];
  const incidentTruth: DemoIncidentTruth[] = [];
  for (const e of order) {
    const ev = events[e]!;
    const incidentId = incidentIdOf.get(e)!;
    const occurredAt = `${isoDate(startEpoch + ev.day)} ${pad(Math.floor(ev.second / 3600))}:${pad(
      Math.floor((ev.second % 3600) / 60),
    )}:${pad(ev.second % 60)}`;
    ev.victims.forEach((v, k) => {
      incidents.push({
        incidentId,
        victimId: `${incidentId}-${k + 1}`,
        occurredAt,
        latitude: ev.lat,
        longitude: ev.lon,
        fatal: v.fatal,
        victimAgeGroup: v.age,
        victimSex: v.sex,
        neighborhood: neighborhoods[ev.neighborhood]!.id,
      });
    });
    incidentTruth.push({
      incidentId,
      generation: ev.generation,
      parentIncidentId: ev.parent >= 0 ? (incidentIdOf.get(ev.parent) ?? '') : '',
      backgroundSource: components[ev.root]!.id,
    });
  }

  // --- Programs: counterfactual counts, direct thinning check, comparison suggestions.
  const inStudy = (ev: SimEvent) => ev.day >= 0;
  const nbMonthly = neighborhoods.map(() => new Array<number>(monthCount).fill(0));
  for (const e of order) {
    const ev = events[e]!;
    nbMonthly[ev.neighborhood]![monthIndexOf(ev.day)]! += 1;
  }
  const programTruth: ProgramTruth[] = [];
  const programs: DemoProgram[] = [];
  const excluded = new Set<number>();
  neighborhoods.forEach((n, index) => {
    for (const c of catchments) {
      if (ringDistance(n.ringMetres, c.ringMetres) <= DISPLACEMENT_BUFFER_METRES) excluded.add(index);
    }
    for (const h of HOTSPOTS) {
      if (h.kind === 'persistent') continue;
      if (pointInRing(h.x, h.y, n.ringMetres) || distanceToRing(h.x, h.y, n.ringMetres) <= h.radius) {
        excluded.add(index);
      }
    }
  });
  for (let c = 0; c < catchments.length; c++) {
    const cat = catchments[c]!;
    const observed = new Array<number>(monthCount).fill(0);
    const counterfactual = new Array<number>(monthCount).fill(0);
    const direct = cat.spec.periods.map((p, k) => ({
      from: isoDate(startEpoch + cat.periodStarts[k]!),
      to: k + 1 < cat.periodStarts.length ? isoDate(startEpoch + cat.periodStarts[k + 1]!) : null,
      factor: p.factor,
      candidates: 0,
      kept: 0,
    }));
    for (const ev of events) {
      if (ev.catchment !== c || !inStudy(ev)) continue;
      const m = monthIndexOf(ev.day);
      counterfactual[m]! += 1;
      if (ev.kept) observed[m]! += 1;
      if (ev.parentKept && ev.day >= cat.launchDay) {
        let k = 0;
        while (k + 1 < cat.periodStarts.length && ev.day >= cat.periodStarts[k + 1]!) k++;
        direct[k]!.candidates += 1;
        if (ev.kept) direct[k]!.kept += 1;
      }
    }
    const preFrom = Math.max(0, cat.launchMonthIndex - PRE_PERIOD_MONTHS);
    const preMean = (series: number[]) =>
      series.slice(preFrom, cat.launchMonthIndex).reduce((s, x) => s + x, 0) /
      (cat.launchMonthIndex - preFrom);
    const catchmentPre = preMean(observed);
    const comparison = neighborhoods
      .map((n, index) => ({
        n,
        index,
        gap: Math.abs(Math.log(Math.max(preMean(nbMonthly[index]!), 1e-9) / catchmentPre)),
      }))
      .filter((x) => !excluded.has(x.index))
      .sort((a, b) => a.gap - b.gap || a.index - b.index)
      .slice(0, COMPARISON_COUNT)
      .map((x) => x.n.id)
      .sort();
    const periods: EffectPeriod[] = direct.map((d) => ({ from: d.from, to: d.to, factor: d.factor }));
    const catchment: PolygonGeometry = { type: 'Polygon', coordinates: [cat.ring] };
    programs.push({
      id: cat.spec.id,
      name: cat.spec.name,
      model: cat.spec.model,
      city: DEMO_CITY_NAME,
      launch: isoDate(startEpoch + cat.launchDay),
      catchment,
      comparison,
      displacementBufferMetres: DISPLACEMENT_BUFFER_METRES,
      notes: cat.spec.notes,
      plantedEffect: {
        kind: 'intensity-multiplier',
        appliesTo: 'background and retaliation incidents inside the catchment',
        periods,
        summary: cat.spec.summary,
      },
    });
    programTruth.push({
      id: cat.spec.id,
      launch: isoDate(startEpoch + cat.launchDay),
      catchmentAreaKm2: round(ringArea(cat.ringMetres) / 1e6, 3),
      catchmentRadiusMetres: cat.spec.catchmentRadius,
      hotspot: cat.spec.hotspot,
      periods,
      comparison,
      preLaunchMonthlyMean: round(catchmentPre, 3),
      direct,
      monthly: observed.map((o, m) => ({
        month: monthLabel(m),
        observed: o,
        counterfactual: counterfactual[m]!,
      })),
    });
  }

  // --- Measured figures.
  const byYear = Array.from({ length: opts.years }, (_, y) => ({
    year: opts.startYear + y,
    incidents: 0,
    victims: 0,
    fatalVictims: 0,
  }));
  let victims = 0;
  let fatalVictims = 0;
  let multi = 0;
  let summer = 0;
  let winter = 0;
  let night = 0;
  let morning = 0;
  let weekend = 0;
  let offspring = 0;
  let near400 = 0;
  let within14 = 0;
  const hotspotCounts = HOTSPOTS.map(() => new Array<number>(opts.years).fill(0));
  const hotspotMetres = HOTSPOTS.map((h) => toMetres(frame, ...lonLat6(h.x, h.y)));
  for (const e of order) {
    const ev = events[e]!;
    const date = dateOf(ev.day);
    const y = date.getUTCFullYear() - opts.startYear;
    const row = byYear[y]!;
    row.incidents += 1;
    row.victims += ev.victims.length;
    const fatal = ev.victims.filter((v) => v.fatal).length;
    row.fatalVictims += fatal;
    victims += ev.victims.length;
    fatalVictims += fatal;
    if (ev.victims.length >= 2) multi += 1;
    const month = date.getUTCMonth();
    if (month >= 5 && month <= 7) summer += 1;
    if (month === 11 || month <= 1) winter += 1;
    const hour = Math.floor(ev.second / 3600);
    if (hour >= 22 || hour < 2) night += 1;
    if (hour >= 6 && hour < 10) morning += 1;
    const dow = date.getUTCDay();
    if (dow === 0 || dow === 6) weekend += 1;
    const [x, yM] = toMetres(frame, ev.lon, ev.lat);
    HOTSPOTS.forEach((h, k) => {
      const [hx, hy] = hotspotMetres[k]!;
      if (Math.hypot(x - hx, yM - hy) <= h.radius) hotspotCounts[k]![y]! += 1;
    });
    if (ev.generation > 0) {
      offspring += 1;
      const p = events[ev.parent]!;
      const [qx, qy] = toMetres(frame, p.lon, p.lat);
      if (Math.hypot(x - qx, yM - qy) <= 400) near400 += 1;
      if (ev.day - p.day <= 14) within14 += 1;
    }
  }
  const n = order.length;
  const meanDelay = DELAY_MIN_DAYS + 1 / (Math.exp(1 / DELAY_MEAN_EXTRA_DAYS) - 1);

  const truth: DemoCityTruth = {
    schema: 'cvi-atlas-demo-truth/1',
    synthetic: true,
    seed,
    options: opts,
    regenerate: 'npm run demo:generate',
    city: {
      name: DEMO_CITY_NAME,
      centre: CENTRE,
      widthMetres: WIDTH,
      heightMetres: HEIGHT,
      frame: {
        originLon: round(frame.originLon, 9),
        originLat: round(frame.originLat, 9),
        metresPerDegreeLat: round(frame.metresPerDegreeLat, 6),
        metresPerDegreeLon: round(frame.metresPerDegreeLon, 6),
      },
      areaKm2: round(ringArea(cityRingMetres) / 1e6, 3),
      studyStart: isoDate(startEpoch),
      studyEnd: isoDate(endEpoch - 1),
      burnInDays: BURN_IN_DAYS,
    },
    neighborhoodModel: {
      totalBackgroundPerYear: NEIGHBORHOOD_BACKGROUND_PER_YEAR * opts.scale,
      riskFloor: RISK_FLOOR,
      riskCores: RISK_CORES,
      riskCoreSigmaMetres: RISK_CORE_SIGMA,
      riskNoiseSd: RISK_NOISE_SD,
      populationRange: POPULATION_RANGE,
    },
    neighborhoods: neighborhoods.map((nb) => ({
      id: nb.id,
      name: nb.name,
      population: nb.population,
      areaKm2: round(ringArea(nb.ringMetres) / 1e6, 3),
      riskMultiplier: round(nb.risk, 4),
      backgroundRatePerYear: round(nb.rate * opts.scale, 3),
    })),
    hotspots: HOTSPOTS.map((h, k) => ({
      id: h.id,
      kind: h.kind,
      centre: lonLat6(h.x, h.y),
      centreMetres: [h.x, h.y],
      radiusMetres: h.radius,
      sigmaMetres: h.radius / 2,
      profile: hotspotKnotDays[k]!.map((knot) => ({
        date: isoDate(startEpoch + knot.day),
        ratePerYear: knot.rate * opts.scale,
      })),
      expectedBackgroundByYear: expectedByYear[k]!.map((v) => round(v, 2)),
    })),
    temporal: {
      yearFactors: YEAR_FACTORS.slice(0, opts.years),
      seasonalAmplitude: SEASONAL_AMPLITUDE,
      seasonalPeakDayOfYear: SEASONAL_PEAK_DOY,
      weekdayFactors: WEEKDAY_FACTORS.map((factor, d) => ({ day: WEEKDAY_NAMES[d]!, factor })),
      hourWeights: HOUR_WEIGHTS,
    },
    victims: {
      victimsPerIncident: VICTIM_COUNTS,
      fatalProbability: FATAL_PROBABILITY,
      ageGroups: AGE_GROUPS,
      sexes: SEXES,
    },
    retaliation: {
      enabled: opts.retaliation,
      branchingRatio: BRANCHING_RATIO,
      offsetSigmaMetres: OFFSET_SIGMA,
      delayMinDays: DELAY_MIN_DAYS,
      delayExponentialMeanDays: DELAY_MEAN_EXTRA_DAYS,
      meanDelayDays: round(meanDelay, 4),
      shareWithin400m: round(1 - Math.exp(-(400 ** 2) / (2 * OFFSET_SIGMA ** 2)), 4),
      shareWithin14Days: round(1 - Math.exp(-(14 - DELAY_MIN_DAYS + 1) / DELAY_MEAN_EXTRA_DAYS), 4),
    },
    programs: programTruth,
    measured: {
      incidents: n,
      victims,
      fatalVictims,
      byYear,
      fatalShare: round(fatalVictims / victims, 4),
      multiVictimIncidentShare: round(multi / n, 4),
      summerWinterRatio: round(summer / winter, 4),
      nightShare: round(night / n, 4),
      morningShare: round(morning / n, 4),
      weekendShare: round(weekend / n, 4),
      retaliationIncidents: offspring,
      retaliationShare: round(offspring / n, 4),
      retaliationWithin400mShare: round(offspring > 0 ? near400 / offspring : 0, 4),
      retaliationWithin14DaysShare: round(offspring > 0 ? within14 / offspring : 0, 4),
      hotspotIncidentsByYear: HOTSPOTS.map((h, k) => ({ id: h.id, counts: hotspotCounts[k]! })),
      neighborhoodIncidents: neighborhoods.map((nb, k) => ({
        id: nb.id,
        incidents: nbMonthly[k]!.reduce((s, x) => s + x, 0),
      })),
    },
  };

  return {
    incidents,
    incidentTruth,
    neighborhoods: {
      type: 'FeatureCollection',
      features: neighborhoods.map((nb) => ({
        type: 'Feature',
        properties: { id: nb.id, name: nb.name, population: nb.population },
        geometry: { type: 'Polygon', coordinates: [nb.ring] },
      })),
    },
    city: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: DEMO_CITY_NAME, synthetic: true },
          geometry: { type: 'Polygon', coordinates: [cityRing] },
        },
      ],
    },
    programs,
    truth,
  };
}
