/**
 * `plan`: coverage of existing catchments and suggested sites (maximal covering location problem, greedy
 * and optionally exact with HiGHS) for the incidents of a window, each site explained. Places only.
 */
import { readFileSync } from 'node:fs';
import highsLoader from 'highs';
import { formatCount, formatDecimal, formatShare } from '../../analysis/privacy/count-format';
import type { PolygonFeature } from '../../geo/h3-study-grid';
import { buildHotspotGrid, convexHullStudyArea, hotspotAnalysis } from '../../state/hotspot-pipeline';
import { hotSpotCells, measureNearRepeat } from '../../state/planning-context';
import {
  dayDate,
  dayNumber,
  type ExistingCatchment,
  incidentsBetween,
  loadPlanningIncidents,
} from '../../state/planning-inputs';
import {
  CANDIDATE_MODES,
  type CandidateMode,
  type PlanOptions,
  planSites,
} from '../../state/planning-pipeline';
import type { CliCommand } from '../command';
import { dateFlag, importOptionsFrom, parseCommandArgs, requireString, UsageError } from '../options';
import { openSession, readBoundaries } from '../session';
import { integerFlag } from './hotspots';

type Values = Record<string, string | boolean | undefined>;

function positiveNumber(values: Values, name: string, max: number): number {
  const text = String(values[name]);
  const v = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(v > 0 && v <= max))
    throw new UsageError(`--${name} must be a number above 0 and at most ${max}, not "${text}"`);
  return v;
}

/** `--weights fatal=2,nonfatal=1,halflife=365,chain=1.5` (every key optional). */
export function weightsFlag(text: string | undefined): NonNullable<PlanOptions['weights']> {
  if (text === undefined) return {};
  const out: NonNullable<PlanOptions['weights']> = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split('=');
    const v = Number(value);
    if (value === undefined || !/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(v))
      throw new UsageError(`--weights: "${part}" must look like NAME=NUMBER (e.g. fatal=2)`);
    if (key === 'fatal') out.fatal = v;
    else if (key === 'nonfatal') out.nonfatal = v;
    else if (key === 'halflife') {
      if (v <= 0) throw new UsageError('--weights: halflife must be above 0 days');
      out.halfLifeDays = v;
    } else if (key === 'chain') out.chain = v;
    else throw new UsageError(`--weights: unknown weight "${key}" (use fatal, nonfatal, halflife, chain)`);
  }
  return out;
}

/**
 * `--candidates GEOJSON [--candidate-name PROP]` (also spelled `--sites`, `--sites-id`): candidate sites the
 * user places, one Point feature each, labelled by the property (default `site-1`, `site-2`, … in file
 * order). Labels must differ.
 */
export function userSitesFrom(values: Values): PlanOptions['userSites'] {
  const flag = typeof values.candidates === 'string' ? '--candidates' : '--sites';
  const path = values.candidates ?? values.sites;
  if (typeof path !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`Cannot read ${flag} ${path}: ${(error as Error).message}`);
  }
  const features = (parsed as { features?: unknown }).features;
  if (!Array.isArray(features) || features.length === 0)
    throw new UsageError(`${flag} ${path} must be a GeoJSON FeatureCollection of Point features`);
  const prop = values['candidate-name'] ?? values['sites-id'];
  const seen = new Map<string, number>();
  return features.map((f, k) => {
    const g = (f as { geometry?: { type?: string; coordinates?: unknown } }).geometry;
    const c = g?.coordinates as number[] | undefined;
    if (g?.type !== 'Point' || !Array.isArray(c) || !(Math.abs(c[0]!) <= 180 && Math.abs(c[1]!) <= 90))
      throw new UsageError(`${flag} feature ${k}: must be a Point with [longitude, latitude] in degrees`);
    const props = (f as { properties?: Record<string, unknown> | null }).properties ?? {};
    if (typeof prop === 'string' && (props[prop] === undefined || props[prop] === null))
      throw new UsageError(`${flag} feature ${k}: has no property "${prop}"`);
    const label = typeof prop === 'string' ? String(props[prop]).trim() : `site-${k + 1}`;
    if (label === '') throw new UsageError(`${flag} feature ${k}: its "${prop}" is empty`);
    const before = seen.get(label);
    if (before !== undefined)
      throw new UsageError(`${flag} features ${before} and ${k} have the same name "${label}"`);
    seen.set(label, k);
    return { label, lon: c[0]!, lat: c[1]! };
  });
}

