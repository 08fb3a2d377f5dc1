/**
 * The map in words (its text alternative, referenced by the map's aria-describedby): the layers shown, the
 * areas with the most incidents in the selected months and the busiest hexagon, from the same numbers the
 * map draws. In publish mode it names no count (the published table beside the map has them).
 */
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal } from '../analysis/privacy/count-format';
import type { Dataset } from '../state/datasets';
import type { UrlViewState } from '../state/url-state';
import type { DashboardData } from './use-dashboard';

export function MapDescription({
  dataset,
  view,
  data,
}: {
  dataset: Dataset;
  view: UrlViewState;
  data: DashboardData;
}) {
  const { t } = useTranslation('map');
  const parts: string[] = [];
  const layers = view.layers.map((id) => t(`layers:layer.${id}`, { defaultValue: id }));
  parts.push(t('describeLayers', { layers: layers.join(', ') || t('noLayers') }));
  const b = dataset.boundaries;
  if (b && view.publish.on) {
    // Publish mode: the areas' counts are in the published table beside the map, with small ones hidden.
    parts.push(t('describeAreasPublished', { count: b.ids.length, name: b.layer.name }));
  } else if (b && data.areas) {
    const order = b.ids.map((_, i) => i).sort((x, y) => data.areas![y]! - data.areas![x]!);
    const top = order
      .slice(0, 3)
      .map((i) => `${b.names[i]} (${formatCount(data.areas![i]!, { unit: view.unit })})`)
      .join(', ');
    parts.push(t('describeAreas', { count: b.ids.length, name: b.layer.name, top }));
  }
  if (data.hexagons && data.hexagons.counts.length > 0) {
    parts.push(
      t('describeHexagons', {
        cells: formatCount(data.hexagons.cells.length),
        max: formatDecimal(data.hexagons.perYearMax, 1),
        unit: t(`common:${view.unit}`),
      }),
    );
  }
  if (view.areas.ids.length > 0) parts.push(t('describeSelected', { count: view.areas.ids.length }));
  return (
    <p id="map-description" className="visually-hidden" data-testid="map-description">
      {parts.join(' ')}
    </p>
  );
}
