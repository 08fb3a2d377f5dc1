/**
 * Where the demo start spends its time, in headless Chromium, for one or more builds.
 *
 * `tsx scripts/profile-demo-start.ts [--dist dist[,other-dist]] [--runs 1] [--requests] [--trace out.json]`
 *
 * Each run is a fresh page load per build; with several builds the loads alternate (A, B, A, B, ...) so that
 * other work on the machine falls on every build alike. Printed per build: the median of each of the app's
 * start marks (from navigation) and of `demoStartTimes` ("every view live"), with the machine's load average.
 * `--requests` also lists every request of each load (start and end from navigation, as seen by the test
 * driver); `--trace` writes a Chromium trace of the first load.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/browser';
import { median } from './bench-stats';
import { demoStartTimes } from './demo-start-times';
import { serveStatic } from './static-server';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '1' },
    requests: { type: 'boolean', default: false },
    trace: { type: 'string' },
  },
});
const dists = values.dist.split(',').filter(Boolean);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** Every `cvi:` mark and measure of the page, by name, in ms from navigation (first occurrence). */
function pageMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const m of [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')]) {
      if (!m.name.startsWith('cvi:') || m.name in out) continue;
      out[m.name] = Math.round(m.startTime + (m.entryType === 'measure' ? m.duration : 0));
    }
    return out;
  });
}

const servers = await Promise.all(dists.map((d) => serveStatic(d)));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const samples: Record<string, number>[][] = dists.map(() => []);
console.log(`load average at the start: ${load()}`);
try {
  for (let run = 0; run < Number(values.runs); run++) {
    for (const [i, server] of servers.entries()) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      await context.addInitScript('window.__name = (f) => f;');
      const page = await context.newPage();
      const tracing = values.trace && run === 0 && i === 0;
      if (tracing) await browser.startTracing(page, { path: values.trace, screenshots: false });
      const t0 = Date.now();
      const rows: { url: string; start: number; end: number }[] = [];
      const starts = new Map<object, number>();
      page.on('request', (r) => starts.set(r, Date.now() - t0));
      page.on('requestfinished', (r) =>
        rows.push({ url: r.url().replace(server.url, ''), start: starts.get(r) ?? -1, end: Date.now() - t0 }),
      );
      await page.goto(server.url);
      await page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
      const times = await page.evaluate(demoStartTimes);
      const marks = await pageMarks(page);
      if (tracing) await browser.stopTracing();
      const all = { ...marks, 'every view live': Math.round(times.live!) };
      samples[i]!.push(all);
      console.log(`run ${run + 1} ${dists[i]} (load ${load()}):`, JSON.stringify(all));
      if (values.requests)
        for (const r of rows.sort((a, b) => a.start - b.start))
          console.log(`  ${String(r.start).padStart(6)} → ${String(r.end).padStart(6)} ms  ${r.url}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
for (const [i, dist] of dists.entries()) {
  const names = [...new Set(samples[i]!.flatMap((s) => Object.keys(s)))];
  const rows = names
    .map((n) => [n, median(samples[i]!.flatMap((s) => (n in s ? [s[n]!] : [])))] as const)
    .sort((a, b) => a[1] - b[1]);
  console.log(`\n${dist}: medians over ${samples[i]!.length} loads (ms from navigation)`);
  for (const [n, m] of rows) console.log(`  ${String(Math.round(m)).padStart(6)}  ${n}`);
}
console.log(`load average at the end: ${load()}`);
