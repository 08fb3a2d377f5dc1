/** The program chart: counts in the catchment per period, the comparison, the ITS counterfactual, the launch. */
import { useId } from 'react';
import { formatDecimal } from '../analysis/privacy/count-format';
import { type ProgramChartInput, programChartSpec } from './program-chart-spec';

/** Props of {@link ProgramChart}. */
export interface ProgramChartProps extends ProgramChartInput {
  unit: 'incidents' | 'victims';
  by: 'month' | 'quarter';
  launchLabel: string;
  width: number;
  height: number;
  /** Axis label font size in CSS pixels. Default 10. */
  fontSize?: number;
}

const COLORS = {
  total: '#1f2937',
  fatal: '#b91c1c',
  nonfatal: '#d97706',
  comparison: '#2563eb',
  counterfactual: '#7e22ce',
};

/** The chart component. */
export function ProgramChart(p: ProgramChartProps) {
  const spec = programChartSpec(p, p.width, p.height, { fontSize: p.fontSize });
  const clipId = `program-plot-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const per = p.by === 'month' ? 'month' : 'quarter';
  return (
    <figure className="chart program-chart">
      <figcaption>
        {p.unit === 'incidents' ? 'Incidents' : 'Victims'} per {per} in the catchment{' '}
        <span className="muted">— launch {p.launchLabel}</span>
      </figcaption>
      <svg
        width={spec.width}
        height={spec.height}
        role="img"
        aria-label={`${p.unit} per ${per} inside the catchment, with the comparison units and the interrupted time series counterfactual; launch ${p.launchLabel}`}
        data-testid="program-chart"
      >
        {spec.yTicks.map((t) => (
          <line
            key={`grid-${t.value}`}
            x1={spec.plot.left}
            x2={spec.plot.right}
            y1={t.y}
            y2={t.y}
            stroke="#e5e7eb"
            strokeWidth={1}
          />
        ))}
        <line
          x1={spec.launchX}
          x2={spec.launchX}
          y1={spec.plot.top}
          y2={spec.plot.bottom}
          stroke="#111827"
          strokeDasharray="3 2"
          data-testid="program-launch"
        />
        <clipPath id={clipId}>
          <rect
            x={spec.plot.left}
            y={spec.plot.top}
            width={spec.plot.right - spec.plot.left}
            height={spec.plot.bottom - spec.plot.top}
          />
        </clipPath>
        <g clipPath={`url(#${clipId})`}>
          <path
            d={spec.paths.comparison}
            fill="none"
            stroke={COLORS.comparison}
            strokeWidth={1}
            opacity={0.7}
          />
          <path d={spec.paths.total} fill="none" stroke={COLORS.total} strokeWidth={1.2} />
          <path
            d={spec.paths.nonfatal}
            fill="none"
            stroke={COLORS.nonfatal}
            strokeWidth={0.9}
            opacity={0.8}
          />
          <path d={spec.paths.fatal} fill="none" stroke={COLORS.fatal} strokeWidth={0.9} />
          <path
            d={spec.paths.counterfactual}
            fill="none"
            stroke={COLORS.counterfactual}
            strokeWidth={1.6}
            strokeDasharray="5 3"
          />
        </g>
        {spec.counterfactualOff && (
          <path
            d={`M${spec.counterfactualOff.x - 4},${spec.plot.top + 6}L${spec.counterfactualOff.x},${spec.plot.top}L${spec.counterfactualOff.x + 4},${spec.plot.top + 6}Z`}
            fill={COLORS.counterfactual}
            data-testid="program-counterfactual-off"
          />
        )}
        {spec.means.map((m) => (
          <line
            key={m.label}
            x1={m.x1}
            x2={m.x2}
            y1={m.y}
            y2={m.y}
            stroke="#059669"
            strokeWidth={2.5}
            opacity={0.85}
          />
        ))}
        {spec.labels.map((l) => (
          <text
            key={`${l.anchor}-${l.text}`}
            x={l.x}
            y={l.y}
            textAnchor={l.anchor}
            dominantBaseline={l.anchor === 'end' ? 'middle' : 'auto'}
            className="axis"
            style={{ fontSize: spec.fontSize }}
          >
            {l.text}
          </text>
        ))}
      </svg>
      <div className="legend-inline program-legend">
        <span style={{ color: COLORS.total }}>━ all</span>
        <span style={{ color: COLORS.fatal }}>━ fatal</span>
        <span style={{ color: COLORS.nonfatal }}>━ non-fatal</span>
        {spec.paths.comparison && (
          <span style={{ color: COLORS.comparison }}>
            ━ comparison (×{formatDecimal(spec.comparisonScale ?? Number.NaN)}, scaled to the pre-launch
            level)
          </span>
        )}
        {spec.paths.counterfactual && (
          <span style={{ color: COLORS.counterfactual }}>
            ╍ ITS counterfactual
            {spec.counterfactualOff
              ? ` (▲ leaves the scale: up to ${formatDecimal(spec.counterfactualOff.max, 1)} per ${per} by ${spec.counterfactualOff.period})`
              : ''}
          </span>
        )}
        {spec.means.length > 0 && <span style={{ color: '#059669' }}>━ pre/post window means</span>}
      </div>
    </figure>
  );
}
