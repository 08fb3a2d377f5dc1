/**
 * Timing of the panel synthetic control at city-panel scale: 150 donors × 30 years, launch after year 15,
 * with every in-space placebo and the leave-one-out refits, for the log outcome with and without the
 * intercept. Prints the median of 5 runs after one warm-up.
 *
 * Run: `TZ=UTC npx tsx scripts/bench-panel-synth.ts`
 */
import { buildCountPanel } from '../src/analysis/evaluation/panel/count-panel';
import { panelSyntheticControl } from '../src/analysis/evaluation/panel/panel-synthetic-control';
import { normalDeviate, poissonDeviate, seededRandom } from '../src/analysis/random';

const random = seededRandom(150);
const rows = [];
for (let u = 0; u <= 150; u++) {
  const population = Math.round(Math.exp(Math.log(120_000) + 0.8 * normalDeviate(random)));
  const rate = Math.exp(Math.log(9) + 0.6 * normalDeviate(random));
  for (let t = 0; t < 30; t++) {
    const mean = (population / 1e5) * rate * Math.exp(0.2 * Math.sin(t / 4) - (u === 0 && t >= 15 ? 0.3 : 0));
    rows.push({
      unit: `city ${u}`,
      period: String(1995 + t),
      count: poissonDeviate(mean, random),
      population,
    });
  }
}
const panel = buildCountPanel(rows, { step: 'year' });
for (const demeaned of [false, true]) {
  const times: number[] = [];
  let placebos = 0;
  for (let run = 0; run < 6; run++) {
    const t0 = performance.now();
    const r = panelSyntheticControl(panel, 'city 0', 15, { outcome: 'log', demeaned });
    const ms = performance.now() - t0;
    placebos = r.placebos.length;
    if (run > 0) times.push(ms);
  }
  times.sort((a, b) => a - b);
  console.log(
    `150 donors × 30 years, log outcome${demeaned ? ', demeaned' : ''}: ${placebos} placebos + leave-one-out, median ${times[2]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)})`,
  );
}
