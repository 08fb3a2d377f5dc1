/**
 * A shared link about the user's own data waits for that data: it says what it needs while the demo city is
 * shown, takes that back once the file is loaded, says which boundaries its selected areas need, and keeps the
 * selected areas that the boundary layer, once loaded, does contain (naming those it does not).
 */
import i18next from 'i18next';
import { useAppStore } from '../state/app-store';
import type { DatasetBoundaries, DatasetKey } from '../state/datasets';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(`datafiles:${key}`, options ?? {});
const WAITING_FILE = () => t('waitingFile');
const WAITING_BOUNDARIES = () => t('waitingBoundaries');

function drop(prefix: string): void {
  useAppStore.setState((s) => ({ notices: s.notices.filter((n) => !n.text.startsWith(prefix)) }));
}

function areaList(ids: readonly string[]): string {
  // Ids come from the link: a long one is cut so that the notice stays a few lines.
  const shown = ids.slice(0, 5).map((id) => `"${id.length > 40 ? `${id.slice(0, 39)}…` : id}"`);
  return ids.length > 5 ? t('andMore', { list: shown.join(', '), more: ids.length - 5 }) : shown.join(', ');
}

/** Says what the link needs before it can show its view (called at start-up when its dataset is missing). */
export function announceLinkWaiting(key: DatasetKey): void {
  const view = useAppStore.getState().views[key];
  const areas = view.areas.ids.length;
  useAppStore.getState().notify('info', t(areas > 0 ? 'waitingNeedsBoth' : 'waitingNeedsFile'));
}

/** The link's dataset is loaded: the waiting notice goes, and a notice names the boundaries still needed. */
export function linkDataLoaded(key: DatasetKey): void {
  drop(WAITING_FILE());
  const s = useAppStore.getState();
  const ids = s.views[key].areas.ids;
  if (ids.length > 0 && !s.datasets[key]?.boundaries) {
    s.notify('info', t('needsBoundaries', { count: ids.length, list: areaList(ids) }));
  }
}

/**
 * The selected area ids that `boundaries` contains; the others are named in a notice. The boundaries notice
 * of {@link linkDataLoaded} goes.
 */
export function areasInBoundaries(
  ids: readonly string[],
  boundaries: DatasetBoundaries,
  fileName: string,
): string[] {
  drop(WAITING_BOUNDARIES());
  const known = new Set(boundaries.ids);
  const kept = ids.filter((id) => known.has(id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) {
    useAppStore
      .getState()
      .notify('error', t('missingAreas', { count: missing.length, list: areaList(missing), file: fileName }));
  }
  return kept;
}

/**
 * Checks the linked view of a loaded dataset against its data: selected area ids its boundaries lack and
 * attribute values it does not have are named in a notice and unselected (a link must not filter silently on
 * values that match nothing).
 */
export function checkLinkedValues(key: DatasetKey): void {
  const s = useAppStore.getState();
  const dataset = s.datasets[key];
  if (!dataset) return;
  const view = s.views[key];
  let areas = view.areas;
  if (dataset.boundaries && areas.ids.length > 0) {
    areas = {
      ...areas,
      ids: areasInBoundaries(areas.ids, dataset.boundaries, dataset.boundaries.layer.name),
    };
  }
  const attrs: typeof view.attrs = {};
  for (const [column, values] of Object.entries(view.attrs) as [keyof typeof view.attrs, string[]][]) {
    const offered = (dataset.categories as Record<string, string[] | undefined>)[column];
    const known = values.filter((v) => offered?.includes(v));
    const unknown = values.filter((v) => !offered?.includes(v));
    if (unknown.length > 0) {
      s.notify(
        'error',
        t(offered ? 'unknownValue' : 'unknownColumn', {
          column,
          list: areaList(unknown),
          dataset: dataset.label,
        }),
      );
    }
    if (known.length > 0) attrs[column] = known;
  }
  s.replaceView(key, { ...view, areas, attrs });
}
