/**
 * The deployment planner's pipeline, shared by the app (in a worker) and the command line so both give the
 * same answer: coverage of the existing catchments, demand weights, candidate sites (H3 cell centres, sites
 * the user places, or both), greedy (and optionally exact) maximal covering, caseload sizing, the sensitivity
 * table, and an explanation of every suggested site. Places only: nothing here describes or ranks people.
 */
import { booleanIntersects, circle, point, pointToPolygonDistance } from '@turf/turf';
import type { Highs } from 'highs';
import { haversineMetres } from '../analysis/nearrepeat/close-pairs';
import { type CaseloadResult, caseloadSites } from '../analysis/planning/caseload-sites';
import { coverageSensitivity, type SensitivityRow } from '../analysis/planning/coverage-sensitivity';
import { type CoverageShares, coverageShares } from '../analysis/planning/coverage-shares';
import { type CoveringSets, coveringSets } from '../analysis/planning/covering-sets';
import { type DemandWeightOptions, demandWeights } from '../analysis/planning/demand-weights';
import { type MaxCoverageExactResult, maxCoverageExact } from '../analysis/planning/max-coverage-exact';
import { type MaxCoverageResult, maxCoverageGreedy } from '../analysis/planning/max-coverage-greedy';
import { nearRepeatChains } from '../analysis/planning/near-repeat-chains';
import { h3CandidateSites } from '../geo/h3-candidate-sites';
import { type PolygonFeature, pointInPolygons } from '../geo/point-in-polygons';
import { catchmentFlags, type ExistingCatchment, type PlanningIncidents, yearsOf } from './planning-inputs';

/** Which candidates the planner chooses among. */
export type CandidateMode = 'cells' | 'sites' | 'both';

/** Every candidate mode. */
export const CANDIDATE_MODES: readonly CandidateMode[] = ['cells', 'sites', 'both'];

/** A hot spot cell, to say which suggestions hold one. */
export interface PlanHotSpot {
  cell: string;
  lon: number;
  lat: number;
  /** e.g. "Hot spot (99 % confidence)" or "Persistent hot spot". */
  label: string;
}

/** Options of {@link planSites}. */
export interface PlanOptions {
  /** Number of sites, integer ≥ 1 (the most sites when sized by caseload). */
  k: number;
  /** Radius each site covers, metres. */
  radiusMetres: number;
  /** H3 resolution of the candidate cells. Default 9. */
  resolution?: number;
  /** Walking distance around catchments for the coverage figures, metres. Default 400. */
  walkMetres?: number;
  /** Demand weights. Default: every incident 1. */
  weights?: DemandWeightOptions;
  /** Day the recency decay counts from (usually the window's last day). */
  referenceDay: number;
  /** Length of the window in days, for yearly loads in caseload mode. Default: first to last incident. */
  windowDays?: number;
  /** Near-repeat window for chain weights and pair counts (null: none measured). */
  chainWindow?: { distanceMetres: number; days: number } | null;
  /** Sites placed by the user (a church, a community centre): candidates by `candidateMode`. */
  userSites?: { label: string; lon: number; lat: number }[];
  /**
   * Which candidates the sites are chosen among: `cells` (H3 cell centres), `sites` (the user's sites) or
   * `both` (the user's sites first, so a tie goes to a user's site, then the cells). Default: `sites` when
   * user sites are given, else `cells`.
   */
  candidateMode?: CandidateMode;
  /** Exact solve with a loaded HiGHS runtime. */
  exact?: { highs: Pick<Highs, 'solve'>; timeLimitSeconds?: number; maxNonzeros?: number };
  /** Size sites by caseload within a team budget (K is then the budget). */
  caseload?: { caseload: number; teams: number };
  /** Sensitivity table over these K and radii (the base K and radius are added). */
  sensitivity?: { ks: number[]; radii: number[] };
  /** Hot spot cells (for the explanations). */
  hotSpots?: readonly PlanHotSpot[];
  /** Neighborhoods for the coverage table and the explanations. */
  neighborhoods?: { labels: string[]; features: PolygonFeature[] };
}

