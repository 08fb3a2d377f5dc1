/**
 * Program evaluation on the synthetic demo city, whose planted effects are known exactly
 * (data/demo/truth.json: per month, the incidents observed in each catchment and in the same seed's
 * no-program world). The realised effect is observed / counterfactual after launch.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readingText } from '../../src/analysis/evaluation/evaluation-reading';
import { englishText } from '../../src/analysis/messages/english';
import type { Connector } from '../../src/data/connector';
import { importIncidents } from '../../src/data/import-incidents';
import { parseBoundaries } from '../../src/data/loaders/boundaries';
import {
  evaluateProgram,
  type ProgramEvaluation,
  programPlaces,
  programReading,
  programSeries,
} from '../../src/state/program-evaluation';
import { programsFromDemo } from '../../src/state/programs';
import { sharedEngine } from '../support/engine';
import { inEnglish } from '../support/english';
import { repoRoot } from '../support/shared-data';

/** The geometry, or why the program cannot be evaluated in English. */
const programGeometry = (...a: Parameters<typeof programPlaces>) => inEnglish(programPlaces(...a));

const demo = (name: string) => path.join(repoRoot, 'data/demo', name);

interface TruthProgram {
  id: string;
  launch: string;
  monthly: { month: string; observed: number; counterfactual: number }[];
}
const truth = JSON.parse(readFileSync(demo('truth.json'), 'utf8')) as { programs: TruthProgram[] };

/** Realised effect: observed / counterfactual incidents over months [from, to) counted from launch. */
function realised(id: string, from: number, to = Number.POSITIVE_INFINITY): number {
  const p = truth.programs.find((x) => x.id === id)!;
  const launch = p.monthly.findIndex((m) => m.month === p.launch.slice(0, 7));
  const seg = p.monthly.slice(launch + from, Number.isFinite(to) ? launch + to : undefined);
  return seg.reduce((s, m) => s + m.observed, 0) / seg.reduce((s, m) => s + m.counterfactual, 0);
}

const covers = (i: { lower: number; upper: number }, x: number) => i.lower <= x && x <= i.upper;

