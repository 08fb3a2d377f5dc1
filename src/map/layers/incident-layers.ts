/**
 * deck.gl layers of incidents, as pure functions of view data: hexagon counts (from the brush index),
 * incident points (filtered on the GPU by month, so brushing re-uploads nothing) and the KDE surface.
 * Layers are rebuilt every render with stable ids; deck.gl diffs them.
 */
import { DataFilterExtension } from '@deck.gl/extensions';
import { BitmapLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { rampColor } from './color-ramps';
import { cellPolygon } from './h3-polygons';

/** Hexagon counts for the current brush. */
export interface HexagonData {
  cells: readonly string[];
  counts: Float64Array;
  /** Fixed colour domain maximum (kept while brushing). */
  max: number;
}

/** One row of the hexagon layer. */
interface HexRow {
  cell: string;
  count: number;
}

/**
 * H3 hexagons coloured by count; cells with zero count in the brush are not drawn. Drawn as plain polygons
 * (boundaries from h3-js, cached per cell) so the map needs no deck.gl geo-layers bundle.
 */
export function hexagonLayer(data: HexagonData, opacity = 0.75) {
  const rows: HexRow[] = [];
  for (let i = 0; i < data.cells.length; i++) {
    const count = data.counts[i]!;
    if (count > 0) rows.push({ cell: data.cells[i]!, count });
  }
  return new SolidPolygonLayer<HexRow>({
    id: 'hexagons',
    data: rows,
    getPolygon: (d) => cellPolygon(d.cell),
    getFillColor: (d) => [...rampColor(d.count, data.max), 200],
    opacity,
    pickable: true,
    updateTriggers: { getFillColor: [data.max] },
  });
}

/** Incident points as columns, with each incident's month index for GPU filtering. */
export interface PointData {
  length: number;
  positions: Float32Array;
  month: Float32Array;
  fatal: Uint8Array;
}

/** Incident points; only months in `[from, to]` are drawn (DataFilterExtension). */
export function pointsLayer(data: PointData, monthRange: [number, number]) {
  return new ScatterplotLayer({
    id: 'points',
    data: {
      length: data.length,
      attributes: {
        getPosition: { value: data.positions, size: 2 },
        getFilterValue: { value: data.month, size: 1 },
      },
    },
    getFillColor: (_: unknown, { index }: { index: number }) =>
      data.fatal[index] ? [127, 0, 0, 230] : [217, 72, 1, 190],
    getRadius: 3,
    radiusUnits: 'pixels',
    radiusMinPixels: 2,
    stroked: false,
    pickable: true,
    extensions: [new DataFilterExtension({ filterSize: 1 })],
    filterRange: [monthRange[0] - 0.5, monthRange[1] + 0.5],
  });
}

/** A density surface as an image with its geographic bounds. */
export interface HeatImage {
  image: ImageData;
  bounds: [number, number, number, number];
}

/** The KDE surface drawn as one bitmap. */
export function heatLayer(heat: HeatImage) {
  return new BitmapLayer({
    id: 'heat',
    image: heat.image,
    bounds: heat.bounds,
    opacity: 0.8,
    pickable: false,
  });
}
