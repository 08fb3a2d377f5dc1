/**
 * Optional base map: a maplibre style URL the user has, or a PMTiles file on this computer. The offline map
 * is the default and the fallback.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../state/app-store';
import { FileInput } from '../FileInput';

export function BaseMapSetting() {
  const { t } = useTranslation('layers');
  const baseMap = useAppStore((s) => s.baseMap);
  const setBaseMap = useAppStore((s) => s.setBaseMap);
  const [draft, setDraft] = useState(baseMap?.kind === 'style' ? baseMap.url : '');
  const summary =
    baseMap?.kind === 'style'
      ? t('baseRemote')
      : baseMap?.kind === 'pmtiles'
        ? baseMap.file.name
        : t('baseOffline');
  return (
    <details className="base-map">
      <summary>{t('baseMap', { summary })}</summary>
      <p className="muted small">{t('baseHelp')}</p>
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
          aria-label={t('styleUrl')}
          data-testid="base-style-url"
        />{' '}
        <button type="submit">{t('use')}</button>
      </form>
      <label className="row small">
        {t('pmtilesFile')}{' '}
        <FileInput
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
          {t('offlineMap')}
        </button>
      )}
    </details>
  );
}
