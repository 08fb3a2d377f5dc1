/**
 * From a view state to engine filters, leaving out the parts a view must not apply to itself (a brush does
 * not filter the chart it lives on).
 */
import type { FilterableColumn, IncidentFilter } from '../data/sql/incident-filter';
import { isFilterableColumn } from '../data/sql/incident-filter';
import type { UrlViewState } from './url-state';

/** The parts of the filter that views own. */
export type FilterPart = 'time' | 'hourWeekday' | 'fatal' | 'attrs' | 'areas';

/** The last day of a `YYYY-MM` month, `YYYY-MM-DD`. */
export function monthEnd(yyyymm: string): string {
  const [y, m] = yyyymm.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${yyyymm}-${String(last).padStart(2, '0')}`;
}

/** The engine filter of a view state minus the `except` parts. `selectionTable` holds the selected areas' rows. */
export function viewFilter(
  view: UrlViewState,
  selectionTable: string | null,
  except: readonly FilterPart[] = [],
): IncidentFilter {
  const filter: IncidentFilter = {};
  if (!except.includes('time') && view.time) {
    filter.from = `${view.time.from}-01`;
    filter.to = monthEnd(view.time.to);
  }
  if (!except.includes('hourWeekday')) {
    if (view.hours.length < 24) filter.hours = view.hours;
    if (view.weekdays.length < 7) filter.weekdays = view.weekdays;
  }
  if (!except.includes('fatal') && view.fatal !== 'all') filter.fatal = view.fatal;
  if (!except.includes('attrs')) {
    const attrs: Partial<Record<FilterableColumn, string[]>> = {};
    for (const [column, values] of Object.entries(view.attrs)) {
      if (isFilterableColumn(column) && values.length > 0) {
        attrs[column] = values;
      }
    }
    if (Object.keys(attrs).length > 0) filter.attrs = attrs;
  }
  if (!except.includes('areas') && selectionTable) filter.rowSet = selectionTable;
  return filter;
}

/** True when the view selects areas (boundary features or a drawn polygon). */
export function hasAreaSelection(view: UrlViewState): boolean {
  return view.areas.ids.length > 0 || view.areas.polygon !== null;
}