/** `--candidates-mode cells|sites|both` (default: sites when candidate sites are given, else cells). */
export function candidateModeFrom(values: Values, placed: boolean): CandidateMode {
  const text = values['candidates-mode'];
  if (text === undefined) return placed ? 'sites' : 'cells';
  if (!CANDIDATE_MODES.includes(text as CandidateMode))
    throw new UsageError(`--candidates-mode must be one of ${CANDIDATE_MODES.join(', ')}, not "${text}"`);
  if (text !== 'cells' && !placed)
    throw new UsageError(`--candidates-mode ${text} needs --candidates GEOJSON`);
  return text as CandidateMode;
}

function catchmentsFrom(values: Values): ExistingCatchment[] {
  const path = values.existing;
  if (typeof path !== 'string') return [];
  const layer = readBoundaries(path);
  const prop =
    typeof values['existing-id'] === 'string' ? (values['existing-id'] as string) : layer.idProperty;
  if (prop && !layer.properties.includes(prop))
    throw new UsageError(`--existing-id ${prop} is not a property of ${layer.name}`);
  return layer.features.map((f, k) => {
    const id = prop ? String((f.properties as Record<string, unknown> | null)?.[prop] ?? k) : String(k);
    return { id, name: id, features: [f] };
  });
}

export const planCommand: CliCommand = {
  name: 'plan',
  usage:
    'plan --input FILE [mapping flags] --since D [--to D] --k K --radius-m R [--existing GEOJSON] [--existing-id PROP] [--h3-res 9] [--weights fatal=2,nonfatal=1[,halflife=DAYS][,chain=X]] [--exact] [--time-limit 10] [--walk-m 400] [--neighborhoods GEOJSON [--neighborhood-id PROP]] [--caseload N --teams T] [--candidates GEOJSON [--candidate-name PROP]] [--candidates-mode cells|sites|both] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, {
      since: { type: 'string' },
      k: { type: 'string', default: '5' },
      'radius-m': { type: 'string', default: '400' },
      existing: { type: 'string' },
      'existing-id': { type: 'string' },
      'h3-res': { type: 'string', default: '9' },
      weights: { type: 'string' },
      exact: { type: 'boolean', default: false },
      'time-limit': { type: 'string', default: '10' },
      'walk-m': { type: 'string', default: '400' },
      neighborhoods: { type: 'string' },
      'neighborhood-id': { type: 'string' },
      caseload: { type: 'string' },
      teams: { type: 'string' },
      candidates: { type: 'string' },
      'candidate-name': { type: 'string' },
      'candidates-mode': { type: 'string' },
      sites: { type: 'string' },
      'sites-id': { type: 'string' },
    });
    const since = dateFlag(values, 'since');
    if (!since) throw new UsageError('--since is required');
    const to = dateFlag(values, 'to');
    if (to && to < since) throw new UsageError(`--since ${since} is after --to ${to}`);
    const k = integerFlag(values, 'k', 1, 200);
    const radius = positiveNumber(values, 'radius-m', 20_000);
    const resolution = integerFlag(values, 'h3-res', 5, 11);
    const weights = weightsFlag(values.weights as string | undefined);
    const timeLimit = positiveNumber(values, 'time-limit', 3600);
    const walk = Number(values['walk-m']);
    if (!(walk >= 0 && walk <= 20_000))
      throw new UsageError(`--walk-m must be 0..20000, not "${values['walk-m']}"`);
    if ((values.caseload === undefined) !== (values.teams === undefined))
      throw new UsageError('--caseload and --teams go together');
    const caseload =
      values.caseload !== undefined
        ? { caseload: positiveNumber(values, 'caseload', 1e6), teams: integerFlag(values, 'teams', 1, 500) }
        : undefined;
    const catchments = catchmentsFrom(values);
    const userSites = userSitesFrom(values);
    const candidateMode = candidateModeFrom(values, userSites !== undefined);
    let neighborhoods: PlanOptions['neighborhoods'];
    if (typeof values.neighborhoods === 'string') {
      const layer = readBoundaries(values.neighborhoods);
      const prop =
        (values['neighborhood-id'] as string | undefined) ?? layer.nameProperty ?? layer.idProperty;
      neighborhoods = {
        labels: layer.features.map((f, g) =>
          String((f.properties as Record<string, unknown> | null)?.[prop ?? ''] ?? g),
        ),
        features: layer.features,
      };
    }

    const t0 = performance.now();
    const session = await openSession(requireString(values, 'input'), importOptionsFrom(values));
    const all = await loadPlanningIncidents(session.db, session.table);
    await session.db.close();
    const tLoad = performance.now();
    let last = 0;
    for (const d of all.day) if (d > last) last = d;
    const fromDay = dayNumber(since);
    const toDay = to ? dayNumber(to) : last;
    const win = incidentsBetween(all, fromDay, toDay);
    if (win.day.length === 0)
      throw new RangeError(`No incidents with coordinates between ${since} and ${dayDate(toDay)}.`);

    const area = convexHullStudyArea(all.lon, all.lat) as PolygonFeature;
    const grid = buildHotspotGrid(area, resolution, 1, all);
    const hot = hotSpotCells(hotspotAnalysis(grid, win));
    const tHot = performance.now();
    const nr = measureNearRepeat(win);
    const tKnox = performance.now();
    const highs = values.exact ? await highsLoader() : null;
    const r = planSites(win, catchments, {
      k,
      radiusMetres: radius,
      resolution,
      walkMetres: walk,
      weights,
      referenceDay: toDay,
      windowDays: toDay - fromDay + 1,
      chainWindow: nr?.window ? { distanceMetres: nr.window.distanceMetres, days: nr.window.days } : null,
      ...(highs ? { exact: { highs, timeLimitSeconds: timeLimit } } : {}),
      ...(caseload ? { caseload } : {}),
      sensitivity: { ks: [1, 3, 5, 10], radii: [200, 400, 800] },
      hotSpots: hot,
      neighborhoods,
      ...(userSites ? { userSites } : {}),
      candidateMode,
    });
    const tDone = performance.now();
    const { coveredBy: _c, inside: _i, ...rest } = r;
    const json = {
      statistic: 'Maximal covering location problem (greedy; exact with HiGHS when --exact)',
      since,
      to: dayDate(toDay),
      k,
      radiusMetres: radius,
      resolution,
      weights,
      existing: catchments.length,
      nearRepeat: nr?.window
        ? { window: nr.window.statement, distanceMetres: nr.window.distanceMetres, days: nr.window.days }
        : {
            window: null,
            note: 'No Knox band is significant (FDR q ≤ 0.05) in the window: no near-repeat chains.',
          },
      ...rest,
      sites: r.suggestions.map((s) => ({
        rank: s.rank,
        source: s.source,
        ...(s.source === 'site' ? { name: s.cell } : {}),
        centre: { lat: s.lat, lon: s.lon, ...(s.source === 'cell' ? { h3: s.cell } : {}) },
        newlyCovered: s.newlyCovered,
        newlyCoveredFatal: s.newlyCoveredFatal,
        newlyCoveredVictims: s.newlyCoveredVictims,
        weight: s.gain,
        hotSpots: s.hotSpots,
        nearRepeatPairs: s.nearRepeatPairs,
        nearestProgram: s.nearestProgram,
        neighborhoods: s.neighborhoods,
        ...(s.teams !== undefined ? { teams: s.teams } : {}),
      })),
      suggestions: undefined,
      millis: {
        load: Math.round(tLoad - t0),
        hotSpots: Math.round(tHot - tLoad),
        nearRepeat: Math.round(tKnox - tHot),
        plan: Math.round(tDone - tKnox),
      },
    };
    const c = r.coverage.overall;
    const text = [
      `Plan for ${formatCount(win.day.length, { unit: 'incidents' })} from ${since} to ${dayDate(toDay)}: K = ${k}, radius ${radius} m, among ${formatCount(r.candidates.count)} candidates (${candidateMode === 'cells' ? 'H3 cell centres' : candidateMode === 'sites' ? 'the given sites' : `${r.candidates.userSites} given sites and H3 cell centres`}).`,
      `Inside existing catchments: ${formatShare(c.incidents.insideShare)} of incidents, ${formatShare(c.fatal.insideShare)} of fatal incidents, ${formatShare(c.victims.insideShare)} of victims; within ${walk} m: ${formatShare(c.incidents.nearShare)} of incidents.`,
      ...r.suggestions.map(
        (s) =>
          `  ${s.rank}. ${s.cell} (${s.lat.toFixed(5)}, ${s.lon.toFixed(5)}): +${formatCount(s.newlyCovered, { unit: 'incidents' })}, ${formatDecimal(s.newlyCoveredFatal, 0)} fatal${s.nearestProgram ? `; nearest program ${s.nearestProgram.name} at ${Math.round(s.nearestProgram.distanceMetres)} m` : ''}`,
      ),
      `Greedy covers ${formatShare(r.greedy.share)} of the open weight.`,
      ...(r.exact
        ? [
            `Exact (HiGHS): ${r.exact.status}, optimum ${r.exact.objective}, gap ${formatShare(r.exact.gap)}${r.exact.status === 'time-limit' ? `, stopped after ${timeLimit} s (bound ${r.exact.bound})` : ''}.`,
          ]
        : []),
    ].join('\n');
    return { json, text, asJson: values.json === true };
  },
};
