/**
 * The loaded datasets side by side: each file's totals as imported (incidents, victims, fatal incidents,
 * months covered), a button to show it (each keeps its own view) and one to remove it. Removing is the only
 * way a file leaves: a new file never replaces one.
 */
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../analysis/privacy/count-format';
import './dataset-list.css';
import { dropTablesQuery } from '../../data/sql/import-queries';
import { useAppStore } from '../../state/app-store';
import { type Dataset, type DatasetKey, USER_DATASET_KEYS } from '../../state/datasets';

const ORDER: readonly DatasetKey[] = ['demo', ...USER_DATASET_KEYS];

/** Unloads a user dataset: its tables leave the engine, its saved copy leaves this device. */
async function remove(dataset: Dataset): Promise<void> {
  const store = useAppStore.getState();
  store.removeDataset(dataset.key);
  const tables = [dataset.table, ...(dataset.boundaries ? [dataset.boundaries.areaTable] : [])];
  try {
    await store.engine?.query(dropTablesQuery(tables));
  } catch {
    // The memory is freed at the next load under this key, which replaces the same tables.
  }
  store.notify('info', i18next.t('datafiles:removed', { name: dataset.label }));
}

/** The datasets table of the data panel (shown once a file of the user's is loaded). */
export function DatasetList() {
  const { t } = useTranslation('datafiles');
  const datasets = useAppStore((s) => s.datasets);
  const active = useAppStore((s) => s.active);
  const loaded = ORDER.map((k) => datasets[k]).filter((d): d is Dataset => Boolean(d));
  if (loaded.length < 2) return null;
  return (
    <table className="small dataset-list" data-testid="dataset-list">
      <caption className="muted">{t('datasetsCaption')}</caption>
      <thead>
        <tr>
          <th>{t('dataset')}</th>
          <th>{t('incidents')}</th>
          <th>{t('victims')}</th>
          <th title={t('fatalTitle')}>{t('fatal')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {loaded.map((d) => (
          <tr key={d.key} className={d.key === active ? 'selected' : ''} data-key={d.key}>
            <td>
              <button type="button" className="link" onClick={() => useAppStore.getState().setActive(d.key)}>
                {d.label}
              </button>
              <div className="muted">
                {t('monthRange', {
                  from: d.report.firstDate?.slice(0, 7),
                  to: d.report.lastDate?.slice(0, 7),
                })}
              </div>
            </td>
            <td>{formatCount(d.report.incidents)}</td>
            <td>{formatCount(d.report.victims)}</td>
            <td>{formatCount(d.report.fatalIncidents)}</td>
            <td>
              {!d.synthetic && (
                <button
                  type="button"
                  className="link"
                  aria-label={t('remove', { name: d.label })}
                  onClick={() => void remove(d)}
                  data-testid={`remove-${d.key}`}
                >
                  ×
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
