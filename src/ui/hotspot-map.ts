/**
 * The hotspot layers for the dashboard map and their tooltip lines, read from the hotspot store. The map
 * component adds `layers` to its own and asks `tooltip` first.
 */
import type { PickingInfo } from '@deck.gl/core';
import { useCallback, useMemo } from 'react';
import { emergingPatternLabel } from '../analysis/hotspots/emerging-patterns';
import { hotspotClassLabel } from '../analysis/hotspots/hotspot-classes';
import { formatCount, formatDecimal, formatPValue, formatQValue } from '../analysis/privacy/count-format';
import { emergingLayer, hotspotLayer } from '../map/layers/hotspot-layers';
import { useHotspotStore } from '../state/hotspot-store';
import type { UrlViewState } from '../state/url-state';

/** The Gi* and emerging layers that are switched on, and a tooltip for their cells. */
export function useHotspotMapLayers(view: UrlViewState) {
  const hotspot = useHotspotStore((s) => s.hotspot);
  const emerging = useHotspotStore((s) => s.emerging);
  const selected = useHotspotStore((s) => s.selected);
  const set = useHotspotStore((s) => s.set);
  const showHot = view.layers.includes('hotspots');
  const showEmerging = view.layers.includes('emerging');
  const layers = useMemo(() => {
    const select = (cell: string) => set({ selected: cell });
    const out = [];
    if (showHot && hotspot) out.push(hotspotLayer(hotspot, select, selected));
    if (showEmerging && emerging)
      out.push(emergingLayer(emerging, select, selected, Boolean(showHot && hotspot)));
    return out;
  }, [showHot, showEmerging, hotspot, emerging, selected, set]);

  const tooltip = useCallback(
    (info: PickingInfo): string | null => {
      const row = info.object as { index: number } | undefined;
      if (!row) return null;
      if (info.layer?.id === 'hotspots' && hotspot) {
        const i = row.index;
        return [
          hotspotClassLabel(hotspot.classes[i]!),
          `${formatCount(hotspot.counts[i]!, { unit: hotspot.unit })} in this cell; ${formatCount(hotspot.neighborSum[i]!, { unit: hotspot.unit })} with its neighbours`,
          `Gi* z = ${formatDecimal(hotspot.z[i]!)}, ${formatPValue(hotspot.p[i]!)}, ${formatQValue(hotspot.q[i]!)} (FDR)`,
        ].join('\n');
      }
      if (info.layer?.id === 'emerging' && emerging) {
        const i = row.index;
        return [
          emergingPatternLabel(emerging.pattern[i]!),
          `Trend of Gi* z over ${emerging.sliceLabels.length} slices: τ = ${formatDecimal(emerging.trendTau[i]!)}, ${formatPValue(emerging.trendP[i]!)}`,
          'Click for the z-score sparkline',
        ].join('\n');
      }
      return null;
    },
    [hotspot, emerging],
  );
  return { layers, tooltip };
}
