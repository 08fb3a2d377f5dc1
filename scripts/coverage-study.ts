/**
 * Coverage study for the program-evaluation intervals.
 *
 * Simulates seeded Poisson monthly series with seasonality, a trend and a planted level change of known
 * incidence rate ratio (0.7 and 1.0), fits each estimator, and reports the share of 95% intervals that
 * contain the truth:
 * - interrupted time series: 96 months (48 before launch), baseline 8 events/month, trend +0.3%/month,
 *   seasonal amplitude 0.25 on the log scale, slope change 0; truth = exp(β2);
 * - pre/post: the same series, 24 months each side of the launch (launch month excluded); truth = ratio of
 *   the expected totals in the two windows (the trend and the level change both move it);
 * - difference-in-differences: 10 units (2 treated) × 72 months (launch month 36), unit levels 3–12
 *   events/month, common seasonality and trend; truth = the planted IRR; intervals from the quasi-Poisson
 *   covariance and, separately, from the cluster-robust (by unit) covariance with t on G − 1 df.
 * A stress scenario adds extra-Poisson variation (each mean multiplied by exp(0.15·Z), Z standard
 * normal); the quasi-Poisson dispersion absorbs part of it, so coverage there is informative, not a target.
 *
 * Run: `TZ=UTC npx tsx scripts/coverage-study.ts [replications=1000] [seed=20240601]`
 */
import { differenceInDifferences } from '../src/analysis/evaluation/difference-in-differences';
import { interruptedTimeSeries } from '../src/analysis/evaluation/interrupted-time-series';
import { prePostFromSeries } from '../src/analysis/evaluation/pre-post-rate-ratio';
import { normalDeviate, poissonDeviate, type Random, seededRandom } from '../src/analysis/random';

const replications = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20240601);

function seasonal(t: number): number {
  return 0.25 * Math.sin((2 * Math.PI * t) / 12) + 0.1 * Math.cos((4 * Math.PI * t) / 12);
}

function draw(mean: number, random: Random, extra: number): number {
  return poissonDeviate(extra > 0 ? mean * Math.exp(extra * normalDeviate(random)) : mean, random);
}

interface Tally {
  covered: number;
  total: number;
  failed: number;
  widthSum: number;
}

const tally = (): Tally => ({ covered: 0, total: 0, failed: 0, widthSum: 0 });
const record = (t: Tally, lower: number, upper: number, truth: number): void => {
  t.total++;
  if (lower <= truth && truth <= upper) t.covered++;
  t.widthSum += Math.log(upper / lower);
};

function itsAndPrePost(irr: number, extra: number, random: Random): { its: Tally; prePost: Tally } {
  const n = 96;
  const launch = 48;
  const its = tally();
  const prePost = tally();
  const mean = (t: number): number => 8 * Math.exp(0.003 * t + seasonal(t)) * (t >= launch ? irr : 1);
  let expectedPre = 0;
  let expectedPost = 0;
  for (let t = launch - 24; t < launch; t++) expectedPre += mean(t);
  for (let t = launch + 1; t <= launch + 24; t++) expectedPost += mean(t);
  const truthPrePost = expectedPost / expectedPre;
  for (let r = 0; r < replications; r++) {
    const y = Array.from({ length: n }, (_, t) => draw(mean(t), random, extra));
    try {
      const fit = interruptedTimeSeries(y, launch);
      record(its, fit.levelChange.interval.lower, fit.levelChange.interval.upper, irr);
    } catch {
      its.failed++;
    }
    const pp = prePostFromSeries(y, launch);
    record(prePost, pp.interval.lower, pp.interval.upper, truthPrePost);
  }
  return { its, prePost };
}

function did(irr: number, extra: number, random: Random): { quasi: Tally; cluster: Tally } {
  const units = 10;
  const periods = 72;
  const launch = 36;
  const treated = Array.from({ length: units }, (_, u) => u < 2);
  const out = tally();
  const cluster = tally();
  for (let r = 0; r < replications; r++) {
    const counts = Array.from({ length: units }, (_, u) =>
      Array.from({ length: periods }, (_, t) =>
        draw((3 + u) * Math.exp(-0.002 * t + seasonal(t)) * (u < 2 && t >= launch ? irr : 1), random, extra),
      ),
    );
    try {
      const fit = differenceInDifferences(counts, treated, launch, { eventStudy: false });
      record(out, fit.effect.interval.lower, fit.effect.interval.upper, irr);
      const robust = differenceInDifferences(counts, treated, launch, {
        eventStudy: false,
        variance: 'cluster',
      });
      record(cluster, robust.effect.interval.lower, robust.effect.interval.upper, irr);
    } catch {
      out.failed++;
      cluster.failed++;
    }
  }
  return { quasi: out, cluster };
}

const pct = (t: Tally): string => `${((100 * t.covered) / t.total).toFixed(1)}%`;
const started = performance.now();
const random = seededRandom(seed);
console.log(`Coverage of nominal 95% intervals, ${replications} replications per row, seed ${seed}`);
console.log(
  'scenario                         | estimator        | true IRR | coverage | mean log-width | fit errors',
);
for (const extra of [0, 0.15]) {
  for (const irr of [0.7, 1.0]) {
    const label = extra === 0 ? 'Poisson' : 'extra-Poisson (σ = 0.15)';
    const { its, prePost } = itsAndPrePost(irr, extra, random);
    const panel = did(irr, extra, random);
    const rows: [string, Tally][] = [
      ['ITS level change', its],
      ['pre/post', prePost],
      ['DiD', panel.quasi],
      ['DiD cluster', panel.cluster],
    ];
    for (const [name, t] of rows) {
      console.log(
        `${label.padEnd(32)} | ${name.padEnd(16)} | ${irr.toFixed(1).padStart(8)} | ${pct(t).padStart(8)} | ${(t.widthSum / t.total).toFixed(3).padStart(14)} | ${t.failed}`,
      );
    }
  }
}
console.log(
  `(pre/post truth = ratio of expected window totals; elapsed ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
