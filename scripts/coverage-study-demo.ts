/**
 * Coverage study on the demo city itself: the city is regenerated with many seeds, and for programs A (planted
 * ×0.70 from launch) and B (no effect) the difference-in-differences and interrupted-time-series intervals
 * are checked against the effect each city actually realised.
 *
 * Truth per seed: the catchment's observed incidents over the post-launch months divided by the incidents the
 * same city would have had without the program (the generator's counterfactual record, `truth.programs[].monthly`).
 * Removed incidents also trigger no retaliation, so this realised ratio is below the planted multiplier.
 * Series: monthly distinct incidents in the catchment (from the truth record) and in each of the program's
 * comparison neighborhoods (counted from the generated incidents), 2015-01 … 2024-12.
 * DiD: catchment vs its comparison neighborhoods, quasi-Poisson interval (the default). ITS: the catchment
 * alone, level change at launch with month-of-year terms.
 *
 * Run: `TZ=UTC npx tsx scripts/coverage-study-demo.ts [seeds=100] [firstSeed=1000]`
 */
import { differenceInDifferences } from '../src/analysis/evaluation/difference-in-differences';
import { interruptedTimeSeries } from '../src/analysis/evaluation/interrupted-time-series';
import { generateDemoCity } from './demo-city/generate-demo-city';

const seeds = Number(process.argv[2] ?? 100);
const firstSeed = Number(process.argv[3] ?? 1000);

interface ProgramTruthRecord {
  id: string;
  launch: string;
  comparison: string[];
  monthly: { month: string; observed: number; counterfactual: number }[];
}

interface Tally {
  covered: number;
  total: number;
  failed: number;
}

const tallies = new Map<string, Tally>();
function tally(key: string, covered: boolean | null) {
  const t = tallies.get(key) ?? { covered: 0, total: 0, failed: 0 };
  if (covered === null) t.failed++;
  else {
    t.total++;
    if (covered) t.covered++;
  }
  tallies.set(key, t);
}

const started = performance.now();
for (let s = 0; s < seeds; s++) {
  const city = generateDemoCity({ seed: firstSeed + s });
  const programs = (city.truth as unknown as { programs: ProgramTruthRecord[] }).programs;
  const months = programs[0]!.monthly.map((m) => m.month);
  const monthIndex = new Map(months.map((m, i) => [m, i] as const));
  // Distinct incidents per (neighborhood, month).
  const seen = new Set<string>();
  const byArea = new Map<string, Float64Array>();
  for (const row of city.incidents) {
    if (seen.has(row.incidentId)) continue;
    seen.add(row.incidentId);
    const m = monthIndex.get(row.occurredAt.slice(0, 7));
    if (m === undefined) continue;
    let series = byArea.get(row.neighborhood);
    if (!series) {
      series = new Float64Array(months.length);
      byArea.set(row.neighborhood, series);
    }
    series[m]! += 1;
  }
  for (const program of programs.filter((p) => p.id === 'program-a' || p.id === 'program-b')) {
    const launch = monthIndex.get(program.launch.slice(0, 7))!;
    const catchment = Float64Array.from(program.monthly, (m) => m.observed);
    let observed = 0;
    let counterfactual = 0;
    for (let i = launch; i < months.length; i++) {
      observed += program.monthly[i]!.observed;
      counterfactual += program.monthly[i]!.counterfactual;
    }
    const truth = observed / counterfactual;
    const comparison = program.comparison.map((id) => byArea.get(id) ?? new Float64Array(months.length));
    try {
      const did = differenceInDifferences(
        [catchment, ...comparison],
        [true, ...comparison.map(() => false)],
        launch,
        {
          eventStudy: false,
        },
      );
      tally(`${program.id} DiD`, did.effect.interval.lower <= truth && truth <= did.effect.interval.upper);
    } catch {
      tally(`${program.id} DiD`, null);
    }
    try {
      const its = interruptedTimeSeries(catchment, launch);
      const ci = its.levelChange.interval;
      tally(`${program.id} ITS level`, ci.lower <= truth && truth <= ci.upper);
    } catch {
      tally(`${program.id} ITS level`, null);
    }
  }
}

console.log(
  `Demo-city coverage study: ${seeds} seeds from ${firstSeed}, ${((performance.now() - started) / 1000).toFixed(0)} s, Node ${process.version}`,
);
console.log('| program and estimator | 95% intervals covering the realised effect | failed fits |');
console.log('| --- | ---: | ---: |');
for (const [key, t] of [...tallies.entries()].sort()) {
  console.log(
    `| ${key} | ${((100 * t.covered) / Math.max(1, t.total)).toFixed(1)}% (${t.covered}/${t.total}) | ${t.failed} |`,
  );
}
