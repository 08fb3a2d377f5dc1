/** Monthly counts with a brush: drag to select a month range, click outside the selection to clear it. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatMonth } from '../analysis/privacy/count-format';
import { brushAfterKey, monthAtX, timeHistogramSpec } from './time-histogram-spec';

/** Props of the histogram. */
export interface TimeHistogramProps {
  totals: Float64Array;
  fatal: Float64Array;
  firstMonth: string;
  unit: 'incidents' | 'victims';
  brush: [number, number] | null;
  onBrush(range: [number, number] | null): void;
  monthLabel(index: number): string;
  width: number;
  height: number;
}

/** The histogram component. */
export function TimeHistogram(p: TimeHistogramProps) {
  const { t } = useTranslation('charts');
  const spec = timeHistogramSpec(p.totals, p.fatal, p.firstMonth, p.width, p.height);
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const xOf = (e: React.PointerEvent) => e.clientX - svg.current!.getBoundingClientRect().left;

  const onDown = (e: React.PointerEvent) => {
    (e.target as Element).setPointerCapture?.(e.pointerId);
    const m = monthAtX(spec, xOf(e));
    setDrag(m);
    p.onBrush([m, m]);
  };
  const onMove = (e: React.PointerEvent) => {
    if (drag === null) return;
    const m = monthAtX(spec, xOf(e));
    p.onBrush([Math.min(drag, m), Math.max(drag, m)]);
  };
  const onUp = () => setDrag(null);
  const onKey = (e: React.KeyboardEvent) => {
    const next = brushAfterKey(p.brush, e.key, e.shiftKey, p.totals.length);
    if (next === undefined) return;
    e.preventDefault();
    p.onBrush(next);
  };
  const b = p.brush;
  const month = (i: number) => formatMonth(p.monthLabel(i));
  const label = b
    ? t('selectedRange', { from: month(b[0]), to: month(b[1]) })
    : t('allMonths', { from: month(0), to: month(p.totals.length - 1) });

  return (
    <figure className="chart time-histogram">
      <figcaption>
        {t('perMonth', { unit: t(`common:${p.unit}Title`) })} <span className="muted">— {label}</span>
        {b && (
          <button type="button" className="link" onClick={() => p.onBrush(null)}>
            {t('common:clear')}
          </button>
        )}
      </figcaption>
      {/* The keyboard twin of dragging: a slider whose value is the brushed range. */}
      <div
        className="brush-control"
        role="slider"
        tabIndex={0}
        aria-label={t('brushLabel')}
        aria-valuemin={0}
        aria-valuemax={p.totals.length - 1}
        aria-valuenow={b ? b[0] : 0}
        aria-valuetext={label}
        aria-describedby="brush-keys"
        onKeyDown={onKey}
        data-testid="time-brush"
      >
        <svg
          ref={svg}
          width={spec.width}
          height={spec.height}
          role="img"
          aria-label={t('histogramLabel', { unit: t(`common:${p.unit}`), label })}
          data-testid="time-histogram"
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
        >
          <text x={4} y={spec.plot.top + 8} className="axis">
            {formatCount(spec.max)}
          </text>
          <text x={4} y={spec.plot.bottom} className="axis">
            0
          </text>
          {spec.bars.map((bar) => {
            const inBrush = !b || (bar.month >= b[0] && bar.month <= b[1]);
            return (
              <g key={bar.month} className={inBrush ? 'bar in' : 'bar out'}>
                <rect
                  x={bar.x}
                  y={bar.yTotal}
                  width={Math.max(0.5, spec.barWidth - 0.5)}
                  height={spec.plot.bottom - bar.yTotal}
                  className="total"
                />
                <rect
                  x={bar.x}
                  y={bar.yFatal}
                  width={Math.max(0.5, spec.barWidth - 0.5)}
                  height={spec.plot.bottom - bar.yFatal}
                  className="fatal"
                />
              </g>
            );
          })}
          {b && (
            <rect
              className="brush"
              x={spec.plot.left + b[0] * spec.barWidth}
              y={spec.plot.top}
              width={(b[1] - b[0] + 1) * spec.barWidth}
              height={spec.plot.bottom - spec.plot.top}
            />
          )}
          {spec.yearTicks.map((t) => (
            <text key={t.label} x={t.x} y={spec.height - 4} className="axis">
              {t.label}
            </text>
          ))}
        </svg>
      </div>
      <div className="legend-inline">
        <span className="swatch total" /> {t('all')} <span className="swatch fatal" /> {t('fatal')}{' '}
        <span className="muted brush-keys" id="brush-keys">
          {t('brushKeys')}
        </span>
      </div>
      <details className="data-table">
        <summary>{t('dataTable')}</summary>
        <table>
          <caption className="visually-hidden">{t('perMonth', { unit: t(`common:${p.unit}Title`) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('month')}</th>
              <th scope="col">{t('all')}</th>
              <th scope="col">{t('fatal')}</th>
            </tr>
          </thead>
          <tbody>
            {spec.bars.map((bar) => (
              <tr key={bar.month}>
                <th scope="row">{month(bar.month)}</th>
                <td>{formatCount(bar.total)}</td>
                <td>{formatCount(bar.fatal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
