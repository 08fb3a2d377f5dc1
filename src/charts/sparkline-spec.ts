/**
 * Geometry of a sparkline: a polyline through a short series scaled into a small box, with optional
 * horizontal reference lines (e.g. z = ±1.96). Pure, so it can be tested without a DOM.
 */

/** Options of {@link sparklineSpec}. */
export interface SparklineOptions {
  width: number;
  height: number;
  /** Inner padding in pixels. Default 3. */
  padding?: number;
  /** Values that must be inside the y range and get a reference line (e.g. [-1.96, 0, 1.96]). */
  references?: readonly number[];
}

/** Result of {@link sparklineSpec}. */
export interface SparklineSpec {
  /** SVG path `M x y L x y …` through the finite values (gaps start a new `M`). */
  path: string;
  /** Pixel position of each point (NaN y for non-finite values). */
  points: { x: number; y: number }[];
  /** Reference lines: value and pixel y. */
  references: { value: number; y: number }[];
  /** The y domain used. */
  domain: [number, number];
}

/** Scales `values` (time order) into a `width` × `height` box. */
export function sparklineSpec(values: ArrayLike<number>, options: SparklineOptions): SparklineSpec {
  const pad = options.padding ?? 3;
  const refs = options.references ?? [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  for (const r of refs) {
    lo = Math.min(lo, r);
    hi = Math.max(hi, r);
  }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  if (hi === lo) {
    hi += 0.5;
    lo -= 0.5;
  }
  const n = values.length;
  const xOf = (i: number) => pad + (n <= 1 ? 0 : (i / (n - 1)) * (options.width - 2 * pad));
  const yOf = (v: number) => pad + ((hi - v) / (hi - lo)) * (options.height - 2 * pad);
  const points: { x: number; y: number }[] = [];
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const p = { x: xOf(i), y: Number.isFinite(v) ? yOf(v) : Number.NaN };
    points.push(p);
    if (Number.isFinite(p.y)) {
      parts.push(`${pen ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`);
      pen = true;
    } else pen = false;
  }
  return {
    path: parts.join(' '),
    points,
    references: refs.map((value) => ({ value, y: yOf(value) })),
    domain: [lo, hi],
  };
}
