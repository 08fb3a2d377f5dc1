/**
 * Networks and city-level programs: pick a registry entry, give it its files (or use the bundled demo
 * panels), and see the staggered-adoption or the many-donor evaluation with charts and guardrails.
 */
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connector } from '../../../data/connector';
import type { Dataset } from '../../../state/datasets';
import { type PanelProgramResult, readPanelProgram } from '../../../state/network-evaluation';
import { PANEL_PROGRAMS, type PanelProgram } from '../../../state/network-registry';
import { DEMO_PANEL_ASSETS } from '../../demo-assets';
import { errorText } from '../../i18n/use-message';
import { evaluatePanelProgramInWorker } from '../../network-evaluation-client';
import { CityResultView } from './CityResultView';
import { NetworkResultView } from './NetworkResultView';
import './network-panel.css';
import { FileInput } from '../../FileInput';

async function fetchFile(url: string, name: string) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(i18next.t('network:bundledFailed', { name, status: response.status }));
  return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function fileOf(input: File | null) {
  return input ? { name: input.name, bytes: new Uint8Array(await input.arrayBuffer()) } : undefined;
}

/** The panel. */
export function NetworkPanel({ engine, dataset }: { engine: Connector | null; dataset: Dataset | null }) {
  const { t } = useTranslation('network');
  const [id, setId] = useState(PANEL_PROGRAMS[0]!.id);
  const [panelFile, setPanelFile] = useState<File | null>(null);
  const [programFile, setProgramFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<PanelProgramResult | null>(null);
  const program = PANEL_PROGRAMS.find((p) => p.id === id) as PanelProgram;
  const usesIncidents =
    program.kind === 'network' && program.incidentUnitColumn !== undefined && dataset !== null && !panelFile;

  const run = async () => {
    if (!engine) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const b = program.bundled;
      const inputs = {
        panel: b ? await fetchFile(DEMO_PANEL_ASSETS[b.panel], `${b.panel}.csv`) : await fileOf(panelFile),
        programs:
          b && 'programs' in b
            ? await fetchFile(DEMO_PANEL_ASSETS[b.programs], `${b.programs}.csv`)
            : await fileOf(programFile),
        incidentTable: usesIncidents ? dataset?.table : undefined,
        unit: 'victims' as const,
      };
      setResult(await evaluatePanelProgramInWorker(program, await readPanelProgram(engine, program, inputs)));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const width = 276;
  return (
    <section className="panel network-panel" aria-label={t('label')} data-testid="network-panel">
      <h2>{t('title')}</h2>
      <label className="small">
        {t('program')}{' '}
        <select
          value={id}
          onChange={(e) => {
            setId(e.target.value);
            setResult(null);
            setError(null);
          }}
          data-testid="network-program"
        >
          {PANEL_PROGRAMS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">
        {program.kind === 'network' ? t('kindNetwork') : t('kindCity')} · {t(`registry.${program.id}.city`)}.{' '}
        {t(`registry.${program.id}.about`)}
      </p>
      {!program.bundled && (
        <div className="small">
          <label>
            {t('panelFile', { columns: Object.values(program.panelColumns).join(', ') })}{' '}
            <FileInput accept=".csv,.parquet" onChange={(e) => setPanelFile(e.target.files?.[0] ?? null)} />
          </label>
          {program.kind === 'network' && (
            <label>
              {t('programTable', { unit: program.programColumns.unit, start: program.programColumns.start })}{' '}
              <FileInput
                accept=".csv,.parquet"
                onChange={(e) => setProgramFile(e.target.files?.[0] ?? null)}
              />
            </label>
          )}
          {usesIncidents && (
            <p className="muted">{t('withoutPanel', { column: program.incidentUnitColumn })}</p>
          )}
        </div>
      )}
      <button type="button" onClick={run} disabled={!engine || busy} data-testid="network-run">
        {busy ? t('evaluating') : t('evaluate')}
      </button>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {result?.kind === 'network' && <NetworkResultView r={result.result} width={width} />}
      {result?.kind === 'city' && <CityResultView r={result.result} width={width} />}
    </section>
  );
}
