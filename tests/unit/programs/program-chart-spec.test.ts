import { describe, expect, it } from 'vitest';
import {
  labelWidth,
  niceStep,
  type ProgramChartInput,
  type ProgramChartSpec,
  programChartSpec,
} from '../../../src/charts/program-chart-spec';
import { evaluateProgram } from '../../../src/state/program-evaluation';
import { bronxSeries } from '../../support/bronx-series';

/** Every vertex of an SVG path made of M/L commands. */
function vertices(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Asserts that every drawn element lies within the plot and every label within the chart (0.05 px slack for rounding). */
function expectInside(spec: ProgramChartSpec): void {
  const { plot } = spec;
  const eps = 0.05;
  for (const [name, d] of Object.entries(spec.paths)) {
    for (const [x, y] of vertices(d)) {
      if (!(x >= plot.left - eps && x <= plot.right + eps && y >= plot.top - eps && y <= plot.bottom + eps))
        throw new Error(`${name} vertex (${x}, ${y}) outside plot ${JSON.stringify(plot)}`);
    }
  }
  for (const m of spec.means) {
    expect(m.y).toBeGreaterThanOrEqual(plot.top - eps);
    expect(m.y).toBeLessThanOrEqual(plot.bottom + eps);
    expect(m.x1).toBeGreaterThanOrEqual(plot.left - eps);
    expect(m.x2).toBeLessThanOrEqual(plot.right + eps);
  }
  expect(spec.launchX).toBeGreaterThanOrEqual(plot.left);
  expect(spec.launchX).toBeLessThanOrEqual(plot.right);
  for (const l of spec.labels) {
    if (
      !(
        l.box.x >= 0 &&
        l.box.y >= 0 &&
        l.box.x + l.box.width <= spec.width &&
        l.box.y + l.box.height <= spec.height
      )
    )
      throw new Error(`label "${l.text}" box ${JSON.stringify(l.box)} outside ${spec.width}×${spec.height}`);
    // the estimate used for the box is the one the chart is laid out with
    expect(l.box.width).toBeCloseTo(labelWidth(l.text, spec.fontSize), 9);
  }
  // x labels do not overlap one another, nor do y labels
  for (const axis of ['middle', 'end'] as const) {
    const boxes = spec.labels.filter((l) => l.anchor === axis).map((l) => l.box);
    for (let i = 1; i < boxes.length; i++) {
      const a = boxes[i - 1]!;
      const b = boxes[i]!;
      const overlap =
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlap).toBe(false);
    }
  }
  // the y labels end left of the plot
  for (const l of spec.labels.filter((x) => x.anchor === 'end')) {
    expect(l.box.x + l.box.width).toBeLessThanOrEqual(plot.left);
  }
}

describe('programChartSpec', () => {
  const input: ProgramChartInput = {
    periods: ['2019-11', '2019-12', '2020-01', '2020-02', '2020-03'],
    total: [4, 6, 2, 2, 8],
    fatal: [1, 1, 0, 0, 2],
    nonfatal: [3, 5, 2, 2, 6],
    comparison: [20, 40, 30, 30, 30],
    counterfactual: [4, 6, 5, 5, 5],
    launchIndex: 2,
    windows: { pre: [0, 1], post: [3, 4], preMean: 5, postMean: 5 },
  };
  const spec = programChartSpec(input, 230, 126);

  it('scales the comparison to the catchment pre-launch total: (4 + 6) / (20 + 40) = 1/6', () => {
    expect(spec.comparisonScale).toBeCloseTo(1 / 6, 12);
  });

  it('rounds the y domain up to a grid step at or above every series', () => {
    // plot height 126 − 16 − 8 = 102 px → 2 intervals → step niceStep(8, 2) = 5 → y max 10
    expect(niceStep(8, 2)).toBe(5);
    expect(niceStep(187, 4)).toBe(50);
    expect(niceStep(0.9, 4)).toBe(0.5);
    expect(niceStep(30, 12)).toBe(5);
    expect(spec.yMax).toBe(10);
    expect(spec.yTicks.map((t) => t.label)).toEqual(['0', '5', '10']);
    expect(spec.yTicks[0]!.y).toBe(spec.plot.bottom);
    expect(spec.yTicks[2]!.y).toBe(spec.plot.top);
  });

  it('places periods evenly from left to right and the launch at its period', () => {
    const { left, right } = spec.plot;
    expect(spec.launchX).toBeCloseTo(left + (2 / 4) * (right - left), 9);
    expect(spec.paths.total.split('L')).toHaveLength(5);
    expect(spec.means.map((m) => m.label)).toEqual(['pre', 'post']);
    expect(spec.means[0]!.x1).toBe(left);
    expect(spec.means[1]!.x2).toBe(right);
    expect(spec.ticks.map((t) => t.label)).toEqual(['2019', '2020']);
    expectInside(spec);
  });

  it('shows a counterfactual up to twice the data in full', () => {
    const up = programChartSpec({ ...input, counterfactual: [4, 6, 9, 12, 15] }, 230, 126);
    // 15 ≤ 2 × 8: the domain covers it (rounded up to the 10-step grid)
    expect(up.yMax).toBe(20);
    expect(up.counterfactualOff).toBeNull();
    expect(vertices(up.paths.counterfactual)).toHaveLength(5);
    expectInside(up);
  });

  it('cuts a counterfactual far above the data at the top edge and says how high it goes', () => {
    const high = programChartSpec({ ...input, counterfactual: [4, 6, 50, 90, 200] }, 230, 126);
    // cap 2 × observed max 8 = 16 → y max 20 (step 10); 6 → 50 crosses 20 at 14/44 of the step
    expect(high.yMax).toBe(20);
    expect(high.counterfactualOff?.max).toBe(200);
    expect(high.counterfactualOff?.period).toBe('2020-03');
    const { left, right } = high.plot;
    const xAt = (i: number) => left + (i / 4) * (right - left);
    expect(high.counterfactualOff?.x).toBeCloseTo(xAt(1 + 14 / 44), 9);
    const cf = vertices(high.paths.counterfactual);
    expect(cf).toHaveLength(3);
    expect(cf[2]![1]).toBeCloseTo(high.plot.top, 1);
    expectInside(high);
    const last = high.labels.filter((l) => l.anchor === 'middle').at(-1)!;
    expect(last.text).toBe('2020');
    expect(last.box.x + last.box.width).toBeLessThanOrEqual(230);
  });

  it('widens the left margin for long y labels', () => {
    const big = programChartSpec({ ...input, total: [4000, 6000, 2000, 2000, 12000] }, 230, 126);
    expect(big.yTicks.at(-1)!.label).toBe('20,000');
    expect(big.plot.left).toBeGreaterThan(spec.plot.left);
    expectInside(big);
  });

  it('leaves absent series empty and refuses a one-period series', () => {
    const bare = programChartSpec(
      { ...input, comparison: null, counterfactual: null, windows: null },
      230,
      126,
    );
    expect(bare.paths.comparison).toBe('');
    expect(bare.paths.counterfactual).toBe('');
    expect(bare.means).toEqual([]);
    expect(() => programChartSpec({ ...input, periods: ['2020-01'] }, 230, 126)).toThrow(RangeError);
  });
});

