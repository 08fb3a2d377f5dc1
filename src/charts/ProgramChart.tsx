/** The program chart: counts in the catchment per period, the comparison, the ITS counterfactual, the launch. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Okabe-Ito colours (distinct under the common colour-vision deficiencies); lines also differ in dash. */
const COLORS = {
  total: '#000000',
  fatal: '#d55e00',
  nonfatal: '#e69f00',
  comparison: '#0072b2',
  counterfactual: '#cc79a7',
  means: '#009e73',
};

/** A short sample of a line as drawn in the chart, for the legend. */
function LineKey({ color, dash, width = 2 }: { color: string; dash?: string; width?: number }) {
  return (
    <svg width={18} height={8} aria-hidden="true" style={{ marginRight: 3, verticalAlign: 'middle' }}>
      <line x1={0} x2={18} y1={4} y2={4} stroke={color} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/** The chart component. */
export function ProgramChart(p: ProgramChartProps) {
  const { t } = useTranslation('program');
  const spec = programChartSpec(p, p.width, p.height, { fontSize: p.fontSize });
  const clipId = `program-plot-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const per = t(`per.${p.by}`);
  return (
    <figure className="chart program-chart">
      <figcaption>
        {t('chartTitle', { unit: t(`common:${p.unit}Title`), per })}{' '}
        <span className="muted">— {t('launch', { label: p.launchLabel })}</span>
      </figcaption>
      <svg
        width={spec.width}
        height={spec.height}
        role="img"
        aria-label={t('chartLabel', { unit: t(`common:${p.unit}`), per, label: p.launchLabel })}
        data-testid="program-chart"
      >
        {spec.yTicks.map((tick) => (
          <line
            key={`grid-${tick.value}`}
            x1={spec.plot.left}
            x2={spec.plot.right}
            y1={tick.y}
            y2={tick.y}
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
            strokeDasharray="2 1.5"
            opacity={0.9}
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
            stroke={COLORS.means}
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
        <span>
          <LineKey color={COLORS.total} />
          {t('all')}
        </span>
        <span>
          <LineKey color={COLORS.fatal} />
          {t('fatal')}
        </span>
        <span>
          <LineKey color={COLORS.nonfatal} dash="2 1.5" />
          {t('nonfatal')}
        </span>
        {spec.paths.comparison && (
          <span>
            <LineKey color={COLORS.comparison} width={1} />
            {t('comparison', { scale: formatDecimal(spec.comparisonScale ?? Number.NaN) })}
          </span>
        )}
        {spec.paths.counterfactual && (
          <span>
            <LineKey color={COLORS.counterfactual} dash="5 3" />
            {t('counterfactual')}
            {spec.counterfactualOff
              ? ` ${t('counterfactualOff', { max: formatDecimal(spec.counterfactualOff.max, 1), per, period: spec.counterfactualOff.period })}`
              : ''}
          </span>
        )}
        {spec.means.length > 0 && (
          <span>
            <LineKey color={COLORS.means} width={3} />
            {t('means')}
          </span>
        )}
      </div>
    </figure>
  );
}
