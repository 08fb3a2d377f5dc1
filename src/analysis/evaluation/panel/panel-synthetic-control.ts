/**
 * Synthetic control for one treated unit of a panel with many donors (cities from state statistics,
 * districts of a city), built to stay sound with 100+ donors and a treated unit at the edge of the donor
 * range.
 *
 * Outcome: counts, rates per 100,000 (needs populations), or log(1 + rate) — logs compare proportional
 * changes, so a city with far higher rates than most can still be matched in shape. Optionally demeaned
 * (synthetic control with an intercept; Doudchenko & Imbens 2016, Ferman & Pinto 2021): every series is
 * centred on its own pre-launch mean before the weights are fitted, and the synthetic path is the treated
 * unit's pre-launch mean plus the weighted donors' deviations, so a level difference no donor mix can
 * reach does not bias the fit.
 *
 * Weights: w ≥ 0, Σ w = 1 minimising the pre-launch squared gap, solved exactly by the active-set method
 * of `synthetic-control.ts`. Donor pool filters: an explicit list, a minimum population (smallest
 * population over the periods), complete series only (units with a missing cell are left out).
 *
 * Inference: in-space placebos (Abadie, Diamond & Hainmueller 2010): every donor in turn plays the treated
 * unit, with the other donors as its pool; p = (1 + #{placebo post/pre RMSPE ratio ≥ treated's}) / (J + 1).
 * The placebo band on charts is the range of placebo gaps among placebos whose pre-launch fit is no worse
 * than 5× the treated unit's pre-RMSPE (Abadie et al. 2010, §4). Robustness: leave-one-out refits drop
 * each donor with weight above 0.01 in turn and report the range of the effect (Abadie 2021, §8).
 * Convex-hull note: when the treated unit's pre-launch values lie above (or below) every donor's in most
 * pre-launch periods, it lies outside the donors' convex hull and an undemeaned fit is biased towards the
 * donors; the note recommends logs or the demeaned fit.
 *
 * Effect: the post-launch ratio of treated to synthetic totals (on the rate or count scale; exp of the
 * mean post gap for logs) and the mean post-launch gap.
 *
 * References: Abadie A, Diamond A, Hainmueller J (2010) J Am Stat Assoc 105:493–505. Abadie A (2021)
 * J Econ Lit 59:391–425. Doudchenko N, Imbens GW (2016) NBER WP 22791. Ferman B, Pinto C (2021) Quant
 * Econ 12:1197–1221.
 */

import { englishText } from '../../messages/english';
import { type Message, msg } from '../../messages/message';
import { MessageError } from '../../messages/message-error';
import { simplexLeastSquaresGram } from '../simplex-least-squares';
import type { CountPanel } from './count-panel';

/** Which outcome the synthetic control is fitted on. */
export type SynthOutcome = 'count' | 'rate' | 'log';

/** Options of {@link panelSyntheticControl}. */
export interface PanelSynthOptions {
  outcome?: SynthOutcome;
  /** Fit with an intercept (each series centred on its pre-launch mean). Default false. */
  demeaned?: boolean;
  /** Donor ids; default every other unit. */
  donors?: readonly string[];
  /** Leave out donors whose smallest population is below this. */
  minPopulation?: number;
  /** Cells present in the source (1) or filled (0); donors with a filled cell are left out when given. */
  observed?: Uint8Array | null;
  placebo?: boolean;
  leaveOneOut?: boolean;
}

/** One placebo: a donor treated as if launched. */
export interface PanelPlacebo {
  unit: string;
  preRmspe: number;
  postRmspe: number;
  ratio: number;
  gap: Float64Array;
}

/** Result of {@link panelSyntheticControl}. */
export interface PanelSynth {
  outcome: SynthOutcome;
  demeaned: boolean;
  treated: string;
  launchIndex: number;
  periods: string[];
  /** The treated unit's outcome series and its synthetic counterpart. */
  series: Float64Array;
  synthetic: Float64Array;
  gap: Float64Array;
  donors: string[];
  weights: Float64Array;
  /** Donors left out by the filters, with why. */
  excludedDonors: { unit: string; reason: string }[];
  preRmspe: number;
  postRmspe: number;
  rmspeRatio: number;
  /** Post-launch treated / synthetic (ratio scale). */
  ratio: number;
  averagePostGap: number;
  placebos: PanelPlacebo[];
  pValue: number;
  /** Per period, range of the gaps of placebos with pre-RMSPE ≤ 5× the treated one's. */
  placeboBand: { lower: Float64Array; upper: Float64Array; runs: number } | null;
  leaveOneOut: { dropped: string; ratio: number }[];
  /** Notes on the fit, to be written in the reader's language (`panel:convex-hull.*`). */
  noteMessages: Message[];
  /** The notes in English (command line, JSON). */
  notes: string[];
}

