/**
 * What this browser keeps between visits, and the way to delete it: a line with the storage used, and a
 * "Forget data on this device" button that asks once before deleting.
 */
import { useEffect, useState } from 'react';
import { formatDecimal } from '../../analysis/privacy/count-format';
import { useAppStore } from '../../state/app-store';
import { savedDataAvailable, storageUse } from '../../state/saved-data';
import { forgetKeptData } from '../keep-data';

function megabytes(bytes: number): string {
  return `${formatDecimal(bytes / 1e6, bytes < 1e7 ? 1 : 0)} MB`;
}

/** The kept-data line of the data panel. */
export function KeptDataControls() {
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
    return (
      <p className="muted small">This browser keeps nothing for this page: loaded files last one visit.</p>
    );
  }
  const forget = async () => {
    setConfirming(false);
    const store = useAppStore.getState();
    try {
      await forgetKeptData();
      store.notify(
        'info',
        'The data kept on this device was deleted. What is loaded now stays until this page is closed or reloaded.',
      );
    } catch (error) {
      store.notify('error', (error as Error).message);
    }
    setUse(await storageUse().catch(() => null));
  };
  return (
    <div className="kept-data small" data-testid="kept-data">
      <p className="muted">
        Loaded files, boundaries and views are kept in this browser for your next visit
        {use ? ` (${megabytes(use.usage)} used)` : ''}.
      </p>
      {confirming ? (
        <p>
          Delete {userCount > 0 ? `the ${userCount} file${userCount > 1 ? 's' : ''} and ` : ''}everything kept
          here?{' '}
          <button type="button" onClick={forget} data-testid="forget-confirm">
            Delete
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </p>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(true)} data-testid="forget-data">
          Forget data on this device
        </button>
      )}
    </div>
  );
}
