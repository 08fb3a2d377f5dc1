/**
 * Geometry of the program chart: the catchment's counts per period (all, fatal, non-fatal), the
 * comparison units' total scaled to the catchment's pre-launch level (so parallel pre-trends look
 * parallel), the interrupted-time-series counterfactual, the launch and the pre/post window means. Pure,
 * so the layout is tested without a browser.
 *
 * Scale: the y domain runs from 0 to a rounded value at or above every observed series, the window means
 * and the counterfactual, except that a counterfactual rising above `counterfactualCap` times the
 * largest observed value (a pre-launch trend projected over many years) does not stretch the scale: it
 * is drawn up to the top edge, cut there (no line leaves the plot), and reported in `counterfactualOff`
 * so the chart can say how high it goes. Margins are computed from
 * the labels: the left margin fits the widest y label, the right margin half a year label, the bottom
 * one line of text; each label's box (estimated from its length at the given font size) lies inside the
 * chart, and year labels that would overlap are thinned.
 */
import { formatCount, formatDecimal } from '../analysis/privacy/count-format';

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

/** Options of {@link programChartSpec}. */
export interface ProgramChartOptions {
  /** Axis label font size in CSS pixels. Default 10. */
  fontSize?: number;
  /** Largest counterfactual shown in full, as a multiple of the largest observed value. Default 2. */
  counterfactualCap?: number;
}

/** An axis label with its estimated box (x, y are the box's top-left corner). */
export interface ChartLabel {
  text: string;
  /** Anchor point of the text as drawn. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: { x: number; y: number; width: number; height: number };
}

/** Layout of the chart. */
export interface ProgramChartSpec {
  width: number;
  height: number;
  fontSize: number;
  plot: { left: number; right: number; top: number; bottom: number };
  yMax: number;
  /** SVG path data, one per series ('' when absent). */
  paths: { total: string; fatal: string; nonfatal: string; comparison: string; counterfactual: string };
  /** Factor applied to the comparison series (catchment pre total / comparison pre total). */
  comparisonScale: number | null;
  launchX: number;
  means: { x1: number; x2: number; y: number; label: 'pre' | 'post' }[];
  /** Year ticks on the x axis, with their labels. */
  ticks: { x: number; label: string }[];
  /** Horizontal grid lines on the y axis (0 first). */
  yTicks: { y: number; value: number; label: string }[];
  /** Every axis label with its box, for drawing and for checking that nothing is clipped. */
  labels: ChartLabel[];
  /**
   * When the counterfactual rises above the scale: its largest value, the period where it does, and the
   * x where it first leaves the plot (null when it is shown in full).
   */
  counterfactualOff: { max: number; period: string; x: number } | null;
}

/** Estimated width of a label: digits and most letters of the UI's sans-serif font are at most 0.62 em. */
export function labelWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

/** A round step (1, 2 or 5 × 10^k) that divides `max` into about `count` intervals. */
export function niceStep(max: number, count: number): number {
  const raw = max / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return factor * magnitude;
}

function seriesMax(values: ArrayLike<number> | null, n: number): number {
  let m = 0;
  if (!values) return m;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (Number.isFinite(v) && v > m) m = v;
  }
  return m;
}

