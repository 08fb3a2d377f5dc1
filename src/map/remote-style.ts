/**
 * An optional remote base map (a maplibre style URL the user provides), with the app's own boundary layers
 * drawn on top. Loading is opt-in and never required: when the style cannot be fetched or is not a maplibre
 * style, the caller falls back to the offline style and says why.
 */
import type { StyleSpecification } from 'maplibre-gl';

/** Why a remote style was not used. */
export class RemoteStyleError extends Error {
  override readonly name = 'RemoteStyleError';
}

/** Checks that a value looks like a maplibre style (version 8 with sources and layers). */
export function asStyle(value: unknown, url: string): StyleSpecification {
  const v = value as Partial<StyleSpecification> | null;
  if (
    !v ||
    typeof v !== 'object' ||
    v.version !== 8 ||
    typeof v.sources !== 'object' ||
    !Array.isArray(v.layers)
  ) {
    throw new RemoteStyleError(`${url} is not a maplibre style (expected version 8 with sources and layers)`);
  }
  return v as StyleSpecification;
}

/**
 * The remote style with the offline style's sources and layers (boundaries, catchments) appended on top; the
 * offline background is dropped, and the offline camera kept.
 */
export function mergeStyles(remote: StyleSpecification, offline: StyleSpecification): StyleSpecification {
  const overlays = offline.layers.filter((l) => l.type !== 'background');
  const taken = new Set(remote.layers.map((l) => l.id));
  return {
    ...remote,
    center: offline.center,
    zoom: offline.zoom,
    sources: { ...remote.sources, ...offline.sources },
    layers: [...remote.layers, ...overlays.map((l) => (taken.has(l.id) ? { ...l, id: `cvi-${l.id}` } : l))],
  };
}

/** Fetches and validates a remote style within `timeoutMs`. */
export async function fetchRemoteStyle(url: string, timeoutMs = 8000): Promise<StyleSpecification> {
  let parsed: URL;
  try {
    parsed = new URL(url, window.location.href);
  } catch {
    throw new RemoteStyleError(`"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RemoteStyleError(`"${url}" must be an http(s) URL`);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(parsed, { signal: controller.signal });
    if (!response.ok) throw new RemoteStyleError(`${url} answered ${response.status} ${response.statusText}`);
    return asStyle(await response.json(), url);
  } catch (error) {
    if (error instanceof RemoteStyleError) throw error;
    throw new RemoteStyleError(`${url} could not be loaded (${(error as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
}
