/**
 * `nearrepeat`: the Knox near-repeat test (date permutations) on incidents: observed, expected, ratio and
 * p tables with labelled distance rows and time columns, and the plain-language sentence.
 */

import { knoxTest } from '../../analysis/nearrepeat/knox-test';
import { nearRepeatSentence } from '../../analysis/nearrepeat/near-repeat-sentence';
import { formatCount, formatDecimal } from '../../analysis/privacy/count-format';
import { loadHotspotPoints } from '../../state/hotspot-pipeline';
import type { CliCommand } from '../command';
import {
  dateRangeFlags,
  importOptionsFrom,
  parseCommandArgs,
  requireString,
  UsageError,
  unitFrom,
} from '../options';
import { openSession } from '../session';
import { integerFlag } from './hotspots';

function numberList(text: string, flag: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const out = parts.map(Number);
  if (parts.some((s) => s === '') || out.some((v) => !Number.isFinite(v)))
    throw new UsageError(`${flag} must be a comma-separated list of numbers, not "${text}"`);
  return out;
}

export const nearrepeatCommand: CliCommand = {
  name: 'nearrepeat',
  usage:
    'nearrepeat --input FILE [mapping flags] [--space-bands 100,200,300,400] [--time-bands 7,14,21,28] [--permutations 999] [--seed 1] [--from D --to D] [--unit incidents|victims] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv, {
      'space-bands': { type: 'string', default: '100,200,300,400' },
      'time-bands': { type: 'string', default: '7,14,21,28' },
      permutations: { type: 'string', default: '999' },
      seed: { type: 'string', default: '1' },
    });
    const unit = unitFrom(values);
    const { from, to } = dateRangeFlags(values);
    const spaceBands = numberList(String(values['space-bands']), '--space-bands');
    const timeBands = numberList(String(values['time-bands']), '--time-bands');
    const permutations = integerFlag(values, 'permutations', 1, 99_999);
    const seed = integerFlag(values, 'seed', 0, 2 ** 31 - 1);

    const session = await openSession(requireString(values, 'input'), importOptionsFrom(values));
    const { db, table } = session;
    const points = await loadHotspotPoints(db, table, { unit, filter: { from, to } });
    await db.close();
    const r = knoxTest(
      { lon: points.lon, lat: points.lat, day: points.day },
      { spaceBands, timeBands, permutations, seed },
    );
    const sentence = nearRepeatSentence(r);
    const json = {
      statistic: 'Knox test with Monte Carlo date permutations',
      unit,
      from: from ?? null,
      to: to ?? null,
      incidents: r.incidents,
      pairsConsidered: r.pairsConsidered,
      permutations: r.permutations,
      seed: r.seed,
      spaceBands: r.spaceBands,
      timeBands: r.timeBands,
      rows: r.spaceLabels,
      columns: r.timeLabels,
      observed: r.observed,
      expected: r.expected,
      ratio: r.ratio,
      p: r.p,
      cumulative: r.cumulative,
      sentence,
    };
    const w = 14;
    const header = `${'distance \\ time'.padEnd(16)}${r.timeLabels.map((l) => l.padStart(w)).join('')}`;
    const table1 = r.spaceLabels.map(
      (label, s) =>
        `${label.padEnd(16)}${r.timeLabels
          .map((_, t) => {
            const ratio = r.ratio[s]![t]!;
            const p = r.p[s]![t]!;
            return `${formatDecimal(ratio)} (${formatDecimal(p, 3)})`.padStart(w);
          })
          .join('')}`,
    );
    const text = [
      `Knox near-repeat test on ${formatCount(r.incidents, { unit })}, ${r.permutations} permutations (seed ${r.seed}).`,
      'Knox ratio observed/expected (one-sided permutation p):',
      header,
      ...table1,
      '',
      sentence,
    ].join('\n');
    return { json, text, asJson: values.json === true };
  },
};
