/**
 * Geometry of a small line chart of one or more series over the same periods, optionally indexed (each
 * series divided by its own mean of the shown values × 100, so an area and the city compare on one axis).
 * Missing values (null) break the line. Pure.
 */

/** A series to draw. */
export interface TrendSeries {
  label: string;
  values: readonly (number | null)[];
}

/** Result of {@link trendLinesSpec}. */
export interface TrendLinesSpec {
  /** One SVG path per series (gaps start a new `M`). */
  paths: string[];
  /** The values drawn (indexed or raw), null where missing. */
  drawn: (number | null)[][];
  domain: [number, number];
  /** x of each period. */
  xs: number[];
}

/** Series divided by the mean of their non-null values, × 100 (null stays null; a zero mean gives nulls). */
export function indexSeries(values: readonly (number | null)[]): (number | null)[] {
  const shown = values.filter((v): v is number => v !== null);
  const mean = shown.reduce((s, v) => s + v, 0) / (shown.length || 1);
  return values.map((v) => (v === null || !(mean > 0) ? null : (v / mean) * 100));
}

/** Lays the series out in a `width` × `height` box with `pad` pixels of padding. */
export function trendLinesSpec(
  series: readonly TrendSeries[],
  options: { width: number; height: number; indexed: boolean; pad?: number },
): TrendLinesSpec {
  const pad = options.pad ?? 4;
  const drawn = series.map((s) => (options.indexed ? indexSeries(s.values) : [...s.values]));
  const all = drawn.flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = options.indexed ? Math.min(0, ...all) : 0;
  const hi = Math.max(1, ...all);
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const xs = Array.from(
    { length: n },
    (_, i) => pad + (n === 1 ? 0.5 : i / (n - 1)) * (options.width - 2 * pad),
  );
  const y = (v: number) => options.height - pad - ((v - lo) / (hi - lo || 1)) * (options.height - 2 * pad);
  const paths = drawn.map((values) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${xs[i]!.toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  });
  return { paths, drawn, domain: [lo, hi], xs };
}
