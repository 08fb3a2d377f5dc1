/**
 * A program network evaluated on a unit × period panel: the pooled two-way fixed-effects Poisson
 * estimate, the event study, Wooldridge's extended (heterogeneity-robust) estimator with each cohort's
 * own estimate, the two-way fixed-effects weights diagnostic, and the guardrails that say when to
 * distrust them.
 *
 * Before estimation, units treated in or before the first period are set aside (no untreated period),
 * and units with no event in any period are set aside (a Poisson unit effect cannot be estimated for
 * them and they carry no information on the treatment). Both are listed in the result.
 *
 * Guardrails: cohorts with fewer than `minCohortUnits` units (default 3); units set aside; few clusters
 * (fewer than 30 units, when clustering); the pre-trend test (warn at p < 0.05); a large share of the
 * pooled weight on later-against-earlier comparisons (warn above 0.25); and a sentence on whether the
 * pooled and the robust ratios agree (each inside the other's 95% interval, and within 10% of each
 * other).
 */

import { englishText } from '../../messages/english';
import { type Message, type MessageValue, msg } from '../../messages/message';
import { type Failure, failureOf } from '../../messages/message-error';
import {
  allZeroUnits,
  type CountPanel,
  dropUnits,
  type ProgramSite,
  type TreatmentTiming,
  treatmentTiming,
} from './count-panel';
import { type EventStudyResult, eventStudy } from './event-study';
import { type ExtendedTwfeResult, extendedTwfe } from './extended-twfe';
import type { LogRatioInference } from './panel-poisson';
import type { RobustCovarianceType } from './sandwich-covariance';
import { twfePoisson } from './twfe-poisson';
import { type TwfeWeights, twfeWeights } from './twfe-weights';

/** Options of {@link evaluateNetwork}. */
export interface NetworkEvaluationOptions {
  se?: RobustCovarianceType;
  eventWindow?: { lower: number; upper: number };
  minCohortUnits?: number;
}

/** One estimate in the shared output shape (coefficient = log ratio). */
export interface NetworkEstimate {
  method: 'twfe' | 'etwfe';
  /** The estimator's name, to be written in the reader's language. */
  name: Message;
  /** The name in English (command line, JSON). */
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  pValue: number;
  se: number;
  coefficient: number;
}

/** A guardrail: what to check and whether it passed. */
export interface NetworkGuardrail {
  id: string;
  status: 'ok' | 'warn' | 'info';
  /** What it says, to be written in the reader's language (absent for notes only written in English). */
  message?: Message;
  /** In English (command line, JSON). */
  text: string;
}

/** A guardrail from its message (`panel:<key>` in the messages' catalogues), with its English text. */
export function panelGuardrail(
  id: string,
  status: NetworkGuardrail['status'],
  key: string,
  values?: Record<string, MessageValue>,
): NetworkGuardrail {
  const message = msg(`panel:${key}`, values);
  return { id, status, message, text: englishText(message) };
}

/** The steps of a network evaluation that can fail on their own. */
export type NetworkStep = 'twfe' | 'eventStudy' | 'etwfe' | 'weights';

/** Everything the network evaluation reports. */
export interface NetworkEvaluation {
  shape: {
    units: number;
    periods: number;
    firstPeriod: string;
    lastPeriod: string;
    step: CountPanel['step'];
    outcome: 'count' | 'rate per 100,000';
    treatedUnits: number;
    neverTreatedUnits: number;
    cohorts: { period: string; units: string[] }[];
    setAside: { treatedBeforeStart: string[]; noEvents: string[]; unknownProgramUnits: string[] };
  };
  seType: RobustCovarianceType;
  /** The standard errors used, to be written in the reader's language. */
  seName: Message;
  /** The same in English (command line, JSON). */
  seLabel: string;
  estimates: NetworkEstimate[];
  eventStudy: EventStudyResult | null;
  robust: ExtendedTwfeResult | null;
  weights: TwfeWeights | null;
  /** Why an estimator could not run, in English (command line, JSON). */
  errors: Partial<Record<NetworkStep, string>>;
  /** The same as messages, to be written in the reader's language (when the reason has one). */
  errorMessages: Partial<Record<NetworkStep, Message>>;
  guardrails: NetworkGuardrail[];
  /** The panel actually estimated on (after setting units aside). */
  panel: CountPanel;
  timing: TreatmentTiming;
}

/** How the chosen standard errors are described on screen and in the output. */
export function seLabel(se: RobustCovarianceType): string {
  return englishText(seName(se));
}

/** The chosen standard errors as a message (`panel:se.<type>`). */
export function seName(se: RobustCovarianceType): Message {
  return msg(`panel:se.${se}`);
}

function attempt<T>(f: () => T): { value: T | null; failure?: Failure } {
  try {
    return { value: f() };
  } catch (error) {
    return { value: null, failure: failureOf(error) };
  }
}

function shaped(method: NetworkEstimate['method'], r: LogRatioInference): NetworkEstimate {
  const name = msg(`panel:estimator.${method}`);
  return {
    method,
    name,
    label: englishText(name),
    estimate: r.estimate,
    lower: r.lower,
    upper: r.upper,
    pValue: r.pValue,
    se: r.se,
    coefficient: r.coefficient,
  };
}

const pct = (r: number): MessageValue => ({ num: r - 1, as: 'percentChange', digits: 1 });

