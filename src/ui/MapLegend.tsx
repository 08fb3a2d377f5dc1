/** Legends of the incident layers; their scales are fixed for the dataset, so they do not move while brushing. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal } from '../analysis/privacy/count-format';
import { COUNT_RAMP, cssColor } from '../map/layers/color-ramps';
import { type DashboardData, MAP_POINT_LIMIT, POINTS_MIN_ZOOM } from './use-dashboard';

function Ramp({ title, max, unit }: { title: string; max: number; unit: string }) {
  const gradient = `linear-gradient(to right, ${COUNT_RAMP.map((c) => cssColor(c)).join(', ')})`;
  return (
    <div className="legend-item">
      <div className="legend-title">{title}</div>
      <div className="legend-ramp" style={{ background: gradient }} />
      <div className="legend-scale">
        <span>0</span>
        <span>
          {formatDecimal(max, max >= 10 ? 0 : 1)} {unit}
        </span>
      </div>
    </div>
  );
}

/** The ramps the legend shows, as text: title and end labels (shared with the map's PNG export). */
export function legendRamps(
  data: DashboardData,
  unit: 'incidents' | 'victims',
  t: TFunction,
): { title: string; min: string; max: string }[] {
  const out = [];
  const end = (max: number, suffix: string) => `${formatDecimal(max, max >= 10 ? 0 : 1)} ${suffix}`;
  if (data.hexagons)
    out.push({
      title: t('legend:hexagons', { unit: t(`common:${unit}`) }),
      min: '0',
      max: end(data.hexagons.perYearMax, t('legend:perYear')),
    });
  if (data.heat)
    out.push({
      title: t('legend:density', { unit: t(`common:${unit}`) }),
      min: '0',
      max: end(data.heat.domainMax, t('legend:perKm2Year')),
    });
  return out;
}

export function MapLegend({
  data,
  unit,
  pointsWaitingForZoom,
}: {
  data: DashboardData;
  unit: 'incidents' | 'victims';
  pointsWaitingForZoom: boolean;
}) {
  const { t } = useTranslation('legend');
  if (!data.hexagons && !data.heat && !data.points && !pointsWaitingForZoom && !data.pointsTruncated)
    return null;
  return (
    <div className="map-legend" data-testid="map-legend">
      {data.hexagons && (
        <Ramp
          title={t('hexagons', { unit: t(`common:${unit}`) })}
          max={data.hexagons.perYearMax}
          unit={t('perYear')}
        />
      )}
      {data.heat && (
        <Ramp
          title={t('density', { unit: t(`common:${unit}`) })}
          max={data.heat.domainMax}
          unit={t('perKm2Year')}
        />
      )}
      {data.pointsTruncated && (
        <div className="legend-item muted">{t('truncated', { limit: formatCount(MAP_POINT_LIMIT) })}</div>
      )}
      {pointsWaitingForZoom && (
        <div className="legend-item muted">{t('zoomIn', { zoom: POINTS_MIN_ZOOM })}</div>
      )}
      {data.points && (
        <div className="legend-item">
          <span className="dot fatal" /> {t('fatal')} <span className="dot" /> {t('nonfatal')}
        </div>
      )}
    </div>
  );
}
