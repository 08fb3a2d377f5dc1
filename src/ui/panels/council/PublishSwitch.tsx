/** The publish-mode switch and its threshold; remembered in this browser and carried by the link. */
import { storePublishMode } from '../../../state/publish-setting';
import { PUBLISH_THRESHOLDS, type UrlPublishMode } from '../../../state/url-state';

export function PublishSwitch({
  mode,
  reasons,
  onChange,
}: {
  mode: UrlPublishMode;
  reasons: readonly string[];
  onChange(mode: UrlPublishMode): void;
}) {
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
        Publish mode
      </label>{' '}
      <label>
        hide counts below{' '}
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
          <p>
            Counts from 1 to {mode.k - 1} show as “&lt;{mode.k}”, and some larger ones are hidden too so that
            no small count can be worked out by subtraction; rates on hidden counts are withheld. Every view
            reads the same published tables (areas × years, city months, fatal counts per year).
          </p>
          {reasons.length > 0 && (
            <ul data-testid="publish-reasons">
              {reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