/** Evaluates a program network on a balanced panel. */
export function evaluateNetwork(
  fullPanel: CountPanel,
  sites: readonly ProgramSite[],
  options: NetworkEvaluationOptions = {},
): NetworkEvaluation {
  const se = options.se ?? 'cluster';
  const minCohortUnits = options.minCohortUnits ?? 3;
  const first = treatmentTiming(fullPanel, sites);
  const noEvents = allZeroUnits(fullPanel);
  const panel = dropUnits(fullPanel, [
    ...first.treatedBeforeStart,
    ...noEvents.filter((u) => !first.treatedBeforeStart.includes(u)),
  ]);
  const timing = treatmentTiming(panel, sites);
  const errors: NetworkEvaluation['errors'] = {};
  const errorMessages: NetworkEvaluation['errorMessages'] = {};
  const note = (step: NetworkStep, failure: Failure | undefined) => {
    if (!failure) return;
    errors[step] = failure.error;
    if (failure.errorMessage) errorMessages[step] = failure.errorMessage;
  };
  const twfe = attempt(() => twfePoisson(panel, timing, se));
  note('twfe', twfe.failure);
  const es = attempt(() => eventStudy(panel, timing, options.eventWindow, se));
  note('eventStudy', es.failure);
  const robust = attempt(() => extendedTwfe(panel, timing, se));
  note('etwfe', robust.failure);
  const weights = attempt(() => twfeWeights(panel, timing));
  note('weights', weights.failure);

  const estimates: NetworkEstimate[] = [];
  if (twfe.value) estimates.push(shaped('twfe', twfe.value));
  if (robust.value) estimates.push(shaped('etwfe', robust.value.overall));

  const guardrails: NetworkGuardrail[] = [];
  const small = timing.cohorts.filter((c) => c.units.length < minCohortUnits);
  guardrails.push(
    small.length > 0
      ? panelGuardrail('small-cohorts', 'warn', 'small-cohorts', {
          count: small.length,
          min: minCohortUnits,
          list: small.map((c) => `${c.period}: ${c.units.length}`).join(', '),
        })
      : panelGuardrail('small-cohorts', 'ok', 'small-cohorts-ok', { min: minCohortUnits }),
  );
  if (first.treatedBeforeStart.length > 0) {
    guardrails.push(
      panelGuardrail('treated-before-start', 'warn', 'treated-before-start', {
        count: first.treatedBeforeStart.length,
        list: first.treatedBeforeStart.join(', '),
      }),
    );
  }
  if (noEvents.length > 0) {
    guardrails.push(
      panelGuardrail('no-events', 'info', 'no-events', { count: noEvents.length, list: noEvents.join(', ') }),
    );
  }
  if (first.unknownUnits.length > 0) {
    guardrails.push(
      panelGuardrail('unknown-units', 'warn', 'unknown-units', {
        count: first.unknownUnits.length,
        list: first.unknownUnits.join(', '),
      }),
    );
  }
  if (se === 'cluster' && panel.units.length < 30) {
    guardrails.push(panelGuardrail('few-clusters', 'warn', 'few-clusters', { count: panel.units.length }));
  }
  if (es.value && es.value.preTrend.df > 0) {
    const p = es.value.preTrend.pValue;
    guardrails.push(
      panelGuardrail('pre-trend', p < 0.05 ? 'warn' : 'ok', p < 0.05 ? 'pre-trend-warn' : 'pre-trend', {
        df: es.value.preTrend.df,
        chi: { num: es.value.preTrend.statistic, as: 'decimal', digits: 2 },
        p: { num: p, as: 'pValue' },
      }),
    );
  }
  if (weights.value) {
    const later = weights.value.shares['later-vs-earlier'];
    guardrails.push(
      panelGuardrail('forbidden-comparisons', later > 0.25 ? 'warn' : 'ok', 'forbidden-comparisons', {
        share: { num: later, as: 'share', digits: 0 },
      }),
    );
  }
  if (twfe.value && robust.value) {
    const a = twfe.value;
    const b = robust.value.overall;
    const inside =
      a.estimate >= b.lower && a.estimate <= b.upper && b.estimate >= a.lower && b.estimate <= a.upper;
    const close = Math.abs(Math.log(a.estimate / b.estimate)) < Math.log(1.1);
    const agree = inside && close;
    guardrails.push(
      panelGuardrail(
        'pooled-vs-robust',
        agree ? 'ok' : 'warn',
        agree ? 'pooled-vs-robust' : 'pooled-vs-robust-warn',
        {
          pooled: pct(a.estimate),
          robust: pct(b.estimate),
        },
      ),
    );
  }
  return {
    shape: {
      units: panel.units.length,
      periods: panel.periods.length,
      firstPeriod: panel.periods[0] as string,
      lastPeriod: panel.periods[panel.periods.length - 1] as string,
      step: panel.step,
      outcome: panel.population ? 'rate per 100,000' : 'count',
      treatedUnits: timing.cohorts.reduce((s, c) => s + c.units.length, 0),
      neverTreatedUnits: timing.neverTreated.length,
      cohorts: timing.cohorts.map((c) => ({ period: c.period, units: c.units })),
      setAside: {
        treatedBeforeStart: first.treatedBeforeStart,
        noEvents,
        unknownProgramUnits: first.unknownUnits,
      },
    },
    seType: se,
    seName: seName(se),
    seLabel: seLabel(se),
    estimates,
    eventStudy: es.value,
    robust: robust.value,
    weights: weights.value,
    errors,
    errorMessages,
    guardrails,
    panel,
    timing,
  };
}
