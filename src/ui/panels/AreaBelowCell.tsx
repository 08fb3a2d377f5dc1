/**
 * Under an inspected hotspot cell: a click on a statistics layer only inspects, so selecting the area beneath
 * the cell is its own, visible action here.
 */
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../state/datasets';
import { useHotspotStore } from '../../state/hotspot-store';
import type { UrlViewState } from '../../state/url-state';

/** The "select the area under this cell" line of the cell inspector. */
export function AreaBelowCell({
  dataset,
  view,
  onChange,
}: {
  dataset: Dataset;
  view: UrlViewState;
  onChange(patch: Partial<UrlViewState>): void;
}) {
  const { t } = useTranslation('datafiles');
  const areaBelow = useHotspotStore((s) => s.areaBelow);
  const boundaries = dataset.boundaries;
  const index = boundaries && areaBelow !== null ? boundaries.ids.indexOf(areaBelow) : -1;
  if (!boundaries || index < 0 || areaBelow === null) {
    return <p className="muted">{t('cellNote')}</p>;
  }
  const name = boundaries.names[index];
  const selected = view.areas.ids.includes(areaBelow);
  const ids = selected
    ? view.areas.ids.filter((id) => id !== areaBelow)
    : [...view.areas.ids, areaBelow].sort();
  return (
    <p className="muted">
      {t('cellNote')}{' '}
      <button
        type="button"
        className="link"
        onClick={() => onChange({ areas: { ...view.areas, ids } })}
        data-testid="select-area-below"
      >
        {t(selected ? 'deselectArea' : 'selectArea', { name })}
      </button>{' '}
      {t('areaUnderCell')}
    </p>
  );
}
