/**
 * Benchmark: Getis-Ord Gi* on 50,000 H3 cells with real H3 neighbour structure.
 *
 * The region is the res-10 hexagonal disk of radius 129 around midtown Manhattan (50,311 cells, about
 * 760 km²), trimmed to the first 50,000 cells in H3 order; counts are seeded Poisson(0.4) draws. Prints
 * the median (and min/max) time of repeated `getisOrdGiStar` calls for k = 1 and k = 2, with the default
 * input validation and without it, plus the one-off time to build the neighbour lists, and one run of
 * `emergingHotSpots` over 24 monthly slices (k = 1) for scale.
 *
 * Usage: TZ=UTC npx tsx scripts/bench-gi-star.ts [runs=31]
 */

import { gridDisk, latLngToCell } from 'h3-js';
import { emergingHotSpots } from '../src/analysis/hotspots/emerging-hot-spots';
import { getisOrdGiStar } from '../src/analysis/hotspots/getis-ord-gi-star';
import { poissonDeviate, seededRandom } from '../src/analysis/random';
import { type H3StudyGrid, h3KRingNeighbors } from '../src/geo/h3-study-grid';
import { median } from './bench-stats';

const runs = Number(process.argv[2] ?? 31);
const resolution = 10;
const target = 50_000;

const cells = gridDisk(latLngToCell(40.754, -73.984, resolution), 129)
  .sort()
  .slice(0, target);
const indexOf = new Map(cells.map((c, i) => [c, i] as const));
const grid: H3StudyGrid = { resolution, cells, indexOf };
const random = seededRandom(20261127);
const x = new Float64Array(cells.length);
for (let i = 0; i < x.length; i++) x[i] = poissonDeviate(0.4, random);

console.log(
  `Gi* benchmark: ${cells.length} H3 res-${resolution} cells, ${runs} timed runs (median), Node ${process.version}`,
);
for (const k of [1, 2]) {
  const t0 = performance.now();
  const nb = h3KRingNeighbors(grid, k);
  const buildMs = performance.now() - t0;
  for (const validate of [true, false]) {
    for (let w = 0; w < 5; w++) getisOrdGiStar(x, nb, { validate });
    const times: number[] = [];
    for (let r = 0; r < runs; r++) {
      const s = performance.now();
      getisOrdGiStar(x, nb, { validate });
      times.push(performance.now() - s);
    }
    console.log(
      `k=${k} pairs=${nb.neighbors.length} validate=${validate}: median ${median(times).toFixed(2)} ms ` +
        `(min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}); ` +
        `neighbour lists built once in ${buildMs.toFixed(0)} ms`,
    );
  }
}

{
  const nb = h3KRingNeighbors(grid, 1);
  const slices = Array.from({ length: 24 }, () => {
    const c = new Float64Array(cells.length);
    for (let i = 0; i < c.length; i++) c[i] = poissonDeviate(0.05, random);
    return c;
  });
  const s = performance.now();
  emergingHotSpots(slices, nb);
  console.log(`emergingHotSpots, 24 slices, k=1: ${(performance.now() - s).toFixed(0)} ms (single run)`);
}
