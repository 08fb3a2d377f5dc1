/**
 * The dashboard's data while an archive's partitions are not loaded yet: the views the summaries answer
 * (headline, time histogram, hour × weekday matrix, hexagons at the summary's resolution).
 */
import { useMemo } from 'react';
import { previewAnswers, previewViews } from '../state/archive-preview';
import { useArchiveStore } from '../state/archive-store';
import { monthIndex } from '../state/datasets';
import type { UrlViewState } from '../state/url-state';
import type { DashboardData } from './use-dashboard';

/** `data` with the summary views in place when `previewing`; `data` itself otherwise. */
export function useArchivePreview(
  data: DashboardData,
  previewing: boolean,
  view: UrlViewState,
): DashboardData {
  const preview = useArchiveStore((s) => s.preview);
  const dataset = useArchiveStore((s) => s.previewDataset);
  return useMemo(() => {
    if (!previewing || !preview || !dataset) return data;
    const last = dataset.monthCount - 1;
    const brush: [number, number] = view.time
      ? [
          Math.max(0, monthIndex(dataset.firstMonth, view.time.from)),
          Math.min(last, monthIndex(dataset.firstMonth, view.time.to)),
        ]
      : [0, last];
    const answered = previewAnswers(view);
    const views = answered ? previewViews(preview, brush, view.unit) : null;
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
  }, [data, previewing, preview, dataset, view]);
}
