/**
 * GeoJSON point features to an Arrow IPC stream: one row per feature, each property a text column, plus
 * `longitude` and `latitude` from the geometry.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { msg } from '../../analysis/messages/message';
import { ImportError } from './sniff';

interface PointFeature {
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** Converts GeoJSON text to an Arrow IPC stream of its point features. */
export function geojsonPointsToArrowIpc(name: string, text: string): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(msg('data:error.invalidJson', { name, detail: (error as Error).message }));
  }
  const features = (parsed as { type?: string; features?: unknown }).features;
  if ((parsed as { type?: string }).type !== 'FeatureCollection' || !Array.isArray(features)) {
    throw new ImportError(msg('data:error.notPointCollection', { name }));
  }
  const points = (features as PointFeature[]).filter((f) => f?.geometry?.type === 'Point');
  if (points.length === 0) {
    const kinds = [...new Set((features as PointFeature[]).map((f) => f?.geometry?.type ?? 'none'))].join(
      ', ',
    );
    throw new ImportError(
      kinds
        ? msg('data:error.noPoints', { name, found: kinds })
        : msg('data:error.noPointsNoFeatures', { name }),
    );
  }
  const keys = new Set<string>();
  for (const f of points) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  keys.delete('longitude');
  keys.delete('latitude');
  const columns: Record<string, (string | null)[] | Float64Array> = {};
  for (const k of keys) {
    columns[k] = points.map((f) => {
      const v = f.properties?.[k];
      if (v === null || v === undefined) return null;
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
  }
  const lon = new Float64Array(points.length);
  const lat = new Float64Array(points.length);
  points.forEach((f, i) => {
    const c = f.geometry?.coordinates;
    const ok = Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number';
    lon[i] = ok ? (c[0] as number) : Number.NaN;
    lat[i] = ok ? (c[1] as number) : Number.NaN;
  });
  columns.longitude = lon;
  columns.latitude = lat;
  return tableToIPC(tableFromArrays(columns as Record<string, Float64Array>), 'stream');
}
