/** Map layer switches, H3 resolution and KDE bandwidth (metres). */
import { useTranslation } from 'react-i18next';
import type { UrlLayerId, UrlViewState } from '../../state/url-state';
import { BaseMapSetting } from './BaseMapSetting';

const LAYERS: UrlLayerId[] = ['hexagons', 'heat', 'points', 'boundaries'];

export function LayerPanel({
  view,
  onChange,
}: {
  view: UrlViewState;
  onChange(patch: Partial<UrlViewState>): void;
}) {
  const { t } = useTranslation('layers');
  const toggle = (id: UrlLayerId) =>
    onChange({
      layers: view.layers.includes(id) ? view.layers.filter((l) => l !== id) : [...view.layers, id],
    });
  return (
    <section className="panel" aria-label={t('label')}>
      <h2>{t('title')}</h2>
      {LAYERS.map((id) => (
        <label key={id} className="row">
          <input
            type="checkbox"
            checked={view.layers.includes(id)}
            onChange={() => toggle(id)}
            data-testid={`layer-${id}`}
          />{' '}
          {t(`layer.${id}`)}
        </label>
      ))}
      <label className="row">
        {t('h3Resolution')}{' '}
        <select
          value={String(view.h3Res)}
          onChange={(e) => onChange({ h3Res: e.target.value === 'auto' ? 'auto' : Number(e.target.value) })}
        >
          <option value="auto">{t('followZoom')}</option>
          {[6, 7, 8, 9, 10, 11].map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="row">
        {t('kdeBandwidth')}{' '}
        <input
          type="number"
          min={50}
          max={5000}
          step={50}
          value={view.kdeBandwidthM}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (v >= 50 && v <= 5000) onChange({ kdeBandwidthM: v });
          }}
        />{' '}
        m
      </label>
      <BaseMapSetting />
    </section>
  );
}
