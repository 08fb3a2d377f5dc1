/** Draws a polygon on the map with terra-draw; the finished ring becomes the view's drawn area. */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerraDraw } from 'terra-draw';
import { useAppStore } from '../state/app-store';
import { MAX_POLYGON_VERTICES } from '../state/url-state';

/**
 * A drawn ring as a link carries it: rounded to 5 decimals and closed. A ring of at most `max` distinct
 * vertices is kept whole; a larger one keeps every k-th vertex, and `simplifiedFrom` gives the count it had
 * so that the user can be told.
 */
export function urlRing(
  coordinates: number[][],
  max = MAX_POLYGON_VERTICES,
): { ring: [number, number][]; simplifiedFrom: number | null } {
  const open = coordinates.slice(0, -1);
  const step = Math.max(1, Math.ceil(open.length / max));
  const kept = open
    .filter((_, i) => i % step === 0)
    .map(([x, y]) => [Math.round(x! * 1e5) / 1e5, Math.round(y! * 1e5) / 1e5] as [number, number]);
  return { ring: [...kept, kept[0]!], simplifiedFrom: step > 1 ? open.length : null };
}

export function DrawAreaButton({
  map,
  hasPolygon,
  onPolygon,
}: {
  map: MapLibreMap | null;
  hasPolygon: boolean;
  onPolygon(ring: [number, number][] | null): void;
}) {
  const { t } = useTranslation('map');
  const draw = useRef<TerraDraw | null>(null);
  const drawing = useAppStore((s) => s.drawing);
  const setDrawing = (value: boolean) => useAppStore.setState({ drawing: value });

  const stop = () => {
    draw.current?.stop();
    draw.current = null;
    // The click that closes the polygon is still being dispatched to the map: let it pass before area
    // selection listens to clicks again.
    setTimeout(() => setDrawing(false), 250);
  };
  const start = async () => {
    if (!map) return;
    // The drawing library is loaded on first use.
    const [{ TerraDraw, TerraDrawPolygonMode }, { TerraDrawMapLibreGLAdapter }] = await Promise.all([
      import('terra-draw'),
      import('terra-draw-maplibre-gl-adapter'),
    ]);
    const td = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [new TerraDrawPolygonMode()],
    });
    td.start();
    td.setMode('polygon');
    td.on('finish', (id) => {
      const feature = td.getSnapshotFeature(id);
      if (feature?.geometry.type === 'Polygon') {
        const { ring, simplifiedFrom } = urlRing(feature.geometry.coordinates[0] as number[][]);
        if (simplifiedFrom !== null)
          useAppStore
            .getState()
            .notify('info', t('polygonSimplified', { from: simplifiedFrom, to: ring.length - 1 }));
        onPolygon(ring);
      }
      stop();
    });
    draw.current = td;
    setDrawing(true);
  };

  return (
    <div className="draw-controls">
      {drawing ? (
        <button type="button" onClick={stop}>
          {t('cancelDrawing')}
        </button>
      ) : (
        <button type="button" onClick={start} disabled={!map} title={t('drawHelp')}>
          {t('drawArea')}
        </button>
      )}
      {hasPolygon && !drawing && (
        <button type="button" onClick={() => onPolygon(null)}>
          {t('removeDrawn')}
        </button>
      )}
    </div>
  );
}
