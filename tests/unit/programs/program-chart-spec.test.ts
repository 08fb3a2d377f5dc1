import { describe, expect, it } from 'vitest';
import { programChartSpec } from '../../../src/charts/program-chart-spec';

describe('programChartSpec', () => {
  const input = {
    periods: ['2019-11', '2019-12', '2020-01', '2020-02', '2020-03'],
    total: [4, 6, 2, 2, 8],
    fatal: [1, 1, 0, 0, 2],
    nonfatal: [3, 5, 2, 2, 6],
    comparison: [20, 40, 30, 30, 30],
    counterfactual: [4, 6, 5, 5, 5],
    launchIndex: 2,
    windows: { pre: [0, 1] as [number, number], post: [3, 4] as [number, number], preMean: 5, postMean: 5 },
  };
  const spec = programChartSpec(input, 230, 126);

  it('scales the comparison to the catchment pre-launch total: (4 + 6) / (20 + 40) = 1/6', () => {
    expect(spec.comparisonScale).toBeCloseTo(1 / 6, 12);
    // y max: the largest of total (8), scaled comparison (40/6) and counterfactual (6)
    expect(spec.yMax).toBe(8);
  });

  it('places periods evenly from left to right and the launch at its period', () => {
    // plot 30..224 over 4 steps of 48.5 px
    expect(spec.launchX).toBeCloseTo(30 + 2 * 48.5, 9);
    expect(spec.paths.total.startsWith('M30.0,')).toBe(true);
    expect(spec.paths.total.split('L')).toHaveLength(5);
    // y of 8 (the max) is the plot top, 8 px
    expect(spec.paths.total.endsWith('L224.0,8.0')).toBe(true);
  });

  it('draws the window means over their windows and one tick per year', () => {
    expect(spec.means.map((m) => [m.label, m.x1, m.x2])).toEqual([
      ['pre', 30, 78.5],
      ['post', 175.5, 224],
    ]);
    expect(spec.ticks.map((t) => t.label)).toEqual(['2019', '2020']);
  });

  it('clips a counterfactual far above the data at 1.5 times the observed maximum', () => {
    const high = programChartSpec({ ...input, counterfactual: [4, 6, 50, 90, 200] }, 230, 126);
    expect(high.yMax).toBe(12);
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
