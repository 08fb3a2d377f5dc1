/**
 * Telling the map's own reports apart from cameras set from outside (a link, the history, a "zoom to").
 *
 * The map reports where it stopped at every move's end, and the report comes back later as the camera prop,
 * rounded. A prop that is one of those reports is an echo and must not move the map: a jump back to it would
 * cancel a move begun since, such as a fit to a selected area that stopped a scroll zoom (the scroll's end is
 * reported while the fit runs). Reports come back in order, but not one by one: the map can report twice
 * before the first report is rendered, so the echo may be of any report still pending, not only the last.
 */

/** A camera as the map reports it and the camera prop carries it. */
export interface EchoCamera {
  lon: number;
  lat: number;
  zoom: number;
}

/** Most reports remembered: enough for a burst of move ends, bounded for a map that is never rendered. */
const PENDING_MAX = 16;
/** The prop's zoom is rounded to 0.01. */
const ZOOM_TOLERANCE = 0.005 + 1e-9;
const LONLAT_TOLERANCE = 1e-6;

function same(a: EchoCamera, b: EchoCamera): boolean {
  return (
    Math.abs(a.lon - b.lon) < LONLAT_TOLERANCE &&
    Math.abs(a.lat - b.lat) < LONLAT_TOLERANCE &&
    Math.abs(a.zoom - b.zoom) <= ZOOM_TOLERANCE
  );
}

/** The map's reports that have not come back as the camera prop yet. */
export class CameraEchoes {
  private pending: EchoCamera[] = [];

  /** Records a camera the map reported. */
  reported(camera: EchoCamera): void {
    this.pending.push(camera);
    if (this.pending.length > PENDING_MAX) this.pending.shift();
  }

  /**
   * Whether `prop` is the echo of a pending report. An echo settles that report and every earlier one (they
   * will not come back: the props come in the order of the reports); a camera from outside settles them all.
   */
  isEcho(prop: EchoCamera): boolean {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      if (same(this.pending[i]!, prop)) {
        this.pending.splice(0, i + 1);
        return true;
      }
    }
    this.pending = [];
    return false;
  }
}
