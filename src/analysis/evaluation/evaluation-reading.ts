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
import { type Message, type MessageValue, msg, sentences } from '../messages/message';

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

/** Fit error (pre-RMSPE / Poisson noise) above which the synthetic control is set aside. */
const SYNTH_POOR_FIT_RATIO = 1.5;
/** Designs that compare with other areas over the same time. */
const RELATIVE = new Set<ReadingDesign>(['did', 'synth', 'wdd']);

const short = (d: ReadingDesign) => msg(`reading:short.${d}`);
const theDesign = (d: ReadingDesign) => msg(`reading:theDesign.${d}`);
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

/** Reads an evaluation's facts (see the module header for the rules). */
export function evaluationReading(f: ReadingFacts): EvaluationReading {
  const rules = new Set<ReadingRule>();
  const fire = (rule: ReadingRule) => rules.add(rule);
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
  /** The estimate without its interval, for the headline (keyed by design). */
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

  const rank = (d: DesignReading) =>
    ['trust', 'caution', 'distrust', 'not-run'].indexOf(d.status) * 10 + READING_DESIGNS.indexOf(d.design);
  const ordered = [...designs].sort((a, b) => rank(a) - rank(b));
  const best = ordered.find((d) => d.status === 'trust' || d.status === 'caution') ?? null;
  const byId = (id: ReadingDesign) => designs.find((d) => d.design === id)!;
  const ran = designs.filter((d) => d.status !== 'not-run');
  const item = (d: DesignReading, estimate: Message) =>
    msg('reading:item', { design: short(d.design), estimate });
  const sideBySide =
    ran.length > 0
      ? msg('reading:sideBySide', { list: { list: ran.map((d) => item(d, d.estimate!)), join: '; ' } })
      : msg('reading:noDesign');

  const dirWord = (d: Direction) => msg(`reading:direction.${d}`);
  let trust: Message;
  let headline: Message;
  if (!best) {
    fire('no-credible-design');
    trust = msg('reading:noCredibleTrust');
    headline = ran.length > 0 ? msg('reading:noCredibleHeadline') : msg('reading:noDesign');
  } else {
    const why =
      best.design === 'did'
        ? msg('reading:why.did', { count: f.comparisonUnits, periods: msg(`reading:periods.${period}`) })
        : msg(`reading:why.${best.design}`);
    const parts: Message[] = [
      msg(best.status === 'caution' ? 'reading:trustCaution' : 'reading:trust', {
        design: theDesign(best.design),
        why,
      }),
      ...best.reasons,
    ];
    const distrusted = designs.filter((d) => d.status === 'distrust');
    if (distrusted.length > 0) {
      const because = (d: DesignReading) =>
        msg('reading:setAsideItem', { design: theDesign(d.design), reason: { clause: d.reasons[0]! } });
      parts.push(msg('reading:setAside', { list: { list: distrusted.map(because), join: 'semicolonAnd' } }));
    }
    trust = sentences(parts);
    const own = (['prepost', 'its'] as const)
      .map(byId)
      .filter((d) => d.status === 'trust' || d.status === 'caution');
    const ownDecline = own.filter((d) => d.direction === 'decline');
    const subject = msg(`reading:subject.${f.unit}`);
    const subjectMid = msg(`reading:subjectMid.${f.unit}`);
    const bestValues = { design: short(best.design), estimate: best.estimate! };
    if (RELATIVE.has(best.design)) {
      if (best.direction === 'decline') {
        fire('relative-decline');
        headline = msg('reading:headline.relative-decline', { subject: subjectMid, ...bestValues });
      } else if (best.direction === 'increase') {
        fire('relative-increase');
        headline = msg('reading:headline.relative-increase', { subject: subjectMid, ...bestValues });
      } else if (ownDecline.length > 0) {
        fire('shared-decline');
        headline = msg('reading:headline.shared-decline', {
          subject,
          own: { list: ownDecline.map((d) => item(d, shortEstimate.get(d.design)!)), join: ', ' },
          ...bestValues,
        });
      } else {
        fire('relative-no-change');
        headline = msg('reading:headline.relative-no-change', bestValues);
      }
    } else {
      fire('own-only');
      headline =
        best.direction === 'no-change'
          ? msg('reading:headline.own-no-change', { subject: subjectMid, ...bestValues })
          : msg('reading:headline.own-change', {
              subject,
              direction: dirWord(best.direction!),
              ...bestValues,
            });
    }
  }

  // Disagreement: credible designs pointing different ways, or a set-aside design contradicting the trusted one.
  let disagreement: Message | null = null;
  const credible = ran.filter((d) => d.status === 'trust' || d.status === 'caution');
  const directions = new Set(credible.map((d) => d.direction));
  const contradicting = best ? ran.filter((d) => d.direction !== best.direction) : [];
  if (directions.size > 1 || (best && contradicting.length > 0)) {
    fire('designs-disagree');
    const designList = (ids: readonly ReadingDesign[]): MessageValue => ({
      list: ids.map(short),
      join: 'and',
    });
    const groups = (['decline', 'increase', 'no-change'] as const)
      .map((dir) => ({ dir, list: ran.filter((d) => d.direction === dir) }))
      .filter((g) => g.list.length > 0)
      .map((g) =>
        msg('reading:group', {
          count: g.list.length,
          designs: designList(g.list.map((d) => d.design)),
          direction: dirWord(g.dir),
        }),
      );
    const questions: Message[] = [];
    const has = (id: ReadingDesign) => ran.some((d) => d.design === id);
    const ownIds = (['prepost', 'its'] as const).filter(has);
    if (ownIds.length > 0)
      questions.push(msg('reading:ownPast', { count: ownIds.length, designs: designList(ownIds) }));
    const otherIds = (['did', 'synth'] as const).filter(has);
    if (otherIds.length > 0)
      questions.push(msg('reading:otherAreas', { count: otherIds.length, designs: designList(otherIds) }));
    if (has('wdd')) questions.push(msg('reading:wddCounts'));
    disagreement = sentences([
      msg('reading:disagree', {
        groups: { list: groups, join: '; ' },
        questions: { list: questions, join: '; ' },
      }),
      ...(best ? [msg('reading:readFirst', { design: theDesign(best.design) })] : []),
    ]);
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
