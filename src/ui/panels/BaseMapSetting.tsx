/** Optional remote base map: a maplibre style URL the user has; the offline map is the default and the fallback. */
import { useState } from 'react';
import { useAppStore } from '../../state/app-store';

export function BaseMapSetting() {
  const url = useAppStore((s) => s.baseStyleUrl);
  const setUrl = useAppStore((s) => s.setBaseStyleUrl);
  const [draft, setDraft] = useState(url ?? '');
  return (
    <details className="base-map">
      <summary>Base map{url ? ': remote style' : ': offline'}</summary>
      <p className="muted small">
        The offline map needs no network. A remote maplibre style (yours, e.g. from a tile server you run) is
        fetched only when you set one here.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setUrl(draft.trim() || null);
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
        <button type="submit">Use</button>{' '}
        {url && (
          <button
            type="button"
            onClick={() => {
              setDraft('');
              setUrl(null);
            }}
          >
            Offline map
          </button>
        )}
      </form>
    </details>
  );
}
