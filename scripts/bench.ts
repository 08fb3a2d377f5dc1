/**
 * `npm run bench`: engine start and load times in Node and in the built app (headless Chromium), brush
 * latency through the brush indexes next to naive re-querying, first meaningful map of the demo, and the size
 * of the JavaScript the first screen needs. Figures are medians (and p95 for brushing) with the machine noted.
 *
 * Options: `--sizes 1000000,10000000` (generated incident counts, default both), `--brush-moves 100`,
 * `--naive-moves N` (how many of those brush positions the naive re-query is timed on, default all; each takes
 * seconds at 10M incidents),
 * `--skip-browser`, `--skip-node`, `--skip-stats`, `--skip-loads` (in the browser, the demo start only),
 * `--demo-start` (the demo start alone: the same as the three skips), `--demo-runs 5` (fresh page loads of
 * the demo start), `--dist <folder>` (serve an existing build instead of building, e.g. to compare two builds
 * back to back), `--archive-sizes 10000000` (publish the generated file of that many incidents as an
 * archive, cached, and open it by URL: first screen from the summaries and a one-year drill-down, see
 * `bench-archive.ts`), `--archive-runs 3` (page loads for the archive's first screen).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { createNodeConnector, readFileBytes } from '../src/data/engine-node';
import { importIncidents } from '../src/data/import-incidents';
import { engineMemoryQuery } from '../src/data/sql/engine-queries';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';
import { archiveBenchmarks, generatedArchive } from './bench-archive';
import { BENCH_OUT, generatedCsv } from './bench-generated-csv';
import { median } from './bench-stats';
import { demoStartTimes } from './demo-start-times';
import { serveStatic } from './static-server';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,10000000' },
    'brush-moves': { type: 'string', default: '100' },
    'naive-moves': { type: 'string' },
    'skip-browser': { type: 'boolean', default: false },
    'skip-node': { type: 'boolean', default: false },
    'skip-stats': { type: 'boolean', default: false },
    'skip-loads': { type: 'boolean', default: false },
    'demo-start': { type: 'boolean', default: false },
    'demo-runs': { type: 'string', default: '5' },
    dist: { type: 'string' },
    'archive-sizes': { type: 'string', default: '' },
    'archive-runs': { type: 'string', default: '3' },
  },
});
if (values['demo-start']) {
  values['skip-stats'] = true;
  values['skip-node'] = true;
  values['skip-loads'] = true;
}
const DEMO_RUNS = Math.max(1, Number(values['demo-runs']));
const SIZES = values.sizes.split(',').filter(Boolean).map(Number);
const MOVES = Number(values['brush-moves']);
const NAIVE_MOVES = values['naive-moves'] === undefined ? MOVES : Number(values['naive-moves']);
const ARCHIVE_SIZES = values['archive-sizes'].split(',').filter(Boolean).map(Number);
const OUT = BENCH_OUT;
const NYPD = join('..', 'shared', 'data', 'NYPD_Shooting_Incident_Data__Historic_.csv');
mkdirSync(OUT, { recursive: true });

const results: Record<string, unknown> = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  },
  date: new Date().toISOString(),
};

async function nodeBenchmarks() {
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const db = await createNodeConnector();
    starts.push(performance.now() - t0);
    await db.close();
  }
  const node: Record<string, unknown> = { engineStartMs: median(starts) };
  const db = await createNodeConnector();
  const time = async (name: string, path: string, repeats: number) => {
    const bytes = readFileBytes(path);
    const xs: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      const r = await importIncidents(db, { name, bytes }, { table: 'bench' });
      xs.push(performance.now() - t0);
      if (i === 0) node[`${name}Rows`] = r.report.victims;
    }
    return median(xs);
  };
  if (existsSync(NYPD)) node.nypdLoadMs = await time('nypd', NYPD, 3);
  for (const n of SIZES.filter((s) => s <= 1_000_000))
    node[`generated${n}LoadMs`] = await time(`generated${n}`, await generatedCsv(n), 3);
  await db.close();
  results.node = node;
  console.log('Node (in-process DuckDB-WASM):', node);
}

/** A page whose evaluate() callbacks may contain named functions (tsx adds a `__name` helper to them). */
async function newPage(browser: import('playwright-core').Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript('window.__name = (f) => f;');
  return context.newPage();
}

/**
 * Samples the resident memory of Chromium's renderer processes (Linux /proc) every second until stopped;
 * returns the largest single-process figure in GB. The page, its Web Workers and DuckDB-WASM's heap all live
 * in one renderer process.
 */
function rendererMemorySampler(): { stop(): number } {
  let peak = 0;
  const sample = () => {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        if (!readlinkSync(`/proc/${pid}/exe`).includes('chromium')) continue;
        if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (rss) peak = Math.max(peak, Number(rss[1]) / 2 ** 20);
      } catch {
        // The process ended between listing and reading.
      }
    }
  };
  sample();
  const timer = setInterval(sample, 1000);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return Math.round(peak * 100) / 100;
    },
  };
}

