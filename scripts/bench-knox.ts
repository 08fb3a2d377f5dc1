/**
 * Benchmark of the near-repeat (Knox) test: close-pair search and 999 date permutations with bands
 * 100/200/300/400 m × 7/14/21/28 days, on the real NYPD shooting incidents (2006–2024, one point per
 * incident) and on 30,000 seeded synthetic incidents over a city-sized box. Reports the median of 3 runs.
 *
 * Run: `TZ=UTC npx tsx scripts/bench-knox.ts`, or call `benchKnox({ runs, permutations, nypd })` from
 * another script. The NYPD file is read from ../shared/data next to the repository; without it only the
 * synthetic sets run.
 */

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import { closePairs, type KnoxInput, knoxTest } from '../src/analysis/nearrepeat/knox-test';
import { normalDeviate, seededRandom } from '../src/analysis/random';
import { median } from './bench-stats';

const SPACE_BANDS = [100, 200, 300, 400];
const TIME_BANDS = [7, 14, 21, 28];
const PERMUTATIONS = 999;
const RUNS = 3;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nypdFile = path.resolve(repoRoot, '../shared/data/nypd_shootings_raw_2006-2024.parquet');

function nypdIncidents(): KnoxInput | undefined {
  if (!existsSync(nypdFile)) return undefined;
  const table = tableFromIPC(readParquet(readFileSync(nypdFile)).intoIPCStream());
  const key = table.getChild('INCIDENT_KEY')!;
  const latitude = table.getChild('Latitude')!;
  const longitude = table.getChild('Longitude')!;
  const date = table.getChild('OCCUR_DATE')!;
  const seen = new Set<bigint>();
  const lon: number[] = [];
  const lat: number[] = [];
  const day: number[] = [];
  for (let row = 0; row < table.numRows; row++) {
    const y = latitude.get(row) as number | null;
    const x = longitude.get(row) as number | null;
    const k = key.get(row) as bigint;
    if (y === null || x === null || seen.has(k)) continue;
    seen.add(k);
    lon.push(x);
    lat.push(y);
    day.push(Math.floor(Number(date.get(row)) / 86_400_000));
  }
  return { lon: Float64Array.from(lon), lat: Float64Array.from(lat), day: Int32Array.from(day) };
}

/**
 * 30,000 incidents over a 30 km × 30 km box around (40.70, −73.95) and six years. With `hotspotShare` > 0
 * that share falls around 150 hotspots (normal, sd 250 m), the rest uniformly, which gives pair densities
 * of the order of a large city's shootings.
 */
function synthetic(n: number, hotspotShare: number, seed: number): KnoxInput {
  const random = seededRandom(seed);
  const metresPerDegreeLat = 111_195;
  const metresPerDegreeLon = metresPerDegreeLat * Math.cos((40.7 * Math.PI) / 180);
  const half = 15_000;
  const centres = Array.from({ length: 150 }, () => [(random() * 2 - 1) * half, (random() * 2 - 1) * half]);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const day = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    let x: number;
    let y: number;
    if (random() < hotspotShare) {
      const centre = centres[Math.floor(random() * centres.length)]!;
      x = centre[0]! + 250 * normalDeviate(random);
      y = centre[1]! + 250 * normalDeviate(random);
    } else {
      x = (random() * 2 - 1) * half;
      y = (random() * 2 - 1) * half;
    }
    lon[k] = -73.95 + x / metresPerDegreeLon;
    lat[k] = 40.7 + y / metresPerDegreeLat;
    day[k] = 17_000 + Math.floor(random() * 2190);
  }
  return { lon, lat, day };
}

/** One row of the Knox benchmark: median timings over the runs. */
export interface KnoxBenchRow {
  data: string;
  incidents: number;
  closePairs: number;
  /** Median close-pair search time (ms). */
  pairSearchMs: number;
  /** Median knoxTest time minus median pair-search time (ms). */
  permutationsMs: number;
  /** Median knoxTest time (ms). */
  totalMs: number;
}

/** Options of {@link benchKnox}. */
export interface KnoxBenchOptions {
  /** Runs per data set (median reported). Default 3. */
  runs?: number;
  /** Permutations per knoxTest. Default 999. */
  permutations?: number;
  /** Include the real NYPD incidents when the file exists. Default true. */
  nypd?: boolean;
}

/**
 * Times the Knox test (bands 100/200/300/400 m × 7/14/21/28 days) on the NYPD incidents (when present) and
 * two 30,000-incident synthetic sets; returns one row per data set. Called by `npm run bench`.
 */
export function benchKnox(options: KnoxBenchOptions = {}): KnoxBenchRow[] {
  const runs = options.runs ?? RUNS;
  const permutations = options.permutations ?? PERMUTATIONS;
  const sets: [string, KnoxInput][] = [];
  const nypd = options.nypd === false ? undefined : nypdIncidents();
  if (nypd) sets.push(['NYPD shootings 2006–2024 (real)', nypd]);
  else if (options.nypd !== false)
    console.warn(`NYPD data not found at ${nypdFile}; running synthetic sets only`);
  sets.push(['synthetic, 60 % in 150 hotspots', synthetic(30_000, 0.6, 1)]);
  sets.push(['synthetic, uniform', synthetic(30_000, 0, 2)]);
  const rows: KnoxBenchRow[] = [];
  for (const [name, input] of sets) {
    const search: number[] = [];
    const total: number[] = [];
    let pairs = 0;
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      pairs = closePairs(input, { spaceBands: SPACE_BANDS }).count;
      const t1 = performance.now();
      knoxTest(input, { spaceBands: SPACE_BANDS, timeBands: TIME_BANDS, permutations, seed: run + 1 });
      const t2 = performance.now();
      search.push(t1 - t0);
      total.push(t2 - t1);
    }
    const s = median(search);
    const t = median(total);
    rows.push({
      data: name,
      incidents: input.lon.length,
      closePairs: pairs,
      pairSearchMs: s,
      permutationsMs: t - s,
      totalMs: t,
    });
  }
  return rows;
}

const isEntry =
  process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isEntry) {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `Machine: ${os.availableParallelism()} logical cores (${cpu}), Node ${process.version}, ` +
      `load average at start ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `Bands ${SPACE_BANDS.join('/')} m × ${TIME_BANDS.join('/')} days, ${PERMUTATIONS} permutations, median of ${RUNS} runs\n`,
  );
  console.log(
    '| data | incidents | close pairs (≤ 400 m) | pair search (ms) | permutations (ms) | total (ms) |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of benchKnox()) {
    console.log(
      `| ${r.data} | ${r.incidents.toLocaleString('en-US')} | ${r.closePairs.toLocaleString('en-US')} | ` +
        `${r.pairSearchMs.toFixed(0)} | ${r.permutationsMs.toFixed(0)} | ${r.totalMs.toFixed(0)} |`,
    );
  }
  console.log('\nPermutation time = median knoxTest time − median pair-search time.');
}
