/** "Save map as PNG": the map with its base layers, boundaries, labels and legend, in one image. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { legendRamps } from '../MapLegend';
import type { DashboardData } from '../use-dashboard';
import { canvasToPng, downloadBlob, fileSlug } from './download';
import { composeMapImage, type MapImageOptions } from './map-image';

export function ExportMapButton({
  data,
  unit,
  caption,
  name,
  classes,
}: {
  data: DashboardData;
  unit: 'incidents' | 'victims';
  /** Line written under the map (dataset and period). */
  caption: string;
  /** Words of the file name. */
  name: string;
  /** The choropleth's legend, when the map colours the areas. */
  classes?: MapImageOptions['classes'];
}) {
  const { t } = useTranslation('export');
  const ref = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const container = ref.current?.closest('.map-wrap')?.querySelector<HTMLElement>('[data-testid="map"]');
    try {
      if (!container) throw new Error(t('noMap'));
      const canvas = composeMapImage(container, { ramps: legendRamps(data, unit, t), caption, classes });
      downloadBlob(await canvasToPng(canvas), `${fileSlug('cvi-atlas-map', name)}.png`);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="export-map">
      <button ref={ref} type="button" onClick={save} data-testid="export-map-png">
        {t('mapPng')}
      </button>
      {error && (
        <span role="alert" className="notice error">
          {error}
        </span>
      )}
    </div>
  );
}
