/**
 * A one-page brief of the current selection (selected areas, or the whole city) and, when a program is
 * chosen, of its evaluation: map, yearly trend, key figures with rates, program estimates with confidence
 * intervals, data source and period, a methods note and the suppression notice. It prints on one page
 * (print stylesheet in publish.css): "Print" opens the browser's dialog, where "Save as PDF" makes the file.
 *
 * In publish mode every figure comes from the published tables the council view shows ({@link publishedBrief}):
 * the subject is the city, or the area whose profile is open; small counts read "<k", counts hidden to
 * protect them "suppressed", and rates, shares and ratios built on them are withheld. Program estimates
 * are left out (they rest on single catchments and months), and so are the source's own record count and
 * dates, which the published years do not contain.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatCi,
  formatCount,
  formatDate,
  formatDecimal,
  formatMonth,
  formatPValue,
  formatRate,
  formatRatio,
} from '../../analysis/privacy/count-format';
import { YearTrend } from '../../charts/YearTrend';
import type { Dataset } from '../../state/datasets';
import { monthLabel } from '../../state/datasets';
import type { EstimateSummary } from '../../state/program-evaluation';
import type { UrlViewState } from '../../state/url-state';
import { composeMapImage } from '../export/map-image';
import { legendRamps } from '../MapLegend';
import { choroplethClasses } from '../panels/council/choropleth-classes';
import { useCouncilStore } from '../panels/council/council-store';
import type { Council } from '../panels/council/use-council';
import type { DashboardData } from '../use-dashboard';
import { briefFigures } from './brief-figures';
import { type BriefProgram, useBriefProgram } from './brief-program';
import { PublishedBriefFigures } from './PublishedBriefFigures';
import { publishedBrief } from './published-brief';

/** What the brief is drawn from. */
export interface BriefProps {
  dataset: Dataset;
  view: UrlViewState;
  data: DashboardData;
  /** The council view's numbers (their published tables are the brief's only source in publish mode). */
  council: Council | null;
  /** The published year on screen (publish mode), or null for all published years. */
  year: string | null;
  onClose(): void;
}

/** The brief of the current state: the evaluated program and the open profile are read from their stores. */
export function Brief(props: BriefProps) {
  const program = useBriefProgram((s) => s.program);
  const profile = useCouncilStore((s) => s.profile);
  return <BriefPage {...props} program={program} profile={profile} />;
}

