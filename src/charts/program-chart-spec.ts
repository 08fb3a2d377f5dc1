/**
 * Geometry of the program chart: the catchment's counts per period (all, fatal, non-fatal), the
 * comparison units' total scaled to the catchment's pre-launch level (so parallel pre-trends look
 * parallel), the interrupted-time-series counterfactual, the launch and the pre/post window means. Pure,
 * so the layout is tested without a browser.
 */

/** Inputs of {@link programChartSpec}; every series has one value per period. */
export interface ProgramChartInput {
  /** Period labels (`YYYY-MM` or `YYYY-Qn`). */
  periods: readonly string[];
  total: ArrayLike<number>;
  fatal: ArrayLike<number>;
  nonfatal: ArrayLike<number>;
  /** Sum of the comparison units, or null. */
  comparison: ArrayLike<number> | null;
  /** ITS counterfactual (expected counts without the program), or null. */
  counterfactual: ArrayLike<number> | null;
  launchIndex: number;
  /** Pre and post windows (inclusive indexes) with their mean per period, or null. */
  windows: { pre: [number, number]; post: [number, number]; preMean: number; postMean: number } | null;
}

/** Layout of the chart. */
export interface ProgramChartSpec {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yMax: number;
  /** SVG path data, one per series ('' when absent). */
  paths: { total: string; fatal: string; nonfatal: string; comparison: string; counterfactual: string };
  /** Factor applied to the comparison series (catchment pre total / comparison pre total). */
  comparisonScale: number | null;
  launchX: number;
  means: { x1: number; x2: number; y: number; label: 'pre' | 'post' }[];
  ticks: { x: number; label: string }[];
}

/** Builds the chart layout for a given size in CSS pixels. */
export function programChartSpec(input: ProgramChartInput, width: number, height: number): ProgramChartSpec {
  const n = input.periods.length;
  if (n < 2) throw new RangeError('the chart needs at least two periods');
  const plot = { left: 30, right: width - 6, top: 8, bottom: height - 18 };
  const x = (i: number) => plot.left + (i / (n - 1)) * (plot.right - plot.left);
  let comparisonScale: number | null = null;
  let comparison: Float64Array | null = null;
  if (input.comparison) {
    let pre = 0;
    let cmpPre = 0;
    for (let i = 0; i < input.launchIndex; i++) {
      pre += input.total[i]!;
      cmpPre += input.comparison[i]!;
    }
    if (cmpPre > 0) {
      comparisonScale = pre / cmpPre;
      comparison = Float64Array.from({ length: n }, (_, i) => input.comparison![i]! * comparisonScale!);
    }
  }
  // The y range follows the observed series; a counterfactual that runs far above them (a pre-launch
  // trend projected over many years) is clipped at 1.5 times their maximum rather than squashing them.
  let observedMax = 0;
  for (const s of [input.total, comparison]) {
    if (!s) continue;
    for (let i = 0; i < n; i++) observedMax = Math.max(observedMax, s[i]!);
  }
  let yMax = observedMax;
  if (input.counterfactual) {
    for (let i = 0; i < n; i++) yMax = Math.max(yMax, Math.min(input.counterfactual[i]!, 1.5 * observedMax));
  }
  yMax = yMax > 0 ? yMax : 1;
  const y = (v: number) => plot.bottom - (v / yMax) * (plot.bottom - plot.top);
  const path = (s: ArrayLike<number> | null) => {
    if (!s) return '';
    let d = '';
    for (let i = 0; i < n; i++) d += `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(s[i]!).toFixed(1)}`;
    return d;
  };
  const means: ProgramChartSpec['means'] = input.windows
    ? [
        {
          x1: x(input.windows.pre[0]),
          x2: x(input.windows.pre[1]),
          y: y(input.windows.preMean),
          label: 'pre',
        },
        {
          x1: x(input.windows.post[0]),
          x2: x(input.windows.post[1]),
          y: y(input.windows.postMean),
          label: 'post',
        },
      ]
    : [];
  const ticks: ProgramChartSpec['ticks'] = [];
  let lastYear = '';
  for (let i = 0; i < n; i++) {
    const year = input.periods[i]!.slice(0, 4);
    if (year !== lastYear) {
      ticks.push({ x: x(i), label: year });
      lastYear = year;
    }
  }
  const step = Math.max(1, Math.ceil(ticks.length / Math.max(1, Math.floor((plot.right - plot.left) / 34))));
  return {
    width,
    height,
    plot,
    yMax,
    paths: {
      total: path(input.total),
      fatal: path(input.fatal),
      nonfatal: path(input.nonfatal),
      comparison: path(comparison),
      counterfactual: path(input.counterfactual),
    },
    comparisonScale,
    launchX: x(input.launchIndex),
    means,
    ticks: ticks.filter((_, i) => i % step === 0),
  };
}
