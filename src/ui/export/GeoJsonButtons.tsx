/** "Save as GeoJSON" for the areas (the figures of the areas table) and the selected program. */
import { useTranslation } from 'react-i18next';
import type { AreaAggregate } from '../../analysis/rates/area-aggregate';
import type { DatasetBoundaries } from '../../state/datasets';
import { useCatchmentOutlines } from '../catchment-outlines';
import { areasGeoJson } from './areas-geojson';
import { downloadBlob, fileSlug } from './download';

const GEOJSON = 'application/geo+json';

/**
 * Saves the boundary features with the figures of the areas table, the same table as the CSV download:
 * in publish mode the same cells, statuses and "<k" labels (see {@link areasGeoJson}).
 */
export function AreasGeoJsonButton({
  boundaries,
  table,
  unit,
}: {
  boundaries: DatasetBoundaries;
  table: AreaAggregate;
  unit: 'incidents' | 'victims';
}) {
  const { t } = useTranslation('export');
  const save = () => {
    const collection = areasGeoJson({
      features: boundaries.layer.features,
      ids: boundaries.ids,
      population: boundaries.population,
      unit,
      table,
    });
    downloadBlob(
      new Blob([JSON.stringify(collection)], { type: GEOJSON }),
      `${boundaries.layer.name.replace(/\.[a-z]+$/i, '')}-areas.geojson`,
    );
  };
  return (
    <button type="button" onClick={save} data-testid="export-areas-geojson">
      {t('areasGeoJson')}
    </button>
  );
}

/** Saves the selected program's catchment, comparison areas and displacement ring as drawn on the map. */
export function ProgramGeoJsonButton({ program }: { program: string | null }) {
  const { t } = useTranslation('export');
  const outlines = useCatchmentOutlines((s) => s.outlines);
  if (!outlines || !program) return null;
  const save = () =>
    downloadBlob(
      new Blob([JSON.stringify(outlines)], { type: GEOJSON }),
      `${fileSlug('program', program)}.geojson`,
    );
  return (
    <button type="button" className="link" onClick={save} data-testid="export-program-geojson">
      {t('programGeoJson')}
    </button>
  );
}
