/**
 * The per-design rules of the evaluation reading (see `evaluation-reading.ts` for the rules themselves):
 * each design's result is judged on the evaluation's own diagnostics and gets a status (trust, caution,
 * distrust, not run), a direction, its estimate in words and the reasons for its status.
 */
import { type Message, type MessageValue, msg } from '../messages/message';
import type {
  DesignReading,
  Direction,
  FailedFact,
  RatioFact,
  ReadingDesign,
  ReadingFacts,
  ReadingRule,
} from './reading-types';

/** Fit error (pre-RMSPE / Poisson noise) above which the synthetic control is set aside. */
const SYNTH_POOR_FIT_RATIO = 1.5;

const reason = (rule: string, values?: Record<string, MessageValue>) => msg(`reading:reason.${rule}`, values);

function failed(x: object | null): x is FailedFact {
  return x !== null && 'error' in x;
}

function ratioDirection(f: { lower: number; upper: number }, one = 1): Direction {
  if (f.upper < one) return 'decline';
  if (f.lower > one) return 'increase';
  return 'no-change';
}

function ratioValues(r: { ratio: number }): Record<string, MessageValue> {
  return { ratio: { num: r.ratio, as: 'ratio' }, change: { num: r.ratio - 1, as: 'percentChange' } };
}

function ratioWords(r: RatioFact): Message {
  return msg('reading:ratioEstimate', { ...ratioValues(r), ci: { ci: [r.lower, r.upper] } });
}

/** Every design as read, in the preference order (DiD, synthetic control, ITS, WDD, pre/post). */
export interface DesignsRead {
  designs: DesignReading[];
  /** The estimate without its interval, for the headline (keyed by design). */
  shortEstimate: Map<ReadingDesign, Message>;
}

/**
 * Judges every design of an evaluation by the rules, calling `fire` with each rule that applies (in the
 * order the rules are checked).
 */
