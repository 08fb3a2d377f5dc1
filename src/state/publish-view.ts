/**
 * What the views may ask for in publish mode. Every view then reads the published tables (areas × years,
 * city months, fatal counts per year) and nothing finer, so free-form slicing that would let a reader
 * subtract one view from another is coarsened or switched off, each with the reason the screen shows:
 * - points, hexagons, density and hot spot layers are off: the finest map layer is the areas;
 * - clicking or drawing areas does not filter the views (a drawn area one block larger than a
 *   neighborhood, or two selections, could be subtracted);
 * - the time brush snaps to one calendar year, or to all years when it spans more than one;
 * - hour and weekday selections are off (two selections one hour apart could be subtracted).
 * Attribute and fatality filters stay: each filter gives its own set of tables (see docs/PRIVACY.md for
 * what that leaves open).
 */
import type { UrlLayerId, UrlViewState } from './url-state';
import { ALL_HOURS, ALL_WEEKDAYS, LAYER_IDS } from './url-state';

/** Layers that show anything finer than an area. */
const FINE_LAYERS: readonly UrlLayerId[] = ['points', 'hexagons', 'heat', 'hotspots', 'emerging'];

/** Result of {@link publishedView}. */
/** One thing publish mode coarsened or switched off: a code the interface translates, and the English text. */
export interface PublishReason {
  code: 'fineLayers' | 'areas' | 'yearWidened' | 'severalYears' | 'hours';
  /** The year the time brush was widened to (`yearWidened`). */
  year?: string;
  text: string;
}

export interface PublishedView {
  view: UrlViewState;
  /** One reason per thing that was coarsened or switched off. */
  reasons: PublishReason[];
  /** The calendar year the views show, or null for all published years. */
  year: string | null;
}

/** The view the dashboard computes in publish mode (unchanged when publish mode is off). */
export function publishedView(view: UrlViewState): PublishedView {
  if (!view.publish.on) return { view, reasons: [], year: null };
  const reasons: PublishReason[] = [];
  const layers = view.layers.filter((l) => !FINE_LAYERS.includes(l));
  if (layers.length !== view.layers.length)
    reasons.push({
      code: 'fineLayers',
      text: 'Points, hexagons, density and hot spots are off: the finest published layer is the areas.',
    });
  if (!layers.includes('boundaries')) layers.push('boundaries');
  if (view.areas.ids.length > 0 || view.areas.polygon)
    reasons.push({
      code: 'areas',
      text: 'Selected or drawn areas do not filter the views: two overlapping areas could be subtracted from each other.',
    });
  let year: string | null = null;
  let time: UrlViewState['time'] = null;
  if (view.time) {
    const from = view.time.from.slice(0, 4);
    const to = view.time.to.slice(0, 4);
    if (from === to) {
      year = from;
      time = { from: `${from}-01`, to: `${from}-12` };
      if (view.time.from !== time.from || view.time.to !== time.to)
        reasons.push({
          code: 'yearWidened',
          year: from,
          text: `The time brush is widened to the whole of ${from}: only whole years are published.`,
        });
    } else
      reasons.push({
        code: 'severalYears',
        text: 'The time brush spans several years, so all published years are shown.',
      });
  }
  const allHours = view.hours.length === ALL_HOURS.length;
  const allDays = view.weekdays.length === ALL_WEEKDAYS.length;
  if (!allHours || !allDays)
    reasons.push({
      code: 'hours',
      text: 'Hour and weekday selections are off: two selections an hour apart could be subtracted.',
    });
  return {
    view: {
      ...view,
      layers: LAYER_IDS.filter((l) => layers.includes(l)),
      areas: { ids: [], polygon: null },
      time,
      hours: [...ALL_HOURS],
      weekdays: [...ALL_WEEKDAYS],
    },
    reasons,
    year,
  };
}
