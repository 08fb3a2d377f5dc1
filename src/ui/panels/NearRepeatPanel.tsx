/**
 * Near-repeat (Knox) analysis of the incidents in the current filter: bands, permutations and seed; the
 * test runs in a Web Worker with a progress bar and a Cancel button; the result is a heat grid of Knox
 * ratios (rows distance, columns time, labelled) with permutation p-values, and one plain sentence.
 */

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnoxResult } from '../../analysis/nearrepeat/knox-test';
import { type NearRepeatFacts, nearRepeatMessage } from '../../analysis/nearrepeat/near-repeat-sentence';
import { formatCount, formatDecimal, formatPValue, formatRatio } from '../../analysis/privacy/count-format';
import { useAppStore } from '../../state/app-store';
import type { Dataset } from '../../state/datasets';
import { loadHotspotPoints } from '../../state/hotspot-pipeline';
import type { UrlViewState } from '../../state/url-state';
import { viewFilter } from '../../state/view-filter';
import { useMessage } from '../i18n/use-message';
import type { KnoxWorkerMessage, KnoxWorkerRequest } from '../knox.worker';
import { knoxSpaceLabels, knoxTimeLabels } from '../knox-labels';

function parseBands(text: string): number[] | null {
  const parts = text.split(',').map((s) => Number(s.trim()));
  if (parts.length === 0 || parts.some((v) => !Number.isFinite(v) || v <= 0)) return null;
  for (let i = 1; i < parts.length; i++) if (parts[i]! <= parts[i - 1]!) return null;
  return parts;
}

