/**
 * The map: maplibre-gl draws the offline base style (boundaries, catchments); deck.gl draws incident layers
 * in an overlaid canvas (MapboxOverlay, not interleaved; see docs/ARCHITECTURE.md). The component owns
 * the imperative engines and passes everything else through props.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import i18next from 'i18next';
import { Map as MapLibreMap, Marker, prewarm, type StyleSpecification, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { LayersList, PickingInfo } from '@deck.gl/core';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import { CameraEchoes } from './camera-echo';
import { fitFocus, trackGestures } from './fit-focus';

setWorkerUrl(workerUrl);
// The map's worker starts as the app loads, while the first screen's data is fetched, not when the map is made.
prewarm();

/** Camera as the URL holds it. */
export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

/** A text label placed on the map (rendered as escaped HTML text). */
export interface MapLabel {
  key: string;
  text: string;
  lon: number;
  lat: number;
}

/** Props of the map. */
export interface MapViewProps {
  style: StyleSpecification;
  /** Identity of the style's content; the style is replaced only when this changes. */
  styleKey: string;
  camera: MapCamera | null;
  /** Extent to fit when there is no camera: [west, south, east, north]. */
  bounds: [number, number, number, number] | null;
  /** Extent to bring into view (animated) each time its `key` changes, e.g. the areas just selected. */
  focus?: { key: string; bbox: [number, number, number, number] } | null;
  layers: LayersList;
  labels: readonly MapLabel[];
  /** Fill layer whose features can be clicked, with the property that identifies them. */
  clickable?: { layerId: string; source: string; idProperty: string };
  selectedIds: readonly string[];
  onCameraChange(camera: MapCamera): void;
  onFeatureClick?(id: string): void;
  /**
   * deck.gl layers whose objects a click inspects (statistics layers): a click on one of them is not a click
   * on the feature below; `onInspectClick` gets the id of that feature (or null) so the user can choose to
   * select it.
   */
  inspectLayers?: readonly string[];
  onInspectClick?(featureIdBelow: string | null): void;
  getTooltip?(info: PickingInfo): string | null;
  /** Called once the first frame with data has been drawn. */
  onFirstRender?(): void;
  /** Gives the parent access to the map for drawing tools. */
  onMap?(map: MapLibreMap | null): void;
  /**
   * Called when maplibre reports a failure after the style loaded (a tile, glyph or sprite that could not be
   * fetched or decoded), with maplibre's message and the source id when there is one. A tile answered with
   * 404 is not a failure to maplibre (it reads as "no tile here", as in sparse tile sets) and is not reported.
   */
  onMapError?(message: string, sourceId: string | null): void;
  /** Accessible name of the map region (default "Map of incidents"). */
  label?: string;
  /** Id of an element that describes the map in words (its text alternative). */
  describedBy?: string;
}

