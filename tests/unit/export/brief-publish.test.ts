/**
 * The brief in publish mode, rendered on the server (react-dom/server) with the council view's own numbers
 * (useCouncil over seeded synthetic cities with many small area-years): no whole number 1..k−1 appears
 * anywhere in its text or text alternatives, every area-year count 1..k−1 reads "<k", the suppression
 * notice is there and program estimates are left out with the reason. The same scanner finds the small
 * numbers outside publish mode, so it is able to fail.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { suppressAreaPeriodTable } from '../../../src/analysis/privacy/table-suppression';
import { publishedView } from '../../../src/state/publish-view';
import { decodeUrlState, type UrlViewState } from '../../../src/state/url-state';
import { BriefPage } from '../../../src/ui/brief/Brief';
import type { BriefProgram } from '../../../src/ui/brief/brief-program';
import { initI18n } from '../../../src/ui/i18n';
import { useCouncil } from '../../../src/ui/panels/council/use-council';
import { type CouncilFixture, councilFixture } from '../../support/council-fixture';

/** The text a reader gets: text nodes, and the alt, aria-label and title attributes. */
/** An evaluated program as the program panel hands it to the brief (only the fields the brief reads). */
const program = {
  id: 'p',
  name: 'Test program',
  launch: '2019-06-01',
  evaluation: {
    estimates: [
      {
        method: 'prepost',
        label: 'Pre/post',
        scale: 'ratio',
        estimate: 0.8,
        lower: 0.5,
        upper: 1.2,
        pValue: 0.3,
      },
    ],
  },
} as unknown as BriefProgram;

function readableText(html: string): string {
  const parts: string[] = [];
  for (const m of html.matchAll(/>([^<]+)</g)) parts.push(m[1]!);
  for (const m of html.matchAll(/\s(?:alt|aria-label|title)="([^"]*)"/g)) parts.push(m[1]!);
  return parts
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Whole numbers (no decimal point) in 1..k−1 found in the text, with a little context. */
function smallNumbers(text: string, k: number): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    if (m[0].includes('.')) continue;
    const v = Number(m[0].replace(/,/g, ''));
    if (v >= 1 && v < k) out.push(text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 10));
  }
  return out;
}

/** Props of {@link Harness}. */
interface HarnessProps {
  fixture: CouncilFixture;
  view: UrlViewState;
  year: string | null;
  profile: string | null;
}

/** The council view's numbers (the app's own hook) fed to the brief, as App does. */
function Harness({ fixture, view, year, profile }: HarnessProps) {
  const data = fixture.data(view);
  const council = useCouncil(fixture.dataset, view, data);
  return createElement(BriefPage, {
    dataset: fixture.dataset,
    view,
    data,
    council,
    year,
    program,
    profile,
    onClose: () => {},
  });
}

function render(fixture: CouncilFixture, stored: UrlViewState, profile: string | null = null): string {
  const { view, year } = publishedView(stored);
  return renderToStaticMarkup(createElement(Harness, { fixture, view, year, profile }));
}

function viewOf(search: string): UrlViewState {
  return decodeUrlState(search).state;
}

/** Text of the element with a data-testid, from the markup. */
function testId(html: string, id: string): string | null {
  const m = new RegExp(`data-testid="${id}"[^>]*>(.*?)</(?:dd|p|section)>`).exec(html);
  return m ? readableText(`>${m[1]!.replace(/<[^>]+>/g, '')}<`) : null;
}

describe('the brief in publish mode', () => {
  beforeAll(() => {
    initI18n('en');
    // The footer prints today's date; a day of the month ≥ 11 keeps it from looking like a small count.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-25T12:00:00Z'));
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  const fixtures = [11, 23, 57].map((seed) => councilFixture(seed, 8, 40));

  it('the scanner finds small counts outside publish mode (it can fail)', () => {
    const f = fixtures[0]!;
    // The area-year with the smallest positive count, selected: its count is printed exactly.
    let best: [number, string, number] | null = null;
    for (let a = 0; a < f.counts.length; a++)
      for (let y = 0; y < 3; y++) {
        const c = f.counts[a]!.slice(y * 12, y * 12 + 12).reduce((s, v) => s + v, 0);
        if (c >= 1 && c < 11 && (!best || c < best[2])) best = [a, String(2018 + y), c];
      }
    expect(best).not.toBeNull();
    const [a, year, c] = best!;
    const html = render(f, viewOf(`?area=A${a + 1}&time=${year}-01..${year}-12`));
    expect(testId(html, 'brief-count')).toBe(`${c} ${c === 1 ? 'incident' : 'incidents'}`);
    expect(smallNumbers(readableText(html), 11).length).toBeGreaterThan(0);
    expect(html).toContain('data-testid="brief-program"');
  });

  for (const k of [5, 10, 11]) {
    it(`k = ${k}: no number 1..${k - 1} anywhere, small counts read "<${k}", notice, no program estimates`, () => {
      let smallSeen = 0;
      for (const f of fixtures) {
        const years = ['2018', '2019', '2020', '2021'];
        const table = f.counts.map((row) =>
          years.map((_, y) => row.slice(y * 12, y * 12 + 12).reduce((s, v) => s + v, 0)),
        );
        const statuses = suppressAreaPeriodTable(table, k);
        for (const time of [null, ...years]) {
          for (const area of [null, ...f.dataset.boundaries!.ids]) {
            const search = `?publish=on&k=${k}${time ? `&time=${time}-01..${time}-12` : ''}`;
            const html = render(f, viewOf(search), area);
            const text = readableText(html);
            expect(smallNumbers(text, k), `${search} area ${area}`).toEqual([]);
            expect(testId(html, 'brief-suppression')).toMatch(
              new RegExp(`counts below ${k} other than zero`),
            );
            expect(html).not.toContain('data-testid="brief-program"');
            expect(text).toMatch(/Program estimates \(Test program\) are left out in publish mode/);
            expect(text).not.toContain('fixture.csv, ');
            if (area && time) {
              const a = f.dataset.boundaries!.ids.indexOf(area);
              const y = years.indexOf(time);
              const c = table[a]![y]!;
              const count = testId(html, 'brief-count');
              const status = statuses.cells[a * years.length + y];
              if (status === 'dropped') continue;
              if (c >= 1 && c < k) {
                smallSeen++;
                expect(count, `${area} ${time} count ${c}`).toBe(`<${k} incidents`);
                expect(testId(html, 'brief-rate')).toBe('withheld');
                expect(testId(html, 'brief-share')).toBe('withheld');
              } else if (status === 'complementary') expect(count).toBe('suppressed');
              else expect(count).toBe(`${c.toLocaleString('en-US')} ${c === 1 ? 'incident' : 'incidents'}`);
            }
          }
        }
      }
      expect(smallSeen).toBeGreaterThan(10);
    });
  }
});
