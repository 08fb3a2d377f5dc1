/**
 * Moving the map to a selection. The selection is the user's latest act, so it wins over a gesture begun
 * before it:
 * - a scroll zoom still easing out is stopped (maplibre's fitBounds interrupts animations, not gestures);
 * - a lone wheel turn that maplibre is still holding back while it tells a mouse wheel from a trackpad (up
 *   to 40 ms) starts after the fit has begun and cuts it short, so a fit that ends short of its target is
 *   run again, unless the user has touched the map (wheel, pointer, key) since the selection: then the
 *   camera is theirs.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

const FIT = { padding: 48, maxZoom: 15 } as const;
const FIT_MS = 600;
/** Gestures on the map that take the camera over from a fit. */
const GESTURES = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;
/** Zoom difference under which a fit counts as arrived. */
const ARRIVED = 0.01;
/**
 * How long after the selection a cut-short fit is run again. A held-back wheel starts within 40 ms, but a busy
 * page can deliver its start, its end and the fit's re-run hundreds of milliseconds late.
 */
const RETRY_WINDOW_MS = 3000;

/** Records when the user last handled the map itself; returns a function that stops recording. */
export function trackGestures(map: MapLibreMap, at: { current: number }): () => void {
  const container = map.getContainer();
  const mark = (e: Event) => {
    at.current = e.timeStamp;
  };
  for (const type of GESTURES) container.addEventListener(type, mark, { capture: true, passive: true });
  return () => {
    for (const type of GESTURES) container.removeEventListener(type, mark, { capture: true });
  };
}

/**
 * Fits the map to `bbox` ([west, south, east, north]) with an animation. `gestureAt` holds the time of the
 * user's last gesture on the map (from `trackGestures`). Returns a function that stops watching the fit (a
 * newer selection supersedes it).
 */
export function fitFocus(
  map: MapLibreMap,
  bbox: [number, number, number, number],
  gestureAt: { readonly current: number },
): () => void {
  const selectedAt = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const move = () => map.stop().fitBounds(bbox, { ...FIT, duration: FIT_MS });
  const onEnd = () => {
    // The target is read at each end: a map resized during the move has a new one.
    const target = map.cameraForBounds(bbox, FIT);
    const arrived = target?.zoom === undefined || Math.abs(map.getZoom() - target.zoom) < ARRIVED;
    const late = performance.now() - selectedAt > RETRY_WINDOW_MS;
    if (arrived || gestureAt.current > selectedAt || late) {
      map.off('moveend', onEnd);
      return;
    }
    // Not from inside the end event: the map ignores a stop while it is applying a gesture.
    clearTimeout(timer);
    timer = setTimeout(move, 0);
  };
  map.on('moveend', onEnd);
  move();
  // How many selections the map has begun to fit (`data-fits`), so that a test can act while one is under way.
  const container = map.getContainer();
  container.dataset.fits = String(Number(container.dataset.fits ?? 0) + 1);
  return () => {
    clearTimeout(timer);
    map.off('moveend', onEnd);
  };
}