/** Background of a ratio cell: white at 1, red towards 2 and above, blue below 1. */
export function ratioColor(ratio: number): string {
  if (!Number.isFinite(ratio)) return '#f4f4f4';
  const t = Math.max(-1, Math.min(1, ratio >= 1 ? ratio - 1 : (ratio - 1) * 2));
  const to = t >= 0 ? [215, 48, 39] : [69, 117, 180];
  const a = Math.abs(t);
  const c = to.map((v) => Math.round(255 + (v - 255) * a));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function NearRepeatPanel({ dataset, view }: { dataset: Dataset; view: UrlViewState }) {
  const { t } = useTranslation('nearrepeat');
  const write = useMessage();
  const engine = useAppStore((s) => s.engine);
  const [space, setSpace] = useState('100,200,300,400');
  const [time, setTime] = useState('7,14,21,28');
  const [permutations, setPermutations] = useState(999);
  const [seed, setSeed] = useState(1);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ result: KnoxResult; facts: NearRepeatFacts; millis: number } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);
  const workerRef = useRef<Worker | null>(null);

  const stop = () => {
    workerRef.current?.terminate();
    workerRef.current = null;
    setProgress(null);
  };
  // Terminate a running test when the panel goes away.
  useEffect(
    () => () => {
      workerRef.current?.terminate();
    },
    [],
  );

  const spaceBands = parseBands(space);
  const timeBands = parseBands(time);
  const valid =
    spaceBands &&
    timeBands?.every(Number.isInteger) &&
    Number.isInteger(permutations) &&
    permutations >= 1 &&
    permutations <= 9999;

  const run = async () => {
    if (!engine || !valid) return;
    stop();
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: permutations });
    try {
      const points = await loadHotspotPoints(engine, dataset.table, {
        unit: 'incidents',
        filter: viewFilter(view, null, ['areas']),
      });
      const worker = new Worker(new URL('../knox.worker.ts', import.meta.url), { type: 'module' });
      workerRef.current = worker;
      worker.onmessage = (event: MessageEvent<KnoxWorkerMessage>) => {
        const m = event.data;
        if (m.type === 'progress') setProgress({ done: m.done, total: m.total });
        else {
          if (m.type === 'result') setResult(m);
          else setError(m.message);
          worker.terminate();
          if (workerRef.current === worker) workerRef.current = null;
          setProgress(null);
        }
      };
      const request: KnoxWorkerRequest = {
        lon: points.lon,
        lat: points.lat,
        day: points.day,
        options: { spaceBands: spaceBands!, timeBands: timeBands!, permutations, seed },
      };
      worker.postMessage(request);
    } catch (e) {
      setError((e as Error).message);
      setProgress(null);
    }
  };

  const r = result?.result;
  const spaceLabels = r ? knoxSpaceLabels(r.spaceBands, t) : [];
  const timeLabels = r ? knoxTimeLabels(r.timeBands, t) : [];
  return (
    <section className="panel" aria-label={t('label')} data-testid="nearrepeat-panel">
      <h2>{t('title')}</h2>
      <label className="row">
        {t('distanceBands')}{' '}
        <input value={space} onChange={(e) => setSpace(e.target.value)} size={16} data-testid="knox-space" />
      </label>
      <label className="row">
        {t('timeBands')}{' '}
        <input value={time} onChange={(e) => setTime(e.target.value)} size={12} data-testid="knox-time" />
      </label>
      <label className="row">
        {t('permutations')}{' '}
        <input
          type="number"
          min={1}
          max={9999}
          value={permutations}
          onChange={(e) => setPermutations(Math.round(Number(e.target.value)))}
          style={{ width: 70 }}
          data-testid="knox-permutations"
        />{' '}
        {t('seed')}{' '}
        <input
          type="number"
          aria-label={t('seedLabel')}
          value={seed}
          onChange={(e) => setSeed(Math.round(Number(e.target.value)))}
          style={{ width: 50 }}
        />
      </label>
      <div className="row">
        <button type="button" onClick={run} disabled={!valid || progress !== null} data-testid="knox-run">
          {t('run')}
        </button>{' '}
        {progress && (
          <button type="button" onClick={stop} data-testid="knox-cancel">
            {t('common:cancel')}
          </button>
        )}
      </div>
      {!valid && <p style={{ fontSize: 12 }}>{t('invalid')}</p>}
      <p style={{ fontSize: 12, margin: '2px 0' }}>{t('scope')}</p>
      {progress && (
        <div
          role="progressbar"
          aria-label={t('progress')}
          aria-valuemin={0}
          aria-valuemax={progress.total}
          aria-valuenow={progress.done}
          style={{ height: 8, background: '#eee', borderRadius: 4, overflow: 'hidden' }}
        >
          <div
            style={{
              width: `${(100 * progress.done) / progress.total}%`,
              height: '100%',
              background: '#d73027',
            }}
          />
        </div>
      )}
      {error && <p className="notice error">{error}</p>}
      {r && result && (
        <>
          <table style={{ borderCollapse: 'collapse', fontSize: 11, marginTop: 6 }} data-testid="knox-table">
            <caption style={{ textAlign: 'left', fontSize: 11 }}>{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('corner')}</th>
                {timeLabels.map((l) => (
                  <th key={l} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {spaceLabels.map((label, s) => (
                <tr key={label}>
                  <th scope="row" style={{ textAlign: 'left', whiteSpace: 'nowrap' }}>
                    {label}
                  </th>
                  {timeLabels.map((tl, j) => {
                    const ratio = r.ratio[s]![j]!;
                    const p = r.p[s]![j]!;
                    return (
                      <td
                        key={tl}
                        title={t('cellTitle', {
                          observed: formatCount(r.observed[s]![j]!),
                          expected: formatDecimal(r.expected[s]![j]!, 1),
                        })}
                        style={{
                          background: ratioColor(ratio),
                          padding: '2px 4px',
                          textAlign: 'center',
                          border: '1px solid #fff',
                          fontWeight: p <= 0.05 && ratio > 1 ? 700 : 400,
                        }}
                      >
                        {formatRatio(ratio)}
                        <br />
                        {formatPValue(p)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p data-testid="knox-sentence" style={{ fontSize: 13 }}>
            {write(nearRepeatMessage(result.facts))}
          </p>
          <p style={{ fontSize: 11, color: '#555' }}>
            {t('footer', {
              incidents: formatCount(r.incidents, { unit: 'incidents' }),
              pairs: formatCount(r.pairsConsidered),
              within: formatCount(r.spaceBands[r.spaceBands.length - 1]!),
              permutations: formatCount(r.permutations),
              seed: r.seed,
              seconds: formatDecimal(result.millis / 1000, 1),
            })}
          </p>
        </>
      )}
    </section>
  );
}
