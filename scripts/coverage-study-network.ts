/**
 * Coverage study for the network estimators on the demo network's design (60 beats, 16 years, cohorts
 * 2013/2017/2021 with effects that differ by cohort and grow with time since launch; see
 * `scripts/demo-city/demo-panels.ts`). The design (beat levels, year shape, planted effects) is fixed;
 * each replication draws new Poisson counts. Target: the planted ratio of expected counts with and without
 * the program over all treated beat-years. Reports the share of 95% intervals (clustered by beat) that
 * contain it, for the extended estimator and for pooled two-way fixed effects, with the mean estimate and
 * a Monte Carlo standard error of the coverage.
 *
 * Run: `TZ=UTC npx tsx scripts/coverage-study-network.ts [replications=1000] [seed=20250101]`
 */
import { buildCountPanel, treatmentTiming } from '../src/analysis/evaluation/panel/count-panel';
import { extendedTwfe } from '../src/analysis/evaluation/panel/extended-twfe';
import { twfePoisson } from '../src/analysis/evaluation/panel/twfe-poisson';
import { seededRandom } from '../src/analysis/random';
import { demoNetworkDesign, drawNetworkCounts, plantedRatio } from './demo-city/demo-panels';

const replications = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20250101);
const design = demoNetworkDesign();
const truth = plantedRatio(design);
const sites = design.units.flatMap((u, i) =>
  design.launch[i] ? [{ unit: u, start: `${design.launch[i]}-06-01` }] : [],
);
const random = seededRandom(seed);
const T = design.years.length;
const tally = { robust: { cover: 0, sum: 0 }, pooled: { cover: 0, sum: 0 } };
let done = 0;
const t0 = performance.now();
for (let r = 0; r < replications; r++) {
  const counts = drawNetworkCounts(design, random);
  const rows = design.units.flatMap((u, i) =>
    design.years.map((y, t) => ({ unit: u, period: String(y), count: counts[i * T + t] as number })),
  );
  const panel = buildCountPanel(rows, { step: 'year' });
  const timing = treatmentTiming(panel, sites);
  const robust = extendedTwfe(panel, timing, 'cluster').overall;
  const pooled = twfePoisson(panel, timing, 'cluster');
  if (robust.lower <= truth && truth <= robust.upper) tally.robust.cover++;
  if (pooled.lower <= truth && truth <= pooled.upper) tally.pooled.cover++;
  tally.robust.sum += robust.estimate;
  tally.pooled.sum += pooled.estimate;
  done++;
}
const line = (name: string, t: { cover: number; sum: number }) => {
  const p = t.cover / done;
  return `${name}: coverage ${(100 * p).toFixed(1)}% (Monte Carlo SE ${(100 * Math.sqrt((p * (1 - p)) / done)).toFixed(1)} points), mean estimate ${(t.sum / done).toFixed(4)}`;
};
console.log(
  `Demo network design, ${done} replications, seed ${seed}; planted ratio ${truth.toFixed(4)}; 95% intervals clustered by beat`,
);
console.log(line('extended two-way fixed effects', tally.robust));
console.log(line('pooled two-way fixed effects  ', tally.pooled));
console.log(`(${((performance.now() - t0) / 1000).toFixed(0)} s)`);
