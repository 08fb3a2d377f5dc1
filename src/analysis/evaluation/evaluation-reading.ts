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
 * Pure: numbers in, sentences out; every number is written by the app's formatting module.
 */
import {
  formatCi,
  formatDecimal,
  formatPercentChange,
  formatPValue,
  formatRatio,
} from '../privacy/count-format';

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
  error: string;
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
  name: string;
  status: TrustStatus;
  /** Null when the design did not run. */
  direction: Direction | null;
  /** The estimate in words, e.g. "0.67× (−33%), 95% CI 0.53–0.83". */
  estimate: string;
  /** Why the status is what it is (one sentence each). */
  reasons: string[];
}

/** The reading of one evaluation. */
export interface EvaluationReading {
  /** What the estimates say together, in one or two sentences. */
  headline: string;
  /** The design to trust most, or null when none is credible. */
  preferred: ReadingDesign | null;
  /** Which design to trust and why. */
  trust: string;
  /** The designs' estimates side by side in one sentence. */
  sideBySide: string;
  /** Why the designs disagree, or null when they do not. */
  disagreement: string | null;
  designs: DesignReading[];
  /** Every rule that fired. */
  rules: ReadingRule[];
}

const NAMES: Record<ReadingDesign, string> = {
  did: 'difference-in-differences',
  synth: 'synthetic control',
  its: 'interrupted time series',
  wdd: 'weighted displacement difference',
  prepost: 'pre/post comparison',
};
const SHORT: Record<ReadingDesign, string> = {
  did: 'DiD',
  synth: 'synthetic control',
  its: 'ITS',
  wdd: 'WDD',
  prepost: 'pre/post',
};
/** Fit error (pre-RMSPE / Poisson noise) above which the synthetic control is set aside. */
const SYNTH_POOR_FIT_RATIO = 1.5;
/** Designs that compare with other areas over the same time. */
const RELATIVE = new Set<ReadingDesign>(['did', 'synth', 'wdd']);

/** "a", "a and b", "a, b and c". */
function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function failed(x: object | null): x is FailedFact {
  return x !== null && 'error' in x;
}

function ratioDirection(f: { lower: number; upper: number }, one = 1): Direction {
  if (f.upper < one) return 'decline';
  if (f.lower > one) return 'increase';
  return 'no-change';
}

function ratioWords(r: RatioFact): string {
  return `${formatRatio(r.ratio)} (${formatPercentChange(r.ratio - 1, 0)}), ${formatCi(r.lower, r.upper)}`;
}

function eventsWords(events: number, digits = 0): string {
  return `${events > 0 ? '+' : ''}${formatDecimal(events, digits)}`;
}

