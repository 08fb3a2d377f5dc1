/**
 * Map layers of the hotspot statistics, as pure functions of their results: Gi* classes on H3 cells
 * (hot/cold at 99/95/90 %, the ArcGIS colours) and emerging hot spot patterns. Cells that are not
 * significant (class 0, or "no pattern") are drawn as a faint outline-free wash so the study grid stays
 * visible without hiding the base map. Colours and labels are exported for the legends.
 */
import { PolygonLayer } from '@deck.gl/layers';
import { cellPolygon } from './h3-polygons';

type Rgb = readonly [number, number, number];

/** Colour of each Gi* class code (+3..−3). */
export const HOTSPOT_CLASS_COLORS: Readonly<Record<number, Rgb>> = {
  3: [215, 48, 39],
  2: [239, 133, 84],
  1: [250, 190, 140],
  0: [238, 238, 232],
  [-1]: [178, 206, 226],
  [-2]: [116, 169, 207],
  [-3]: [54, 110, 178],
};

/** Legend rows of the Gi* layer, hot first. */
export const HOTSPOT_LEGEND: readonly { code: number; label: string }[] = [
  { code: 3, label: 'Hot spot, 99%' },
  { code: 2, label: 'Hot spot, 95%' },
  { code: 1, label: 'Hot spot, 90%' },
  { code: 0, label: 'Not significant' },
  { code: -1, label: 'Cold spot, 90%' },
  { code: -2, label: 'Cold spot, 95%' },
  { code: -3, label: 'Cold spot, 99%' },
];

/** Colour of each emerging pattern code (1..8 hot, −1..−8 cold, 0 none). */
export const EMERGING_PATTERN_COLORS: Readonly<Record<number, Rgb>> = {
  1: [255, 0, 196],
  2: [255, 130, 190],
  3: [153, 0, 13],
  4: [222, 45, 38],
  5: [253, 174, 97],
  6: [255, 215, 0],
  7: [140, 81, 10],
  8: [190, 170, 150],
  0: [238, 238, 232],
  [-1]: [0, 190, 255],
  [-2]: [110, 160, 255],
  [-3]: [8, 48, 107],
  [-4]: [33, 113, 181],
  [-5]: [107, 174, 214],
  [-6]: [0, 200, 160],
  [-7]: [90, 110, 160],
  [-8]: [120, 120, 160],
};

/** A cell row of a hotspot layer. */
interface CellRow {
  index: number;
  cell: string;
  code: number;
}

/** Gi* classes of the study cells. */
export interface HotspotLayerData {
  cells: readonly string[];
  classes: Int8Array;
}

/** Emerging patterns of the study cells. */
export interface EmergingLayerData {
  cells: readonly string[];
  pattern: Int8Array;
}

function rows(cells: readonly string[], codes: Int8Array): CellRow[] {
  const out: CellRow[] = [];
  for (let i = 0; i < cells.length; i++) out.push({ index: i, cell: cells[i]!, code: codes[i]! });
  return out;
}

/** Cells drawn as polygons coloured by a class code, with the selected cell outlined. */
function classifiedCellLayer(
  id: 'hotspots' | 'emerging',
  cells: readonly string[],
  codes: Int8Array,
  colors: Readonly<Record<number, readonly [number, number, number]>>,
  alpha: { none: number; classed: number },
  edgeWidth: (code: number) => number,
  onClick?: (cell: string) => void,
  selected?: string | null,
  outline = false,
) {
  const color = (d: CellRow) => colors[d.code] ?? colors[0]!;
  return new PolygonLayer<CellRow>({
    id,
    // Outlined, only the classed cells are drawn: the layer beneath stays readable.
    data: outline ? rows(cells, codes).filter((d) => d.code !== 0) : rows(cells, codes),
    getPolygon: (d) => cellPolygon(d.cell),
    filled: !outline,
    getFillColor: (d) => [...color(d), d.code === 0 ? alpha.none : alpha.classed],
    getLineColor: (d) =>
      d.cell === selected
        ? [20, 20, 20, 255]
        : outline
          ? [...color(d), 255]
          : edgeWidth(d.code) > 0
            ? [40, 40, 40, 170]
            : [255, 255, 255, 0],
    getLineWidth: (d) => (d.cell === selected ? 4 : outline ? 2.5 : edgeWidth(d.code)),
    lineWidthUnits: 'pixels',
    stroked: true,
    pickable: true,
    onClick: onClick ? (info) => onClick((info.object as CellRow).cell) : undefined,
    updateTriggers: { getLineColor: [selected], getLineWidth: [selected] },
  });
}

/**
 * Outline width in pixels of a Gi* class, so significance does not rest on colour alone: 99% → 3,
 * 95% → 2, 90% → 1, not significant → none (the same for hot and cold spots).
 */
export function hotspotOutlineWidth(code: number): number {
  return Math.min(3, Math.abs(code));
}

/**
 * H3 cells coloured by Gi* class (layer id `hotspots`). Picking gives `{ index, cell, code }`.
 * @param onClick called with the clicked cell's H3 index
 */
export function hotspotLayer(
  data: HotspotLayerData,
  onClick?: (cell: string) => void,
  selected?: string | null,
) {
  return classifiedCellLayer(
    'hotspots',
    data.cells,
    data.classes,
    HOTSPOT_CLASS_COLORS,
    { none: 70, classed: 210 },
    hotspotOutlineWidth,
    onClick,
    selected,
  );
}

/**
 * H3 cells coloured by emerging pattern (layer id `emerging`). Picking gives `{ index, cell, code }`.
 * With `outline` (used when the Gi* layer is also shown, whose hot and cold colours the emerging
 * patterns share) the patterned cells are drawn as coloured outlines over the Gi* fill instead of a
 * second fill, so the two never blend.
 */
export function emergingLayer(
  data: EmergingLayerData,
  onClick?: (cell: string) => void,
  selected?: string | null,
  outline = false,
) {
  return classifiedCellLayer(
    'emerging',
    data.cells,
    data.pattern,
    EMERGING_PATTERN_COLORS,
    { none: 60, classed: 215 },
    (code) => (code === 0 ? 0 : 1),
    onClick,
    selected,
    outline,
  );
}