describe('evaluation on the demo city recovers the planted effects', () => {
  let db: Connector;
  const results = new Map<string, ProgramEvaluation>();

  beforeAll(async () => {
    db = await sharedEngine();
    await importIncidents(
      db,
      { name: 'incidents.csv', bytes: readFileSync(demo('incidents.csv')) },
      { table: 'demo_eval', today: '2026-11-27' },
    );
    const layer = parseBoundaries('neighborhoods', readFileSync(demo('neighborhoods.geojson'), 'utf8'));
    const programs = programsFromDemo(JSON.parse(readFileSync(demo('programs.json'), 'utf8')));
    for (const program of programs) {
      const geometry = programGeometry(program, { features: layer.features, idProperty: 'id' });
      if (typeof geometry === 'string') throw new Error(geometry);
      const series = await programSeries(db, 'demo_eval', geometry, { launch: program.launch });
      results.set(program.id, evaluateProgram(series));
    }
  });

  it('counts exactly the catchment incidents the generator recorded, month by month (zeros included)', () => {
    for (const p of truth.programs) {
      const e = results.get(p.id)!;
      expect(e.series.periods).toEqual(p.monthly.map((m) => m.month));
      expect(Array.from(e.series.units[0]!.total)).toEqual(p.monthly.map((m) => m.observed));
      expect(e.series.units.map((u) => u.role)).toEqual([
        'catchment',
        'comparison',
        'comparison',
        'comparison',
        'buffer',
      ]);
    }
  });

  it('program A (x0.70 from launch): ITS level change and DiD intervals cover the realised effect', () => {
    const e = results.get('program-a')!;
    const truthA = realised('program-a', 0); // 718/1090 = 0.659
    expect(truthA).toBeCloseTo(0.659, 3);
    expect(e.its?.ok && covers(e.its.value.levelChange.interval, truthA)).toBe(true);
    expect(e.did?.ok && covers(e.did.value.effect.interval, truthA)).toBe(true);
    // The DiD is also the closest point estimate: within 0.05 of the truth.
    expect(e.did?.ok && Math.abs(e.did.value.effect.irr - truthA)).toBeLessThan(0.05);
    expect(e.did?.ok && e.did.value.effect.interval.upper).toBeLessThan(1);
  });

  it('program A: pre/post alone is pulled up by the city-wide 2020-21 rise and misses the effect', () => {
    // Documented limitation, not a tolerance: the demo city's year factors rise from 0.92-0.94
    // (2018-19) to 1.18-1.24 (2020-21), so the catchment's post/pre ratio mixes that rise with the
    // program. The comparison units' own ratio over the same windows shows the rise.
    const e = results.get('program-a')!;
    expect(e.prePost?.ok).toBe(true);
    if (!e.prePost?.ok) return;
    const pp = e.prePost.value;
    expect(pp.interval.lower).toBeGreaterThan(realised('program-a', 0));
    expect(pp.interval.upper).toBeLessThan(1);
    const [a0, a1] = pp.preWindow;
    const [b0, b1] = pp.postWindow;
    let pre = 0;
    let post = 0;
    for (const u of e.series.units.filter((x) => x.role === 'comparison')) {
      for (let t = a0; t <= a1; t++) pre += u.total[t]!;
      for (let t = b0; t <= b1; t++) post += u.total[t]!;
    }
    expect(post / pre).toBeGreaterThan(1.1);
  });

  it('program B (no effect): pre/post, ITS level change and DiD intervals all cover 1', () => {
    const e = results.get('program-b')!;
    expect(realised('program-b', 0)).toBe(1);
    expect(e.prePost?.ok && covers(e.prePost.value.interval, 1)).toBe(true);
    expect(e.its?.ok && covers(e.its.value.levelChange.interval, 1)).toBe(true);
    expect(e.did?.ok && covers(e.did.value.effect.interval, 1)).toBe(true);
    expect(e.synth?.ok && e.synth.value.pValue).toBeGreaterThan(0.05);
  });

  it('program C (x0.65 for two years, then none): the event study recovers the first two years and the return to 1', () => {
    const e = results.get('program-c')!;
    expect(e.did?.ok).toBe(true);
    if (!e.did?.ok) return;
    const years = e.did.value.eventStudy!.years;
    const year = (k: number) => years.find((y) => y.year === k)!;
    const y0 = realised('program-c', 0, 12); // 0.561
    const y1 = realised('program-c', 12, 24); // 0.497
    expect(covers(year(0).interval, y0)).toBe(true);
    expect(covers(year(1).interval, y1)).toBe(true);
    expect(year(0).interval.upper).toBeLessThan(1);
    expect(year(1).interval.upper).toBeLessThan(1);
    for (const k of [2, 3, 4, 5]) expect(covers(year(k).interval, 1)).toBe(true);
    // Over the whole post period the effect is diluted (779/929 = 0.839) and the DiD covers it.
    expect(covers(e.did.value.effect.interval, realised('program-c', 0))).toBe(true);
  });

  it('gives the guardrails beside the numbers', () => {
    const e = results.get('program-a')!;
    const ids = e.guardrails.map((g) => g.id);
    for (const id of [
      'pre-period',
      'events-per-unit',
      'pre-trend',
      'donor-fit',
      'fatal-nonfatal',
      'control-size',
      'buffer-overlap',
    ]) {
      expect(ids).toContain(id);
    }
    expect(e.guardrails.find((g) => g.id === 'pre-period')!.text).toMatch(/^54 months/);
    // Comparison neighborhoods are chosen outside the displacement buffer of every catchment.
    expect(e.guardrails.find((g) => g.id === 'buffer-overlap')!.status).toBe('ok');
  });

  it('the plain reading trusts a comparison design and finds program A’s planted decline, and none for program B', () => {
    // Written in English from the English catalogue, as the command line prints it.
    const read = (e: Parameters<typeof programReading>[0]) => readingText(programReading(e), englishText);
    const a = read(results.get('program-a')!);
    expect(['did', 'synth']).toContain(a.preferred);
    expect(a.rules).toContain('relative-decline');
    expect(a.headline).toMatch(
      /^Relative to the comparison areas, incidents in the catchment fell after launch/,
    );
    const b = read(results.get('program-b')!);
    expect(['did', 'synth']).toContain(b.preferred);
    expect(b.rules).not.toContain('relative-decline');
    expect(b.rules).not.toContain('relative-increase');
    for (const r of [a, b]) {
      // every design that ran is in the side-by-side sentence and has a status
      expect(r.designs).toHaveLength(5);
      for (const d of r.designs.filter((x) => x.status !== 'not-run'))
        expect(r.sideBySide).toContain(d.estimate);
    }
  });
});
