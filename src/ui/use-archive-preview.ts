/**
 * The dashboard's data while an archive's partitions are not loaded yet: the views the summaries answer
 * (headline, time histogram, hour × weekday matrix, hexagons at the summary's resolution). When the summaries
 * describe exactly the rows loaded, they also stand in for the live views still being computed, so the
 * first screen turns into the live one without the numbers going blank.
 */
import { useMemo } from 'react';
import { previewAnswers, previewViews } from '../state/archive-preview';
import type { ArchivePreviewEntry } from '../state/archive-store';
import { monthIndex } from '../state/datasets';
import type { UrlViewState } from '../state/url-state';
import type { DashboardData } from './use-dashboard';

/** `data` with the summary views in place when `previewing` (or filling views still pending). */
export function useArchivePreview(
  data: DashboardData,
  entry: ArchivePreviewEntry | null,
  previewing: boolean,
  view: UrlViewState,
): DashboardData {
  return useMemo(() => {
    if (!entry) return data;
    // A view not computed yet is null (before its query has even started, `pending` may still be false).
    const filling = !previewing && entry.complete && (data.pending || data.headline === null);
    if (!previewing && !filling) return data;
    const { dataset, preview } = entry;
    const last = dataset.monthCount - 1;
    const brush: [number, number] = view.time
      ? [
          Math.max(0, monthIndex(dataset.firstMonth, view.time.from)),
          Math.min(last, monthIndex(dataset.firstMonth, view.time.to)),
        ]
      : [0, last];
    const answered = previewAnswers(view);
    const views = answered ? previewViews(preview, brush, view.unit) : null;
    if (filling) {
      if (!views) return data;
      return {
        ...data,
        headline: data.headline ?? views.headline,
        monthly: data.monthly ?? views.monthly,
        matrix: data.matrix ?? views.matrix,
        hexagons: data.hexagons ?? (view.layers.includes('hexagons') ? views.hexagons : null),
      };
    }
    return {
      brush,
      headline: views?.headline ?? null,
      monthly: views?.monthly ?? null,
      matrix: views?.matrix ?? null,
      hexagons: view.layers.includes('hexagons') ? (views?.hexagons ?? null) : null,
      areas: null,
      areaCubes: null,
      points: null,
      pointsTruncated: false,
      heat: null,
      pending: true,
      errors: [],
    };
  }, [data, entry, previewing, view]);
}