function outcomeSeries(panel: CountPanel, u: number, outcome: SynthOutcome): Float64Array {
  const T = panel.periods.length;
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    const c = panel.counts[u * T + t] as number;
    if (outcome === 'count') out[t] = c;
    else {
      const pop = panel.population?.[u * T + t];
      if (pop === undefined || !(pop > 0))
        throw new MessageError(
          msg(`failure:synth.needsPopulation.${outcome}`, { unit: String(panel.units[u]) }),
        );
      const rate = (1e5 * c) / pop;
      out[t] = outcome === 'rate' ? rate : Math.log1p(rate);
    }
  }
  return out;
}

function rmspe(gap: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let t = from; t < to; t++) s += (gap[t] as number) ** 2;
  return Math.sqrt(s / (to - from));
}

interface Fit {
  weights: Float64Array;
  synthetic: Float64Array;
  gap: Float64Array;
  preRmspe: number;
  postRmspe: number;
}

/**
 * The series to fit (demeaned when asked) and the Gram matrix of their pre-launch parts, formed once for
 * the main fit, every placebo and every leave-one-out refit.
 */
interface Prepared {
  raw: Float64Array[];
  centred: Float64Array[];
  shift: Float64Array;
  gram: Float64Array;
}

function prepare(series: Float64Array[], L: number, demeaned: boolean): Prepared {
  const K = series.length;
  const shift = new Float64Array(K);
  const centred = series.map((s, k) => {
    if (!demeaned) return s;
    let m = 0;
    for (let t = 0; t < L; t++) m += s[t] as number;
    shift[k] = m / L;
    return s.map((v) => v - (shift[k] as number));
  });
  const gram = new Float64Array(K * K);
  for (let i = 0; i < K; i++) {
    const si = centred[i] as Float64Array;
    for (let j = 0; j <= i; j++) {
      const sj = centred[j] as Float64Array;
      let g = 0;
      for (let t = 0; t < L; t++) g += (si[t] as number) * (sj[t] as number);
      gram[i * K + j] = g;
      gram[j * K + i] = g;
    }
  }
  return { raw: series, centred, shift, gram };
}

/** Fits series `target` from the series `pool` (indices into the prepared set). */
function fitWeights(p: Prepared, target: number, pool: readonly number[], L: number): Fit {
  const K = p.raw.length;
  const J = pool.length;
  const h = new Float64Array(J * J);
  const c = new Float64Array(J);
  pool.forEach((i, r) => {
    c[r] = p.gram[i * K + target] as number;
    pool.forEach((j, q) => {
      h[r * J + q] = p.gram[i * K + j] as number;
    });
  });
  const sol = simplexLeastSquaresGram(h, c, p.gram[target * K + target] as number);
  const y = p.raw[target] as Float64Array;
  const T = y.length;
  const synthetic = new Float64Array(T).fill(p.shift[target] as number);
  pool.forEach((i, r) => {
    const w = sol.weights[r] as number;
    if (w === 0) return;
    const d = p.centred[i] as Float64Array;
    for (let t = 0; t < T; t++) synthetic[t] = (synthetic[t] as number) + w * (d[t] as number);
  });
  const gap = y.map((v, t) => v - (synthetic[t] as number));
  return { weights: sol.weights, synthetic, gap, preRmspe: rmspe(gap, 0, L), postRmspe: rmspe(gap, L, T) };
}

function effectRatio(y: Float64Array, synthetic: Float64Array, L: number, outcome: SynthOutcome): number {
  let a = 0;
  let b = 0;
  for (let t = L; t < y.length; t++) {
    a += y[t] as number;
    b += synthetic[t] as number;
  }
  if (outcome === 'log') return Math.exp((a - b) / (y.length - L));
  return a / b;
}

/**
 * Fits the synthetic control for `treated`, launched in period `launchIndex` (first post-launch period).
 * @throws RangeError for an unknown unit, fewer than 2 donors after filtering, or fewer than 2 pre periods
 */