describe('programChartSpec on real evaluations (NYPD Bronx precincts, monthly)', () => {
  // 40+42 vs the other Bronx precincts, launch 2013-01 (14 years, ITS counterfactual over 7 years);
  // 44 alone with a launch late in the series (short post-period: the counterfactual is extrapolated
  // furthest above the observed counts); and 52 with a 2-year pre-period.
  // Precinct 45 with a 2008 launch: a steep 2006-2007 rise projected over 12 years puts the ITS
  // counterfactual at hundreds of times the observed counts; it must be cut at the top, not run off.
  const cases = [
    bronxSeries([40, 42], [41, 43, 44, 45, 46, 47, 48, 49, 50, 52], '2013-01'),
    bronxSeries([45], [46, 47, 48], '2008-01'),
    bronxSeries([44], [46, 47, 48], '2019-03'),
    bronxSeries([52], [46, 47, 48], '2012-01', { from: 48, to: 168 }),
  ];
  for (const series of cases) {
    const ev = evaluateProgram(series, { methods: ['prepost', 'its'] });
    const catchment = series.units[0]!;
    const comparison = Float64Array.from(catchment.total, (_, i) =>
      series.units.slice(1).reduce((a, u) => a + u.total[i]!, 0),
    );
    const pp = ev.prePost?.ok ? ev.prePost.value : null;
    const chartInput: ProgramChartInput = {
      periods: series.periods,
      total: catchment.total,
      fatal: catchment.fatal,
      nonfatal: catchment.total,
      comparison,
      counterfactual: ev.its?.ok ? ev.its.value.counterfactual : null,
      launchIndex: series.launchIndex,
      windows: pp
        ? { pre: pp.preWindow, post: pp.postWindow, preMean: pp.preRate, postMean: pp.postRate }
        : null,
    };
    for (const [w, h, font] of [
      [284, 190, 10],
      [1200, 520, 12],
    ] as const) {
      it(`${catchment.label}, launch ${series.periods[series.launchIndex]}, ${w}×${h}: every line inside the plot, every label inside the chart`, () => {
        expect(ev.its?.ok).toBe(true);
        const spec = programChartSpec(chartInput, w, h, { fontSize: font });
        const cf = vertices(spec.paths.counterfactual);
        const its = ev.its?.ok ? ev.its.value : null;
        const high =
          Math.max(...its!.counterfactual) >
          2 * Math.max(...catchment.total, ...comparison.map((v) => v * (spec.comparisonScale ?? 0)));
        if (high) {
          expect(spec.counterfactualOff).not.toBeNull();
          expect(spec.counterfactualOff!.max).toBe(Math.max(...its!.counterfactual));
        } else {
          // shown in full: one vertex per period
          expect(spec.counterfactualOff).toBeNull();
          expect(cf).toHaveLength(series.periods.length);
        }
        expectInside(spec);
      });
    }
  }
});
