/**
 * The facts the plain-language reading needs, taken from an evaluation's results and series.
 */
import {
  type EvaluationReading,
  evaluationReading,
  type FailedFact,
  type ReadingFacts,
} from '../../analysis/evaluation/evaluation-reading';
import type { Outcome, ProgramEvaluation } from './evaluation-types';
import { sumRange } from './evaluation-types';

function fact<T, F>(o: Outcome<T> | null, read: (v: T) => F): F | FailedFact | null {
  if (!o) return null;
  if (o.ok) return read(o.value);
  return o.errorMessage ? { error: o.error, errorMessage: o.errorMessage } : { error: o.error };
}

function max(values: ArrayLike<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  return m;
}

/** The reading's facts of one evaluation. */
export function readingFacts(e: ProgramEvaluation): ReadingFacts {
  const s = e.series;
  const L = s.launchIndex;
  const catchment = s.units.find((u) => u.role === 'catchment')!;
  const comparison = s.units.filter((u) => u.role === 'comparison');
  const donors = s.units.filter((u) => u.role === 'comparison' || u.role === 'donor');
  const preMean = (u: { total: Float64Array }) => (L > 0 ? sumRange(u.total, 0, L - 1) / L : 0);
  return {
    by: s.by,
    unit: s.unit,
    prePeriods: L,
    postPeriods: s.periods.length - L,
    fewestPreEvents: Math.min(...[catchment, ...comparison].map((u) => sumRange(u.total, 0, L - 1))),
    comparisonUnits: comparison.length,
    prePost: fact(e.prePost, (v) => ({
      ratio: v.rateRatio,
      lower: v.interval.lower,
      upper: v.interval.upper,
      pValue: v.pValue,
    })),
    wdd: fact(e.wdd, (v) => ({
      events: v.wdd,
      lower: v.interval.lower,
      upper: v.interval.upper,
      pValue: v.pValue,
      controlToTreated:
        v.inputs.treated.pre > 0 ? v.inputs.control.pre / v.inputs.treated.pre : Number.POSITIVE_INFINITY,
    })),
    its: fact(e.its, (v) => ({
      level: {
        ratio: v.levelChange.irr,
        lower: v.levelChange.interval.lower,
        upper: v.levelChange.interval.upper,
        pValue: v.levelChange.pValue,
      },
      ljungBoxP: v.autocorrelation.pValue,
      counterfactualMax: max(v.counterfactual),
      observedMax: max(catchment.total),
    })),
    did: fact(e.did, (v) => ({
      ratio: v.effect.irr,
      lower: v.effect.interval.lower,
      upper: v.effect.interval.upper,
      pValue: v.effect.pValue,
      preTrendP: v.eventStudy?.preTrendTest?.pValue ?? null,
    })),
    synth: fact(e.synth, (v) => {
      const means = donors.map(preMean);
      const m = preMean(catchment);
      return {
        ratio: v.postRatio,
        placeboP: v.pValue,
        noiseRatio: v.noiseRatio,
        levelOutside: m < Math.min(...means) || m > Math.max(...means),
        donors: v.inputs.donors,
      };
    }),
  };
}

/** The plain-language reading of an evaluation (see src/analysis/evaluation/evaluation-reading.ts). */
export function programReading(e: ProgramEvaluation): EvaluationReading {
  return evaluationReading(readingFacts(e));
}
