/**
 * What the map shows in a link: `layers`, `h3` (hexagon resolution), `bandwidth` (KDE, metres) and the
 * `hotspot.res`, `hotspot.k`, `hotspot.fdr`, `hotspot.slice` settings of Gi* and emerging hot spots.
 */
import { quoteForNotice, sameList, type UrlSection } from './section';
import {
  DEFAULT_HOTSPOT_SETTINGS,
  DEFAULT_KDE_BANDWIDTH_M,
  DEFAULT_LAYERS,
  HOTSPOT_RESOLUTIONS,
  HOTSPOT_RING_SIZES,
  HOTSPOT_SLICES,
  LAYER_IDS,
  type UrlHotspotSettings,
  type UrlLayerId,
} from './types';

const MIN_H3 = 6;
const MAX_H3 = 11;
const MIN_BANDWIDTH = 50;
const MAX_BANDWIDTH = 5000;

/** Visible layers, hexagon resolution and KDE bandwidth. */
export const layerSection: UrlSection = {
  scalarKeys: ['layers', 'h3', 'bandwidth'],
  encode(state, params) {
    const layers = canonicalLayers(state.layers);
    if (!sameList(layers, DEFAULT_LAYERS))
      params.set('layers', layers.length === 0 ? 'none' : layers.join(','));
    if (state.h3Res !== 'auto') {
      if (!Number.isInteger(state.h3Res) || state.h3Res < MIN_H3 || state.h3Res > MAX_H3) {
        throw new RangeError(
          `h3Res must be 'auto' or an integer from ${MIN_H3} to ${MAX_H3}, got ${state.h3Res}`,
        );
      }
      params.set('h3', String(state.h3Res));
    }
    if (state.kdeBandwidthM !== DEFAULT_KDE_BANDWIDTH_M) {
      const bw = state.kdeBandwidthM;
      if (!Number.isInteger(bw) || bw < MIN_BANDWIDTH || bw > MAX_BANDWIDTH) {
        throw new RangeError(
          `kdeBandwidthM must be a whole number of metres from ${MIN_BANDWIDTH} to ${MAX_BANDWIDTH}, got ${bw}`,
        );
      }
      params.set('bandwidth', String(bw));
    }
  },
  decode({ single, reject }, state) {
    const layers = single.get('layers');
    if (layers !== undefined) {
      if (layers === '' || layers === 'none') {
        state.layers = [];
      } else {
        const ids = layers.split(',');
        const unknown = ids.filter((id) => !(LAYER_IDS as readonly string[]).includes(id));
        if (unknown.length > 0) {
          reject(
            'layers',
            layers,
            `unknown layer ${unknown.map(quoteForNotice).join(', ')}; known: ${LAYER_IDS.join(', ')}`,
          );
        } else {
          state.layers = canonicalLayers(ids as UrlLayerId[]);
        }
      }
    }
    const h3 = single.get('h3');
    if (h3 !== undefined) {
      if (h3 === 'auto') state.h3Res = 'auto';
      else if (/^\d{1,2}$/.test(h3) && Number(h3) >= MIN_H3 && Number(h3) <= MAX_H3) state.h3Res = Number(h3);
      else reject('h3', h3, `h3 must be 'auto' or a whole number from ${MIN_H3} to ${MAX_H3}`);
    }
    const bandwidth = single.get('bandwidth');
    if (bandwidth !== undefined) {
      const bw = /^\d{1,5}$/.test(bandwidth) ? Number(bandwidth) : Number.NaN;
      if (bw >= MIN_BANDWIDTH && bw <= MAX_BANDWIDTH) state.kdeBandwidthM = bw;
      else {
        reject(
          'bandwidth',
          bandwidth,
          `bandwidth must be a whole number of metres from ${MIN_BANDWIDTH} to ${MAX_BANDWIDTH}`,
        );
      }
    }
  },
};

/** The Gi* and emerging hot spot settings. */
export const hotspotSection: UrlSection = {
  scalarKeys: ['hotspot.res', 'hotspot.k', 'hotspot.fdr', 'hotspot.slice'],
  encode(state, params) {
    const { resolution, k, fdr, slice } = state.hotspot;
    if (!(HOTSPOT_RESOLUTIONS as readonly number[]).includes(resolution))
      throw new RangeError(
        `hotspot resolution must be one of ${HOTSPOT_RESOLUTIONS.join(', ')}, got ${resolution}`,
      );
    if (!(HOTSPOT_RING_SIZES as readonly number[]).includes(k))
      throw new RangeError(`hotspot k must be one of ${HOTSPOT_RING_SIZES.join(', ')}, got ${k}`);
    if (typeof fdr !== 'boolean') throw new TypeError(`hotspot fdr must be true or false, got ${fdr}`);
    if (!(HOTSPOT_SLICES as readonly string[]).includes(slice))
      throw new TypeError(`hotspot slice must be one of ${HOTSPOT_SLICES.join(', ')}, got ${slice}`);
    if (resolution !== DEFAULT_HOTSPOT_SETTINGS.resolution) params.set('hotspot.res', String(resolution));
    if (k !== DEFAULT_HOTSPOT_SETTINGS.k) params.set('hotspot.k', String(k));
    if (fdr !== DEFAULT_HOTSPOT_SETTINGS.fdr) params.set('hotspot.fdr', fdr ? 'on' : 'off');
    if (slice !== DEFAULT_HOTSPOT_SETTINGS.slice) params.set('hotspot.slice', slice);
  },
  decode({ single, reject }, state) {
    const settings: UrlHotspotSettings = { ...DEFAULT_HOTSPOT_SETTINGS };
    const choice = <T extends string | number>(key: string, options: readonly T[]): T | undefined => {
      const text = single.get(key);
      if (text === undefined) return undefined;
      const value = options.find((o) => String(o) === text);
      if (value === undefined) reject(key, text, `${key} must be one of ${options.join(', ')}`);
      return value;
    };
    settings.resolution = choice('hotspot.res', HOTSPOT_RESOLUTIONS) ?? settings.resolution;
    settings.k = choice('hotspot.k', HOTSPOT_RING_SIZES) ?? settings.k;
    const fdr = choice('hotspot.fdr', ['on', 'off'] as const);
    if (fdr !== undefined) settings.fdr = fdr === 'on';
    settings.slice = choice('hotspot.slice', HOTSPOT_SLICES) ?? settings.slice;
    state.hotspot = settings;
  },
};

function canonicalLayers(layers: readonly string[]): UrlLayerId[] {
  for (const id of layers) {
    if (!(LAYER_IDS as readonly string[]).includes(id)) throw new TypeError(`unknown layer id ${id}`);
  }
  return LAYER_IDS.filter((id) => layers.includes(id));
}
