/**
 * What this browser keeps between visits, and the way to delete it: a line with the storage used, and a
 * "Forget data on this device" button that asks once before deleting.
 */
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal } from '../../analysis/privacy/count-format';
import { useAppStore } from '../../state/app-store';
import { savedDataAvailable, storageUse } from '../../state/saved-data';
import { forgetKeptData } from '../keep-data';

function megabytes(bytes: number): string {
  return i18next.t('datafiles:megabytes', { value: formatDecimal(bytes / 1e6, bytes < 1e7 ? 1 : 0) });
}

/** The kept-data line of the data panel. */
export function KeptDataControls() {
  const { t } = useTranslation('datafiles');
  const datasets = useAppStore((s) => s.datasets);
  const [use, setUse] = useState<{ usage: number; quota: number } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const userCount = Object.values(datasets).filter((d) => d && !d.synthetic).length;

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measured when the loaded datasets change.
  useEffect(() => {
    let live = true;
    storageUse()
      .then((u) => live && setUse(u))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [datasets]);

  if (!savedDataAvailable()) {
    return <p className="muted small">{t('keepsNothing')}</p>;
  }
  const forget = async () => {
    setConfirming(false);
    const store = useAppStore.getState();
    try {
      await forgetKeptData();
      store.notify('info', t('forgotten'));
    } catch (error) {
      store.notify('error', (error as Error).message);
    }
    setUse(await storageUse().catch(() => null));
  };
  return (
    <div className="kept-data small" data-testid="kept-data">
      <p className="muted">{use ? t('keptUsed', { used: megabytes(use.usage) }) : t('kept')}</p>
      {confirming ? (
        <p>
          {userCount > 0 ? t('confirm', { count: userCount }) : t('confirmNone')}{' '}
          <button type="button" onClick={forget} data-testid="forget-confirm">
            {t('delete')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common:cancel')}
          </button>
        </p>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(true)} data-testid="forget-data">
          {t('forget')}
        </button>
      )}
    </div>
  );
}
