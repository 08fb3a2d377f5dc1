/**
 * Benjamini-Hochberg false discovery rate adjustment.
 *
 * What it measures: when m hypotheses are tested at once (one per map cell), a raw p-value threshold of
 * 0.05 lets about 5% of the null cells through as false hot spots. The BH step-up procedure controls the
 * expected share of false discoveries among the cells declared significant instead. The adjusted value
 * ("q-value") of the i-th smallest p-value is
 *
 *   q_(i) = min_{j ≥ i} min(1, m · p_(j) / j),
 *
 * so q is monotone in p, and rejecting every hypothesis with q ≤ α is the BH procedure at FDR level α.
 * This equals R `p.adjust(p, method = "BH")`.
 *
 * How to read it: a cell with q ≤ 0.05 is significant with at most a 5% expected share of false
 * discoveries among all cells so declared (valid under independence or positive dependence, which
 * overlapping Gi* neighbourhoods satisfy approximately).
 *
 * Missing values: NaN p-values are left out of m (like R's NA handling) and get NaN q-values.
 *
 * Reference: Benjamini, Y. & Hochberg, Y. (1995) Controlling the false discovery rate: a practical and
 * powerful approach to multiple testing. J. R. Stat. Soc. B 57(1), 289-300.
 */

/**
 * BH-adjusted p-values (q-values), in the input order.
 *
 * @param p p-values in [0, 1]; NaN entries are ignored and returned as NaN
 * @returns q-values, same length and order as `p`
 * @see Benjamini & Hochberg 1995; R `p.adjust(method = "BH")`
 */
export function benjaminiHochberg(p: Float64Array): Float64Array {
  if (!(p instanceof Float64Array)) throw new TypeError('p must be a Float64Array.');
  const q = new Float64Array(p.length);
  let m = 0;
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`p[${i}] = ${v} is not a probability in [0, 1].`);
    m++;
  }
  const order = new Int32Array(m);
  let k = 0;
  for (let i = 0; i < p.length; i++) {
    if (Number.isNaN(p[i] as number)) q[i] = Number.NaN;
    else order[k++] = i;
  }
  order.sort((a, b) => (p[a] as number) - (p[b] as number));
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r] as number;
    const adjusted = ((p[i] as number) * m) / (r + 1);
    if (adjusted < running) running = adjusted;
    q[i] = running;
  }
  return q;
}
