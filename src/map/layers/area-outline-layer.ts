/** The user's drawn area as a dashed outline above the incident layers. */
import { PathLayer } from '@deck.gl/layers';

/** Outline of a closed ring of [lon, lat]. */
export function drawnAreaLayer(ring: [number, number][]) {
  return new PathLayer<{ path: [number, number][] }>({
    id: 'drawn-area',
    data: [{ path: ring }],
    getPath: (d) => d.path,
    getColor: [17, 24, 39, 230],
    getWidth: 2.5,
    widthUnits: 'pixels',
  });
}
