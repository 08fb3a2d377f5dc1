/**
 * Loading data: pick an incident file (CSV, Parquet, GeoJSON, Arrow) or a boundary file, or drop either
 * anywhere on the page. A preset is recognised from the header; otherwise a column-mapping dialog with a
 * preview opens.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { geojsonGeometryKind, sniffSource, splitHeader } from '../../data/loaders/sniff';
import { guessMappingFromSample, previewCell, previewColumnOrder } from '../../data/mapping-guess';
import { detectPreset, guessMapping, isCompleteMapping } from '../../data/presets';
import type { ColumnMapping } from '../../data/schema';
import { useAppStore } from '../../state/app-store';
import { addBoundaries, importUserFile } from '../boot';
import { FileInput } from '../FileInput';
import { DatasetList } from './DatasetList';
import { KeptDataControls } from './KeptDataControls';

interface PendingMapping {
  file: File;
  columns: string[];
  preview: string[][];
  mapping: Partial<ColumnMapping>;
  dateFormat: string;
}

const FIELDS: [keyof ColumnMapping, boolean][] = [
  ['incidentId', false],
  ['date', true],
  ['time', false],
  ['lat', true],
  ['lon', true],
  ['fatal', false],
];

/** The import controls and mapping dialog. */
export function ImportPanel() {
  const { t } = useTranslation('import');
  const active = useAppStore((s) => s.active);
  const engineReady = useAppStore((s) => s.engine !== null);
  const [pending, setPending] = useState<PendingMapping | null>(null);

  const onIncidentFile = async (file: File | undefined) => {
    if (!file) return;
    const head = new Uint8Array(await file.slice(0, 65536).arrayBuffer());
    let sniff: ReturnType<typeof sniffSource> | null = null;
    try {
      sniff = sniffSource(file.name, head);
    } catch {
      // The importer reports the problem in its own words.
    }
    if (sniff?.format === 'csv' && sniff.columns && !detectPreset(sniff.columns)) {
      const preview = new TextDecoder()
        .decode(head)
        .replace(/^\ufeff/, '')
        .split(/\r?\n/)
        .slice(1, 6)
        .filter(Boolean)
        .map((l) => splitHeader(l, sniff!.delimiter!));
      const guess = guessMappingFromSample(sniff.columns, preview);
      // With none of date/lat/lon recognisable the file is probably not incident data: let the importer say so.
      // A mapping completed only from the sample (normalised names, values) is shown for confirmation.
      const partial = Boolean(guess.date || guess.lat || guess.lon);
      if (!isCompleteMapping(guessMapping(sniff.columns)) && partial) {
        setPending({
          file,
          columns: sniff.columns,
          preview,
          mapping: guess,
          dateFormat: '',
        });
        return;
      }
    }
    await importUserFile(file);
  };

  const dragging = useFileDrop(async (file) => {
    if (!engineReady) return;
    if (/\.(geo)?json$/i.test(file.name)) {
      const head = await file.slice(0, 65536).text();
      if (geojsonGeometryKind(head) === 'areas') {
        await addBoundaries(file, active);
        return;
      }
    }
    await onIncidentFile(file);
  });

  return (
    <section className="panel import" aria-label={t('label')}>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          {t('drop')}
        </div>
      )}
      <h2>{t('title')}</h2>
      <label className="file">
        {t('loadIncidents')}
        <FileInput
          data-testid="incident-file"
          disabled={!engineReady}
          accept=".csv,.tsv,.txt,.parquet,.geojson,.json,.arrow,.arrows,.feather"
          onChange={(e) => {
            void onIncidentFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      <label className="file">
        {t('addBoundaries')}
        <FileInput
          data-testid="boundary-file"
          disabled={!engineReady}
          accept=".geojson,.json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void addBoundaries(f, active);
            e.target.value = '';
          }}
        />
      </label>
      <p className="muted small">{t('local')}</p>
      <KeptDataControls />
      <DatasetList />
      {pending && (
        <MappingDialog
          pending={pending}
          onChange={setPending}
          onCancel={() => setPending(null)}
          onLoad={async () => {
            const p = pending;
            setPending(null);
            await importUserFile(p.file, {
              preset: 'generic',
              mapping: p.mapping,
              dateFormat: p.dateFormat.trim() || undefined,
            });
          }}
        />
      )}
    </section>
  );
}

/**
 * Makes the whole window a drop target for files; returns whether files are being dragged over it. Drops
 * that carry no file (text, links) are left to the browser.
 */
function useFileDrop(onFile: (file: File) => Promise<void>): boolean {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onFile);
  handler.current = onFile;
  useEffect(() => {
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      depth = 0;
      setDragging(false);
      if (!file) return;
      e.preventDefault();
      void handler.current(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

function MappingDialog(props: {
  pending: PendingMapping;
  onChange(p: PendingMapping): void;
  onCancel(): void;
  onLoad(): void;
}) {
  const { t } = useTranslation('import');
  const { pending } = props;
  const complete = isCompleteMapping(pending.mapping);
  const order = previewColumnOrder(pending.columns, pending.preview);
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="mapping-title">
      <h3 id="mapping-title">{t('mappingTitle', { name: pending.file.name })}</h3>
      {FIELDS.map(([field, required]) => (
        <label key={field} className="row">
          {t(`field.${field}`)}
          {required ? ' *' : ''}
          <select
            value={pending.mapping[field] ?? ''}
            onChange={(e) =>
              props.onChange({
                ...pending,
                mapping: { ...pending.mapping, [field]: e.target.value || undefined },
              })
            }
          >
            <option value="">—</option>
            {pending.columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label className="row">
        {t('dateFormat')}
        <input
          value={pending.dateFormat}
          onChange={(e) => props.onChange({ ...pending, dateFormat: e.target.value })}
        />
      </label>
      <div className="preview">
        <table>
          <thead>
            <tr>
              {order.map((j) => (
                <th key={pending.columns[j]}>{pending.columns[j]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pending.preview.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity.
              <tr key={i}>
                {order.map((j) => (
                  <td key={j} title={(row[j] ?? '').length > 32 ? row[j] : undefined}>
                    {previewCell(row[j] ?? '')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          {t('common:cancel')}
        </button>
        <button type="button" disabled={!complete} onClick={props.onLoad}>
          {t('load')}
        </button>
      </div>
    </div>
  );
}
