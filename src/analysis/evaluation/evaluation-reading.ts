/**
 * Plain-language reading of a program evaluation: which design to trust here and why, and what the
 * estimates say together, including when they disagree.
 *
 * What it does. Each design's result is judged by fixed rules on the evaluation's own diagnostics, each
 * rule with an id (returned in `rules`, so every sentence can be traced to the rule that wrote it):
 *
 * - all designs: fewer than 10 events before launch in the catchment or a comparison unit
 *   (`few-events`) and a post-period under a year (`short-post`) call for caution;
 * - designs that lean on the pre-launch trend (ITS, DiD, synthetic control): a pre-period under 24
 *   months / 8 quarters (`short-pre`) calls for caution;
 * - pre/post compares the catchment only with its own past (`prepost-no-comparison`, caution);
 * - ITS: no comparison areas, the pre-launch trend is assumed to continue (`its-no-comparison`,
 *   caution); autocorrelated residuals, Ljung-Box p < 0.05 (`its-autocorrelation`, caution: intervals
 *   too narrow); a counterfactual that rises above twice the largest observed count (`its-runaway`,
 *   distrust: the projected trend is not plausible);
 * - WDD: a control area with more than twice or less than half the catchment's pre-window events
 *   (`wdd-control-size`, distrust: the WDD counts events, so the control's own volume moves it);
 * - DiD: event-study pre-trend test p < 0.05 (`did-pre-trend`, caution) or no pre-trend test
 *   (`did-no-pre-trend-test`, caution);
 * - synthetic control: a poor pre-launch fit, pre-RMSPE above 1.5 × the Poisson noise floor (the
 *   synthetic-control module's default threshold) or the catchment's level outside the donors' range
 *   (`synth-poor-fit`, distrust); fewer than 9 donors, so the placebo p
 *   cannot go below 0.1 (`synth-few-donors`, caution);
 * - a design that could not run is listed with its reason (`not-run`).
 *
 * A design is `trust` without any caution, `caution` with at least one, `distrust` with a fatal flaw.
 * The design to trust most is the best status, ties broken in the order DiD, synthetic control, ITS,
 * WDD, pre/post (designs with a comparison over the same time first, then those that model the trend).
 *
 * Direction of each estimate: a ratio is a decline when its 95% CI lies below 1 and an increase when
 * above 1; the WDD when its CI lies below or above 0 events; the synthetic control when its placebo p is
 * at most 0.05 (decline if the post-launch ratio is below 1). Otherwise no change is detected. The
 * headline follows the trusted design; when the catchment's own change (pre/post, ITS) shows a decline
 * that the comparison designs do not, the reading says the decline was shared (`shared-decline`). When
 * credible designs point in different directions, or a distrusted one contradicts the trusted one, the
 * disagreement is spelled out (`designs-disagree`) with what each design compares.
 *
 * Pure: numbers in, messages out. Every sentence is a message (a catalogue key and its values, see
 * `../messages/message.ts`), written in the reader's language by the interface and in English by the
 * command line; every number is written by the app's formatting module in that language.
 */
import type { Message } from '../messages/message';
import { readDesigns } from './reading-designs';
import type { EvaluationReading, ReadingFacts, ReadingRule, ReadingText } from './reading-types';
import { readingVerdict } from './reading-verdict';

export {
  type DesignReading,
  type Direction,
  type EvaluationReading,
  type FailedFact,
  type RatioFact,
  READING_DESIGNS,
  type ReadingDesign,
  type ReadingFacts,
  type ReadingRule,
  type ReadingText,
  type TrustStatus,
} from './reading-types';

/** Writes every message of a reading with `write` (e.g. in English for the command line). */
export function readingText(r: EvaluationReading, write: (m: Message) => string): ReadingText {
  return {
    headline: write(r.headline),
    preferred: r.preferred,
    trust: write(r.trust),
    sideBySide: write(r.sideBySide),
    disagreement: r.disagreement ? write(r.disagreement) : null,
    designs: r.designs.map((d) => ({
      design: d.design,
      name: write(d.name),
      status: d.status,
      direction: d.direction,
      estimate: d.estimate ? write(d.estimate) : '',
      reasons: d.reasons.map(write),
    })),
    rules: r.rules,
  };
}

/** Every message of a reading, for tests of the catalogues. */
export function readingMessages(r: EvaluationReading): Message[] {
  return [
    r.headline,
    r.trust,
    r.sideBySide,
    ...(r.disagreement ? [r.disagreement] : []),
    ...r.designs.flatMap((d) => [d.name, ...(d.estimate ? [d.estimate] : []), ...d.reasons]),
  ];
}

/** Reads an evaluation's facts (see the module header for the rules). */
export function evaluationReading(f: ReadingFacts): EvaluationReading {
  const rules = new Set<ReadingRule>();
  const fire = (rule: ReadingRule) => {
    rules.add(rule);
  };
  const read = readDesigns(f, fire);
  const verdict = readingVerdict(f, read, fire);
  return { ...verdict, rules: [...rules] };
}
