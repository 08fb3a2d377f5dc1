/** Shared set-up of the end-to-end tests: the built app on a local server, and Debian Chromium with no network. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type StaticServer, serveStatic } from '../../scripts/static-server';

export const ARTIFACTS = join(process.cwd(), 'tests/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** Chromium flags for this machine (headless, software WebGL, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Addresses on this machine (the app's server and local test servers); everything else is blocked. */
const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

/** Everything a test needs; `external` lists every request to a non-local address (all are blocked). */
export interface E2eContext {
  server: StaticServer;
  browser: Browser;
  page: Page;
  external: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Serves dist/ and opens a page at `path`, blocking and recording any non-local request; `beforeGoto` may
 * set up the page (routes, scripts) before it loads.
 */
export async function openApp(
  path = '/',
  viewport = { width: 1400, height: 900 },
  beforeGoto?: (page: Page) => Promise<void>,
): Promise<E2eContext> {
  const server = await serveStatic(process.env.E2E_DIST ?? 'dist');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    external.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await beforeGoto?.(page);
  await page.goto(`${server.url}${path}`);
  return {
    server,
    browser,
    page,
    external,
    consoleErrors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the app on the demo city and waits until its views and first map frame are ready. */
export async function openDemo(path = '/'): Promise<E2eContext> {
  const ctx = await openApp(path);
  await waitForIdle(ctx.page);
  await ctx.page.waitForSelector('body[data-map-ready="true"]', { timeout: 120_000 });
  return ctx;
}

/** Waits until the dashboard has data and no query is pending. */
export async function waitForIdle(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('.app[data-ready="true"][data-pending="false"]', { timeout });
  await page.waitForTimeout(300);
  await page.waitForSelector('.app[data-ready="true"][data-pending="false"]', { timeout });
}

/** The headline numbers as integers (thousands separators removed). */
export async function headline(page: Page): Promise<{ incidents: number; victims: number; fatal: number }> {
  const read = async (id: string) =>
    Number((await page.textContent(`[data-testid="${id}"]`))!.replace(/[^0-9]/g, ''));
  return { incidents: await read('incidents'), victims: await read('victims'), fatal: await read('fatal') };
}

/** Share of the deck.gl overlay canvas's pixels that are drawn (alpha > 0); -1 when there is no overlay. */
export async function overlayDrawnShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const deck = [...document.querySelectorAll('canvas')].find(
      (c) => !c.classList.contains('maplibregl-canvas'),
    );
    if (!deck) return -1;
    const copy = document.createElement('canvas');
    copy.width = deck.width;
    copy.height = deck.height;
    const g = copy.getContext('2d')!;
    g.drawImage(deck, 0, 0);
    const px = g.getImageData(0, 0, copy.width, copy.height).data;
    let drawn = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) drawn++;
    return drawn / (px.length / 4);
  });
}

/** The RGBA colour of one pixel of the base map (maplibre) canvas, joined as "r,g,b,a". */
export async function basemapPixel(page: Page, x = 2, y = 2): Promise<string> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const g = copy.getContext('2d')!;
      g.drawImage(canvas, 0, 0);
      return [...g.getImageData(px!, py!, 1, 1).data].join();
    },
    [x, y],
  );
}

/**
 * The overlay's drawn share once it exceeds `min` (the map draws on a later animation frame than the one the
 * app turns idle in, later still on a loaded machine), or the last share read after `timeoutMs`.
 */
export function overlayDrawnShareAbove(page: Page, min: number, timeoutMs = 30_000): Promise<number> {
  return pollUntil(
    () => overlayDrawnShare(page),
    (v) => v > min,
    timeoutMs,
  );
}

/** Polls `read` until `accept` holds or `timeoutMs` passes; returns the last value read. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  accept: (v: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

/**
 * Pixels of the deck.gl canvas close to a colour (±12 per channel, alpha > 100): how many, and the page
 * position of the first one away from the left edge (-1 when none).
 */
export async function overlayPixelsNear(
  page: Page,
  rgb: [number, number, number],
): Promise<{ count: number; x: number; y: number }> {
  return page.evaluate((target) => {
    const deck = [...document.querySelectorAll('canvas')].find(
      (c) => !c.classList.contains('maplibregl-canvas'),
    );
    if (!deck) return { count: -1, x: -1, y: -1 };
    const copy = document.createElement('canvas');
    copy.width = deck.width;
    copy.height = deck.height;
    const g = copy.getContext('2d')!;
    g.drawImage(deck, 0, 0);
    const px = g.getImageData(0, 0, copy.width, copy.height).data;
    let count = 0;
    let first = -1;
    for (let i = 0; i < px.length; i += 4) {
      const near =
        px[i + 3]! > 100 &&
        Math.abs(px[i]! - target[0]) <= 12 &&
        Math.abs(px[i + 1]! - target[1]) <= 12 &&
        Math.abs(px[i + 2]! - target[2]) <= 12;
      if (!near) continue;
      count++;
      if (first < 0 && (i / 4) % copy.width > 20) first = i / 4;
    }
    const rect = deck.getBoundingClientRect();
    const scale = rect.width / copy.width;
    return {
      count,
      x: first < 0 ? -1 : rect.left + ((first % copy.width) + 2) * scale,
      y: first < 0 ? -1 : rect.top + (Math.floor(first / copy.width) + 2) * scale,
    };
  }, rgb);
}