/** The map component. */
export function MapView(props: MapViewProps) {
  const container = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const markers = useRef<Marker[]>([]);
  const selectedRef = useRef<readonly string[]>([]);
  // The cameras the map reported: the same camera coming back as a prop (rounded) is not a move.
  const echoesRef = useRef(new CameraEchoes());
  // When the user last handled the map itself (wheel, pointer, key), as an event time stamp.
  const gestureAtRef = useRef(Number.NEGATIVE_INFINITY);

  const focusKey = props.focus?.key ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new key moves the camera.
  useEffect(() => {
    const map = mapRef.current;
    const focus = propsRef.current.focus;
    if (!map || !focus) return;
    return fitFocus(map, focus.bbox, gestureAtRef);
  }, [focusKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once; later props flow through refs and the effects below.
  useEffect(() => {
    const map = new MapLibreMap({
      container: container.current!,
      style: props.style,
      center: props.camera ? [props.camera.lon, props.camera.lat] : (props.style.center as [number, number]),
      zoom: props.camera?.zoom ?? props.style.zoom ?? 10,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      getTooltip: (info) => {
        const text = propsRef.current.getTooltip?.(info);
        return text ? { text } : null;
      },
      onAfterRender: () => {
        const first = propsRef.current.onFirstRender;
        if (first && propsRef.current.layers.length > 0) {
          // onAfterRender fires before the frame is presented; wait two frames.
          requestAnimationFrame(() => requestAnimationFrame(() => first()));
        }
      },
      deviceProps: { webgl: { preserveDrawingBuffer: true } },
    } as ConstructorParameters<typeof MapboxOverlay>[0]);
    map.addControl(overlay);
    const stopTracking = trackGestures(map, gestureAtRef);
    map.on('moveend', () => {
      const c = map.getCenter();
      const camera = { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
      echoesRef.current.reported(camera);
      propsRef.current.onCameraChange(camera);
    });
    map.on('error', (e) => {
      const event = e as { error?: { message?: string }; sourceId?: string };
      propsRef.current.onMapError?.(event.error?.message ?? 'unknown error', event.sourceId ?? null);
    });
    map.on('click', (e) => {
      const clickable = propsRef.current.clickable;
      const usable = clickable && map.getLayer(clickable.layerId) ? clickable : null;
      const hit = usable ? map.queryRenderedFeatures(e.point, { layers: [usable.layerId] })[0] : undefined;
      const raw = usable ? hit?.properties?.[usable.idProperty] : undefined;
      const id = raw === undefined || raw === null ? null : String(raw);
      const inspect = propsRef.current.inspectLayers ?? [];
      if (inspect.length > 0) {
        const picked = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 1 });
        if (picked?.layer && inspect.includes(picked.layer.id)) {
          propsRef.current.onInspectClick?.(id);
          return;
        }
      }
      if (id !== null) propsRef.current.onFeatureClick?.(id);
    });
    if (!props.camera && props.bounds) map.fitBounds(props.bounds, { padding: 24, duration: 0 });
    mapRef.current = map;
    overlayRef.current = overlay;
    props.onMap?.(map);
    return () => {
      props.onMap?.(null);
      stopTracking();
      for (const m of markers.current) m.remove();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: replaced only when the style's content changes.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    map.setStyle(props.style);
    selectedRef.current = [];
    if (!props.camera && props.bounds) map.fitBounds(props.bounds, { padding: 24, duration: 0 });
  }, [props.styleKey]);

  useEffect(() => {
    const map = mapRef.current;
    const cam = props.camera;
    if (!map || !cam) return;
    // An echo of the map's own report must not jump: it would cancel a move begun since.
    if (echoesRef.current.isEcho(cam)) return;
    const c = map.getCenter();
    if (
      Math.abs(c.lng - cam.lon) > 1e-6 ||
      Math.abs(c.lat - cam.lat) > 1e-6 ||
      Math.abs(map.getZoom() - cam.zoom) > 1e-3
    ) {
      map.jumpTo({ center: [cam.lon, cam.lat], zoom: cam.zoom });
    }
  }, [props.camera]);

  useEffect(() => {
    overlayRef.current?.setProps({ layers: props.layers });
  }, [props.layers]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new style drops feature state, so selection is re-applied when it changes.
  useEffect(() => {
    const map = mapRef.current;
    const clickable = props.clickable;
    if (!map || !clickable) return;
    const apply = () => {
      if (!map.getSource(clickable.source)) return;
      for (const id of selectedRef.current)
        map.setFeatureState({ source: clickable.source, id }, { selected: false });
      for (const id of props.selectedIds)
        map.setFeatureState({ source: clickable.source, id }, { selected: true });
      selectedRef.current = props.selectedIds;
    };
    if (map.isStyleLoaded()) apply();
    else map.once('idle', apply);
  }, [props.selectedIds, props.clickable, props.styleKey]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const m of markers.current) m.remove();
    markers.current = props.labels.map((label) => {
      const el = document.createElement('div');
      el.className = 'map-label';
      el.textContent = label.text;
      return new Marker({ element: el }).setLngLat([label.lon, label.lat]).addTo(map);
    });
  }, [props.labels]);

  return (
    <section
      ref={container}
      className="map"
      data-testid="map"
      aria-label={props.label ?? i18next.t('map:label')}
      aria-describedby={props.describedBy}
    />
  );
}
