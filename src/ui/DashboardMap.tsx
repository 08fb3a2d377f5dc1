/** The map of the dashboard: base style from the dataset's boundaries, incident layers from the views' data. */
import type { Layer, PickingInfo } from '@deck.gl/core';
import { centroid } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal } from '../analysis/privacy/count-format';
import { areasBbox } from '../geo/areas-bbox';
import { BASE_STYLE_LAYER_IDS, baseStyle } from '../map/base-style';
import { drawnAreaLayer } from '../map/layers/area-outline-layer';
import { heatLayer, hexagonLayer, pointsLayer } from '../map/layers/incident-layers';
import { type MapCamera, type MapLabel, MapView } from '../map/MapView';
import { openPmtilesBase } from '../map/pmtiles-base';
import { fetchRemoteStyle, mergeStyles } from '../map/remote-style';
import { useAppStore } from '../state/app-store';
import type { Dataset } from '../state/datasets';
import { useHotspotStore } from '../state/hotspot-store';
import type { UrlViewState } from '../state/url-state';
import { useCatchmentOutlines } from './catchment-outlines';
import { useHotspotMapLayers } from './hotspot-map';
import { usePlannerMapLayers } from './planner-map';
import { usePlannerMap } from './planner-store';
import { useCoordinated } from './use-coordinated';
import type { DashboardData } from './use-dashboard';

/** Statistics layers: a click on their cells opens the cell's numbers and leaves the area selection alone. */
const INSPECT_LAYERS = ['hotspots', 'emerging'] as const;
const onInspectClick = (areaBelow: string | null) => useHotspotStore.getState().set({ areaBelow });

