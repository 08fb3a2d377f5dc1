/**
 * Residents per area for rates: a property of the boundary file, or a CSV joined by area id with the
 * columns chosen here. Areas without a match, rows without an area and unreadable values are listed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  joinPopulation,
  type PopulationJoin,
  parseCsvRecords,
  populationFromProperty,
} from '../../../analysis/rates/population-join';
import { featureValue } from '../../../data/loaders/boundaries';
import { useAppStore } from '../../../state/app-store';
import { type DatasetBoundaries, type PopulationSource, withPopulation } from '../../../state/datasets';
import { FileInput } from '../../FileInput';
import { errorText } from '../../i18n/use-message';

function List({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <p className="small">
      <strong>{title}</strong> ({items.length}): {items.slice(0, 40).join(', ')}
      {items.length > 40 ? ', …' : ''}
    </p>
  );
}

export function PopulationDialog({
  boundaries,
  onClose,
}: {
  boundaries: DatasetBoundaries;
  onClose(): void;
}) {
  const { t } = useTranslation('council');
  const properties = boundaries.layer.properties;
  const [source, setSource] = useState<'property' | 'csv'>('csv');
  const [property, setProperty] = useState(properties.find((p) => /pop/i.test(p)) ?? properties[0] ?? '');
  const [csv, setCsv] = useState<{ name: string; columns: string[]; rows: Record<string, string>[] } | null>(
    null,
  );
  const [idColumn, setIdColumn] = useState('');
  const [valueColumn, setValueColumn] = useState('');
  const [areaProperty, setAreaProperty] = useState(boundaries.idProperty);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PopulationJoin | null>(null);

  const readCsv = async (file: File) => {
    setError(null);
    try {
      const parsed = parseCsvRecords(await file.text());
      setCsv({ name: file.name, ...parsed });
      setIdColumn(
        parsed.columns.find((c) => c.toLowerCase() === boundaries.idProperty.toLowerCase()) ??
          parsed.columns[0] ??
          '',
      );
      setValueColumn(
        parsed.columns.find((c) => /pop|P1_001N|total/i.test(c) && c !== parsed.columns[0]) ??
          parsed.columns[1] ??
          '',
      );
    } catch (e) {
      setError(`${file.name}: ${errorText(e)}`);
    }
  };

  const apply = () => {
    setError(null);
    try {
      const ids = boundaries.layer.features.map((f, i) => featureValue(f, areaProperty) ?? String(i));
      const join =
        source === 'property'
          ? populationFromProperty(
              ids,
              boundaries.layer.features.map((f) => f.properties),
              property,
            )
          : joinPopulation(ids, csv!.rows, idColumn, valueColumn, csv!.columns);
      const from: PopulationSource =
        source === 'property'
          ? { kind: 'property', property }
          : { kind: 'csv', file: csv!.name, idColumn, areaProperty, valueColumn };
      const store = useAppStore.getState();
      const dataset = store.datasets[store.active];
      // Only the boundary set the dialog was opened for receives the population.
      if (dataset?.boundaries?.id !== boundaries.id) throw new Error(t('boundariesChanged'));
      store.setDataset({
        ...dataset,
        boundaries: withPopulation(dataset.boundaries, join.population, from),
      });
      setResult(join);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const options = (list: readonly string[]) =>
    list.map((c) => (
      <option key={c} value={c}>
        {c}
      </option>
    ));
  return (
    <div
      className="population-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby="population-title"
      data-testid="population-dialog"
    >
      <h3 id="population-title">{t('populationOf', { name: boundaries.layer.name })}</h3>
      <fieldset>
        <legend className="small">{t('residentsFrom')}</legend>
        <label>
          <input type="radio" checked={source === 'csv'} onChange={() => setSource('csv')} /> {t('fromCsv')}
        </label>
        <label>
          <input type="radio" checked={source === 'property'} onChange={() => setSource('property')} />{' '}
          {t('fromProperty')}
        </label>
      </fieldset>
      {source === 'property' ? (
        <label className="row">
          {t('property')}{' '}
          <select value={property} onChange={(e) => setProperty(e.target.value)}>
            {options(properties)}
          </select>
        </label>
      ) : (
        <>
          <label className="row">
            {t('csvFile')}{' '}
            <FileInput
              accept=".csv,text/csv"
              data-testid="population-file"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void readCsv(f);
              }}
            />
          </label>
          {csv && (
            <>
              <label className="row">
                {t('idColumn')}{' '}
                <select
                  value={idColumn}
                  data-testid="population-id"
                  onChange={(e) => setIdColumn(e.target.value)}
                >
                  {options(csv.columns)}
                </select>
              </label>
              <label className="row">
                {t('matches')}{' '}
                <select value={areaProperty} onChange={(e) => setAreaProperty(e.target.value)}>
                  {options(properties)}
                </select>
              </label>
              <label className="row">
                {t('residentsColumn')}{' '}
                <select
                  value={valueColumn}
                  data-testid="population-column"
                  onChange={(e) => setValueColumn(e.target.value)}
                >
                  {options(csv.columns)}
                </select>
              </label>
            </>
          )}
        </>
      )}
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div data-testid="population-result" aria-live="polite">
          <p className="small">
            {t('matched', {
              matched: boundaries.ids.length - result.unmatchedAreas.length,
              total: boundaries.ids.length,
            })}
          </p>
          <List title={t('unmatchedAreas')} items={result.unmatchedAreas} />
          <List title={t('unusedIds')} items={result.unusedIds} />
          <List title={t('duplicateIds')} items={result.duplicateIds} />
          <List
            title={t('invalidRows')}
            items={result.invalid.map((x) => t('invalidRow', { line: x.line, id: x.id, value: x.value }))}
          />
        </div>
      )}
      <div className="row">
        <button
          type="button"
          onClick={apply}
          disabled={source === 'csv' && !csv}
          data-testid="population-apply"
        >
          {t('usePopulation')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </div>
  );
}
