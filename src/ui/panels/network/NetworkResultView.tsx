import type { NetworkEvaluation } from '../../../analysis/evaluation/panel/network-evaluation';
import { formatCi, formatPValue, formatRatio } from '../../../analysis/privacy/count-format';
import { RatioChart } from '../../../charts/RatioChart';
import { PanelGuardrails } from './PanelGuardrails';

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** A network's estimates, event-study profile, cohort estimates, weights diagnostic and guardrails. */
export function NetworkResultView({ r, width }: { r: NetworkEvaluation; width: number }) {
  const s = r.shape;
  const es = r.eventStudy;
  const points = es
    ? [
        ...es.terms
          .filter((t) => t.eventTime < -1)
          .map((t) => ({
            label: t.binned ? `≤${t.eventTime}` : String(t.eventTime),
            estimate: t.estimate,
            lower: t.lower,
            upper: t.upper,
          })),
        { label: '-1', estimate: 1, lower: 1, upper: 1, reference: true },
        ...es.terms
          .filter((t) => t.eventTime >= 0)
          .map((t) => ({
            label: t.binned ? `≥${t.eventTime}` : String(t.eventTime),
            estimate: t.estimate,
            lower: t.lower,
            upper: t.upper,
          })),
      ]
    : [];
  return (
    <div data-testid="network-result">
      <p className="small">
        {s.units} units × {s.periods} {s.step}s ({s.firstPeriod}–{s.lastPeriod}), {s.outcome};{' '}
        {s.treatedUnits} treated units in {s.cohorts.length} cohorts (
        {s.cohorts.map((c) => `${c.period}: ${c.units.length}`).join(', ')}), {s.neverTreatedUnits} never
        treated.
      </p>
      <table className="estimates" data-testid="network-estimates">
        <tbody>
          {r.estimates.map((e) => (
            <tr key={e.method}>
              <th scope="row">{e.label}</th>
              <td>
                <strong>{formatRatio(e.estimate)}</strong>
                <div className="small">{formatCi(e.lower, e.upper)}</div>
                <div className="small muted">{formatPValue(e.pValue)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">Standard errors: {r.seLabel}.</p>
      {es && (
        <RatioChart
          title="Event study: ratio by years since launch (reference: the year before)"
          description={`Event-study ratios with 95% intervals for ${es.terms.length} event times; the period before launch is the reference at 1; joint pre-trend test p = ${es.preTrend.pValue.toFixed(3)}`}
          points={points}
          splitAfter="-1"
          width={width}
          height={170}
          testId="network-event-study"
        />
      )}
      {r.robust && (
        <RatioChart
          title="Each cohort's own estimate (extended two-way fixed effects)"
          description={`Ratio and 95% interval for each of ${r.robust.cohorts.length} launch cohorts`}
          points={r.robust.cohorts.map((c) => ({
            label: `${c.cohort} (${c.units})`,
            estimate: c.estimate,
            lower: c.lower,
            upper: c.upper,
          }))}
          width={width}
          height={150}
          testId="network-cohorts"
        />
      )}
      {r.weights && (
        <p className="small" data-testid="network-weights">
          Weights of the pooled estimate: treated vs never treated {pct(r.weights.shares['treated-vs-never'])}
          , earlier vs later (not yet treated) {pct(r.weights.shares['earlier-vs-later'])}, later vs earlier
          (already treated) {pct(r.weights.shares['later-vs-earlier'])}.
        </p>
      )}
      {Object.entries(r.errors).map(([m, err]) => (
        <p key={m} className="small muted">
          {m}: not computed — {err}
        </p>
      ))}
      <PanelGuardrails guardrails={r.guardrails} />
    </div>
  );
}