/** The brief itself, for a given evaluated program and open profile (see the module header). */
export function BriefPage({
  dataset,
  view,
  data,
  council,
  year,
  program: storedProgram,
  profile,
  onClose,
}: BriefProps & {
  /** The evaluated program (left out in publish mode), or null. */
  program: BriefProgram | null;
  /** Id of the area whose profile is open (the brief's subject in publish mode), or null. */
  profile: string | null;
}) {
  const { t } = useTranslation('brief');
  const publish = view.publish.on;
  const k = publish ? view.publish.k : 0;
  const program = publish ? null : storedProgram;
  const [mapImage, setMapImage] = useState<string | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is captured once, as it was when the brief opened.
  useEffect(() => {
    dialog.current?.focus();
    const container = document.querySelector<HTMLElement>('[data-testid="map"]');
    try {
      if (!container) throw new Error(t('export:noMap'));
      const canvas = composeMapImage(container, {
        ramps: legendRamps(data, view.unit, t),
        caption: '',
        classes: publish && council ? choroplethClasses(council, view.unit) : undefined,
      });
      setMapImage(canvas.toDataURL('image/png'));
    } catch (e) {
      setMapError((e as Error).message);
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const boundaries = dataset.boundaries;
  const profileArea = publish && boundaries && profile ? boundaries.ids.indexOf(profile) : -1;
  const selected = publish
    ? profileArea >= 0
      ? [profileArea]
      : []
    : boundaries
      ? view.areas.ids.map((id) => boundaries.ids.indexOf(id)).filter((i) => i >= 0)
      : [];
  const names = boundaries ? selected.map((i) => boundaries.names[i]!) : [];
  const subject = names.length > 0 ? names.join(', ') : t('wholeCity', { name: dataset.label });
  const unit = view.unit;
  const pub =
    publish && council
      ? publishedBrief({
          council,
          area: profileArea >= 0 ? profileArea : null,
          population: boundaries?.population ?? null,
          year,
          unit,
        })
      : null;
  const from = monthLabel(dataset.firstMonth, data.brush[0]);
  const to = monthLabel(dataset.firstMonth, data.brush[1]);
  const period = pub ? pub.period : t('period', { from: formatMonth(from), to: formatMonth(to) });
  const figures =
    !publish && data.monthly
      ? briefFigures({
          areaCounts: data.areas,
          population: boundaries?.population ?? null,
          selected,
          monthly: data.monthly.totals,
          firstMonth: dataset.firstMonth,
          brush: data.brush,
        })
      : null;
  const count = (v: number) => formatCount(v, { unit, suppressBelow: k });
  const rate = (v: number | null, c: number) =>
    v === null ? t('noPopulation') : formatRate(v, { count: c, suppressBelow: k });
  const trendText = figures
    ? figures.trend
        .map((y) => `${y.year}${y.months < 12 ? '*' : ''}: ${formatCount(y.total, { suppressBelow: k })}`)
        .join('; ')
    : '';
  const filtered =
    view.fatal !== 'all' ||
    Object.keys(view.attrs).length > 0 ||
    view.hours.length < 24 ||
    view.weekdays.length < 7 ||
    view.areas.polygon !== null;
  const report = dataset.report;

  return (
    <div className="brief-layer">
      <div
        className="brief"
        role="dialog"
        aria-modal="true"
        aria-labelledby="brief-title"
        tabIndex={-1}
        ref={dialog}
        data-testid="brief"
      >
        <div className="brief-actions no-print">
          <button type="button" onClick={() => window.print()} data-testid="brief-print">
            {t('print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common:close')}
          </button>
        </div>
        <div className="brief-head">
          <p className="brief-kicker">{t('kicker')}</p>
          <h2 id="brief-title">{subject}</h2>
          <p className="brief-sub">
            {dataset.label} · {period} · {t(`unit.${unit}`)}
            {filtered ? ` · ${t('filtered')}` : ''}
          </p>
        </div>
        <div className="brief-grid">
          <figure className="brief-map">
            {mapImage ? (
              <img src={mapImage} alt={t(publish ? 'mapAltPublished' : 'mapAlt', { subject, period })} />
            ) : (
              <p className="muted">{mapError ?? t('common:loading')}</p>
            )}
          </figure>
          <section className="brief-figures" aria-labelledby="brief-figures-title">
            <h3 id="brief-figures-title">{t('keyFigures')}</h3>
            {publish &&
              (pub ? (
                <PublishedBriefFigures brief={pub} unit={unit} />
              ) : (
                <p className="muted">{t(boundaries ? 'common:loading' : 'publishNeedsAreas')}</p>
              ))}
            {figures && (
              <dl data-testid="brief-figures">
                <dt>{t('count', { unit: t(`common:${unit}Title`) })}</dt>
                <dd data-testid="brief-count">{count(figures.count)}</dd>
                {data.headline && (
                  <>
                    <dt>{t('victimsKilled')}</dt>
                    <dd>
                      {formatCount(data.headline.victims, { unit: 'victims', suppressBelow: k })} ·{' '}
                      {t('killed', {
                        count: data.headline.fatalVictims,
                        n: formatCount(data.headline.fatalVictims, { suppressBelow: k }),
                      })}
                    </dd>
                  </>
                )}
                <dt>{t('rate')}</dt>
                <dd data-testid="brief-rate">{rate(figures.rate, figures.count)}</dd>
                {figures.share !== null && figures.cityCount !== null && (
                  <>
                    <dt>{t('city')}</dt>
                    <dd>
                      {count(figures.cityCount)} · {rate(figures.cityRate, figures.cityCount)}
                    </dd>
                    <dt>{t('share')}</dt>
                    <dd>
                      {isSuppressedShare(figures.count, k)
                        ? t('withheld')
                        : `${formatDecimal(figures.share * 100, 1)}%`}
                    </dd>
                  </>
                )}
                {figures.population !== null && (
                  <>
                    <dt>{t('population')}</dt>
                    <dd>{formatCount(Math.round(figures.population))}</dd>
                  </>
                )}
              </dl>
            )}
          </section>
        </div>
        {figures && (
          <figure className="brief-trend">
            <figcaption>{t('trend', { unit: t(`common:${unit}Title`) })}</figcaption>
            <YearTrend
              years={figures.trend}
              width={640}
              height={120}
              label={t('trendAlt', { values: trendText })}
              suppressBelow={k}
            />
            {figures.trend.some((y) => y.months < 12) && <p className="brief-note">{t('partialYear')}</p>}
          </figure>
        )}
        {pub && (
          <figure className="brief-trend">
            <figcaption>{t('trend', { unit: t(`common:${unit}Title`) })}</figcaption>
            <YearTrend
              years={pub.trend}
              width={640}
              height={120}
              label={t('trendAlt', { values: pub.trendText })}
            />
            {pub.trend.some((y) => y.months < 12) && (
              <p className="brief-note">{t('partialYearPublished')}</p>
            )}
          </figure>
        )}
        {publish && storedProgram && (
          <section className="brief-program" data-testid="brief-program-off">
            <p className="brief-note">{t('programOff', { name: storedProgram.name })}</p>
          </section>
        )}
        {program && (
          <section className="brief-program" data-testid="brief-program">
            <h3>{t('program', { name: program.name, launch: safeDate(program.launch) })}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('method')}</th>
                  <th scope="col">{t('estimate')}</th>
                  <th scope="col">{t('interval')}</th>
                  <th scope="col">p</th>
                </tr>
              </thead>
              <tbody>
                {program.evaluation.estimates.map((e) => (
                  <tr key={e.label}>
                    <th scope="row">{t(estimateKey(e))}</th>
                    <td>{estimateValue(e, t('events'))}</td>
                    <td>{estimateInterval(e, t('noInterval'))}</td>
                    <td>{e.pValue === null ? '—' : formatPValue(e.pValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="brief-note">{t('programNote')}</p>
          </section>
        )}
        <section className="brief-methods">
          <h3>{t('dataMethods')}</h3>
          <p>
            {pub
              ? t('sourcePublished', {
                  source: report.source.name,
                  first: pub.trend[0]?.year ?? '—',
                  last: pub.trend[pub.trend.length - 1]?.year ?? '—',
                })
              : t('source', {
                  source: report.source.name,
                  first: safeDate(report.firstDate),
                  last: safeDate(report.lastDate),
                  incidents: formatCount(report.incidents, { unit: 'incidents', suppressBelow: k }),
                })}{' '}
            {dataset.synthetic ? t('synthetic') : ''}
          </p>
          <p>{t(publish ? 'methodsPublished' : 'methods')}</p>
          <p className="brief-suppression" data-testid="brief-suppression">
            {publish ? t('suppressionPublished', { k: formatCount(k) }) : t('suppressionOff')}
          </p>
        </section>
        <footer className="brief-foot">
          {t('generated', { date: formatDate(new Date().toISOString().slice(0, 10)) })}
        </footer>
      </div>
    </div>
  );
}

function isSuppressedShare(count: number, k: number): boolean {
  return k > 1 && count >= 1 && count < k;
}

function estimateKey(e: EstimateSummary): string {
  return e.method === 'its' && e.label.startsWith('ITS slope')
    ? 'estimateLabel.itsSlope'
    : `estimateLabel.${e.method}`;
}

function estimateValue(e: EstimateSummary, events: string): string {
  return e.scale === 'difference' ? `${formatDecimal(e.estimate, 1)} ${events}` : formatRatio(e.estimate);
}

function estimateInterval(e: EstimateSummary, none: string): string {
  if (e.lower === null || e.upper === null) return none;
  return formatCi(e.lower, e.upper, 0.95, e.scale === 'difference' ? 1 : 2);
}

function safeDate(date: string | null): string {
  if (!date) return '—';
  try {
    return formatDate(date);
  } catch {
    return date;
  }
}