/** One suggested site and why. */
export interface SiteSuggestion {
  rank: number;
  /** H3 cell of the centre, or the label of a user's site. */
  cell: string;
  /** `cell`: an H3 cell centre; `site`: a site the user placed. */
  source: 'cell' | 'site';
  lat: number;
  lon: number;
  radiusMetres: number;
  /** Weight it adds. */
  gain: number;
  /** Incidents, fatal incidents and victims it newly covers. */
  newlyCovered: number;
  newlyCoveredFatal: number;
  newlyCoveredVictims: number;
  /** Hot spot cells whose centre is within the radius. */
  hotSpots: { cell: string; label: string }[];
  /** Near-repeat linked pairs with both incidents within the radius (null: no window measured). */
  nearRepeatPairs: number | null;
  /** Nearest existing program and the distance from the centre to its catchment edge (0 inside). */
  nearestProgram: { id: string; name: string; distanceMetres: number } | null;
  /** Neighborhoods the coverage circle touches. */
  neighborhoods: string[];
  /** Teams it needs when sized by caseload. */
  teams?: number;
}

/** Result of {@link planSites}. */
export interface PlanResult {
  coverage: CoverageShares;
  walkMetres: number;
  /** Incidents in the window, those outside every catchment (the demand), and its weight. */
  demand: { incidents: number; open: number; openWeight: number };
  /** The candidates: mode, how many in all and how many are the user's sites; H3 resolution when used. */
  candidates: { mode: CandidateMode; count: number; userSites: number; resolution: number | null };
  suggestions: SiteSuggestion[];
  greedy: { coveredWeight: number; share: number };
  exact: (Omit<MaxCoverageExactResult, 'picks'> & { picks: string[]; gap: number }) | null;
  caseload: (CaseloadResult & { caseload: number }) | null;
  sensitivity: SensitivityRow[] | null;
  /** Per incident of the window: rank of the suggestion that newly covers it, or −1 (not in JSON output). */
  coveredBy: Int32Array;
  /** Per incident: 1 inside an existing catchment. */
  inside: Uint8Array;
}

/** The candidate mode an options record asks for (checked). */
export function candidateModeOf(options: Pick<PlanOptions, 'userSites' | 'candidateMode'>): CandidateMode {
  const placed = options.userSites?.length ?? 0;
  const mode = options.candidateMode ?? (placed > 0 ? 'sites' : 'cells');
  if (!CANDIDATE_MODES.includes(mode))
    throw new RangeError(`candidate mode must be one of ${CANDIDATE_MODES.join(', ')} (got ${mode})`);
  if (mode !== 'cells' && placed === 0)
    throw new RangeError(`Candidate mode "${mode}" needs at least one placed site; none was given.`);
  return mode;
}

interface Candidates {
  keys: string[];
  source: ('cell' | 'site')[];
  lon: Float64Array;
  lat: Float64Array;
}

function candidatesFor(
  open: { lon: Float64Array; lat: Float64Array },
  options: PlanOptions,
  mode: CandidateMode,
  radius: number,
): Candidates {
  const sites = mode === 'cells' ? [] : (options.userSites ?? []);
  const labels = new Set<string>();
  for (const s of sites) {
    if (!(Math.abs(s.lon) <= 180 && Math.abs(s.lat) <= 90))
      throw new RangeError(`site "${s.label}" has invalid coordinates (${s.lon}, ${s.lat})`);
    if (labels.has(s.label)) throw new RangeError(`two sites are labelled "${s.label}"; labels must differ`);
    labels.add(s.label);
  }
  const cells =
    mode === 'sites'
      ? { cells: [], lon: new Float64Array(0), lat: new Float64Array(0) }
      : h3CandidateSites(open.lon, open.lat, options.resolution ?? 9, radius);
  for (const c of cells.cells)
    if (labels.has(c)) throw new RangeError(`site label "${c}" is also an H3 cell; choose another label`);
  return {
    keys: [...sites.map((s) => s.label), ...cells.cells],
    source: [...sites.map(() => 'site' as const), ...cells.cells.map(() => 'cell' as const)],
    lon: Float64Array.from([...sites.map((s) => s.lon), ...cells.lon]),
    lat: Float64Array.from([...sites.map((s) => s.lat), ...cells.lat]),
  };
}

