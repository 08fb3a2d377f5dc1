/** A small line chart of series over the same periods (e.g. an area beside the city), with a text alternative. */
import { type TrendSeries, trendLinesSpec } from './trend-lines-spec';

const STYLES = [
  { stroke: '#1d4ed8', dash: undefined },
  { stroke: '#6b7280', dash: '4 3' },
];

/** The chart; `description` is the sentence a screen reader gets instead of the lines. */
export function TrendLines({
  series,
  labels,
  indexed,
  width = 260,
  height = 90,
  title,
  description,
}: {
  series: readonly TrendSeries[];
  labels: readonly string[];
  indexed: boolean;
  width?: number;
  height?: number;
  title: string;
  description: string;
}) {
  const spec = trendLinesSpec(series, { width, height, indexed });
  return (
    <figure className="trend-lines">
      <figcaption className="small">{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={`${title}. ${description}`}>
        {indexed && (
          <line
            x1={0}
            x2={width}
            y1={height - 4 - ((100 - spec.domain[0]) / (spec.domain[1] - spec.domain[0] || 1)) * (height - 8)}
            y2={height - 4 - ((100 - spec.domain[0]) / (spec.domain[1] - spec.domain[0] || 1)) * (height - 8)}
            stroke="#d1d5db"
          />
        )}
        {spec.paths.map((d, i) => (
          <path
            key={series[i]!.label}
            d={d}
            fill="none"
            stroke={STYLES[i % STYLES.length]!.stroke}
            strokeDasharray={STYLES[i % STYLES.length]!.dash}
            strokeWidth={1.8}
          />
        ))}
      </svg>
      <div className="small muted trend-axis">
        <span>{labels[0]}</span>
        <span>
          {series.map((s, i) => (
            <span key={s.label} className="trend-key">
              <svg width={18} height={6} aria-hidden="true">
                <line
                  x1={0}
                  x2={18}
                  y1={3}
                  y2={3}
                  stroke={STYLES[i % STYLES.length]!.stroke}
                  strokeDasharray={STYLES[i % STYLES.length]!.dash}
                  strokeWidth={2}
                />
              </svg>{' '}
              {s.label}
            </span>
          ))}
        </span>
        <span>{labels[labels.length - 1]}</span>
      </div>
    </figure>
  );
}
