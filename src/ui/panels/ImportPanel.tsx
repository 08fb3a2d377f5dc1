/**
 * Loading data: pick or drop an incident file (CSV, Parquet, GeoJSON, Arrow) or a boundary file. A preset
 * is recognised from the header; otherwise a column-mapping dialog with a preview opens.
 */
import { useState } from 'react';
import { sniffSource, splitHeader } from '../../data/loaders/sniff';
import { detectPreset, guessMapping, isCompleteMapping } from '../../data/presets';
import type { ColumnMapping } from '../../data/schema';
import { useAppStore } from '../../state/app-store';
import { addBoundaries, importUserFile } from '../boot';

interface PendingMapping {
  file: File;
  columns: string[];
  preview: string[][];
  mapping: Partial<ColumnMapping>;
  dateFormat: string;
}

const FIELDS: [keyof ColumnMapping, string, boolean][] = [
  ['incidentId', 'Incident id (rows sharing it are one incident)', false],
  ['date', 'Date (or date and time)', true],
  ['time', 'Time of day', false],
  ['lat', 'Latitude', true],
  ['lon', 'Longitude', true],
  ['fatal', 'Fatal (true/false, 1/0, Y/N)', false],
];

/** The import controls and mapping dialog. */
export function ImportPanel() {
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
      const guess = guessMapping(sniff.columns);
      // With none of date/lat/lon recognisable the file is probably not incident data: let the importer say so.
      const partial = Boolean(guess.date || guess.lat || guess.lon);
      if (!isCompleteMapping(guess) && partial) {
        const lines = new TextDecoder()
          .decode(head)
          .replace(/^\ufeff/, '')
          .split(/\r?\n/)
          .slice(1, 6);
        setPending({
          file,
          columns: sniff.columns,
          preview: lines.filter(Boolean).map((l) => splitHeader(l, sniff!.delimiter!)),
          mapping: guess,
          dateFormat: '',
        });
        return;
      }
    }
    await importUserFile(file);
  };

  const dropped = (e: React.DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (!file) return;
    if (/\.(geo)?json$/i.test(file.name) && confirmBoundaries(file)) void addBoundaries(file, active);
    else void onIncidentFile(file);
  };

  return (
    <section
      className="panel import"
      aria-label="Load data"
      onDragOver={(e) => e.preventDefault()}
      onDrop={dropped}
    >
      <h2>Data</h2>
      <label className="file">
        Load incidents (CSV, Parquet, GeoJSON, Arrow)
        <input
          type="file"
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
        Add boundaries (GeoJSON polygons)
        <input
          type="file"
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
      <p className="muted small">Files stay on this computer: everything is computed in your browser.</p>
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

function confirmBoundaries(file: File): boolean {
  return /bound|precinct|neighbo|district|nta|catch|area/i.test(file.name);
}

function MappingDialog(props: {
  pending: PendingMapping;
  onChange(p: PendingMapping): void;
  onCancel(): void;
  onLoad(): void;
}) {
  const { pending } = props;
  const complete = isCompleteMapping(pending.mapping);
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="mapping-title">
      <h3 id="mapping-title">Which columns are which in “{pending.file.name}”?</h3>
      {FIELDS.map(([field, label, required]) => (
        <label key={field} className="row">
          {label}
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
        Date format (optional, e.g. %d/%m/%Y; detected when empty)
        <input
          value={pending.dateFormat}
          onChange={(e) => props.onChange({ ...pending, dateFormat: e.target.value })}
        />
      </label>
      <div className="preview">
        <table>
          <thead>
            <tr>
              {pending.columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pending.preview.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity.
              <tr key={i}>
                {row.map((v, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                  <td key={j}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" disabled={!complete} onClick={props.onLoad}>
          Load
        </button>
      </div>
    </div>
  );
}
