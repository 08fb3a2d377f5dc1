/**
 * What the designs of an evaluation say together (see `evaluation-reading.ts` for the rules): the design
 * to trust most and why, the headline, the estimates side by side, and the disagreement between designs
 * when there is one.
 */
import { type Message, type MessageValue, msg, sentences } from '../messages/message';
import type { DesignsRead } from './reading-designs';
import {
  type DesignReading,
  type Direction,
  type EvaluationReading,
  READING_DESIGNS,
  type ReadingDesign,
  type ReadingFacts,
  type ReadingRule,
} from './reading-types';

/** Designs that compare with other areas over the same time. */
const RELATIVE = new Set<ReadingDesign>(['did', 'synth', 'wdd']);

const short = (d: ReadingDesign) => msg(`reading:short.${d}`);
const theDesign = (d: ReadingDesign) => msg(`reading:theDesign.${d}`);
const dirWord = (d: Direction) => msg(`reading:direction.${d}`);

/**
 * Orders the designs (best status first, ties in the order of {@link READING_DESIGNS}) and writes the
 * trust, headline, side-by-side and disagreement sentences, calling `fire` with each rule that applies.
 */
export function readingVerdict(
  f: ReadingFacts,
  { designs, shortEstimate }: DesignsRead,
  fire: (rule: ReadingRule) => void,
): Omit<EvaluationReading, 'rules'> {
  const period = f.by === 'month' ? 'month' : 'quarter';
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

  return {
    headline,
    preferred: best?.design ?? null,
    trust,
    sideBySide,
    disagreement: disagreementOf(ran, best, fire),
    designs: ordered,
  };
}

/**
 * Why the designs disagree: credible designs pointing different ways, or a set-aside design contradicting
 * the trusted one. Null when they agree.
 */
function disagreementOf(
  ran: DesignReading[],
  best: DesignReading | null,
  fire: (rule: ReadingRule) => void,
): Message | null {
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
    return sentences([
      msg('reading:disagree', {
        groups: { list: groups, join: '; ' },
        questions: { list: questions, join: '; ' },
      }),
      ...(best ? [msg('reading:readFirst', { design: theDesign(best.design) })] : []),
    ]);
  }
  return null;
}