export function panelSyntheticControl(
  panel: CountPanel,
  treated: string,
  launchIndex: number,
  options: PanelSynthOptions = {},
): PanelSynth {
  const outcome = options.outcome ?? (panel.population ? 'rate' : 'count');
  const demeaned = options.demeaned ?? false;
  const T = panel.periods.length;
  const L = launchIndex;
  if (!Number.isInteger(L) || L < 2 || L > T - 1)
    throw new MessageError(msg('failure:synth.launchPeriods', { index: String(L), periods: String(T) }));
  const ti = panel.units.indexOf(treated);
  if (ti < 0) throw new MessageError(msg('failure:panel.unknownUnit', { unit: treated }));
  const complete = (u: number) =>
    !options.observed || options.observed.subarray(u * T, u * T + T).every((v) => v === 1);
  if (!complete(ti)) throw new MessageError(msg('failure:synth.missingPeriods', { unit: treated }));
  const wanted = options.donors ? new Set(options.donors) : null;
  const excludedDonors: PanelSynth['excludedDonors'] = [];
  const donorIdx: number[] = [];
  for (const [i, u] of panel.units.entries()) {
    if (i === ti) continue;
    if (wanted && !wanted.has(u)) continue;
    if (!complete(i)) {
      excludedDonors.push({ unit: u, reason: 'incomplete series' });
      continue;
    }
    if (options.minPopulation !== undefined) {
      const pop = panel.population?.subarray(i * T, i * T + T);
      const min = pop ? Math.min(...pop) : Number.NaN;
      if (!(min >= options.minPopulation)) {
        excludedDonors.push({ unit: u, reason: `population below ${options.minPopulation}` });
        continue;
      }
    }
    donorIdx.push(i);
  }
  if (donorIdx.length < 2)
    throw new MessageError(msg('failure:synth.fewDonorsFiltered', { donors: String(donorIdx.length) }));
  const y = outcomeSeries(panel, ti, outcome);
  const x = donorIdx.map((i) => outcomeSeries(panel, i, outcome));
  // Series 0 is the treated unit, 1..J the donors.
  const prepared = prepare([y, ...x], L, demeaned);
  const all = x.map((_, j) => j + 1);
  const main = fitWeights(prepared, 0, all, L);
  const rmspeRatio = main.postRmspe / main.preRmspe;
  const placebos: PanelPlacebo[] = [];
  if (options.placebo ?? true) {
    x.forEach((_, j) => {
      const r = fitWeights(
        prepared,
        j + 1,
        all.filter((k) => k !== j + 1),
        L,
      );
      placebos.push({
        unit: panel.units[donorIdx[j] as number] as string,
        preRmspe: r.preRmspe,
        postRmspe: r.postRmspe,
        ratio: r.postRmspe / r.preRmspe,
        gap: r.gap,
      });
    });
  }
  const pValue =
    placebos.length > 0
      ? (1 + placebos.filter((p) => p.ratio >= rmspeRatio).length) / (placebos.length + 1)
      : Number.NaN;
  let placeboBand: PanelSynth['placeboBand'] = null;
  const kept = placebos.filter((p) => p.preRmspe <= 5 * main.preRmspe);
  if (kept.length > 0) {
    const lower = new Float64Array(T).fill(Number.POSITIVE_INFINITY);
    const upper = new Float64Array(T).fill(Number.NEGATIVE_INFINITY);
    for (const p of kept) {
      for (let t = 0; t < T; t++) {
        lower[t] = Math.min(lower[t] as number, p.gap[t] as number);
        upper[t] = Math.max(upper[t] as number, p.gap[t] as number);
      }
    }
    placeboBand = { lower, upper, runs: kept.length };
  }
  const leaveOneOut: PanelSynth['leaveOneOut'] = [];
  if ((options.leaveOneOut ?? true) && x.length > 2) {
    main.weights.forEach((w, j) => {
      if (w <= 0.01) return;
      const r = fitWeights(
        prepared,
        0,
        all.filter((k) => k !== j + 1),
        L,
      );
      leaveOneOut.push({
        dropped: panel.units[donorIdx[j] as number] as string,
        ratio: effectRatio(y, r.synthetic, L, outcome),
      });
    });
  }
  const noteMessages: Message[] = [];
  let above = 0;
  let below = 0;
  for (let t = 0; t < L; t++) {
    const v = y[t] as number;
    if (x.every((d) => v > (d[t] as number))) above++;
    if (x.every((d) => v < (d[t] as number))) below++;
  }
  if (Math.max(above, below) > L / 2) {
    const side = above > below ? 'above' : 'below';
    noteMessages.push(
      msg(`panel:convex-hull.${side}${demeaned ? 'Demeaned' : ''}`, {
        periods: String(Math.max(above, below)),
        of: String(L),
      }),
    );
  }
  let gapSum = 0;
  for (let t = L; t < T; t++) gapSum += main.gap[t] as number;
  return {
    outcome,
    demeaned,
    treated,
    launchIndex: L,
    periods: panel.periods,
    series: y,
    synthetic: main.synthetic,
    gap: main.gap,
    donors: donorIdx.map((i) => panel.units[i] as string),
    weights: main.weights,
    excludedDonors,
    preRmspe: main.preRmspe,
    postRmspe: main.postRmspe,
    rmspeRatio,
    ratio: effectRatio(y, main.synthetic, L, outcome),
    averagePostGap: gapSum / (T - L),
    placebos,
    pValue,
    placeboBand,
    leaveOneOut,
    noteMessages,
    notes: noteMessages.map(englishText),
  };
}
