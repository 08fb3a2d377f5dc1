/**
 * Optional base map: a maplibre style URL the user has, or a PMTiles file on this computer. The offline map
 * is the default and the fallback.
 */
import { useState } from 'react';
import { useAppStore } from '../../state/app-store';

export function BaseMapSetting() {
  const baseMap = useAppStore((s) => s.baseMap);
  const setBaseMap = useAppStore((s) => s.setBaseMap);
  const [draft, setDraft] = useState(baseMap?.kind === 'style' ? baseMap.url : '');
  const summary =
    baseMap?.kind === 'style' ? 'remote style' : baseMap?.kind === 'pmtiles' ? baseMap.file.name : 'offline';
  return (
    <details className="base-map">
      <summary>Base map: {summary}</summary>
      <p className="muted small">
        The offline map needs no network. A remote maplibre style (yours, e.g. from a tile server you run) is
        fetched only when you set one here. A PMTiles file (a city or region extract) is read from your disk
        and never uploaded; choose it again after reloading the page.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const url = draft.trim();
          setBaseMap(url ? { kind: 'style', url } : null);
        }}
      >
        <input
          type="url"
          placeholder="https://…/style.json"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-label="Remote style URL"
          data-testid="base-style-url"
        />{' '}
        <button type="submit">Use</button>
      </form>
      <label className="row small">
        PMTiles file{' '}
        <input
          type="file"
          accept=".pmtiles"
          data-testid="base-pmtiles"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) setBaseMap({ kind: 'pmtiles', file });
          }}
        />
      </label>
      {baseMap && (
        <button
          type="button"
          onClick={() => {
            setDraft('');
            setBaseMap(null);
          }}
        >
          Offline map
        </button>
      )}
    </details>
  );
}
