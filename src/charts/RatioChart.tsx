/** A ratio chart (event-study profile or cohort estimates): points with 95% intervals on a log axis, with a table as text alternative. */
import { useTranslation } from 'react-i18next';
import { formatCi, formatRatio } from '../analysis/privacy/count-format';
import { type RatioPoint, ratioChartSpec } from './ratio-profile-spec';

/** Props of {@link RatioChart}. */
export interface RatioChartProps {
  title: string;
  /** One sentence describing the chart for screen readers. */
  description: string;
  points: readonly RatioPoint[];
  /** Draw a dashed line between these two labels (e.g. before and after launch). */
  splitAfter?: string;
  width: number;
  height: number;
  testId: string;
}

/** The chart component. */
export function RatioChart(p: RatioChartProps) {
  const { t } = useTranslation('charts');
  const spec = ratioChartSpec(p.points, p.width, p.height);
  const split = p.splitAfter === undefined ? -1 : p.points.findIndex((pt) => pt.label === p.splitAfter);
  const splitX =
    split >= 0 && split < spec.points.length - 1
      ? (spec.points[split]!.x + spec.points[split + 1]!.x) / 2
      : null;
  return (
    <figure className="chart ratio-chart" data-testid={p.testId}>
      <figcaption>{p.title}</figcaption>
      <svg width={spec.width} height={spec.height} role="img" aria-label={p.description}>
        {spec.ticks.map((t) => (
          <g key={t.ratio}>
            <line
              x1={spec.plot.left}
              x2={spec.plot.right}
              y1={t.y}
              y2={t.y}
              stroke={t.ratio === 1 ? '#6b7280' : '#e5e7eb'}
              strokeDasharray={t.ratio === 1 ? '4 3' : undefined}
            />
            <text x={2} y={t.y + 3} className="axis">
              {formatRatio(t.ratio)}
            </text>
          </g>
        ))}
        {splitX !== null && (
          <line
            x1={splitX}
            x2={splitX}
            y1={spec.plot.top}
            y2={spec.plot.bottom}
            stroke="#111827"
            strokeDasharray="2 2"
          />
        )}
        {spec.points.map((pt) => (
          <g key={pt.label}>
            {!pt.reference && (
              <line x1={pt.x} x2={pt.x} y1={pt.yLower} y2={pt.yUpper} stroke="#2563eb" strokeWidth={2} />
            )}
            <circle cx={pt.x} cy={pt.y} r={3.5} fill={pt.reference ? '#fff' : '#1f2937'} stroke="#1f2937" />
            <text x={pt.x} y={spec.height - 6} textAnchor="middle" className="axis">
              {pt.label}
            </text>
          </g>
        ))}
      </svg>
      <details className="small">
        <summary>{t('table')}</summary>
        <table className="estimates">
          <tbody>
            {p.points.map((pt) => (
              <tr key={pt.label}>
                <th scope="row">{pt.label}</th>
                <td>
                  {pt.reference
                    ? t('referenceValue')
                    : `${formatRatio(pt.estimate)} ${formatCi(pt.lower, pt.upper)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
