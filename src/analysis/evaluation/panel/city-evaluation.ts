/**
 * One treated unit of an aggregate panel (a city among a state's cities, a district among a city's)
 * evaluated against the other units: difference-in-differences as a two-way fixed-effects Poisson model
 * with an event study (rates when populations are given), and the synthetic control for many donors.
 *
 * With a single treated unit, clustered standard errors rest on one treated cluster and are unreliable
 * (Conley & Taber 2011); the result says so and points to the synthetic control's placebo rank, which is
 * exact under random assignment of the program among the units.
 *
 * Reference: Conley TG, Taber CR (2011) Inference with "difference in differences" with a small number
 * of policy changes. Rev Econ Stat 93:113–125.
 */

import { englishText } from '../../messages/english';
import { type Message, msg } from '../../messages/message';
import { failureOf, MessageError } from '../../messages/message-error';
import { type CountPanel, dropUnits, treatmentTiming } from './count-panel';
import { type EventStudyResult, eventStudy } from './event-study';
import { type NetworkEstimate, type NetworkGuardrail, panelGuardrail } from './network-evaluation';
import { periodOrdinal } from './panel-periods';
import { type PanelSynth, panelSyntheticControl, type SynthOutcome } from './panel-synthetic-control';
import type { RobustCovarianceType } from './sandwich-covariance';
import { twfePoisson } from './twfe-poisson';

/** Options of {@link evaluateCity}. */
export interface CityEvaluationOptions {
  treated: string;
  /** Launch date `YYYY-MM-DD` (or a period label). */
  launch: string;
  methods?: readonly ('did' | 'synth')[];
  donors?: readonly string[];
  minPopulation?: number;
  outcome?: SynthOutcome;
  demeaned?: boolean;
  se?: RobustCovarianceType;
  eventWindow?: { lower: number; upper: number };
}

/** An estimate in the shared output shape; the synthetic control has no interval or standard error. */
export type CityEstimate =
  | (Omit<NetworkEstimate, 'method'> & { method: 'did' })
  | {
      method: 'synth';
      name: Message;
      label: string;
      estimate: number;
      lower: null;
      upper: null;
      pValue: number;
      se: null;
      coefficient: number;
    };

/** Result of {@link evaluateCity}. */
export interface CityEvaluation {
  treated: string;
  launchPeriod: string;
  launchIndex: number;
  units: number;
  periods: string[];
  estimates: CityEstimate[];
  eventStudy: EventStudyResult | null;
  synth: PanelSynth | null;
  /** Why an estimator could not run, in English (command line, JSON). */
  errors: Partial<Record<'did' | 'synth', string>>;
  /** The same as messages, to be written in the reader's language (when the reason has one). */
  errorMessages: Partial<Record<'did' | 'synth', Message>>;
  guardrails: NetworkGuardrail[];
}

/** Evaluates one treated unit of a panel. */
export function evaluateCity(panel: CountPanel, o: CityEvaluationOptions): CityEvaluation {
  const methods = new Set(o.methods ?? ['did', 'synth']);
  if (!panel.units.includes(o.treated))
    throw new MessageError(msg('failure:panel.unknownUnit', { unit: o.treated }));
  const k = periodOrdinal(o.launch, panel.step);
  if (k === null) throw new MessageError(msg('failure:panel.launchNotDate', { launch: o.launch }));
  const launchIndex = k - panel.firstOrdinal;
  if (launchIndex < 2 || launchIndex > panel.periods.length - 1) {
    throw new MessageError(
      msg('failure:panel.launchLeavesTooFew', {
        launch: o.launch,
        first: String(panel.periods[0]),
        last: String(panel.periods[panel.periods.length - 1]),
      }),
    );
  }
  const errors: CityEvaluation['errors'] = {};
  const errorMessages: CityEvaluation['errorMessages'] = {};
  const fail = (method: 'did' | 'synth', error: unknown) => {
    const f = failureOf(error);
    errors[method] = f.error;
    if (f.errorMessage) errorMessages[method] = f.errorMessage;
  };
  const estimates: CityEstimate[] = [];
  const guardrails: NetworkGuardrail[] = [];
  let es: EventStudyResult | null = null;
  let synth: PanelSynth | null = null;
  if (methods.has('synth')) {
    try {
      synth = panelSyntheticControl(panel, o.treated, launchIndex, {
        outcome: o.outcome,
        demeaned: o.demeaned,
        donors: o.donors,
        minPopulation: o.minPopulation,
      });
      const name = msg(synth.demeaned ? 'panel:estimator.synthDemeaned' : 'panel:estimator.synth', {
        outcome: msg(`panel:outcome.${synth.outcome}`),
        donors: synth.donors.length,
      });
      estimates.push({
        method: 'synth',
        name,
        label: englishText(name),
        estimate: synth.ratio,
        lower: null,
        upper: null,
        pValue: synth.pValue,
        se: null,
        coefficient: Math.log(synth.ratio),
      });
      for (const note of synth.noteMessages) {
        guardrails.push({ id: 'convex-hull', status: 'warn', message: note, text: englishText(note) });
      }
      if (synth.leaveOneOut.length > 0) {
        const r = synth.leaveOneOut.map((l) => l.ratio);
        guardrails.push(
          panelGuardrail('leave-one-out', 'info', 'leave-one-out', {
            min: { num: Math.min(...r), as: 'decimal', digits: 2 },
            max: { num: Math.max(...r), as: 'decimal', digits: 2 },
          }),
        );
      }
    } catch (error) {
      fail('synth', error);
    }
  }
  if (methods.has('did')) {
    try {
      const pool = synth ? synth.donors : (o.donors ?? panel.units.filter((u) => u !== o.treated));
      const keep = new Set([o.treated, ...pool]);
      const sub = dropUnits(
        panel,
        panel.units.filter((u) => !keep.has(u)),
      );
      const site = [{ unit: o.treated, start: o.launch }];
      const timing = treatmentTiming(sub, site);
      const se = o.se ?? 'cluster';
      const r = twfePoisson(sub, timing, se);
      const didName = msg('panel:estimator.did', { units: sub.units.length - 1 });
      estimates.push({
        method: 'did',
        name: didName,
        label: englishText(didName),
        estimate: r.estimate,
        lower: r.lower,
        upper: r.upper,
        pValue: r.pValue,
        se: r.se,
        coefficient: r.coefficient,
      });
      const lower = Math.max(-launchIndex, o.eventWindow?.lower ?? -6);
      es = eventStudy(sub, timing, { lower: Math.min(-2, lower), upper: o.eventWindow?.upper ?? 3 }, se);
      guardrails.push(panelGuardrail('one-treated-unit', 'warn', 'one-treated-unit'));
    } catch (error) {
      fail('did', error);
    }
  }
  return {
    treated: o.treated,
    launchPeriod: panel.periods[launchIndex] as string,
    launchIndex,
    units: panel.units.length,
    periods: panel.periods,
    estimates,
    eventStudy: es,
    synth,
    errors,
    errorMessages,
    guardrails,
  };
}
