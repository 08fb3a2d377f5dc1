/**
 * Incident rates per 100,000 residents per year for areas, with global Empirical Bayes smoothing and a
 * reliability flag.
 *
 * What it measures: the crude rate of area i is
 *   rᵢ = cᵢ / (Pᵢ · T) · 100,000
 * for cᵢ incidents (or victims), Pᵢ residents and a period of T years. Small areas give noisy rates: one
 * extra shooting in a tract of 2,000 people moves its rate by 17 per 100,000 per year. Empirical Bayes (EB)
 * smoothing pulls each crude rate towards the citywide rate, more strongly where the population is small.
 *
 * Global EB, method of moments (Marshall 1991), on person-years nᵢ = Pᵢ·T and raw rates pᵢ = cᵢ/nᵢ:
 *   b  = Σ cᵢ / Σ nᵢ                                  prior mean (the pooled rate)
 *   s² = Σ nᵢ (pᵢ − b)² / Σ nᵢ                        population-weighted variance of the raw rates
 *   a  = s² − b / n̄,  n̄ = Σ nᵢ / N;  a := 0 if a < 0  prior variance (Poisson noise removed)
 *   Cᵢ = a / (a + b / nᵢ)                             shrinkage weight on the area's own rate, in [0, 1)
 *   EBᵢ = b + Cᵢ (pᵢ − b)
 * All reported rates are multiplied by 100,000 (the `per` option). The same estimator as R's
 * `spdep::EBest(cases, population, family = "poisson")`; the result does not depend on the choice of time
 * unit, because T cancels in Cᵢ.
 *
 * How to read it: the EB rate is a better guess of an area's underlying rate than its crude rate, not an
 * observed quantity; rank and map EB rates, but quote crude counts and rates. When a = 0 the data show no
 * more spread than chance, and every area gets the pooled rate.
 *
 * Reliability: a Poisson count c has relative standard error RSE = sd/mean = √c / c = 1/√c, and so does a
 * crude rate built on it (population treated as exact). Rates with RSE > 30% (the default threshold, i.e.
 * fewer than 12 events: 1/√11 = 30.2%) are flagged unreliable, as are zero counts (RSE undefined, shown as
 * Infinity). This is the convention of US public-health agencies (e.g. NCHS and CDC WONDER flag rates from
 * fewer than 20 events, RSE > 23%; 30% is the looser common cut-off).
 *
 * Areas with zero population get NaN rates and weights, are flagged unreliable, and are left out of the
 * prior (their counts too), since they have no residents to be at risk.
 *
 * Options: `years` (required, > 0), `per` (default 100,000), `rseThreshold` (default 0.3).
 *
 * References: Marshall, R. J. (1991). Mapping disease and mortality rates using empirical Bayes estimators.
 * Applied Statistics 40(2), 283–294. Bivand, R. et al., spdep `EBest`. Anselin, L. (2003), Rate maps and
 * smoothing (GeoDa workbook).
 */

/** Options for {@link areaRates}. */
export interface AreaRatesOptions {
  /** Length of the period the counts cover, in years (> 0). */
  years: number;
  /** Rates are per this many residents (default 100,000). */
  per?: number;
  /** Relative standard error above which a rate is flagged unreliable (default 0.3). */
  rseThreshold?: number;
}

/** Per-area rates (columns aligned with the input) and the fitted prior. */
export interface AreaRates {
  /** Crude rate per `per` residents per year; NaN where population is 0. */
  crude: Float64Array;
  /** Empirical Bayes rate per `per` residents per year; NaN where population is 0. */
  smoothed: Float64Array;
  /** Shrinkage weight Cᵢ on the area's own rate (0 = fully pooled); NaN where population is 0. */
  weight: Float64Array;
  /** Relative standard error 1/√count (Infinity for a zero count). */
  rse: Float64Array;
  /** 1 if the rate is unreliable (RSE above the threshold, zero count, or zero population). */
  unreliable: Uint8Array;
  /** Prior mean b, per `per` residents per year (the pooled rate). */
  priorMean: number;
  /** Prior variance a, in (per `per` residents per year)². */
  priorVariance: number;
  /** Areas with positive population that entered the prior. */
  areasUsed: number;
}

/**
 * Crude and global Empirical Bayes rates per 100,000 residents per year, with an RSE reliability flag.
 * See the module header for the formulas. Throws RangeError for negative, non-finite or mismatched inputs.
 */
export function areaRates(
  counts: ArrayLike<number>,
  populations: ArrayLike<number>,
  options: AreaRatesOptions,
): AreaRates {
  const { years } = options;
  const per = options.per ?? 100_000;
  const rseThreshold = options.rseThreshold ?? 0.3;
  const n = counts.length;
  if (populations.length !== n) {
    throw new RangeError(`counts has ${n} areas but populations has ${populations.length}`);
  }
  if (!(Number.isFinite(years) && years > 0))
    throw new RangeError(`years must be a positive number, got ${years}`);
  if (!(Number.isFinite(per) && per > 0)) throw new RangeError(`per must be a positive number, got ${per}`);
  if (!(rseThreshold > 0)) throw new RangeError(`rseThreshold must be positive, got ${rseThreshold}`);

  let countSum = 0;
  let exposureSum = 0;
  let used = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i] as number;
    const p = populations[i] as number;
    if (!(Number.isFinite(c) && c >= 0))
      throw new RangeError(`count ${i} must be a non-negative number, got ${c}`);
    if (!(Number.isFinite(p) && p >= 0)) {
      throw new RangeError(`population ${i} must be a non-negative number, got ${p}`);
    }
    if (p > 0) {
      countSum += c;
      exposureSum += p * years;
      used++;
    }
  }

  const crude = new Float64Array(n);
  const smoothed = new Float64Array(n);
  const weight = new Float64Array(n);
  const rse = new Float64Array(n);
  const unreliable = new Uint8Array(n);
  const b = used > 0 ? countSum / exposureSum : Number.NaN;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const exposure = (populations[i] as number) * years;
    if (exposure > 0) spread += exposure * ((counts[i] as number) / exposure - b) ** 2;
  }
  const s2 = spread / exposureSum;
  const a = used > 0 ? Math.max(0, s2 - b / (exposureSum / used)) : Number.NaN;

  for (let i = 0; i < n; i++) {
    const c = counts[i] as number;
    const exposure = (populations[i] as number) * years;
    rse[i] = c > 0 ? 1 / Math.sqrt(c) : Number.POSITIVE_INFINITY;
    if (exposure > 0) {
      const raw = c / exposure;
      // a = b = 0 (no events anywhere): every rate is 0 and nothing is shrunk
      const w = a + b / exposure > 0 ? a / (a + b / exposure) : 0;
      crude[i] = raw * per;
      weight[i] = w;
      smoothed[i] = (b + w * (raw - b)) * per;
      unreliable[i] = (rse[i] as number) > rseThreshold ? 1 : 0;
    } else {
      crude[i] = Number.NaN;
      weight[i] = Number.NaN;
      smoothed[i] = Number.NaN;
      unreliable[i] = 1;
    }
  }
  return {
    crude,
    smoothed,
    weight,
    rse,
    unreliable,
    priorMean: b * per,
    priorVariance: a * per * per,
    areasUsed: used,
  };
}
