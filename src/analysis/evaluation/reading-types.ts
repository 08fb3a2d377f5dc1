/**
 * The shapes of the plain-language reading of an evaluation (see `evaluation-reading.ts`): the facts it
 * reads, the rule ids it fires, and the reading it returns, as messages or written out in one language.
 */
import type { Message } from '../messages/message';

/** Evaluation designs, in the order of preference when equally credible. */
export const READING_DESIGNS = ['did', 'synth', 'its', 'wdd', 'prepost'] as const;
/** A design id. */
export type ReadingDesign = (typeof READING_DESIGNS)[number];

/** A ratio estimate with its 95% CI and p-value. */
export interface RatioFact {
  ratio: number;
  lower: number;
  upper: number;
  pValue: number;
}

/** A design that could not run. */
export interface FailedFact {
  /** In English. */
  error: string;
  /** The same as a message, when it has one. */
  errorMessage?: Message;
}

/** What the reading needs from one evaluation (each design: its facts, why it failed, or null if not run). */
export interface ReadingFacts {
  by: 'month' | 'quarter';
  unit: 'incidents' | 'victims';
  /** Periods before the launch period. */
  prePeriods: number;
  /** Periods from the launch period on. */
  postPeriods: number;
  /** Fewest events before launch in the catchment or any comparison unit. */
  fewestPreEvents: number;
  comparisonUnits: number;
  prePost: RatioFact | FailedFact | null;
  wdd:
    | { events: number; lower: number; upper: number; pValue: number; controlToTreated: number }
    | FailedFact
    | null;
  its:
    | { level: RatioFact; ljungBoxP: number; counterfactualMax: number; observedMax: number }
    | FailedFact
    | null;
  did: (RatioFact & { preTrendP: number | null }) | FailedFact | null;
  synth:
    | {
        ratio: number;
        placeboP: number;
        /** Pre-launch RMSPE / sqrt(catchment pre-launch mean): the fit error against Poisson noise. */
        noiseRatio: number;
        /** The catchment's pre-launch mean lies outside the range of the donors' pre-launch means. */
        levelOutside: boolean;
        donors: number;
      }
    | FailedFact
    | null;
}

/** Rule ids (see the module header). */
export type ReadingRule =
  | 'few-events'
  | 'short-post'
  | 'short-pre'
  | 'prepost-no-comparison'
  | 'its-no-comparison'
  | 'its-autocorrelation'
  | 'its-runaway'
  | 'wdd-control-size'
  | 'did-pre-trend'
  | 'did-no-pre-trend-test'
  | 'synth-poor-fit'
  | 'synth-few-donors'
  | 'not-run'
  | 'no-credible-design'
  | 'relative-decline'
  | 'relative-increase'
  | 'relative-no-change'
  | 'shared-decline'
  | 'own-only'
  | 'designs-disagree';

/** How far a design can be trusted here. */
export type TrustStatus = 'trust' | 'caution' | 'distrust' | 'not-run';
/** Direction an estimate points to. */
export type Direction = 'decline' | 'increase' | 'no-change';

/** One design as read. */
export interface DesignReading {
  design: ReadingDesign;
  /** The design's name. */
  name: Message;
  status: TrustStatus;
  /** Null when the design did not run. */
  direction: Direction | null;
  /** The estimate, e.g. "0.67× (−33%), 95% CI 0.53–0.83"; null when the design did not run. */
  estimate: Message | null;
  /** Why the status is what it is (one sentence each). */
  reasons: Message[];
}

/** The reading of one evaluation. */
export interface EvaluationReading {
  /** What the estimates say together, in one or two sentences. */
  headline: Message;
  /** The design to trust most, or null when none is credible. */
  preferred: ReadingDesign | null;
  /** Which design to trust and why. */
  trust: Message;
  /** The designs' estimates side by side in one sentence. */
  sideBySide: Message;
  /** Why the designs disagree, or null when they do not. */
  disagreement: Message | null;
  designs: DesignReading[];
  /** Every rule that fired. */
  rules: ReadingRule[];
}

/** A reading written out in one language. */
export interface ReadingText {
  headline: string;
  preferred: ReadingDesign | null;
  trust: string;
  sideBySide: string;
  disagreement: string | null;
  designs: {
    design: ReadingDesign;
    name: string;
    status: TrustStatus;
    direction: Direction | null;
    estimate: string;
    reasons: string[];
  }[];
  rules: ReadingRule[];
}
