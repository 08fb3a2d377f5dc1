/**
 * Candidate sites the user placed for the deployment planner: `site=<lon>,<lat>` or
 * `site=<lon>,<lat>,<name>`, repeated once per site in the order they were placed (the order breaks the
 * planner's ties). Coordinates have 5 decimals (≈ 1.1 m); the name is free text (URLSearchParams escapes it)
 * of at most {@link MAX_SITE_NAME_LENGTH} characters. At most {@link MAX_PLACED_SITES} sites.
 */
import { formatDecimal, roundTo, type UrlSection } from './section';
import type { UrlPlacedSite } from './types';

/** Most sites a link carries. */
export const MAX_PLACED_SITES = 50;
/** Longest site name (characters). */
export const MAX_SITE_NAME_LENGTH = 80;

/** Why a placed site cannot go into a link, or undefined. */
export function placedSiteProblem(site: UrlPlacedSite): string | undefined {
  if (!(typeof site.lon === 'number' && Math.abs(site.lon) <= 180))
    return 'longitude must be a number from -180 to 180';
  if (!(typeof site.lat === 'number' && Math.abs(site.lat) <= 90))
    return 'latitude must be a number from -90 to 90';
  if (typeof site.name !== 'string') return 'name must be text';
  if (site.name.length > MAX_SITE_NAME_LENGTH)
    return `name must be at most ${MAX_SITE_NAME_LENGTH} characters`;
  return undefined;
}

/** The placed-sites section of the codec. */
export const siteSection: UrlSection = {
  scalarKeys: [],
  listKeys: ['site'],
  encode(state, params) {
    if (state.sites.length > MAX_PLACED_SITES)
      throw new RangeError(`at most ${MAX_PLACED_SITES} placed sites fit in a URL`);
    for (const site of state.sites) {
      const problem = placedSiteProblem(site);
      if (problem) throw new RangeError(`placed site: ${problem}`);
      const at = `${formatDecimal(site.lon, 5)},${formatDecimal(site.lat, 5)}`;
      const name = site.name.trim();
      params.append('site', name ? `${at},${name}` : at);
    }
  },
  decode({ lists, reject, notice }, state) {
    const values = lists.get('site') ?? [];
    if (values.length > MAX_PLACED_SITES) {
      notice(`Ignored all site parameters: at most ${MAX_PLACED_SITES} placed sites are allowed`);
      return;
    }
    for (const value of values) {
      const [x, y, ...rest] = value.split(',');
      const number = /^-?\d{1,3}(\.\d{1,5})?$/;
      if (!x || !y || !number.test(x) || !number.test(y)) {
        reject('site', value, 'a site must be LONGITUDE,LATITUDE[,NAME] with at most 5 decimals');
        continue;
      }
      const site = { lon: roundTo(Number(x), 5), lat: roundTo(Number(y), 5), name: rest.join(',').trim() };
      const problem = placedSiteProblem(site);
      if (problem) reject('site', value, problem);
      else state.sites.push(site);
    }
  },
};
