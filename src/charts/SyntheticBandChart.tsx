/** Treated unit against its synthetic control, with the placebo band, and a table as text alternative. */
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../analysis/privacy/count-format';
import { bandChartSpec } from './ratio-profile-spec';

/** Props of {@link SyntheticBandChart}. */
export interface SyntheticBandChartProps {
  treatedLabel: string;
  outcomeLabel: string;
  periods: readonly string[];
  treated: ArrayLike<number>;
  synthetic: ArrayLike<number>;
  band: { lower: ArrayLike<number>; upper: ArrayLike<number>; runs: number } | null;
  launchIndex: number;
  width: number;
  height: number;
}

/** The chart component. */
export function SyntheticBandChart(p: SyntheticBandChartProps) {
  const spec = bandChartSpec(p.treated, p.synthetic, p.band, p.launchIndex, p.width, p.height);
  const { t } = useTranslation('charts');
  const last = p.periods.length - 1;
  const launch = p.periods[p.launchIndex];
  return (
    <figure className="chart synth-band-chart" data-testid="synth-band-chart">
      <figcaption>
        {t('vsSynthetic', { treated: p.treatedLabel })}{' '}
        <span className="muted">{t('synthCaption', { outcome: p.outcomeLabel, launch })}</span>
      </figcaption>
      <svg
        width={spec.width}
        height={spec.height}
        role="img"
        aria-label={t('synthLabel', {
          outcome: p.outcomeLabel,
          treated: p.treatedLabel,
          band: p.band ? t('withBand', { runs: p.band.runs }) : t('withoutBand'),
          launch,
        })}
      >
        {spec.bandPath && <path d={spec.bandPath} fill="#93c5fd" fillOpacity={0.35} stroke="none" />}
        <line
          x1={spec.launchX}
          x2={spec.launchX}
          y1={spec.plot.top}
          y2={spec.plot.bottom}
          stroke="#111827"
          strokeDasharray="3 3"
        />
        <path d={spec.syntheticPath} fill="none" stroke="#7e22ce" strokeWidth={2} strokeDasharray="5 3" />
        <path d={spec.treatedPath} fill="none" stroke="#1f2937" strokeWidth={2} />
        <text x={2} y={spec.plot.top + 8} className="axis">
          {formatDecimal(spec.yMax, 1)}
        </text>
        <text x={2} y={spec.plot.bottom} className="axis">
          {formatDecimal(spec.yMin, 1)}
        </text>
        <text x={spec.plot.left} y={spec.height - 6} className="axis">
          {p.periods[0]}
        </text>
        <text x={spec.plot.right} y={spec.height - 6} textAnchor="end" className="axis">
          {p.periods[last]}
        </text>
      </svg>
      <details className="small">
        <summary>{t('table')}</summary>
        <table className="estimates">
          <thead>
            <tr>
              <th scope="col">{t('period')}</th>
              <th scope="col">{p.treatedLabel}</th>
              <th scope="col">{t('synthetic')}</th>
              {p.band && <th scope="col">{t('placeboRange')}</th>}
            </tr>
          </thead>
          <tbody>
            {p.periods.map((period, i) => (
              <tr key={period}>
                <th scope="row">{period}</th>
                <td>{formatDecimal(p.treated[i] as number, 2)}</td>
                <td>{formatDecimal(p.synthetic[i] as number, 2)}</td>
                {p.band && (
                  <td>
                    {t('range', {
                      lower: formatDecimal(p.band.lower[i] as number, 2),
                      upper: formatDecimal(p.band.upper[i] as number, 2),
                    })}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
