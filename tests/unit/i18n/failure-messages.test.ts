/**
 * Why an estimator could not run exists in every language: each `failure:` key the source emits (and the
 * synthetic control's convex-hull note) has an English text, the Spanish rendering of each leaves no
 * placeholder and is not the English one, the English the command line prints is what it always was, and
 * a real evaluation that fails carries its reason as a message that survives a worker boundary (a
 * structured clone) and is written in Spanish in a Spanish interface.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingText } from '../../../src/analysis/evaluation/evaluation-reading';
import { buildCountPanel } from '../../../src/analysis/evaluation/panel/count-panel';
import { evaluateNetwork } from '../../../src/analysis/evaluation/panel/network-evaluation';
import { syntheticControl } from '../../../src/analysis/evaluation/synthetic-control';
import { englishText } from '../../../src/analysis/messages/english';
import { type Message, msg } from '../../../src/analysis/messages/message';
import { failureError, failureOf, MessageError } from '../../../src/analysis/messages/message-error';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import { evaluateProgram, programReading } from '../../../src/state/program-evaluation';
import { initI18n } from '../../../src/ui/i18n';
import { errorText, messageText } from '../../../src/ui/i18n/use-message';
import { bronxSeries } from '../../support/bronx-series';
import { messageCatalogue, PLURAL } from '../../support/message-catalogue';
import { nypdPanel } from '../network/fixture';

const ENGLISH = new Map<string, string>(
  ['failure', 'panel'].flatMap((ns) =>
    [...messageCatalogue(ns)].map(([k, v]) => [`${ns}:${k.replace(PLURAL, '')}`, v] as const),
  ),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sourceFiles(path)
      : /\.tsx?$/.test(name) && !name.endsWith('.d.ts')
        ? [path]
        : [];
  });
}

/** Keys built in a template string: the literal prefix and every ending the code can give it. */
const TEMPLATES: Record<string, readonly string[]> = {
  'failure:step.': ['month', 'quarter', 'year'],
  'failure:synth.needsPopulation.': ['rate', 'log'],
  'failure:panelFile.notNumber.': ['count', 'population'],
  'panel:convex-hull.': ['above', 'below', 'aboveDemeaned', 'belowDemeaned'],
};

/** Template keys of the source with no entry in {@link TEMPLATES}. */
const unlisted: string[] = [];

/** Every failure key written in the source, and the convex-hull note's keys. */
function emittedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(process.cwd(), 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'(failure:[A-Za-z]+(?:\.[A-Za-z]+)+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/`(failure:[A-Za-z.]+\.|panel:convex-hull\.)\$\{/g)) {
      const endings = TEMPLATES[m[1]!];
      if (!endings) unlisted.push(`${m[1]} in ${file}`);
      for (const e of endings ?? []) keys.add(`${m[1]}${e}`);
    }
  }
  return [...keys].sort();
}

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))].sort();

/** A message of `key` with each placeholder filled (a step as its own message, the rest as text). */
function filled(key: string): Message {
  const values: Record<string, string | Message> = {};
  for (const p of placeholders(ENGLISH.get(key) ?? ''))
    values[p] = p === 'step' ? msg('failure:step.month') : '7';
  return msg(key, values);
}

