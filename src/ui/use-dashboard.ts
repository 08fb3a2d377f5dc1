/**
 * The dashboard's views as clients of the coordinator. Each view's brush index is (re)built from one engine
 * query when the filters it depends on change; moving the time brush then only reads the indexes.
 */
import { useMemo } from 'react';
import { kernelDensity } from '../analysis/density/kernel-density';
import type { Connector } from '../data/connector';
import { numberColumn } from '../data/rows';
import { binCount, incidentMapPointsQuery } from '../data/sql/cube-queries';
import { heatImage } from '../map/layers/heat-image';
import type { HeatImage, PointData } from '../map/layers/incident-layers';
import { type MeasureCubes, measureCubes, unitCube } from '../state/cubes';
import type { Dataset } from '../state/datasets';
import { monthIndex } from '../state/datasets';
import { datasetCells, viewCellResolution } from '../state/h3-cells';
import { cubeMonthly, cubeRange } from '../state/prefix-cube';
import { buildSelection } from '../state/selection';
import type { UrlViewState } from '../state/url-state';
import { viewFilter } from '../state/view-filter';
import { useCoordinated } from './use-coordinated';

/** Most incidents the points and density layers use (software WebGL draws 100k points in seconds). */
export const MAP_POINT_LIMIT = 200_000;

/** Individual incidents are drawn from this zoom on (street level); below it, aggregates only. */
export const POINTS_MIN_ZOOM = 12;

/** Everything the dashboard's views show for the current state. */
export interface DashboardData {
  brush: [number, number];
  headline: { incidents: number; victims: number; fatalIncidents: number; fatalVictims: number } | null;
  monthly: { totals: Float64Array; fatal: Float64Array } | null;
  matrix: Float64Array | null;
  hexagons: { cells: string[]; counts: Float64Array; perYearMax: number; years: number } | null;
  /**
   * Counts per area of the current boundaries (null while the counts of a newly loaded boundary set are
   * being computed: counts of the previous set are never paired with the new areas).
   */
  areas: Float64Array | null;
  /** Month × area brush indexes of the current boundaries (same rule as `areas`). */
  areaCubes: MeasureCubes | null;
  points: PointData | null;
  /** True when the points and density layers use only the first {@link MAP_POINT_LIMIT} incidents. */
  pointsTruncated: boolean;
  heat: (HeatImage & { domainMax: number }) | null;
  pending: boolean;
  errors: string[];
}