/** Reads an evaluation's facts (see the module header for the rules). */
export function evaluationReading(f: ReadingFacts): EvaluationReading {
  const rules = new Set<ReadingRule>();
  const fire = (rule: ReadingRule) => rules.add(rule);
  const period = f.by === 'month' ? 'month' : 'quarter';
  const minPre = f.by === 'month' ? 24 : 8;
  const perYear = f.by === 'month' ? 12 : 4;
  const common: string[] = [];
  if (f.fewestPreEvents < 10) {
    fire('few-events');
    common.push(
      `A unit had only ${formatDecimal(f.fewestPreEvents, 0)} ${f.unit} before launch (fewer than 10), so every estimate is unstable.`,
    );
  }
  if (f.postPeriods < perYear) {
    fire('short-post');
    common.push(`Less than a year after launch (${f.postPeriods} ${period}s): too soon to judge an effect.`);
  }
  const shortPre =
    f.prePeriods < minPre
      ? `Only ${f.prePeriods} ${period}s before launch (fewer than ${minPre}): the pre-launch trend is poorly known.`
      : null;

  const designs: DesignReading[] = [];
  const notRun = (design: ReadingDesign, fact: FailedFact | null) => {
    if (fact) fire('not-run');
    designs.push({
      design,
      name: NAMES[design],
      status: 'not-run',
      direction: null,
      estimate: '',
      reasons: [fact ? `Not computed: ${fact.error}.` : 'Not computed.'],
    });
  };
  const add = (
    design: ReadingDesign,
    direction: Direction,
    estimate: string,
    cautions: string[],
    fatal: string[],
    usesTrend: boolean,
  ) => {
    const all = [...fatal, ...common, ...(usesTrend && shortPre ? [shortPre] : []), ...cautions];
    if (usesTrend && shortPre) fire('short-pre');
    designs.push({
      design,
      name: NAMES[design],
      status: fatal.length > 0 ? 'distrust' : all.length > 0 ? 'caution' : 'trust',
      direction,
      estimate,
      reasons: all,
    });
  };

  // Difference-in-differences.
  if (f.did && !failed(f.did)) {
    const cautions: string[] = [];
    if (f.did.preTrendP === null) {
      fire('did-no-pre-trend-test');
      cautions.push('Whether catchment and comparison moved in parallel before launch could not be checked.');
    } else if (f.did.preTrendP < 0.05) {
      fire('did-pre-trend');
      cautions.push(
        `The pre-trend test (${formatPValue(f.did.preTrendP)}) shows the catchment and the comparison areas were already drifting apart before launch, so part of the estimate may be that drift.`,
      );
    }
    add('did', ratioDirection(f.did), ratioWords(f.did), cautions, [], true);
  } else notRun('did', f.did);

  // Synthetic control.
  if (f.synth && !failed(f.synth)) {
    const s = f.synth;
    const fatal: string[] = [];
    const cautions: string[] = [];
    if (s.noiseRatio > SYNTH_POOR_FIT_RATIO) {
      fire('synth-poor-fit');
      fatal.push(
        `Its weighted donor areas do not reproduce the catchment before launch (fit error, RMSPE, ${formatDecimal(s.noiseRatio, 1)}× the random noise level), so it is not a credible comparison.`,
      );
    } else if (s.levelOutside) {
      fire('synth-poor-fit');
      fatal.push(
        'The catchment had more (or fewer) events before launch than any donor area, so no mix of them can match it.',
      );
    }
    if (1 / (s.donors + 1) > 0.1) {
      fire('synth-few-donors');
      cautions.push(
        `With ${s.donors} donor areas the placebo p cannot go below ${formatDecimal(1 / (s.donors + 1), 2)}.`,
      );
    }
    const dir: Direction = s.placeboP <= 0.05 ? (s.ratio < 1 ? 'decline' : 'increase') : 'no-change';
    add(
      'synth',
      dir,
      `${formatRatio(s.ratio)} of its synthetic total (${formatPercentChange(s.ratio - 1, 0)}), placebo ${formatPValue(s.placeboP)}`,
      cautions,
      fatal,
      true,
    );
  } else notRun('synth', f.synth);

  // Interrupted time series.
  if (f.its && !failed(f.its)) {
    const t = f.its;
    const fatal: string[] = [];
    const cautions: string[] = [];
    if (t.observedMax > 0 && t.counterfactualMax > 2 * t.observedMax) {
      fire('its-runaway');
      fatal.push(
        `It projects the pre-launch trend to ${formatDecimal(t.counterfactualMax, 1)} ${f.unit} per ${period}, ${formatDecimal(t.counterfactualMax / t.observedMax, 1)}× anything observed: that projection is not plausible.`,
      );
    }
    if (t.ljungBoxP < 0.05) {
      fire('its-autocorrelation');
      cautions.push(
        `Its residuals are autocorrelated (Ljung-Box ${formatPValue(t.ljungBoxP)}), so its interval is too narrow.`,
      );
    }
    fire('its-no-comparison');
    cautions.push(
      'It has no comparison areas: it assumes the pre-launch trend would have continued, so a citywide change after launch counts as effect.',
    );
    add('its', ratioDirection(t.level), `level ${ratioWords(t.level)}`, cautions, fatal, true);
  } else notRun('its', f.its);

  // Weighted displacement difference.
  if (f.wdd && !failed(f.wdd)) {
    const w = f.wdd;
    const fatal: string[] = [];
    if (w.controlToTreated > 2 || w.controlToTreated < 0.5) {
      fire('wdd-control-size');
      fatal.push(
        `Its control area had ${formatDecimal(w.controlToTreated, 1)}× the catchment's ${f.unit} before launch; the WDD counts events, so the control's own change in volume dominates it.`,
      );
    }
    add(
      'wdd',
      ratioDirection(w, 0),
      `${eventsWords(w.events)} ${f.unit}, ${formatCi(w.lower, w.upper, 0.95, 0)}`,
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
      [
        'It compares the catchment only with its own past: any citywide change shows up as if it were the program.',
      ],
      [],
      false,
    );
  } else notRun('prepost', f.prePost);

  const rank = (d: DesignReading) =>
    ['trust', 'caution', 'distrust', 'not-run'].indexOf(d.status) * 10 + READING_DESIGNS.indexOf(d.design);
  const ordered = [...designs].sort((a, b) => rank(a) - rank(b));
  const best = ordered.find((d) => d.status === 'trust' || d.status === 'caution') ?? null;
  const byId = (id: ReadingDesign) => designs.find((d) => d.design === id)!;
  const ran = designs.filter((d) => d.status !== 'not-run');
  const sideBySide =
    ran.length > 0
      ? `Side by side: ${ran.map((d) => `${SHORT[d.design]} ${d.estimate}`).join('; ')}.`
      : 'No design could be computed.';

  const dirWord: Record<Direction, string> = {
    decline: 'a decline',
    increase: 'an increase',
    'no-change': 'no detectable change',
  };
  let trust: string;
  let headline: string;
  if (!best) {
    fire('no-credible-design');
    trust = 'None of the designs gives a credible estimate here.';
    headline =
      ran.length > 0
        ? 'No design gives a credible estimate here; the numbers below are shown with the reasons to set each aside.'
        : 'No design could be computed.';
  } else {
    const why: Record<ReadingDesign, string> = {
      did: `it compares the catchment with ${f.comparisonUnits} comparison area${f.comparisonUnits === 1 ? '' : 's'} over the same ${period}s, so a change shared with them is not counted as effect`,
      synth:
        'it compares the catchment with a weighted mix of other areas that matched it before launch, so a change shared with them is not counted as effect',
      its: 'it models the catchment’s own trend and seasons before launch, though without comparison areas',
      wdd: 'it nets out the change in the comparison areas',
      prepost: 'it is the only credible design computed here, though it has no comparison',
    };
    trust =
      `Trust the ${best.name} most here${best.status === 'caution' ? ', with caution' : ''}: ${why[best.design]}.` +
      (best.reasons.length > 0 ? ` ${best.reasons.join(' ')}` : '');
    const distrusted = designs.filter((d) => d.status === 'distrust');
    if (distrusted.length > 0) {
      const because = (d: DesignReading) =>
        `the ${d.name}, because ${d.reasons[0]!.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase()).replace(/\.$/, '')}`;
      trust += ` Set aside ${distrusted.map(because).join('; and ')}.`;
    }
    const own = (['prepost', 'its'] as const)
      .map(byId)
      .filter((d) => d.status === 'trust' || d.status === 'caution');
    const ownDecline = own.filter((d) => d.direction === 'decline');
    const subject = `${f.unit} in the catchment`;
    if (RELATIVE.has(best.design)) {
      if (best.direction === 'decline') {
        fire('relative-decline');
        headline = `Relative to the comparison areas, ${subject} fell after launch (${SHORT[best.design]} ${best.estimate}).`;
      } else if (best.direction === 'increase') {
        fire('relative-increase');
        headline = `Relative to the comparison areas, ${subject} rose after launch (${SHORT[best.design]} ${best.estimate}): the catchment fared worse than they did.`;
      } else if (ownDecline.length > 0) {
        fire('shared-decline');
        headline = `${subject[0]!.toUpperCase()}${subject.slice(1)} fell after launch (${ownDecline.map((d) => `${SHORT[d.design]} ${d.estimate.split(',')[0]}`).join(', ')}), but the comparison areas fell about as much: relative to them no change is detected (${SHORT[best.design]} ${best.estimate}). The drop is most likely a wider trend, not the program's doing.`;
      } else {
        fire('relative-no-change');
        headline = `No change is detected after launch, neither in the catchment alone nor relative to the comparison areas (${SHORT[best.design]} ${best.estimate}).`;
      }
    } else {
      fire('own-only');
      headline =
        best.direction === 'no-change'
          ? `No change is detected in ${subject} after launch (${SHORT[best.design]} ${best.estimate}); without a credible comparison this says nothing about the rest of the city.`
          : `${subject[0]!.toUpperCase()}${subject.slice(1)} show ${dirWord[best.direction!]} after launch (${SHORT[best.design]} ${best.estimate}), but no credible comparison tells whether other areas changed as much, so it cannot be credited to the program.`;
    }
  }

  // Disagreement: credible designs pointing different ways, or a set-aside design contradicting the trusted one.
  let disagreement: string | null = null;
  const credible = ran.filter((d) => d.status === 'trust' || d.status === 'caution');
  const directions = new Set(credible.map((d) => d.direction));
  const contradicting = best ? ran.filter((d) => d.direction !== best.direction) : [];
  if (directions.size > 1 || (best && contradicting.length > 0)) {
    fire('designs-disagree');
    const groups = (['decline', 'increase', 'no-change'] as const)
      .map((dir) => ({ dir, list: ran.filter((d) => d.direction === dir) }))
      .filter((g) => g.list.length > 0)
      .map(
        (g) =>
          `${listWords(g.list.map((d) => SHORT[d.design]))} ${g.list.length === 1 ? 'shows' : 'show'} ${dirWord[g.dir]}`,
      );
    const questions: string[] = [];
    const has = (id: ReadingDesign) => ran.some((d) => d.design === id);
    if (has('prepost') || has('its'))
      questions.push(
        `${listWords((['prepost', 'its'] as const).filter(has).map((id) => SHORT[id]))} compare${has('prepost') && has('its') ? '' : 's'} the catchment with its own past`,
      );
    if (has('did') || has('synth'))
      questions.push(
        `${listWords((['did', 'synth'] as const).filter(has).map((id) => SHORT[id]))} compare${has('did') && has('synth') ? '' : 's'} it with other areas over the same time`,
      );
    if (has('wdd'))
      questions.push('the WDD counts events, not rates, so areas of different size weigh in by their volume');
    disagreement = `The designs disagree: ${groups.join('; ')}. They answer different questions: ${questions.join('; ')}.${
      best ? ` Read the ${best.name} first (see above).` : ''
    }`;
  }

  return {
    headline,
    preferred: best?.design ?? null,
    trust,
    sideBySide,
    disagreement,
    designs: ordered,
    rules: [...rules],
  };
}
