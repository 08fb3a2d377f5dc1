/**
 * One area's profile: its yearly (and, outside publish mode, monthly) trend beside the city's, indexed to
 * each series' mean; its share of the city, its rank, this year against last year as a rate ratio with an
 * exact Poisson 95% CI, and the programs whose catchments touch it.
 */
import { booleanIntersects } from '@turf/turf';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatCi,
  formatDecimal,
  formatPublishedCount,
  formatRatio,
} from '../../../analysis/privacy/count-format';
import { TrendLines } from '../../../charts/TrendLines';
import { type MeasureCubes, unitCube } from '../../../state/cubes';
import type { Dataset } from '../../../state/datasets';
import { cubeMonthly } from '../../../state/prefix-cube';
import { boundaryPolygons, catchmentPolygons, mergePrograms, type Program } from '../../../state/programs';
import { useProgramStore } from '../../program-store';
import { demoPrograms, FOUNDING_PROGRAMS } from '../program/program-sources';
import { areaProfileFigures } from './profile-figures';
import type { Council } from './use-council';

export function AreaProfile({
  council,
  dataset,
  cubes,
  unit,
  year,
  areaId,
  onClose,
}: {
  council: Council;
  dataset: Dataset;
  cubes: MeasureCubes | null;
  unit: 'incidents' | 'victims';
  year: string | null;
  areaId: string;
  onClose(): void;
}) {
  const { t } = useTranslation('council');
  const boundaries = dataset.boundaries!;
  const i = boundaries.ids.indexOf(areaId);
  const user = useProgramStore((s) => s.user);
  const [demo, setDemo] = useState<Program[]>([]);
  useEffect(() => {
    if (dataset.synthetic) demoPrograms().then(setDemo, () => setDemo([]));
  }, [dataset.synthetic]);
  const feature = boundaries.layer.features[i];
  const programs = useMemo(() => {
    if (!feature) return [];
    const all = mergePrograms([...(dataset.synthetic ? demo : []), ...FOUNDING_PROGRAMS], user);
    return all.filter((p) => {
      const polygons = catchmentPolygons(p.catchment, (property, values) =>
        boundaryPolygons(boundaries.layer.features, property, values),
      );
      return Array.isArray(polygons) && polygons.some((c) => booleanIntersects(c, feature));
    });
  }, [feature, dataset.synthetic, demo, user, boundaries]);
  const figures = areaProfileFigures(council, i, year);
  if (!figures) return null;
  const { row, share, rank, ranked, pair, before, after, ratio } = figures;

  const k = council.k;
  const { yearly } = council;
  const areaSeries = yearly.areas[i]!;
  let monthly: { area: number[]; city: number[] } | null = null;
  if (k === 0 && cubes) {
    const cube = unitCube(cubes, unit);
    const area = Array.from(cubeMonthly(cube, i));
    const city = area.map((_, m) => {
      let s = 0;
      for (let b = 0; b < cube.bins; b++)
        s += cube.prefix[(m + 1) * cube.bins + b]! - cube.prefix[m * cube.bins + b]!;
      return s;
    });
    monthly = { area, city };
  }
  const pct = (v: number) => `${formatDecimal(v * 100, 1)}%`;
  return (
    <section
      className="panel profile"
      aria-label={t('profileOf', { name: row.name })}
      data-testid="area-profile"
    >
      <h2>
        {row.name}{' '}
        <button type="button" className="link" onClick={onClose} aria-label={t('closeProfile')}>
          ×
        </button>
      </h2>
      <dl className="figures">
        <dt>{council.periodLabel}</dt>
        <dd data-testid="profile-count">{formatPublishedCount(row.count ?? 0, row.status, k, unit)}</dd>
        {council.hasPopulation && (
          <>
            <dt>{t('ratePerYear')}</dt>
            <dd>
              {row.rate === null ? t('withheld') : formatDecimal(row.rate, 1)}
              {row.smoothedRate !== null && t('smoothedValue', { value: formatDecimal(row.smoothedRate, 1) })}
              {row.unreliable && !row.suppressed ? t('unreliable') : ''}
            </dd>
          </>
        )}
        <dt>{t('share')}</dt>
        <dd data-testid="profile-share">{share === null ? t('withheld') : pct(share)}</dd>
        <dt>{t('rank')}</dt>
        <dd data-testid="profile-rank">
          {rank === null
            ? t('withheld')
            : t('rankValue', {
                rank,
                total: ranked,
                by: t(council.hasPopulation ? 'rankByRate' : 'rankByCount'),
              })}
        </dd>
        <dt>
          {pair
            ? t('versus', { after: yearly.years[pair[1]], before: yearly.years[pair[0]] })
            : t('yearOnYear')}
        </dt>
        <dd data-testid="profile-ratio">
          {!pair
            ? t('needsTwoYears')
            : ratio
              ? t('ratioValue', {
                  ratio: formatRatio(ratio.rateRatio),
                  ci: formatCi(ratio.interval.lower, ratio.interval.upper),
                })
              : before === null || after === null
                ? t('ratioHidden')
                : t('noEvents')}
        </dd>
      </dl>
      <TrendLines
        title={t('perYearIndexed')}
        indexed
        labels={yearly.years}
        series={[
          { label: row.name, values: areaSeries },
          { label: t('city'), values: yearly.city },
        ]}
        description={t('byYearText', {
          name: row.name,
          list: yearly.years
            .map(
              (y, n) =>
                `${y} ${areaSeries[n] === null ? t('hidden') : formatPublishedCount(areaSeries[n]!, 'shown', 0)}`,
            )
            .join(', '),
        })}
      />
      {monthly ? (
        <TrendLines
          title={t('perMonthIndexed')}
          indexed
          labels={[yearly.years[0]!, yearly.years[yearly.years.length - 1]!]}
          series={[
            { label: row.name, values: monthly.area },
            { label: t('city'), values: monthly.city },
          ]}
          description={t('monthsText', { months: monthly.area.length, name: row.name })}
        />
      ) : (
        <p className="small muted">{t('noMonthly')}</p>
      )}
      <h3 className="small">{t('programsTouching', { name: row.name })}</h3>
      {programs.length === 0 ? (
        <p className="small muted" data-testid="profile-programs">
          {t('noPrograms')}
        </p>
      ) : (
        <ul className="small" data-testid="profile-programs">
          {programs.map((p) => (
            <li key={p.id}>{p.name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