/** Memory DuckDB-WASM reports in use in the page, in MB. */
async function engineMemoryMB(page: Page): Promise<number> {
  return page.evaluate(async (sql) => {
    type Hook = {
      store: {
        getState(): {
          engine: { query(sql: string): Promise<{ toArray(): { toJSON(): { mb: unknown } }[] }> };
        };
      };
    };
    const engine = (window as unknown as { cviAtlas: Hook }).cviAtlas.store.getState().engine;
    const rows = await engine.query(sql);
    return Math.round(Number(rows.toArray()[0]?.toJSON().mb));
  }, engineMemoryQuery());
}

async function waitIdle(page: Page, timeout = 600_000) {
  await page.waitForSelector('.app[data-ready="true"][data-pending="false"]', { timeout });
}

async function browserBenchmarks() {
  const dist = values.dist ?? 'dist';
  if (!values.dist) execSync('npx vite build', { stdio: 'ignore' });
  const firstScreen = firstScreenJs(dist);
  results.firstScreenJsGzipKB = firstScreen;
  // Publishing runs in a child process before the browser starts, so that it does not share the cores with it.
  for (const n of ARCHIVE_SIZES) await generatedArchive(n);
  const server = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const browserResults: Record<string, unknown> = {};
  try {
    // Demo start (five fresh pages unless told otherwise): the first screen is drawn from the demo archive's summaries, then the
    // engine reads the partitions and every view turns live.
    const starts: Record<string, number>[] = [];
    for (let i = 0; i < DEMO_RUNS; i++) {
      const page = await newPage(browser);
      await page.goto(server.url);
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
      starts.push(await page.evaluate(demoStartTimes));
      await page.context().close();
    }
    const spread = (k: string) => {
      const xs = starts.map((s) => s[k]!).sort((a, b) => a - b);
      return { medianMs: median(xs), minMs: xs[0]!, maxMs: xs[xs.length - 1]!, runsMs: xs };
    };
    browserResults.demoFirstMeaningfulMap = spread('map');
    browserResults.demoEveryViewLive = spread('live');
    browserResults.demoFirstScreenDataMs = median(starts.map((s) => s.firstScreen!));
    browserResults.engineStartMs = median(starts.map((s) => s.engine!));
    browserResults.demoLoadedMs = median(starts.map((s) => s.demo!));
    console.log('Browser demo start:', JSON.stringify(browserResults));

    const inputs: [string, string][] = [];
    if (existsSync(NYPD) && !values['skip-loads']) inputs.push(['nypd', NYPD]);
    for (const n of values['skip-loads'] ? [] : SIZES) inputs.push([`generated${n}`, await generatedCsv(n)]);
    for (const [name, path] of inputs) {
      const page = await newPage(browser);
      try {
        await page.goto(server.url);
        await waitIdle(page);
        await page.evaluate(watchStages);
        const memory = rendererMemorySampler();
        const t0 = Date.now();
        await page.setInputFiles('[data-testid="incident-file"]', path);
        const outcome = await page.waitForSelector('[data-testid="import-report"], [data-testid="notice"]', {
          timeout: 1_800_000,
        });
        if ((await outcome.getAttribute('data-testid')) === 'notice')
          throw new Error(String(await outcome.textContent()));
        const loadMs = Date.now() - t0;
        console.log(`Browser ${name}: import report after ${loadMs} ms`);
        await waitIdle(page);
        const viewsMs = Date.now() - t0;
        const rendererPeakGB = memory.stop();
        const engineMB = await engineMemoryMB(page);
        const stages = await page.evaluate(
          () => (window as unknown as { __benchStages: unknown }).__benchStages,
        );
        console.log(
          `Browser ${name}: every view ready after ${viewsMs} ms (renderer peak ${rendererPeakGB} GB, engine ${engineMB} MB); brushing ${MOVES} times, then the naive path ${NAIVE_MOVES} times`,
        );
        const brush = await brushSequence(page, MOVES, NAIVE_MOVES);
        browserResults[name] = {
          loadMs,
          loadAndViewsMs: viewsMs,
          rendererPeakGB,
          engineMB,
          ...brush,
          stages,
        };
        console.log(`Browser ${name}:`, browserResults[name]);
        await page.screenshot({ path: join(OUT, `bench-${name}.png`) });
      } catch (error) {
        browserResults[name] = { error: String(error).split('\n')[0] };
        console.log(`Browser ${name} failed:`, browserResults[name]);
      } finally {
        await page.context().close();
      }
    }
    for (const n of ARCHIVE_SIZES) {
      try {
        browserResults[`archive${n}`] = await archiveBenchmarks(
          browser,
          newPage,
          server.url,
          n,
          Math.max(1, Number(values['archive-runs'])),
        );
      } catch (error) {
        browserResults[`archive${n}`] = { error: String(error).split('\n')[0] };
        console.log(`Browser archive ${n} failed:`, browserResults[`archive${n}`]);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  results.browser = browserResults;
}

/**
 * In the page: records every change of the progress bar's label (the import's stages) and of the dashboard's
 * pending state, as `[seconds since the call, what]`, into `window.__benchStages`, checking four times a second.
 */
function watchStages() {
  const stages: [number, string][] = [];
  (window as unknown as { __benchStages: unknown }).__benchStages = stages;
  const t0 = performance.now();
  let last = '';
  setInterval(() => {
    const bar = document.querySelector('.progress[role="progressbar"]')?.getAttribute('aria-label');
    const pending = document.querySelector('.app')?.getAttribute('data-pending');
    const now = `${bar ?? 'no progress bar'} | pending ${pending}`;
    if (now !== last) stages.push([Math.round(performance.now() - t0) / 1000, now]);
    last = now;
  }, 250);
}

/** Moves the time brush `moves` times through the store; times index-served updates and naive re-queries. */
async function brushSequence(page: Page, moves: number, naiveMoves: number) {
  return page.evaluate(
    async ([n, naiveN]) => {
      type Hook = {
        store: {
          getState(): {
            updateView(p: unknown): void;
            datasets: Record<string, { firstMonth: string; monthCount: number }>;
            active: string;
          };
        };
        naiveBrush(t: { from: string; to: string }): Promise<number>;
      };
      const hook = (window as unknown as { cviAtlas: Hook }).cviAtlas;
      const state = hook.store.getState();
      const ds = state.datasets[state.active]!;
      const [y0, m0] = ds.firstMonth.split('-').map(Number) as [number, number];
      const label = (i: number) => {
        const t = y0 * 12 + m0 - 1 + i;
        return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
      };
      const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const idle = async () => {
        while (document.querySelector('.app')?.getAttribute('data-pending') !== 'false')
          await new Promise((r) => setTimeout(r, 5));
      };
      const width = Math.max(6, Math.floor(ds.monthCount / 4));
      const ranges = Array.from({ length: n }, (_, i) => {
        const from = Math.floor(((ds.monthCount - width) * i) / Math.max(1, n - 1));
        return { from: label(from), to: label(from + width - 1) };
      });
      // Indexed path: the store update re-renders every view from the brush indexes; "data" is when React has
      // committed (next task), "frame" when the browser has presented the new frame (two animation frames).
      const indexed: number[] = [];
      const indexedData: number[] = [];
      for (const time of ranges) {
        const t0 = performance.now();
        hook.store.getState().updateView({ time });
        await new Promise((r) => setTimeout(r, 0));
        await idle();
        indexedData.push(performance.now() - t0);
        await frames();
        indexed.push(performance.now() - t0);
      }
      const naive: number[] = [];
      // Spread over the whole sweep when only some positions are timed.
      const every = Math.max(1, Math.ceil(n / Math.max(1, naiveN)));
      const naiveRanges = ranges.filter((_, i) => i % every === 0).slice(0, naiveN);
      for (const time of naiveRanges) naive.push(await hook.naiveBrush(time));
      const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
      const q = (xs: number[], f: number) =>
        sorted(xs)[Math.min(xs.length - 1, Math.ceil(f * xs.length) - 1)]!;
      return {
        brushMoves: n,
        brushDataMedianMs: q(indexedData, 0.5),
        brushDataP95Ms: q(indexedData, 0.95),
        brushFrameMedianMs: q(indexed, 0.5),
        brushFrameP95Ms: q(indexed, 0.95),
        naiveMoves: naive.length,
        naiveMedianMs: naive.length > 0 ? q(naive, 0.5) : null,
        naiveP95Ms: naive.length > 0 ? q(naive, 0.95) : null,
      };
    },
    [moves, naiveMoves] as const,
  );
}

/** Gzip size of the JavaScript loaded by index.html before any lazy import (workers and wasm excluded). */
function firstScreenJs(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)) files.add(m[1]!);
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const text = readFileSync(join(dist, file), 'utf8');
    for (const m of text.matchAll(/(?:^|[^(])\bfrom\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) {
      const dep = `assets/${m[1] ?? m[2]}`;
      if (!files.has(dep)) {
        files.add(dep);
        queue.push(dep);
      }
    }
  }
  let total = 0;
  for (const f of files) total += gzipSync(readFileSync(join(dist, f))).length;
  const all = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  console.log(`First-screen JS: ${[...files].join(', ')} (${all.length} JS files in dist/assets)`);
  return Math.round(total / 1024);
}

/** The statistics benchmarks (Gi* on 50,000 cells; Knox on 30,000 incidents × 999 permutations), as printed. */
function statisticsBenchmarks() {
  const run = (script: string) =>
    execSync(`npx tsx ${script}`, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const giStar = run('scripts/bench-gi-star.ts');
  const knox = run('scripts/bench-knox.ts');
  console.log(giStar, knox);
  results.statistics = { giStar: giStar.trim().split('\n'), knox: knox.trim().split('\n') };
}

if (!values['skip-stats']) statisticsBenchmarks();
if (!values['skip-node']) await nodeBenchmarks();
if (!values['skip-browser']) await browserBenchmarks();
(results.machine as Record<string, unknown>).loadAverageAtEnd = loadavg().map(
  (x) => Math.round(x * 100) / 100,
);
writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
console.log(`Written to ${join(OUT, 'latest.json')} (every *Ms figure is in milliseconds).`);
