/**
 * Shapes shared by every evaluation design: estimator ids, an estimator's outcome, the uniform estimate
 * record, guardrails, the full evaluation record, and the context each design reads from.
 */

import type { DifferenceInDifferences } from '../../analysis/evaluation/difference-in-differences';
import type { InterruptedTimeSeries } from '../../analysis/evaluation/interrupted-time-series';
import type { PrePostFromSeries } from '../../analysis/evaluation/pre-post-rate-ratio';
import type { SyntheticControl } from '../../analysis/evaluation/synthetic-control';
import type { WeightedDisplacementDifference } from '../../analysis/evaluation/weighted-displacement-difference';
import { englishText } from '../../analysis/messages/english';
import { type Message, type MessageValue, msg } from '../../analysis/messages/message';
import { type Failure, failureOf } from '../../analysis/messages/message-error';
import type { ProgramSeries, UnitSeries } from './program-series';

/** Estimator ids. */
export const EVALUATION_METHODS = ['prepost', 'wdd', 'its', 'did', 'synth'] as const;
/** An estimator id. */
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

/**
 * An estimator's result, or why it could not run: `error` in English (command line, JSON) and, when the
 * reason has one, `errorMessage` to be written in the reader's language.
 */
export type Outcome<T> = { ok: true; value: T } | ({ ok: false } & Failure);

/** One guardrail shown beside the numbers. */
export interface Guardrail {
  id:
    | 'pre-period'
    | 'post-period'
    | 'events-per-unit'
    | 'pre-trend'
    | 'autocorrelation'
    | 'donor-fit'
    | 'fatal-nonfatal'
    | 'control-size'
    | 'buffer-overlap';
  status: 'ok' | 'warn' | 'info';
  /** What it says, to be written in the reader's language. */
  message: Message;
  /** The message in English (command line, JSON summaries). */
  text: string;
}

/** A guardrail from its message (`guardrail:<key>` in the messages' catalogues). */
export function guardrail(
  id: Guardrail['id'],
  status: Guardrail['status'],
  key: string,
  values?: Record<string, MessageValue>,
): Guardrail {
  const message = msg(`guardrail:${key}`, values);
  return { id, status, message, text: englishText(message) };
}

/** "54 months", "5 quarters". */
export function periodCount(by: 'month' | 'quarter', count: number): Message {
  return msg(`reading:period.${by}`, { count });
}

/** One estimate in a uniform shape for tables and the command line. */
export interface EstimateSummary {
  method: EvaluationMethod;
  /** e.g. 'ITS level change'. */
  label: string;
  /** 'ratio' (1 = no change), 'difference' (0 = no change, events) or 'placebo' (no interval). */
  scale: 'ratio' | 'difference' | 'placebo';
  estimate: number;
  lower: number | null;
  upper: number | null;
  pValue: number | null;
  /** The design's own one-line reading, to be written in the reader's language. */
  message: Message;
  /** The same in English (command line, JSON). */
  reading: string;
}

/** An estimate's one-line reading: its message (`estimate:<key>`) and that message in English. */
export function estimateReading(
  key: string,
  values?: Record<string, MessageValue>,
): Pick<EstimateSummary, 'message' | 'reading'> {
  const message = msg(`estimate:${key}`, values);
  return { message, reading: englishText(message) };
}

/** Options of {@link evaluateProgram}. */
export interface EvaluateProgramOptions {
  /** Estimators to run. Default all. */
  methods?: readonly EvaluationMethod[];
  /** Pre/post and WDD window per side, in periods. Default 24 (monthly) or 8 (quarterly). */
  windowLength?: number;
  /** Confidence level. Default 0.95. */
  level?: number;
  /** Called after each estimator (for progress in a worker). */
  onProgress?: (done: number, total: number, method: EvaluationMethod) => void;
}

/** Everything an evaluation produced. */
export interface ProgramEvaluation {
  series: ProgramSeries;
  windowLength: number;
  prePost: Outcome<PrePostFromSeries> | null;
  prePostFatal: Outcome<PrePostFromSeries> | null;
  prePostNonfatal: Outcome<PrePostFromSeries> | null;
  wdd: Outcome<WeightedDisplacementDifference> | null;
  its: Outcome<InterruptedTimeSeries> | null;
  did: Outcome<DifferenceInDifferences> | null;
  synth: Outcome<SyntheticControl> | null;
  estimates: EstimateSummary[];
  guardrails: Guardrail[];
}

/** What every design reads: the series, its units by role and the shared settings. */
export interface DesignContext {
  series: ProgramSeries;
  level: number;
  /** Periods per year (12 or 4). */
  perYear: number;
  /** 'month' or 'quarter'. */
  periodWord: string;
  /** Pre/post and WDD window per side, in periods. */
  windowLength: number;
  /** Index of the launch period. */
  launchIndex: number;
  catchment: UnitSeries;
  comparison: UnitSeries[];
  /** Synthetic-control donor pool: comparison and donor units. */
  donors: UnitSeries[];
  ring: UnitSeries | undefined;
  /** 'incidents' or 'victims'. */
  eventLabel: string;
}

/** Runs an estimator and catches its failure as an {@link Outcome}. */
export function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, ...failureOf(error) };
  }
}

/** Sum of `values[from..to]` (inclusive). */
export function sumRange(values: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += values[i]!;
  return s;
}

/** Fixed decimals for guardrail text, with ∞ and — for non-finite values. */
export const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : x > 0 ? '∞' : '—');
