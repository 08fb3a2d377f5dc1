/**
 * A small bar chart of yearly totals with the value on each bar; partial years are hatched and labelled, and
 * hidden counts (publish mode) are grey hatched placeholders labelled "<k" or "suppressed".
 */
import { formatCount } from '../analysis/privacy/count-format';
import { type YearTotal, yearTrendSpec } from './year-trend-spec';

export function YearTrend({
  years,
  width,
  height,
  label,
  suppressBelow = 0,
}: {
  years: readonly YearTotal[];
  width: number;
  height: number;
  /** Text alternative (the same numbers as a sentence). */
  label: string;
  suppressBelow?: number;
}) {
  const spec = yearTrendSpec(years, width, height);
  return (
    <svg width={width} height={height} role="img" aria-label={label} data-testid="year-trend">
      <defs>
        <pattern id="partial-year" width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" fill="#fbb4ae" />
          <path d="M0 4 L4 0" stroke="#7f1d1d" strokeWidth="0.8" />
        </pattern>
        <pattern id="hidden-year" width="4" height="4" patternUnits="userSpaceOnUse">
          <rect width="4" height="4" fill="#f3f4f6" />
          <path d="M0 4 L4 0" stroke="#9ca3af" strokeWidth="0.8" />
        </pattern>
      </defs>
      {spec.bars.map((b) => (
        <g key={b.year}>
          <rect
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            fill={b.hidden !== null ? 'url(#hidden-year)' : b.partial ? 'url(#partial-year)' : '#b91c1c'}
          />
          <text
            x={b.x + b.width / 2}
            y={b.hidden !== null ? b.y + 12 : b.y - 3}
            textAnchor="middle"
            fontSize={10}
            fill="#222"
          >
            {b.hidden ?? formatCount(b.total, { suppressBelow })}
          </text>
          <text x={b.x + b.width / 2} y={height - 3} textAnchor="middle" fontSize={10} fill="#444">
            {b.partial ? `${b.year}*` : b.year}
          </text>
        </g>
      ))}
      <line x1={0} x2={width} y1={spec.baseline} y2={spec.baseline} stroke="#666" strokeWidth={0.8} />
    </svg>
  );
}
