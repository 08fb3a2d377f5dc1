/** The planner's layers for the dashboard map, read from the planner store. */
import { useMemo } from 'react';
import {
  hotNowLayer,
  outsideHotSpotsLayer,
  suggestedSitesLayer,
  uncoveredIncidentsLayer,
} from '../map/layers/planner-layers';
import { usePlannerMap } from './planner-store';
import { useProgramStore } from './program-store';

/** Draft program id of a kept suggestion. */
export function draftProgramId(cell: string): string {
  return `draft-site-${cell.toLowerCase()}`;
}

/** Layers in drawing order: hot now, outside hot spots, uncovered incidents, suggested sites. */
export function usePlannerMapLayers() {
  const { suggestions, uncovered, outsideHotSpots, hotNow, uncoveredMode } = usePlannerMap();
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
            kept: kept.has(draftProgramId(s.cell)),
          })),
        ),
      );
    }
    return out;
  }, [suggestions, uncovered, outsideHotSpots, hotNow, uncoveredMode, user]);
}
