/** "Save as GeoJSON" for the areas (with counts and rates of the selection) and the selected program. */
import { useTranslation } from 'react-i18next';
import type { AreaRates } from '../../analysis/rates/area-rates';
import type { DatasetBoundaries } from '../../state/datasets';
import { useCatchmentOutlines } from '../catchment-outlines';
import { areasGeoJson } from './areas-geojson';
import { downloadBlob, fileSlug } from './download';

const GEOJSON = 'application/geo+json';

/** Saves the boundary features with the figures the area table shows. */
export function AreasGeoJsonButton(props: {
  boundaries: DatasetBoundaries;
  counts: Float64Array;
  rates: AreaRates | null;
  unit: 'incidents' | 'victims';
  from: string;
  to: string;
}) {
  const { t } = useTranslation('export');
  const save = () => {
    const { boundaries } = props;
    const collection = areasGeoJson({
      features: boundaries.layer.features,
      ids: boundaries.ids,
      names: boundaries.names,
      counts: props.counts,
      rates: props.rates,
      population: boundaries.population,
      unit: props.unit,
      from: props.from,
      to: props.to,
    });
    downloadBlob(
      new Blob([JSON.stringify(collection)], { type: GEOJSON }),
      `${fileSlug(boundaries.layer.name, props.from, props.to)}.geojson`,
    );
  };
  return (
    <button type="button" className="link" onClick={save} data-testid="export-areas-geojson">
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
