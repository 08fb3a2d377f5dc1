/** Counts by hour of day × weekday; click an hour or a weekday to filter by it (the matrix ignores its own filter). */
import { useTranslation } from 'react-i18next';
import { formatCount } from '../analysis/privacy/count-format';
import { cssColor, rampColor } from '../map/layers/color-ramps';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Props of the matrix. */
export interface HourWeekdayMatrixProps {
  /** 169 counts: (weekday − 1) × 24 + hour, then unknown time. */
  counts: Float64Array;
  hours: readonly number[];
  weekdays: readonly number[];
  unit: 'incidents' | 'victims';
  onToggleHour(hour: number): void;
  onToggleWeekday(day: number): void;
  onClear(): void;
}

/** The matrix component. */
export function HourWeekdayMatrix(p: HourWeekdayMatrixProps) {
  const { t } = useTranslation('charts');
  let max = 0;
  for (let i = 0; i < 168; i++) max = Math.max(max, p.counts[i]!);
  const cell = 14;
  const left = 34;
  const top = 14;
  const filtered = p.hours.length < 24 || p.weekdays.length < 7;
  let busiest = 0;
  for (let i = 1; i < 168; i++) if (p.counts[i]! > p.counts[busiest]!) busiest = i;
  const summary = t('busiest', {
    day: t(`day.${DAYS[Math.floor(busiest / 24)]}`),
    hour: String(busiest % 24).padStart(2, '0'),
    count: formatCount(p.counts[busiest]!, { unit: p.unit }),
  });
  const activate = (e: React.KeyboardEvent, run: () => void) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    run();
  };
  return (
    <figure className="chart matrix">
      <figcaption>
        {t('matrixTitle')}{' '}
        <span className="muted">
          {p.counts[168]! > 0
            ? t('withoutTime', { count: formatCount(p.counts[168]!, { unit: p.unit }) })
            : ''}
        </span>
        {filtered && (
          <button type="button" className="link" onClick={p.onClear}>
            {t('common:clear')}
          </button>
        )}
      </figcaption>
      {/* biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; it groups the hour and weekday toggles. */}
      <svg
        width={left + 24 * cell + 4}
        height={top + 7 * cell + 4}
        data-testid="hour-weekday"
        role="group"
        aria-label={`${t('matrixLabel')}. ${summary}`}
      >
        {HOURS.map((h) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG text label is the toggle (a <button> cannot sit inside SVG); it is focusable and answers Enter and Space.
          <text
            key={`h${h}`}
            x={left + h * cell + cell / 2}
            y={top - 3}
            className={`axis clickable ${p.hours.includes(h) && p.hours.length < 24 ? 'on' : ''}`}
            textAnchor="middle"
            onClick={() => p.onToggleHour(h)}
            onKeyDown={(e) => activate(e, () => p.onToggleHour(h))}
            tabIndex={0}
            role="button"
            aria-pressed={p.hours.includes(h) && p.hours.length < 24}
            aria-label={t('hourButton', { hour: h })}
          >
            {h % 3 === 0 ? h : '·'}
          </text>
        ))}
        {DAYS.map((d, i) => (
          // biome-ignore lint/a11y/useSemanticElements: as above.
          <text
            key={d}
            x={2}
            y={top + i * cell + cell - 3}
            className={`axis clickable ${p.weekdays.includes(i + 1) && p.weekdays.length < 7 ? 'on' : ''}`}
            onClick={() => p.onToggleWeekday(i + 1)}
            onKeyDown={(e) => activate(e, () => p.onToggleWeekday(i + 1))}
            tabIndex={0}
            role="button"
            aria-pressed={p.weekdays.includes(i + 1) && p.weekdays.length < 7}
          >
            {t(`day.${d}`)}
          </text>
        ))}
        {DAYS.map((d, day) =>
          HOURS.map((h) => {
            const v = p.counts[day * 24 + h]!;
            const selected = p.hours.includes(h) && p.weekdays.includes(day + 1);
            return (
              <rect
                key={`${d}${h}`}
                x={left + h * cell}
                y={top + day * cell}
                width={cell - 1}
                height={cell - 1}
                fill={cssColor(rampColor(v, max), selected ? 1 : 0.35)}
              >
                <title>{`${t(`day.${d}`)} ${String(h).padStart(2, '0')}:00 — ${formatCount(v, { unit: p.unit })}`}</title>
              </rect>
            );
          }),
        )}
      </svg>
      <details className="data-table">
        <summary>{t('dataTable')}</summary>
        <table>
          <caption className="visually-hidden">{t('matrixLabel')}</caption>
          <thead>
            <tr>
              <td />
              {HOURS.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {DAYS.map((d, day) => (
              <tr key={d}>
                <th scope="row">{t(`day.${d}`)}</th>
                {HOURS.map((h) => (
                  <td key={h}>{formatCount(p.counts[day * 24 + h]!)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
