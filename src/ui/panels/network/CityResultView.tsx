import { useTranslation } from 'react-i18next';
import type { CityEvaluation } from '../../../analysis/evaluation/panel/city-evaluation';
import { formatCi, formatPValue, formatRatio } from '../../../analysis/privacy/count-format';
import { RatioChart } from '../../../charts/RatioChart';
import { SyntheticBandChart } from '../../../charts/SyntheticBandChart';
import { useMessage } from '../../i18n/use-message';
import { NotComputed } from './NotComputed';
import { PanelGuardrails } from './PanelGuardrails';

/** A city-level evaluation: estimates, treated vs synthetic with the placebo band, DiD event study. */
export function CityResultView({ r, width }: { r: CityEvaluation; width: number }) {
  const { t } = useTranslation('network');
  const write = useMessage();
  const s = r.synth;
  return (
    <div data-testid="city-result">
      <p className="small">
        {t('cityIntro', {
          treated: r.treated,
          others: r.units - 1,
          first: r.periods[0],
          last: r.periods[r.periods.length - 1],
          launch: r.launchPeriod,
        })}
      </p>
      <table className="estimates" data-testid="city-estimates">
        <tbody>
          {r.estimates.map((e) => (
            <tr key={e.method}>
              <th scope="row">{write(e.name)}</th>
              <td>
                <strong>{formatRatio(e.estimate)}</strong>
                <div className="small">
                  {e.method === 'synth'
                    ? t('noInterval', { units: (s?.placebos.length ?? 0) + 1 })
                    : formatCi(e.lower, e.upper)}
                </div>
                <div className="small muted">{formatPValue(e.pValue)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {s && (
        <SyntheticBandChart
          treatedLabel={r.treated}
          outcomeLabel={`${t(`outcome.${s.outcome}`)}${s.demeaned ? t('demeaned') : ''}`}
          periods={r.periods}
          treated={s.series}
          synthetic={s.synthetic}
          band={s.placeboBand}
          launchIndex={r.launchIndex}
          width={width}
          height={180}
        />
      )}
      {r.eventStudy && (
        <RatioChart
          title={t('didTitle')}
          description={t('didText', { treated: r.treated })}
          points={[
            ...r.eventStudy.terms
              .filter((t) => t.eventTime < -1)
              .map((t) => ({
                label: String(t.eventTime),
                estimate: t.estimate,
                lower: t.lower,
                upper: t.upper,
              })),
            { label: '-1', estimate: 1, lower: 1, upper: 1, reference: true },
            ...r.eventStudy.terms
              .filter((t) => t.eventTime >= 0)
              .map((t) => ({
                label: String(t.eventTime),
                estimate: t.estimate,
                lower: t.lower,
                upper: t.upper,
              })),
          ]}
          splitAfter="-1"
          width={width}
          height={150}
          testId="city-event-study"
        />
      )}
      <NotComputed errors={r.errors} messages={r.errorMessages} />
      <PanelGuardrails guardrails={r.guardrails} />
    </div>
  );
}