export function DashboardMap({
  dataset,
  view,
  data,
  onView,
  onToggleArea,
  onMap,
  onFirstRender,
  areaLayers,
  areaTooltip,
}: {
  dataset: Dataset;
  view: UrlViewState;
  data: DashboardData;
  onView(patch: Partial<UrlViewState>): void;
  onToggleArea(id: string): void;
  onMap(map: MapLibreMap | null): void;
  onFirstRender(): void;
  /** Layers drawn under the incident layers (the choropleth) and their tooltip. */
  areaLayers?: readonly Layer[];
  areaTooltip?(info: PickingInfo): string | null;
}) {
  const { t } = useTranslation('map');
  const showBoundaries = view.layers.includes('boundaries');
  const boundaries = dataset.boundaries;
  const catchments = useCatchmentOutlines((s) => s.outlines);
  const catchmentKey = useCatchmentOutlines((s) => s.key);
  const styleKey = `${dataset.table}#${dataset.loadId}|${boundaries?.layer.name}:${boundaries?.idProperty}|${showBoundaries}|${catchmentKey}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: styleKey is the identity of the style's inputs.
  const style = useMemo(() => {
    const fc: FeatureCollection | undefined =
      boundaries && showBoundaries
        ? { type: 'FeatureCollection', features: boundaries.layer.features }
        : undefined;
    return baseStyle({
      background: '#f4f3ef',
      bbox: dataset.report.bbox ?? [-180, -85, 180, 85],
      neighborhoods: fc,
      catchments: catchments ?? undefined,
      idProperty: fc ? { neighborhoods: boundaries!.idProperty } : undefined,
      viewport: { width: window.innerWidth * 0.6, height: window.innerHeight * 0.6 },
    });
  }, [styleKey]);

  const baseMap = useAppStore((st) => st.baseMap);
  const drawing = useAppStore((st) => st.drawing);
  const placing = usePlannerMap((st) => st.placing);
  const baseKey =
    baseMap?.kind === 'style'
      ? `style:${baseMap.url}`
      : baseMap?.kind === 'pmtiles'
        ? `pmtiles:${baseMap.file.name}:${baseMap.file.size}:${baseMap.file.lastModified}`
        : null;
  const remote = useCoordinated('base-map', baseKey, async () =>
    baseMap!.kind === 'style'
      ? { style: await fetchRemoteStyle(baseMap!.url), warning: null }
      : openPmtilesBase(baseMap!.file, dataset.report.bbox ?? null),
  );
  useEffect(() => {
    const store = useAppStore.getState();
    if (baseKey && remote.error) {
      store.notify('error', t('baseMapError', { error: remote.error }));
      store.setBaseMap(null);
    } else if (baseKey && remote.value?.warning) {
      store.notify('info', t('baseMapWarning', { warning: remote.value.warning }));
    }
  }, [baseKey, remote.error, remote.value, t]);
  const remoteStyle = baseKey && !remote.error ? (remote.value?.style ?? null) : null;
  const shownStyle = useMemo(
    () => (remoteStyle ? mergeStyles(remoteStyle, style) : style),
    [remoteStyle, style],
  );
  const shownKey = remoteStyle ? `${styleKey}|${baseKey}` : styleKey;
  // One notice per style: a base map with a broken tile server would otherwise raise one per tile.
  const reportedFor = useRef<string | null>(null);
  const onMapError = useCallback(
    (message: string, sourceId: string | null) => {
      if (reportedFor.current === shownKey) return;
      reportedFor.current = shownKey;
      useAppStore
        .getState()
        .notify(
          'error',
          sourceId ? t('tilesErrorFrom', { source: sourceId, message }) : t('tilesError', { message }),
        );
    },
    [shownKey, t],
  );

  const labels = useMemo<MapLabel[]>(() => {
    if (!boundaries || !showBoundaries || boundaries.layer.features.length > 120) return [];
    return boundaries.layer.features.map((f, i) => {
      const [lon, lat] = centroid(f).geometry.coordinates as [number, number];
      return { key: boundaries.ids[i]!, text: boundaries.names[i]!, lon, lat };
    });
  }, [boundaries, showBoundaries]);

  const hotspotMap = useHotspotMapLayers(view);
  const plannerLayers = usePlannerMapLayers();
  const publish = view.publish.on;
  const layers = useMemo(() => {
    const out: Layer[] = [...(areaLayers ?? [])];
    if (data.heat) out.push(heatLayer(data.heat));
    if (data.hexagons) {
      const perYear = new Float64Array(data.hexagons.counts.length);
      for (let i = 0; i < perYear.length; i++) perYear[i] = data.hexagons.counts[i]! / data.hexagons.years;
      out.push(hexagonLayer({ cells: data.hexagons.cells, counts: perYear, max: data.hexagons.perYearMax }));
    }
    // The planner's sites, hot cells and uncovered incidents are finer than the areas: off in publish mode.
    out.push(...hotspotMap.layers, ...(publish ? [] : plannerLayers));
    if (data.points) out.push(pointsLayer(data.points, data.brush));
    if (view.areas.polygon) out.push(drawnAreaLayer(view.areas.polygon));
    return out;
  }, [
    data.heat,
    data.hexagons,
    data.points,
    data.brush,
    view.areas.polygon,
    hotspotMap.layers,
    plannerLayers,
    publish,
    areaLayers,
  ]);

  const clickable = useMemo(
    () =>
      boundaries && showBoundaries
        ? {
            layerId: BASE_STYLE_LAYER_IDS.neighborhoodsFill,
            source: 'neighborhoods',
            idProperty: boundaries.idProperty,
          }
        : undefined,
    [boundaries, showBoundaries],
  );
  const unit = view.unit;
  const hex = data.hexagons;
  const getTooltip = useCallback(
    (info: PickingInfo) => {
      const hot = hotspotMap.tooltip(info) ?? areaTooltip?.(info);
      if (hot) return hot;
      if (info.layer?.id === 'hexagons' && info.object && hex) {
        const perYear = (info.object as { count: number }).count;
        return t('hexTooltip', {
          count: formatCount(Math.round(perYear * hex.years), { unit }),
          perYear: formatDecimal(perYear, 1),
        });
      }
      if (info.layer?.id === 'points' && info.index >= 0) return t('pointTooltip');
      return null;
    },
    [hex, unit, hotspotMap.tooltip, areaTooltip, t],
  );

  const onCamera = useCallback(
    (c: MapCamera) => {
      const v = view.view;
      if (
        v &&
        Math.abs(v.lon - c.lon) < 1e-7 &&
        Math.abs(v.lat - c.lat) < 1e-7 &&
        Math.abs(v.zoom - c.zoom) < 1e-4
      )
        return;
      onView({ view: { lon: c.lon, lat: c.lat, zoom: Math.round(c.zoom * 100) / 100 } });
    },
    [view.view, onView],
  );

  const focus = useAreaFocus(boundaries, view.areas.ids);

  return (
    <MapView
      style={shownStyle}
      styleKey={shownKey}
      camera={view.view}
      bounds={dataset.report.bbox}
      layers={layers}
      labels={labels}
      clickable={clickable}
      selectedIds={view.areas.ids}
      focus={focus}
      onCameraChange={onCamera}
      onFeatureClick={drawing || placing ? undefined : onToggleArea}
      inspectLayers={INSPECT_LAYERS}
      onInspectClick={onInspectClick}
      getTooltip={getTooltip}
      onFirstRender={onFirstRender}
      onMap={onMap}
      onMapError={onMapError}
      label={t('label')}
      describedBy="map-description"
    />
  );
}

/**
 * Where the map should go after a selection: the extent of the selected areas, keyed by the selection,
 * from the first change on (the selection a link opens with keeps the link's camera).
 */
function useAreaFocus(
  boundaries: Dataset['boundaries'],
  ids: readonly string[],
): { key: string; bbox: [number, number, number, number] } | null {
  const key = JSON.stringify(ids);
  const first = useRef<string | null>(null);
  first.current ??= key;
  return useMemo(() => {
    const list = JSON.parse(key) as string[];
    if (!boundaries || list.length === 0 || key === first.current) return null;
    const bbox = areasBbox(boundaries.layer.features, boundaries.idProperty, list);
    return bbox ? { key, bbox } : null;
  }, [boundaries, key]);
}
