import { useTranslation } from 'react-i18next';
import type { NetworkEvaluation } from '../../../analysis/evaluation/panel/network-evaluation';
import { formatCi, formatDecimal, formatPValue, formatRatio } from '../../../analysis/privacy/count-format';
import { RatioChart } from '../../../charts/RatioChart';
import { useMessage } from '../../i18n/use-message';
import { NotComputed } from './NotComputed';
import { PanelGuardrails } from './PanelGuardrails';

const pct = (x: number) => `${formatDecimal(100 * x, 0)}%`;

/** A network's estimates, event-study profile, cohort estimates, weights diagnostic and guardrails. */
export function NetworkResultView({ r, width }: { r: NetworkEvaluation; width: number }) {
  const { t } = useTranslation('network');
  const write = useMessage();
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
        {t('shape', {
          units: s.units,
          periods: s.periods,
          step: t(`step.${s.step}`, { defaultValue: `${s.step}s` }),
          first: s.firstPeriod,
          last: s.lastPeriod,
          outcome: t(s.outcome === 'count' ? 'outcome.count' : 'outcome.rate'),
          treated: s.treatedUnits,
          cohorts: s.cohorts.length,
          list: s.cohorts.map((c) => `${c.period}: ${c.units.length}`).join(', '),
          never: s.neverTreatedUnits,
        })}
      </p>
      <table className="estimates" data-testid="network-estimates">
        <tbody>
          {r.estimates.map((e) => (
            <tr key={e.method}>
              <th scope="row">{write(e.name)}</th>
              <td>
                <strong>{formatRatio(e.estimate)}</strong>
                <div className="small">{formatCi(e.lower, e.upper)}</div>
                <div className="small muted">{formatPValue(e.pValue)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small muted">{t('standardErrors', { label: write(r.seName) })}</p>
      {es && (
        <RatioChart
          title={t('eventStudyTitle')}
          description={t('eventStudyText', {
            terms: es.terms.length,
            p: formatDecimal(es.preTrend.pValue, 3),
          })}
          points={points}
          splitAfter="-1"
          width={width}
          height={170}
          testId="network-event-study"
        />
      )}
      {r.robust && (
        <RatioChart
          title={t('cohortsTitle')}
          description={t('cohortsText', { cohorts: r.robust.cohorts.length })}
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
          {t('weights', {
            never: pct(r.weights.shares['treated-vs-never']),
            earlier: pct(r.weights.shares['earlier-vs-later']),
            later: pct(r.weights.shares['later-vs-earlier']),
          })}
        </p>
      )}
      <NotComputed errors={r.errors} messages={r.errorMessages} />
      <PanelGuardrails guardrails={r.guardrails} />
    </div>
  );
}