/** Builds the chart layout for a given size in CSS pixels. */
export function programChartSpec(
  input: ProgramChartInput,
  width: number,
  height: number,
  options: ProgramChartOptions = {},
): ProgramChartSpec {
  const n = input.periods.length;
  if (n < 2) throw new RangeError('the chart needs at least two periods');
  const fontSize = options.fontSize ?? 10;
  const lineHeight = Math.ceil(fontSize * 1.2);
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

  const top = Math.ceil(lineHeight / 2) + 2;
  const bottom = height - lineHeight - 4;
  const observedMax = Math.max(
    ...[input.total, input.fatal, input.nonfatal, comparison].map((s) => seriesMax(s, n)),
    input.windows && Number.isFinite(input.windows.preMean) ? input.windows.preMean : 0,
    input.windows && Number.isFinite(input.windows.postMean) ? input.windows.postMean : 0,
  );
  const cap = (options.counterfactualCap ?? 2) * (observedMax > 0 ? observedMax : 1);
  const cfMax = seriesMax(input.counterfactual, n);
  let dataMax = Math.max(observedMax, Math.min(cfMax, cap));
  if (!(dataMax > 0)) dataMax = 1;
  const step = niceStep(dataMax, Math.max(2, Math.floor((bottom - top) / 36)));
  const yMax = Math.ceil(dataMax / step - 1e-9) * step;
  const decimals = Number.isInteger(step) ? 0 : step * 10 === Math.round(step * 10) ? 1 : 2;
  const format = (v: number) => (decimals === 0 ? formatCount(v) : formatDecimal(v, decimals));
  const yValues: number[] = [];
  for (let k = 0; k * step <= yMax + step * 1e-9; k++) yValues.push(k * step);
  const yLabelWidth = Math.max(...yValues.map((v) => labelWidth(format(v), fontSize)));

  const yearWidth = labelWidth('0000', fontSize);
  const left = Math.ceil(yLabelWidth) + 8;
  const right = width - Math.ceil(yearWidth / 2) - 2;
  const plot = { left, right, top, bottom };
  const x = (i: number) => plot.left + (i / (n - 1)) * (plot.right - plot.left);
  const y = (v: number) => plot.bottom - (v / yMax) * (plot.bottom - plot.top);
  // A polyline cut at the top edge: segments above it are left out, crossings end or restart the line.
  const path = (s: ArrayLike<number> | null) => {
    if (!s) return '';
    let d = '';
    let penDown = false;
    const pt = (cmd: 'M' | 'L', px: number, py: number) => {
      d += `${cmd}${px.toFixed(1)},${py.toFixed(1)}`;
    };
    for (let i = 0; i < n; i++) {
      const v = s[i]!;
      const inside = v <= yMax;
      if (i > 0) {
        const u = s[i - 1]!;
        const wasInside = u <= yMax;
        if (wasInside !== inside) {
          const f = (yMax - u) / (v - u);
          pt(wasInside ? 'L' : 'M', x(i - 1 + f), plot.top);
          penDown = !wasInside;
        }
      }
      if (inside) {
        pt(penDown ? 'L' : 'M', x(i), y(v));
        penDown = true;
      }
    }
    return d;
  };
  let counterfactualOff: ProgramChartSpec['counterfactualOff'] = null;
  if (input.counterfactual && cfMax > yMax) {
    let first = -1;
    let peak = 0;
    for (let i = 0; i < n; i++) {
      const v = input.counterfactual[i]!;
      if (first < 0 && v > yMax) first = i;
      if (v > input.counterfactual[peak]!) peak = i;
    }
    const u = first > 0 ? input.counterfactual[first - 1]! : yMax;
    const v = input.counterfactual[first]!;
    const xExit = first > 0 && u <= yMax ? x(first - 1 + (yMax - u) / (v - u)) : x(first);
    counterfactualOff = { max: cfMax, period: input.periods[peak]!, x: xExit };
  }
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

  const labels: ChartLabel[] = [];
  const yTicks = yValues.map((value) => {
    const label = format(value);
    const ty = y(value);
    const w = labelWidth(label, fontSize);
    labels.push({
      text: label,
      x: plot.left - 5,
      y: ty,
      anchor: 'end',
      box: { x: plot.left - 5 - w, y: ty - lineHeight / 2, width: w, height: lineHeight },
    });
    return { y: ty, value, label };
  });

  const years: { x: number; label: string }[] = [];
  let lastYear = '';
  for (let i = 0; i < n; i++) {
    const year = input.periods[i]!.slice(0, 4);
    if (year !== lastYear) {
      years.push({ x: x(i), label: year });
      lastYear = year;
    }
  }
  // Keep every k-th year so that neighbouring labels are at least one label width plus a gap apart.
  const gap = yearWidth + 6;
  const spacing = years.length > 1 ? years[1]!.x - years[0]!.x : Number.POSITIVE_INFINITY;
  const every = Math.max(1, Math.ceil(gap / Math.max(1e-9, spacing)));
  const ticks = years.filter((_, i) => i % every === 0);
  for (const t of ticks) {
    const w = labelWidth(t.label, fontSize);
    const cx = Math.min(Math.max(t.x, w / 2), width - w / 2);
    labels.push({
      text: t.label,
      x: cx,
      y: height - 4,
      anchor: 'middle',
      box: { x: cx - w / 2, y: height - 4 - fontSize, width: w, height: fontSize },
    });
  }

  return {
    width,
    height,
    fontSize,
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
    ticks,
    yTicks,
    labels,
    counterfactualOff,
  };
}
