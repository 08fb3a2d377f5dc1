/**
 * The H3 resolution the hexagon layer needs for a view: none while hexagons are off or while the resolution
 * follows a zoom the map has not reported yet; otherwise the chosen resolution or the zoom's (6-10).
 */
import { describe, expect, it } from 'vitest';
import { resolutionForZoom, viewCellResolution } from '../../../src/state/h3-cells';
import { defaultUrlViewState } from '../../../src/state/url-state';

const camera = (zoom: number) => ({ lon: -95.25, lat: 38.95, zoom });

describe('viewCellResolution', () => {
  it('needs no cells while the hexagon layer is off', () => {
    const view = { ...defaultUrlViewState(), layers: [], view: camera(11) };
    expect(viewCellResolution(view)).toBeNull();
  });

  it('waits for the camera when the resolution follows the zoom', () => {
    const view = {
      ...defaultUrlViewState(),
      layers: ['hexagons' as const],
      h3Res: 'auto' as const,
      view: null,
    };
    expect(viewCellResolution(view)).toBeNull();
  });

  it('follows the reported zoom, or the chosen resolution whatever the zoom', () => {
    const auto = { ...defaultUrlViewState(), layers: ['hexagons' as const], h3Res: 'auto' as const };
    expect(viewCellResolution({ ...auto, view: camera(11) })).toBe(9);
    expect(viewCellResolution({ ...auto, view: camera(11) })).toBe(resolutionForZoom(11));
    expect(viewCellResolution({ ...auto, view: camera(3) })).toBe(6);
    expect(viewCellResolution({ ...auto, view: camera(18) })).toBe(10);
    expect(viewCellResolution({ ...auto, h3Res: 7, view: camera(11) })).toBe(7);
    expect(viewCellResolution({ ...auto, h3Res: 7, view: null })).toBe(7);
  });
});
