/** Attribute filters: fatal or not, unit, and the categorical columns the dataset has. */
import { useTranslation } from 'react-i18next';
import { type FilterableColumn, SOURCE_ATTRIBUTE_PREFIX } from '../../data/sql/incident-filter';
import type { Dataset } from '../../state/datasets';
import type { UrlViewState } from '../../state/url-state';

const LABELLED: readonly string[] = [
  'victim_age_group',
  'victim_sex',
  'victim_race',
  'location_type',
  'precinct',
  'district',
];

export function FilterPanel({
  dataset,
  view,
  onChange,
}: {
  dataset: Dataset;
  view: UrlViewState;
  onChange(patch: Partial<UrlViewState>): void;
}) {
  const { t } = useTranslation('filters');
  const toggle = (column: string, value: string) => {
    const current = view.attrs[column] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value].sort();
    const attrs = { ...view.attrs };
    if (next.length === 0) delete attrs[column];
    else attrs[column] = next;
    onChange({ attrs });
  };
  return (
    <section className="panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <fieldset>
        <legend>{t('count')}</legend>
        {(['incidents', 'victims'] as const).map((u) => (
          <label key={u}>
            <input
              type="radio"
              name="unit"
              checked={view.unit === u}
              onChange={() => onChange({ unit: u })}
            />{' '}
            {t(`common:${u}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('outcome')}</legend>
        {(
          [
            ['all', t('all')],
            ['fatal', t('fatal')],
            ['nonfatal', t('nonfatal')],
          ] as const
        ).map(([v, label]) => (
          <label key={v}>
            <input
              type="radio"
              name="fatal"
              checked={view.fatal === v}
              onChange={() => onChange({ fatal: v })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {(Object.entries(dataset.categories) as [FilterableColumn, string[]][]).map(([column, values]) => (
        <details key={column} open={Boolean(view.attrs[column]?.length) || values.length <= 6}>
          <summary>
            {LABELLED.includes(column) ? t(`column.${column}`) : column.slice(SOURCE_ATTRIBUTE_PREFIX.length)}
            {view.attrs[column]?.length ? ` ${t('selected', { count: view.attrs[column]!.length })}` : ''}
          </summary>
          <div className="chips">
            {values.map((v) => (
              <label key={v} className="chip">
                <input
                  type="checkbox"
                  checked={view.attrs[column]?.includes(v) ?? false}
                  onChange={() => toggle(column, v)}
                />
                {v}
              </label>
            ))}
          </div>
        </details>
      ))}
    </section>
  );
}