function nearestProgram(
  lon: number,
  lat: number,
  catchments: readonly ExistingCatchment[],
): SiteSuggestion['nearestProgram'] {
  let best: SiteSuggestion['nearestProgram'] = null;
  for (const c of catchments) {
    for (const f of c.features) {
      const d = Math.max(0, pointToPolygonDistance(point([lon, lat]), f, { units: 'meters' }));
      if (!best || d < best.distanceMetres) best = { id: c.id, name: c.name, distanceMetres: d };
    }
  }
  return best;
}

/**
 * Coverage figures and suggested sites for the incidents of a window.
 *
 * @param incidents - the incidents of the planning window.
 * @param catchments - the existing programs' catchments.
 * @param options - K, radius, weights and the optional parts (exact, caseload, sensitivity, explanations).
 */
export function planSites(
  incidents: PlanningIncidents,
  catchments: readonly ExistingCatchment[],
  options: PlanOptions,
): PlanResult {
  const walkMetres = options.walkMetres ?? 400;
  const n = incidents.lon.length;
  const flags = catchmentFlags(incidents, catchments, walkMetres);
  const nb = options.neighborhoods;
  const group = nb ? pointInPolygons(incidents.lon, incidents.lat, nb.features) : new Int32Array(n).fill(-1);
  const coverage = coverageShares(
    {
      inside: flags.inside,
      near: flags.near,
      fatal: incidents.fatal,
      victims: incidents.victims,
      year: yearsOf(incidents.day),
      group,
    },
    nb?.labels ?? [],
  );

  const chains = options.chainWindow
    ? nearRepeatChains(incidents, options.chainWindow.distanceMetres, options.chainWindow.days)
    : null;
  const weightOptions = options.weights ?? {};
  if ((weightOptions.chain ?? 1) !== 1 && !chains)
    throw new RangeError(
      'A near-repeat chain weight needs a measured near-repeat window; none is significant.',
    );
  const weights = demandWeights(
    { fatal: incidents.fatal, day: incidents.day, ...(chains ? { chain: chains.member } : {}) },
    weightOptions,
    options.referenceDay,
  );

  const openIdx: number[] = [];
  for (let i = 0; i < n; i++) if (!flags.inside[i]) openIdx.push(i);
  const open = {
    lon: Float64Array.from(openIdx, (i) => incidents.lon[i]!),
    lat: Float64Array.from(openIdx, (i) => incidents.lat[i]!),
  };
  const openWeights = Float64Array.from(openIdx, (i) => weights[i]!);

  const radius = options.radiusMetres;
  const mode = candidateModeOf(options);
  const cand = candidatesFor(open, options, mode, radius);
  const sets = coveringSets(cand, open, radius);
  const budget = options.caseload ? options.caseload.teams : options.k;
  const greedy = maxCoverageGreedy(sets, { k: budget, weights: openWeights });
  let sized: CaseloadResult | null = null;
  let picks = greedy.picks;
  if (options.caseload) {
    const years = (options.windowDays ?? Math.max(1, spanDays(incidents.day))) / 365.25;
    sized = caseloadSites(greedy, { ...options.caseload, years });
    picks = sized.sites.map((s) => greedy.picks[s.pick]!);
  }

  const coveredBy = new Int32Array(n).fill(-1);
  const suggestions: SiteSuggestion[] = picks.map((j, r) => {
    let fatal = 0;
    let victims = 0;
    for (let q = 0; q < openIdx.length; q++) {
      if (greedy.coveredBy[q] !== r) continue;
      const i = openIdx[q]!;
      coveredBy[i] = r;
      fatal += incidents.fatal[i]!;
      victims += incidents.victims[i]!;
    }
    const lon = cand.lon[j]!;
    const lat = cand.lat[j]!;
    const within = (x: number, y: number) => haversineMetres(lon, lat, x, y) <= radius;
    let pairs: number | null = null;
    if (chains) {
      pairs = 0;
      for (let p = 0; p < chains.i.length; p++) {
        const a = chains.i[p]!;
        const b = chains.j[p]!;
        if (within(incidents.lon[a]!, incidents.lat[a]!) && within(incidents.lon[b]!, incidents.lat[b]!))
          pairs++;
      }
    }
    const disc = circle([lon, lat], radius, { units: 'meters', steps: 32 });
    return {
      rank: r + 1,
      cell: cand.keys[j]!,
      source: cand.source[j]!,
      lat,
      lon,
      radiusMetres: radius,
      gain: greedy.gain[r]!,
      newlyCovered: greedy.newlyCovered[r]!,
      newlyCoveredFatal: fatal,
      newlyCoveredVictims: victims,
      hotSpots: (options.hotSpots ?? [])
        .filter((h) => within(h.lon, h.lat))
        .map((h) => ({ cell: h.cell, label: h.label })),
      nearRepeatPairs: pairs,
      nearestProgram: nearestProgram(lon, lat, catchments),
      neighborhoods: nb ? nb.labels.filter((_, g) => booleanIntersects(disc, nb.features[g]!)) : [],
      ...(sized ? { teams: sized.sites[r]!.teams } : {}),
    };
  });
  const covered = suggestions.reduce((a, s) => a + s.gain, 0);

  let exact: PlanResult['exact'] = null;
  if (options.exact && !options.caseload) {
    const e = maxCoverageExact(options.exact.highs, sets, {
      k: options.k,
      weights: openWeights,
      timeLimitSeconds: options.exact.timeLimitSeconds,
      maxNonzeros: options.exact.maxNonzeros,
    });
    exact = {
      ...e,
      picks: e.picks.map((j) => cand.keys[j]!),
      gap: e.objective > 0 ? (e.objective - greedy.coveredWeight) / e.objective : 0,
    };
  }

  let sensitivity: SensitivityRow[] | null = null;
  if (options.sensitivity) {
    const radii = [...new Set([...options.sensitivity.radii, radius])].sort((a, b) => a - b);
    const ks = [...new Set([...options.sensitivity.ks, options.k])].sort((a, b) => a - b);
    const kMax = Math.max(...ks);
    const runs = radii.map((rad) => {
      const s: CoveringSets = rad === radius ? sets : coveringSets(cand, open, rad);
      const g: MaxCoverageResult = maxCoverageGreedy(s, { k: kMax, weights: openWeights });
      return { radiusMetres: rad, greedy: g, siteKeys: cand.keys };
    });
    sensitivity = coverageSensitivity(runs, ks, { radiusMetres: radius, k: options.k });
  }

  return {
    coverage,
    walkMetres,
    demand: { incidents: n, open: openIdx.length, openWeight: greedy.openWeight },
    candidates: {
      mode,
      count: cand.keys.length,
      userSites: mode === 'cells' ? 0 : (options.userSites?.length ?? 0),
      resolution: mode === 'sites' ? null : (options.resolution ?? 9),
    },
    suggestions,
    greedy: {
      coveredWeight: covered,
      share: greedy.openWeight > 0 ? covered / greedy.openWeight : Number.NaN,
    },
    exact,
    caseload: sized && options.caseload ? { ...sized, caseload: options.caseload.caseload } : null,
    sensitivity,
    coveredBy,
    inside: flags.inside,
  };
}

function spanDays(day: Int32Array): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const d of day) {
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return hi - lo + 1;
}
