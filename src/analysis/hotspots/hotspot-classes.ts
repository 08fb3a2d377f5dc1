/**
 * Hot and cold spot classes from Gi* z-scores and their (FDR-adjusted) p-values.
 *
 * What it does: each cell gets a confidence class in the style of ArcGIS "Hot Spot Analysis":
 *
 *   +3 hot spot, 99% confidence   (z > 0 and significance value ≤ 0.01)
 *   +2 hot spot, 95% confidence   (z > 0 and ≤ 0.05)
 *   +1 hot spot, 90% confidence   (z > 0 and ≤ 0.10)
 *    0 not significant
 *   −1, −2, −3 the same for cold spots (z < 0)
 *
 * The significance value is the BH q-value when `fdr` is true (the default, see `benjaminiHochberg`) and
 * the raw two-sided p-value when it is false. With FDR on, "95% confidence" means the cell is among the
 * discoveries of the BH procedure at FDR level 0.05, and so on for 0.01 and 0.10.
 *
 * How to read it: the class says how strong the evidence is that the cell sits in a cluster of high (or
 * low) values; it does not say how many incidents the cell has (a quiet cell next to busy ones can be
 * part of a hot spot).
 *
 * Options: `fdr` (default true). References: Getis & Ord 1992; Benjamini & Hochberg 1995; ArcGIS Pro,
 * "How Hot Spot Analysis (Getis-Ord Gi*) works".
 */

import { benjaminiHochberg } from './benjamini-hochberg';

/** Class code: +3..+1 hot at 99/95/90%, 0 not significant, −1..−3 cold at 90/95/99%. */
export type HotspotClass = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** Human-readable label of each class code. */
export const HOTSPOT_CLASS_LABELS: Readonly<Record<HotspotClass, string>> = {
  3: 'Hot spot, 99% confidence',
  2: 'Hot spot, 95% confidence',
  1: 'Hot spot, 90% confidence',
  0: 'Not significant',
  [-1]: 'Cold spot, 90% confidence',
  [-2]: 'Cold spot, 95% confidence',
  [-3]: 'Cold spot, 99% confidence',
};

/** Options of {@link hotspotClasses}. */
export interface HotspotClassesOptions {
  /** Classify by Benjamini-Hochberg q-values (true, default) or by raw p-values (false). */
  readonly fdr?: boolean;
}

/** Result of {@link hotspotClasses}. */
export interface HotspotClassesResult {
  /** Class code per cell (see {@link HotspotClass}). */
  readonly classes: Int8Array;
  /** The significance value each class was based on: q when `fdr`, else p. */
  readonly significance: Float64Array;
  /** Whether FDR adjustment was applied. */
  readonly fdr: boolean;
}

/** Label of a class code, e.g. `hotspotClassLabel(2)` → "Hot spot, 95% confidence". */
export function hotspotClassLabel(code: number): string {
  const label = HOTSPOT_CLASS_LABELS[code as HotspotClass];
  if (label === undefined) throw new RangeError(`Unknown hotspot class code ${code}.`);
  return label;
}

/** Class code of one cell from its z-score and significance value (q or p). NaN gives 0. */
export function hotspotClassOf(z: number, significance: number): HotspotClass {
  if (!(significance <= 0.1) || !(z > 0 || z < 0)) return 0;
  const level = significance <= 0.01 ? 3 : significance <= 0.05 ? 2 : 1;
  return (z > 0 ? level : -level) as HotspotClass;
}

/**
 * Hot/cold spot classes at 99/95/90% confidence for every cell.
 *
 * @param z Gi* z-scores per cell
 * @param p two-sided p-values per cell (same order)
 * @param options see {@link HotspotClassesOptions}; FDR (BH) on by default
 * @see Benjamini & Hochberg 1995; Getis & Ord 1992
 */
export function hotspotClasses(
  z: Float64Array,
  p: Float64Array,
  options: HotspotClassesOptions = {},
): HotspotClassesResult {
  if (!(z instanceof Float64Array) || !(p instanceof Float64Array)) {
    throw new TypeError('z and p must be Float64Arrays.');
  }
  if (z.length !== p.length) throw new RangeError(`z and p differ in length (${z.length} vs ${p.length}).`);
  const fdr = options.fdr ?? true;
  const significance = fdr ? benjaminiHochberg(p) : Float64Array.from(p);
  const classes = new Int8Array(z.length);
  for (let i = 0; i < z.length; i++) classes[i] = hotspotClassOf(z[i] as number, significance[i] as number);
  return { classes, significance, fdr };
}
