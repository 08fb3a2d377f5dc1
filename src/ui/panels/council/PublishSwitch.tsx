/** The publish-mode switch and its threshold; remembered in this browser and carried by the link. */
import { useTranslation } from 'react-i18next';
import { storePublishMode } from '../../../state/publish-setting';
import type { PublishReason } from '../../../state/publish-view';
import { PUBLISH_THRESHOLDS, type UrlPublishMode } from '../../../state/url-state';

export function PublishSwitch({
  mode,
  reasons,
  onChange,
}: {
  mode: UrlPublishMode;
  reasons: readonly PublishReason[];
  onChange(mode: UrlPublishMode): void;
}) {
  const { t } = useTranslation('council');
  const set = (next: UrlPublishMode) => {
    storePublishMode(globalThis.localStorage ?? null, next);
    onChange(next);
  };
  return (
    <div className={mode.on ? 'publish-switch on' : 'publish-switch'} data-testid="publish-switch">
      <label>
        <input
          type="checkbox"
          checked={mode.on}
          data-testid="publish-toggle"
          onChange={(e) => set({ ...mode, on: e.target.checked })}
        />{' '}
        {t('publishMode')}
      </label>{' '}
      <label>
        {t('hideBelow')}{' '}
        <select
          value={mode.k}
          data-testid="publish-k"
          onChange={(e) => set({ ...mode, k: Number(e.target.value) as UrlPublishMode['k'] })}
        >
          {PUBLISH_THRESHOLDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {mode.on && (
        <div className="small" data-testid="publish-notice">
          <p>{t('publishExplained', { below: mode.k - 1, k: mode.k })}</p>
          {reasons.length > 0 && (
            <ul data-testid="publish-reasons">
              {reasons.map((r) => (
                <li key={r.code}>{t(`reason.${r.code}`, { year: r.year })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
