/**
 * The hotspot layers for the dashboard map and their tooltip lines, read from the hotspot store. The map
 * component adds `layers` to its own and asks `tooltip` first.
 */
import type { PickingInfo } from '@deck.gl/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal, formatPValue, formatQValue } from '../analysis/privacy/count-format';
import { emergingLayer, hotspotLayer } from '../map/layers/hotspot-layers';
import { useHotspotStore } from '../state/hotspot-store';
import type { UrlViewState } from '../state/url-state';

/** The Gi* and emerging layers that are switched on, and a tooltip for their cells. */
export function useHotspotMapLayers(view: UrlViewState) {
  const { t } = useTranslation('hotspots');
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
          t(`class.${hotspot.classes[i]!}`),
          t('tipCounts', {
            cell: formatCount(hotspot.counts[i]!, { unit: hotspot.unit }),
            neighbours: formatCount(hotspot.neighborSum[i]!, { unit: hotspot.unit }),
          }),
          t('tipStats', {
            z: formatDecimal(hotspot.z[i]!),
            p: formatPValue(hotspot.p[i]!),
            q: formatQValue(hotspot.q[i]!),
          }),
        ].join('\n');
      }
      if (info.layer?.id === 'emerging' && emerging) {
        const i = row.index;
        return [
          t(`pattern.${emerging.pattern[i]!}`),
          t('tipTrend', {
            slices: emerging.sliceLabels.length,
            tau: formatDecimal(emerging.trendTau[i]!),
            p: formatPValue(emerging.trendP[i]!),
          }),
          t('tipClick'),
        ].join('\n');
      }
      return null;
    },
    [hotspot, emerging, t],
  );
  return { layers, tooltip };
}