export function readDesigns(f: ReadingFacts, fire: (rule: ReadingRule) => void): DesignsRead {
  const period = f.by === 'month' ? 'month' : 'quarter';
  const periods = (count: number) => msg(`reading:period.${period}`, { count });
  const unit: MessageValue = { noun: f.unit };
  const minPre = f.by === 'month' ? 24 : 8;
  const perYear = f.by === 'month' ? 12 : 4;
  const common: Message[] = [];
  if (f.fewestPreEvents < 10) {
    fire('few-events');
    common.push(reason('few-events', { n: { num: f.fewestPreEvents, as: 'decimal', digits: 0 }, unit }));
  }
  if (f.postPeriods < perYear) {
    fire('short-post');
    common.push(reason('short-post', { periods: periods(f.postPeriods) }));
  }
  const shortPre =
    f.prePeriods < minPre ? reason('short-pre', { periods: periods(f.prePeriods), min: minPre }) : null;

  const designs: DesignReading[] = [];
  const shortEstimate = new Map<ReadingDesign, Message>();
  const notRun = (design: ReadingDesign, fact: FailedFact | null) => {
    if (fact) fire('not-run');
    designs.push({
      design,
      name: msg(`reading:design.${design}`),
      status: 'not-run',
      direction: null,
      estimate: null,
      reasons: [
        fact ? reason('not-run', { error: fact.errorMessage ?? fact.error }) : reason('not-run-plain'),
      ],
    });
  };
  const add = (
    design: ReadingDesign,
    direction: Direction,
    estimate: Message,
    brief: Message,
    cautions: Message[],
    fatal: Message[],
    usesTrend: boolean,
  ) => {
    const all = [...fatal, ...common, ...(usesTrend && shortPre ? [shortPre] : []), ...cautions];
    if (usesTrend && shortPre) fire('short-pre');
    shortEstimate.set(design, brief);
    designs.push({
      design,
      name: msg(`reading:design.${design}`),
      status: fatal.length > 0 ? 'distrust' : all.length > 0 ? 'caution' : 'trust',
      direction,
      estimate,
      reasons: all,
    });
  };

  // Difference-in-differences.
  if (f.did && !failed(f.did)) {
    const cautions: Message[] = [];
    if (f.did.preTrendP === null) {
      fire('did-no-pre-trend-test');
      cautions.push(reason('did-no-pre-trend-test'));
    } else if (f.did.preTrendP < 0.05) {
      fire('did-pre-trend');
      cautions.push(reason('did-pre-trend', { p: { num: f.did.preTrendP, as: 'pValue' } }));
    }
    add(
      'did',
      ratioDirection(f.did),
      ratioWords(f.did),
      msg('reading:ratioShort', ratioValues(f.did)),
      cautions,
      [],
      true,
    );
  } else notRun('did', f.did);

  // Synthetic control.
  if (f.synth && !failed(f.synth)) {
    const s = f.synth;
    const fatal: Message[] = [];
    const cautions: Message[] = [];
    if (s.noiseRatio > SYNTH_POOR_FIT_RATIO) {
      fire('synth-poor-fit');
      fatal.push(reason('synth-poor-fit', { ratio: { num: s.noiseRatio, as: 'decimal', digits: 1 } }));
    } else if (s.levelOutside) {
      fire('synth-poor-fit');
      fatal.push(reason('synth-level-outside'));
    }
    if (1 / (s.donors + 1) > 0.1) {
      fire('synth-few-donors');
      cautions.push(
        reason('synth-few-donors', {
          donors: s.donors,
          floor: { num: 1 / (s.donors + 1), as: 'decimal', digits: 2 },
        }),
      );
    }
    const dir: Direction = s.placeboP <= 0.05 ? (s.ratio < 1 ? 'decline' : 'increase') : 'no-change';
    add(
      'synth',
      dir,
      msg('reading:synthEstimate', { ...ratioValues(s), p: { num: s.placeboP, as: 'pValue' } }),
      msg('reading:synthShort', ratioValues(s)),
      cautions,
      fatal,
      true,
    );
  } else notRun('synth', f.synth);

  // Interrupted time series.
  if (f.its && !failed(f.its)) {
    const t = f.its;
    const fatal: Message[] = [];
    const cautions: Message[] = [];
    if (t.observedMax > 0 && t.counterfactualMax > 2 * t.observedMax) {
      fire('its-runaway');
      fatal.push(
        reason('its-runaway', {
          max: { num: t.counterfactualMax, as: 'decimal', digits: 1 },
          unit,
          period: msg(`reading:per.${period}`),
          times: { num: t.counterfactualMax / t.observedMax, as: 'decimal', digits: 1 },
        }),
      );
    }
    if (t.ljungBoxP < 0.05) {
      fire('its-autocorrelation');
      cautions.push(reason('its-autocorrelation', { p: { num: t.ljungBoxP, as: 'pValue' } }));
    }
    fire('its-no-comparison');
    cautions.push(reason('its-no-comparison'));
    add(
      'its',
      ratioDirection(t.level),
      msg('reading:itsEstimate', { estimate: ratioWords(t.level) }),
      msg('reading:itsEstimate', { estimate: msg('reading:ratioShort', ratioValues(t.level)) }),
      cautions,
      fatal,
      true,
    );
  } else notRun('its', f.its);

  // Weighted displacement difference.
  if (f.wdd && !failed(f.wdd)) {
    const w = f.wdd;
    const fatal: Message[] = [];
    if (w.controlToTreated > 2 || w.controlToTreated < 0.5) {
      fire('wdd-control-size');
      fatal.push(
        reason('wdd-control-size', { times: { num: w.controlToTreated, as: 'decimal', digits: 1 }, unit }),
      );
    }
    const events: MessageValue = { num: w.events, as: 'signed', digits: 0 };
    add(
      'wdd',
      ratioDirection(w, 0),
      msg('reading:wddEstimate', { events, unit, ci: { ci: [w.lower, w.upper], digits: 0 } }),
      msg('reading:wddShort', { events, unit }),
      [],
      fatal,
      false,
    );
  } else notRun('wdd', f.wdd);

  // Pre/post.
  if (f.prePost && !failed(f.prePost)) {
    fire('prepost-no-comparison');
    add(
      'prepost',
      ratioDirection(f.prePost),
      ratioWords(f.prePost),
      msg('reading:ratioShort', ratioValues(f.prePost)),
      [reason('prepost-no-comparison')],
      [],
      false,
    );
  } else notRun('prepost', f.prePost);

  return { designs, shortEstimate };
}
