/**
 * A small handle on the running app for benchmarks and diagnostics (`window.cviAtlas`): the store, and the
 * "naive" alternative to the brush indexes — re-running every view's query on the raw table for a brush — so
 * both paths can be timed in the same browser on the same data.
 */

import { headlineQuery } from '../data/sql/count-queries';
import { monthBinCountsQuery } from '../data/sql/cube-queries';
import { useAppStore } from '../state/app-store';
import { datasetCells, resolutionForZoom } from '../state/h3-cells';
import type { UrlTimeBrush } from '../state/url-state';
import { viewFilter } from '../state/view-filter';
import { coordinator } from './use-coordinated';

/** Runs the active views' queries for a brush against the raw table (what the brush indexes avoid). */
async function naiveBrush(time: UrlTimeBrush): Promise<number> {
  const s = useAppStore.getState();
  const db = s.engine;
  const dataset = s.datasets[s.active];
  if (!db || !dataset) throw new Error('No data loaded');
  const view = { ...s.views[s.active], time };
  const filter = viewFilter(view, null);
  const t0 = performance.now();
  await db.query(headlineQuery(dataset.table, filter));
  const hour = { kind: 'hourWeekday' as const };
  await db.query(
    monthBinCountsQuery(dataset.table, {
      firstMonth: dataset.firstMonth,
      bins: hour,
      filter: viewFilter(view, null, ['hourWeekday']),
    }),
  );
  if (view.layers.includes('hexagons')) {
    const res = view.h3Res === 'auto' ? resolutionForZoom(view.view?.zoom ?? 11) : view.h3Res;
    const cells = await datasetCells(db, dataset, res);
    await db.query(
      monthBinCountsQuery(dataset.table, {
        firstMonth: dataset.firstMonth,
        bins: { kind: 'rowTable', table: cells.table, column: 'cell' },
        filter: viewFilter(view, null, ['areas']),
      }),
    );
  }
  if (dataset.boundaries) {
    const bins = { kind: 'rowTable' as const, table: dataset.boundaries.areaTable, column: 'area' };
    await db.query(
      monthBinCountsQuery(dataset.table, {
        firstMonth: dataset.firstMonth,
        bins,
        filter: viewFilter(view, null, ['areas']),
      }),
    );
  }
  return performance.now() - t0;
}

/** Installs `window.cviAtlas`. */
export function installBenchHooks(): void {
  Object.assign(window, { cviAtlas: { store: useAppStore, coordinator, naiveBrush } });
}
