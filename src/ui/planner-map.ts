/** The planner's layers for the dashboard map, read from the planner store. */
import { useMemo } from 'react';
import {
  hotNowLayer,
  outsideHotSpotsLayer,
  placedSitesLayer,
  suggestedSitesLayer,
  uncoveredIncidentsLayer,
} from '../map/layers/planner-layers';
import { useAppStore } from '../state/app-store';
import type { SiteSuggestion } from '../state/planning-pipeline';
import { usePlannerMap } from './planner-store';
import { useProgramStore } from './program-store';

function e5(value: number, positive: string, negative: string): string {
  return `${Math.abs(Math.round(value * 1e5))}${value < 0 ? negative : positive}`;
}

/** Draft program id of a kept suggestion: by H3 cell, or by position for a site the user placed. */
export function draftProgramId(s: Pick<SiteSuggestion, 'cell' | 'source' | 'lon' | 'lat'>): string {
  return s.source === 'site'
    ? `draft-place-${e5(s.lon, 'e', 'w')}-${e5(s.lat, 'n', 's')}`
    : `draft-site-${s.cell.toLowerCase()}`;
}

/** Layers in drawing order: hot now, outside hot spots, uncovered incidents, suggested sites, placed sites. */
export function usePlannerMapLayers() {
  const { suggestions, uncovered, outsideHotSpots, hotNow, uncoveredMode } = usePlannerMap();
  const placed = useAppStore((s) => s.views[s.active].sites);
  const user = useProgramStore((s) => s.user);
  return useMemo(() => {
    const out = [];
    if (hotNow && hotNow.cells.length > 0) out.push(hotNowLayer(hotNow));
    if (uncoveredMode && outsideHotSpots.length > 0) out.push(outsideHotSpotsLayer(outsideHotSpots));
    if (uncoveredMode && uncovered) out.push(uncoveredIncidentsLayer(uncovered));
    if (suggestions.length > 0) {
      const kept = new Set(user.map((p) => p.id));
      out.push(
        suggestedSitesLayer(
          suggestions.map((s) => ({
            rank: s.rank,
            lon: s.lon,
            lat: s.lat,
            radiusMetres: s.radiusMetres,
            kept: kept.has(draftProgramId(s)),
          })),
        ),
      );
    }
    if (placed.length > 0) out.push(placedSitesLayer(placed));
    return out;
  }, [suggestions, uncovered, outsideHotSpots, hotNow, uncoveredMode, user, placed]);
}
