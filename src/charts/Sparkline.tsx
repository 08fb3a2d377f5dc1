/** A small SVG line of a series (e.g. a cell's Gi* z per time slice) with reference lines and end labels. */
import { sparklineSpec } from './sparkline-spec';

export function Sparkline({
  values,
  labels,
  width = 220,
  height = 56,
  references = [-1.96, 0, 1.96],
  title,
}: {
  values: ArrayLike<number>;
  /** Label of each value (first and last are shown). */
  labels: readonly string[];
  width?: number;
  height?: number;
  references?: readonly number[];
  title: string;
}) {
  const spec = sparklineSpec(values, { width, height, references });
  return (
    <figure style={{ margin: '4px 0' }}>
      <svg width={width} height={height} role="img" aria-label={title} data-testid="sparkline">
        <title>{title}</title>
        {spec.references.map((r) => (
          <line
            key={r.value}
            x1={0}
            x2={width}
            y1={r.y}
            y2={r.y}
            stroke={r.value === 0 ? '#999' : '#d73027'}
            strokeDasharray={r.value === 0 ? undefined : '3 3'}
            strokeWidth={0.8}
          />
        ))}
        <path d={spec.path} fill="none" stroke="#222" strokeWidth={1.5} />
        {spec.points.map((p, i) =>
          Number.isFinite(p.y) ? <circle key={labels[i] ?? i} cx={p.x} cy={p.y} r={1.8} fill="#222" /> : null,
        )}
      </svg>
      <figcaption style={{ display: 'flex', justifyContent: 'space-between', fontSize: 11, width }}>
        <span>{labels[0]}</span>
        <span>{labels[labels.length - 1]}</span>
      </figcaption>
    </figure>
  );
}
