/**
 * Candidate sites the user places for the planner (a church, a community centre they could use): a mode in
 * which a click on the map adds a site, the list of placed sites (named, removable), and the choice of
 * candidates. The sites live in the view state, so they are in the shared link and kept with the view.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../../analysis/privacy/count-format';
import { useAppStore } from '../../../state/app-store';
import type { CandidateMode } from '../../../state/planning-pipeline';
import { MAX_PLACED_SITES, MAX_SITE_NAME_LENGTH } from '../../../state/url/sites';
import type { UrlPlacedSite } from '../../../state/url-state';
import { usePlannerMap } from '../../planner-store';

/** Labels of placed sites for the planner: the name, else "Site N"; repeated labels get "(2)", "(3)"… */
export function placedSiteLabels(sites: readonly UrlPlacedSite[]): string[] {
  const seen = new Map<string, number>();
  return sites.map((s, i) => {
    const base = s.name.trim() || `Site ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

const MODES: readonly CandidateMode[] = ['cells', 'sites', 'both'];

function update(next: UrlPlacedSite[]): void {
  useAppStore.getState().updateView({ sites: next });
}

/** The placing mode, the list of placed sites and the candidate choice. */
export function PlacedSites({
  map,
  sites,
  mode,
  onMode,
}: {
  map: MapLibreMap | null;
  sites: UrlPlacedSite[];
  mode: CandidateMode;
  onMode(mode: CandidateMode): void;
}) {
  const { t } = useTranslation('planner');
  const [placing, setPlacing] = useState(false);

  useEffect(() => {
    if (!placing || !map) return;
    // While placing, map clicks belong to the placing, not to area selection.
    usePlannerMap.getState().set({ placing: true });
    const canvas = map.getCanvas();
    const cursor = canvas.style.cursor;
    canvas.style.cursor = 'crosshair';
    const onClick = (event: MapMouseEvent) => {
      const current = useAppStore.getState().views[useAppStore.getState().active].sites;
      if (current.length >= MAX_PLACED_SITES) return;
      const lon = Math.round(event.lngLat.lng * 1e5) / 1e5;
      const lat = Math.round(event.lngLat.lat * 1e5) / 1e5;
      update([...current, { lon, lat, name: '' }]);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      canvas.style.cursor = cursor;
      usePlannerMap.getState().set({ placing: false });
    };
  }, [placing, map]);

  const labels = placedSiteLabels(sites);
  // Keys by position (a rename must not remount the name field); a site placed twice on one spot is numbered.
  const keys = placedSiteLabels(sites.map((s) => ({ ...s, name: `${s.lon},${s.lat}` })));
  return (
    <div className="placed-sites" data-testid="planner-placed">
      <div className="row">
        <button
          type="button"
          onClick={() => setPlacing(!placing)}
          disabled={!map}
          aria-pressed={placing}
          data-testid="planner-place"
        >
          {placing ? t('placeDone') : t('placeStart')}
        </button>
        <label>
          {t('candidates')}{' '}
          <select
            value={mode}
            onChange={(e) => onMode(e.target.value as CandidateMode)}
            data-testid="planner-candidates"
          >
            {MODES.map((m) => (
              <option key={m} value={m} disabled={m !== 'cells' && sites.length === 0}>
                {t(`candidateMode.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {placing && <p className="muted small">{t('placeHelp')}</p>}
      {sites.length > 0 && (
        <ol className="small" data-testid="planner-placed-list">
          {sites.map((s, i) => (
            <li key={keys[i]} data-testid="planner-placed-site">
              <input
                type="text"
                value={s.name}
                maxLength={MAX_SITE_NAME_LENGTH}
                size={16}
                placeholder={labels[i]}
                aria-label={t('siteNameLabel', { n: i + 1 })}
                onChange={(e) => update(sites.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))}
              />{' '}
              <span className="muted">
                {formatDecimal(s.lat, 5)}, {formatDecimal(s.lon, 5)}
              </span>{' '}
              <button
                type="button"
                className="link"
                aria-label={t('siteRemove', { name: labels[i] })}
                onClick={() => update(sites.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