/** Computes the dashboard's data for a dataset and its view state. */
export function useDashboard(
  db: Connector | null,
  dataset: Dataset | null,
  view: UrlViewState,
): DashboardData {
  const ready = db !== null && dataset !== null;
  const ds = dataset?.table ?? '';
  const dsKey = dataset ? `${dataset.table}#${dataset.loadId}` : '';
  const selectionKey = ready
    ? `${dsKey}|${JSON.stringify(view.areas)}|${dataset.boundaries?.layer.name}`
    : null;
  const selection = useCoordinated('selection', selectionKey, () =>
    buildSelection(db!, dataset!, view.areas),
  );
  const selTable = selection.value ?? null;
  // Views filtered by the selected areas wait for the selection of the current areas: starting them with a
  // stale one would run every cube twice (once now, once when the selection lands).
  const selectionSettled = selectionKey !== null && selection.settledKey === selectionKey;
  const selKey = selectionSettled ? `${dsKey}|${selTable}|${JSON.stringify(view.areas)}` : null;

  const timeFilter = viewFilter(view, selTable, ['time']);
  const time = useCoordinated('cube:time', selKey && `${selKey}|${JSON.stringify(timeFilter)}`, () =>
    measureCubes(db!, ds, dataset!.firstMonth, dataset!.monthCount, { kind: 'none' }, 1, timeFilter),
  );
  const matrixFilter = viewFilter(view, selTable, ['time', 'hourWeekday']);
  const matrix = useCoordinated('cube:matrix', selKey && `${selKey}|${JSON.stringify(matrixFilter)}`, () =>
    measureCubes(
      db!,
      ds,
      dataset!.firstMonth,
      dataset!.monthCount,
      { kind: 'hourWeekday' },
      binCount({ kind: 'hourWeekday' }),
      matrixFilter,
    ),
  );
  const mapFilter = viewFilter(view, selTable, ['time', 'areas']);
  const showHex = view.layers.includes('hexagons');
  // Null until known: when the resolution follows the zoom, the map first reports its camera.
  const resolution = viewCellResolution(view);
  const hex = useCoordinated(
    'cube:hexagons',
    ready && resolution !== null ? `${dsKey}|${resolution}|${JSON.stringify(mapFilter)}` : null,
    async () => {
      const cells = await datasetCells(db!, dataset!, resolution!);
      const spec = { kind: 'rowTable' as const, table: cells.table, column: 'cell' };
      const cubes = await measureCubes(
        db!,
        ds,
        dataset!.firstMonth,
        dataset!.monthCount,
        spec,
        cells.cells.length,
        mapFilter,
      );
      return { cells: cells.cells, cubes };
    },
  );
  const boundaries = dataset?.boundaries ?? null;
  const areaTable = boundaries?.areaTable;
  const areas = useCoordinated(
    'cube:areas',
    ready && boundaries ? `${dsKey}|${boundaries.id}|${areaTable}|${JSON.stringify(mapFilter)}` : null,
    async () => ({
      boundaryId: boundaries!.id,
      cubes: await measureCubes(
        db!,
        ds,
        dataset!.firstMonth,
        dataset!.monthCount,
        { kind: 'rowTable', table: areaTable!, column: 'area' },
        boundaries!.ids.length,
        mapFilter,
      ),
    }),
  );
  const areaCubes = areas.value && areas.value.boundaryId === boundaries?.id ? areas.value.cubes : null;
  const pointFilter = viewFilter(view, selTable, ['time']);
  const needPoints = view.layers.includes('points') || view.layers.includes('heat');
  const points = useCoordinated(
    'points',
    selKey && needPoints ? `${selKey}|${JSON.stringify(pointFilter)}` : null,
    async (): Promise<PointData & { lon: Float64Array; lat: Float64Array; truncated: boolean }> => {
      const result = await db!.query(
        incidentMapPointsQuery(ds, dataset!.firstMonth, pointFilter, MAP_POINT_LIMIT),
      );
      const lon = numberColumn(result, 'lon');
      const lat = numberColumn(result, 'lat');
      const month = numberColumn(result, 'm');
      const fatalCol = result.getChild('fatal')!;
      const positions = new Float32Array(lon.length * 2);
      const fatal = new Uint8Array(lon.length);
      for (let i = 0; i < lon.length; i++) {
        positions[2 * i] = lon[i]!;
        positions[2 * i + 1] = lat[i]!;
        fatal[i] = fatalCol.get(i) ? 1 : 0;
      }
      return {
        length: lon.length,
        positions,
        month: Float32Array.from(month),
        fatal,
        lon,
        lat,
        truncated: lon.length >= MAP_POINT_LIMIT,
      };
    },
  );

  const monthCount = dataset?.monthCount ?? 1;
  const brush: [number, number] = useMemo(() => {
    if (!dataset || !view.time) return [0, monthCount - 1];
    return [
      Math.max(0, monthIndex(dataset.firstMonth, view.time.from)),
      Math.min(monthCount - 1, monthIndex(dataset.firstMonth, view.time.to)),
    ];
  }, [dataset, view.time, monthCount]);
  const unit = view.unit;
  const years = (brush[1] - brush[0] + 1) / 12;

  const headline = useMemo(() => {
    if (!time.value) return null;
    const at = (c: typeof time.value.incidents) => cubeRange(c, brush[0], brush[1])[0]!;
    return {
      incidents: at(time.value.incidents),
      victims: at(time.value.victims),
      fatalIncidents: at(time.value.fatalIncidents),
      fatalVictims: at(time.value.fatalVictims),
    };
  }, [time.value, brush]);
  const monthly = useMemo(
    () =>
      time.value
        ? {
            totals: cubeMonthly(unitCube(time.value, unit)),
            fatal: cubeMonthly(unitCube(time.value, unit, true)),
          }
        : null,
    [time.value, unit],
  );
  const matrixCounts = useMemo(
    () => (matrix.value ? cubeRange(unitCube(matrix.value, unit), brush[0], brush[1]) : null),
    [matrix.value, unit, brush],
  );
  const hexagons = useMemo(() => {
    if (!hex.value || !showHex) return null;
    const cube = unitCube(hex.value.cubes, unit);
    const counts = cubeRange(cube, brush[0], brush[1]);
    const full = cubeRange(cube, 0, monthCount - 1);
    let fullMax = 0;
    for (const v of full) fullMax = Math.max(fullMax, v);
    return { cells: hex.value.cells, counts, perYearMax: fullMax / (monthCount / 12), years };
  }, [hex.value, showHex, unit, brush, monthCount, years]);
  const areaCounts = useMemo(
    () => (areaCubes ? cubeRange(unitCube(areaCubes, unit), brush[0], brush[1]) : null),
    [areaCubes, unit, brush],
  );
  const bandwidth = view.kdeBandwidthM;
  const showHeat = view.layers.includes('heat');
  const heatDomain = useMemo(() => {
    if (!showHeat || !points.value || !dataset?.report.bbox) return null;
    const grid = kdeGrid(points.value.lon, points.value.lat, dataset.report.bbox, bandwidth, monthCount / 12);
    return Math.max(1e-9, grid.max);
  }, [showHeat, points.value, dataset, bandwidth, monthCount]);
  const heat = useMemo(() => {
    if (!showHeat || !points.value || !dataset?.report.bbox || heatDomain === null) return null;
    const p = points.value;
    const keep: number[] = [];
    for (let i = 0; i < p.length; i++) if (p.month[i]! >= brush[0] && p.month[i]! <= brush[1]) keep.push(i);
    const lon = Float64Array.from(keep, (i) => p.lon[i]!);
    const lat = Float64Array.from(keep, (i) => p.lat[i]!);
    const grid = kdeGrid(lon, lat, dataset.report.bbox, bandwidth, years);
    const rgba = heatImage(grid.values, grid.width, grid.height, [heatDomain * 0.02, heatDomain]);
    const image = new ImageData(new Uint8ClampedArray(rgba.data), rgba.width, rgba.height);
    return { image, bounds: grid.bbox, domainMax: heatDomain };
  }, [showHeat, points.value, dataset, heatDomain, brush, bandwidth, years]);

  const all = [selection, time, matrix, hex, areas, points];
  return {
    brush,
    headline,
    monthly,
    matrix: matrixCounts,
    hexagons,
    areas: areaCounts,
    areaCubes,
    pointsTruncated:
      (view.layers.includes('points') || view.layers.includes('heat')) && Boolean(points.value?.truncated),
    points: view.layers.includes('points') && (view.view?.zoom ?? 0) >= POINTS_MIN_ZOOM ? points.value : null,
    heat,
    pending: all.some((q) => q.pending),
    errors: all.map((q) => q.error).filter((e): e is string => e !== null),
  };
}

function kdeGrid(
  lon: Float64Array,
  lat: Float64Array,
  bbox: readonly [number, number, number, number],
  bandwidthM: number,
  years: number,
) {
  const pad = bandwidthM / 111_000;
  const padded: [number, number, number, number] = [
    bbox[0] - pad,
    bbox[1] - pad,
    bbox[2] + pad,
    bbox[3] + pad,
  ];
  const widthM = (padded[2] - padded[0]) * 111_000 * Math.cos(((bbox[1] + bbox[3]) / 2) * (Math.PI / 180));
  const heightM = (padded[3] - padded[1]) * 111_000;
  const cellSizeM = Math.max(25, Math.min(bandwidthM, Math.sqrt((widthM * heightM) / 250_000)));
  return kernelDensity(lon, lat, { bandwidthM, cellSizeM, bbox: padded, years: Math.max(years, 1 / 12) });
}