describe('failure messages', () => {
  const emitted = emittedKeys();

  it('have an English text for every key the source emits', () => {
    expect(emitted.length).toBeGreaterThan(50);
    // A key built in a template string must be listed in TEMPLATES with its endings.
    expect(unlisted).toEqual([]);
    expect(emitted.filter((k) => !ENGLISH.has(k))).toEqual([]);
    // Every failure key of the catalogue is used (no stale entries).
    const used = new Set(emitted);
    expect([...ENGLISH.keys()].filter((k) => k.startsWith('failure:') && !used.has(k))).toEqual([]);
  });

  it('print the English they always printed', () => {
    expect(() => syntheticControl([1, 2, 3, 4], [[1, 2, 3, 4]], 2)).toThrow(/^need at least 2 donor units$/);
    expect(() =>
      buildCountPanel(
        [
          { unit: 'A', period: '2020-01-15', count: 1 },
          { unit: 'A', period: '2020-01-20', count: 2 },
        ],
        { step: 'month', duplicates: 'error' },
      ),
    ).toThrow(/^row 2: unit "A" period 2020-01 appears twice$/);
    expect(() => buildCountPanel([{ unit: 'A', period: '2020-13', count: 1 }], { step: 'quarter' })).toThrow(
      /^row 1: period "2020-13" is not a quarter \(or a date inside one\)$/,
    );
    expect(
      englishText(
        msg('failure:panelFile.inFile', {
          name: 'panel.csv',
          detail: msg('failure:panelFile.noPopulation', { unit: '12', period: '2019' }),
        }),
      ),
    ).toBe('"panel.csv": unit "12" has no row (so no population) for period 2019');
    expect(englishText(msg('panel:convex-hull.aboveDemeaned', { periods: '9', of: '10' }))).toBe(
      "The treated unit is above every donor in 9 of 10 pre-launch periods: it lies outside the donors' convex hull, so no weighted average of donors matches its level; the demeaned fit matches its shape around its own mean instead.",
    );
    expect(englishText(msg('failure:glm.separation', { rows: '1234' }))).toBe(
      'separation: fitted means tend to 0 for 1234 rows (a group of rows with all-zero counts, e.g. a unit or period with no events); drop or merge that group',
    );
  });

  describe('in a Spanish interface', () => {
    beforeAll(() => initI18n('es'));
    afterAll(() => {
      void i18next.changeLanguage('en');
      setFormatLocale('en');
    });

    it('leave no key or placeholder and are not the English text', () => {
      const problems: string[] = [];
      for (const key of emitted) {
        const m = filled(key);
        const es = messageText(m);
        if (es.includes('{{') || /\b(failure|panel):/.test(es) || es === key.split(':')[1])
          problems.push(`${key}: ${es}`);
        if (es === englishText(m)) problems.push(`${key} is English: ${es}`);
      }
      expect(problems).toEqual([]);
    });

    it('a DiD without comparison areas fails with a reason written in Spanish, after a worker boundary', () => {
      // Precinct 44 (NYPD, Bronx) with no comparison precinct: DiD, WDD and the synthetic control cannot run.
      const e = structuredClone(evaluateProgram(bronxSeries([44], [], '2013-01')));
      expect(e.did).toMatchObject({ ok: false, error: 'DiD needs at least one comparison unit' });
      expect(e.wdd).toMatchObject({ ok: false, error: 'WDD needs at least one comparison unit' });
      expect(e.synth).toMatchObject({
        ok: false,
        error: 'the synthetic control needs at least 2 donor units',
      });
      if (e.did?.ok !== false || e.synth?.ok !== false) throw new Error('expected failures');
      expect(messageText(e.did.errorMessage!)).toBe(
        'la diferencia en diferencias necesita al menos una unidad de comparación',
      );
      expect(messageText(e.synth.errorMessage!)).toBe(
        'el control sintético necesita al menos 2 unidades donantes',
      );
      // The pre/post estimate still ran.
      expect(e.prePost?.ok).toBe(true);
      // The plain-language reading gives the same reason, in Spanish here and in English on the command line.
      const did = (write: (m: Message) => string) =>
        readingText(programReading(e), write).designs.find((d) => d.design === 'did')!.reasons;
      expect(did(messageText)).toEqual([
        'No se calculó: la diferencia en diferencias necesita al menos una unidad de comparación.',
      ]);
      expect(did(englishText)).toEqual(['Not computed: DiD needs at least one comparison unit.']);
      // Rebuilt on the main thread, the error is written in Spanish and keeps its English text.
      const again = failureError(e.did);
      expect(again).toBeInstanceOf(MessageError);
      expect(again.message).toBe('DiD needs at least one comparison unit');
      expect(errorText(again)).toBe(
        'la diferencia en diferencias necesita al menos una unidad de comparación',
      );
    });

    it('a network with no never-treated precinct: the extended estimator says why, in Spanish', () => {
      // Every NYPD precinct launched in 2010, 2012 or 2014: there is no never-treated control.
      const panel = nypdPanel();
      const sites = panel.units.map((unit, i) => ({ unit, start: `${2010 + 2 * (i % 3)}-01-01` }));
      const r = structuredClone(evaluateNetwork(panel, sites));
      expect(r.errors.etwfe).toBe(
        'the extended estimator needs never-treated units as controls; the panel has none',
      );
      expect(messageText(r.errorMessages.etwfe!)).toBe(
        'el estimador extendido necesita unidades que nunca recibieron el programa como controles; el panel no tiene ninguna',
      );
      // Only the steps that failed have a reason.
      expect(Object.keys(r.errorMessages).sort()).toEqual(Object.keys(r.errors).sort());
    });

    it('an error without a message is shown as its own text', () => {
      expect(failureOf(new RangeError('plain'))).toEqual({ error: 'plain' });
      expect(errorText(failureError({ error: 'plain' }))).toBe('plain');
    });
  });
});
