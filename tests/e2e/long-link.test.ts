/**
 * A long link (60 KB of state: 200 long area ids and a 1,000-vertex drawn polygon) opens the app although
 * the server, like nginx, refuses request lines over 8 KB: the app writes such state in the fragment, which
 * the browser never sends. The same state written wholly in the query is refused by that server. The drawn
 * polygon is restored exactly, and the headline equals an independent point-in-polygon count (turf).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import {
  decodeUrlState,
  defaultUrlViewState,
  encodeUrlLink,
  encodeUrlState,
  linkSuffix,
  MAX_POLYGON_VERTICES,
  MAX_URL_LIST_LENGTH,
  type UrlViewState,
} from '../../src/state/url-state';
import { ARTIFACTS, type E2eContext, headline, openDemo } from './browser';

const rows = readFileSync('data/demo/incidents.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));

/** Distinct incidents and victims of the demo file inside a ring, counted with turf. */
function countInside(ring: [number, number][]): { incidents: number; victims: number } {
  const shape = polygon([ring]);
  const incidents = new Set<string>();
  let victims = 0;
  for (const [incident, , , lat, lon] of rows) {
    if (booleanPointInPolygon([Number(lon), Number(lat)], shape)) {
      incidents.add(incident!);
      victims++;
    }
  }
  return { incidents: incidents.size, victims };
}

/** A circle of {@link MAX_POLYGON_VERTICES} vertices around the middle of the demo city. */
function cityCircle(): [number, number][] {
  const lats = rows.map((r) => Number(r[3]));
  const lons = rows.map((r) => Number(r[4]));
  const mid = (v: number[]) => (Math.min(...v) + Math.max(...v)) / 2;
  const [cx, cy] = [mid(lons), mid(lats)];
  const r = (Math.max(...lats) - Math.min(...lats)) / 5;
  const ring: [number, number][] = [];
  for (let i = 0; i < MAX_POLYGON_VERTICES; i++) {
    const a = (2 * Math.PI * i) / MAX_POLYGON_VERTICES;
    ring.push([Number((cx + r * 1.3 * Math.cos(a)).toFixed(5)), Number((cy + r * Math.sin(a)).toFixed(5))]);
  }
  return [...ring, [ring[0]![0], ring[0]![1]]];
}

describe('a 60 KB link', () => {
  let ctx: E2eContext;
  let state: UrlViewState;

  before(async () => {
    state = defaultUrlViewState();
    state.fatal = 'nonfatal';
    state.areas.ids = Array.from({ length: MAX_URL_LIST_LENGTH }, (_, i) =>
      `Área larga ${String(i).padStart(3, '0')} `.padEnd(200, 'é'),
    );
    state.areas.polygon = cityCircle();
    ctx = await openDemo(`/${linkSuffix(encodeUrlLink(state))}`);
  });

  after(async () => {
    await ctx?.close();
  });

  it('is over 60 KB; written wholly in the query, the server refuses it (414)', async () => {
    const suffix = linkSuffix(encodeUrlLink(state));
    assert.ok(suffix.length > 60_000, `link is ${suffix.length} characters`);
    const [query] = suffix.split('#');
    assert.ok(query!.length < 200, `the query part is ${query!.length} characters`);
    const old = await fetch(`${ctx.server.url}/?${encodeUrlState(state)}`);
    assert.equal(old.status, 414);
    const short = await fetch(`${ctx.server.url}/${query}`);
    assert.equal(short.status, 200);
  });

  it('opens with its polygon restored, the views filtered to it, and the unknown areas named', async () => {
    const shown = await headline(ctx.page);
    const expected = countInside(state.areas.polygon!);
    assert.ok(expected.incidents > 100, `${expected.incidents} incidents inside`);
    const nonfatal = (() => {
      const shape = polygon([state.areas.polygon!]);
      const incidents = new Set<string>();
      let victims = 0;
      for (const [incident, , , lat, lon, fatal] of rows) {
        if (fatal === 'false' && booleanPointInPolygon([Number(lon), Number(lat)], shape)) {
          incidents.add(incident!);
          victims++;
        }
      }
      return { incidents: incidents.size, victims };
    })();
    assert.ok(nonfatal.victims < expected.victims);
    assert.deepEqual([shown.incidents, shown.victims], [nonfatal.incidents, nonfatal.victims]);
    const location = await ctx.page.evaluate(() => [window.location.search, window.location.hash]);
    const now = decodeUrlState(location[0]!, location[1]!);
    assert.deepEqual(now.notices, []);
    assert.deepEqual(now.state.areas.polygon, state.areas.polygon);
    assert.deepEqual(now.state.areas.ids, [], 'areas the demo boundaries lack are unselected');
    assert.equal(now.state.fatal, 'nonfatal');
    const notices = await ctx.page.locator('.notice').allTextContents();
    assert.ok(
      notices.some((n) => n.includes('Área larga 000') && n.includes('195 more')),
      notices.join(' | '),
    );
    await ctx.page.screenshot({ path: `${ARTIFACTS}/long-link.png` });
    assert.deepEqual(ctx.external, []);
  });
});
