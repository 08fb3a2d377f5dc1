/** The boundary file's properties: which one is the area id and which the name, chosen by the user. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { type DatasetBoundaries, withBoundaryProperties } from '../../state/datasets';

/** Lets the user choose which property of the boundary file is the id and which the name. */
export function BoundaryProperties({ boundaries }: { boundaries: DatasetBoundaries }) {
  const { t } = useTranslation('area');
  const choose = (idProperty: string, nameProperty: string) => {
    const s = useAppStore.getState();
    const dataset = s.datasets[s.active];
    if (!dataset?.boundaries) return;
    s.setDataset({
      ...dataset,
      boundaries: withBoundaryProperties(dataset.boundaries, idProperty, nameProperty),
    });
    s.updateView({ areas: { ...s.views[s.active].areas, ids: [] } });
  };
  const options = boundaries.layer.properties.map((p) => (
    <option key={p} value={p}>
      {p}
    </option>
  ));
  return (
    <details className="small">
      <summary>{t('properties', { id: boundaries.idProperty, name: boundaries.nameProperty })}</summary>
      <label className="row">
        {t('id')}{' '}
        <select
          value={boundaries.idProperty}
          onChange={(e) => choose(e.target.value, boundaries.nameProperty)}
        >
          {options}
        </select>
      </label>
      <label className="row">
        {t('name')}{' '}
        <select
          value={boundaries.nameProperty}
          onChange={(e) => choose(boundaries.idProperty, e.target.value)}
        >
          {options}
        </select>
      </label>
    </details>
  );
}
