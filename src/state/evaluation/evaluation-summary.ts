/**
 * A compact, JSON-friendly record of an evaluation for the command line and tests.
 */

import { readingText } from '../../analysis/evaluation/evaluation-reading';
import { englishText } from '../../analysis/messages/english';
import { programReading } from './evaluation-reading-facts';
import type { Outcome, ProgramEvaluation } from './evaluation-types';

/**
 * A compact, JSON-friendly record of an evaluation (series, estimates, guardrails, event study, inputs,
 * and the plain-language reading).
 */
export function evaluationSummary(e: ProgramEvaluation) {
  const s = e.series;
  const catchment = s.units.find((u) => u.role === 'catchment')!;
  const failed = (o: Outcome<unknown> | null) => (o && !o.ok ? o.error : null);
  return {
    inputs: {
      by: s.by,
      unit: s.unit,
      launch: s.launch,
      launchPeriod: s.periods[s.launchIndex],
      launchIndex: s.launchIndex,
      firstPeriod: s.periods[0],
      lastPeriod: s.periods[s.periods.length - 1],
      windowLength: e.windowLength,
      bufferMetres: s.bufferMetres,
      units: s.units.map((u) => ({ id: u.id, label: u.label, role: u.role })),
    },
    series: {
      periods: s.periods,
      catchment: { total: Array.from(catchment.total), fatal: Array.from(catchment.fatal) },
      units: s.units
        .filter((u) => u.role !== 'catchment')
        .map((u) => ({ id: u.id, role: u.role, total: Array.from(u.total) })),
      itsCounterfactual: e.its?.ok ? Array.from(e.its.value.counterfactual) : null,
    },
    estimates: e.estimates,
    prePost: e.prePost?.ok
      ? {
          pre: e.prePost.value.inputs.pre,
          post: e.prePost.value.inputs.post,
          periodsUsed: e.prePost.value.periodsUsed,
          preWindow: e.prePost.value.preWindow.map((i) => s.periods[i]),
          postWindow: e.prePost.value.postWindow.map((i) => s.periods[i]),
        }
      : null,
    did: e.did?.ok
      ? {
          table: e.did.value.table,
          eventStudy:
            e.did.value.eventStudy?.years.map((y) => ({
              year: y.year,
              irr: y.irr,
              lower: y.interval.lower,
              upper: y.interval.upper,
            })) ?? null,
          preTrendTest: e.did.value.eventStudy?.preTrendTest ?? null,
        }
      : null,
    synth: e.synth?.ok
      ? {
          weights: Object.fromEntries(
            e.synth.value.inputs.donorNames
              .map((n, j) => [n, e.synth!.ok ? e.synth!.value.weights[j]! : 0] as const)
              .filter(([, w]) => w > 0.001),
          ),
          preRmspe: e.synth.value.preRmspe,
          rmspeRatio: e.synth.value.rmspeRatio,
          averagePostEffect: e.synth.value.averagePostEffect,
        }
      : null,
    errors: {
      prepost: failed(e.prePost),
      wdd: failed(e.wdd),
      its: failed(e.its),
      did: failed(e.did),
      synth: failed(e.synth),
    },
    guardrails: e.guardrails,
    reading: readingText(programReading(e), englishText),
  };
}
