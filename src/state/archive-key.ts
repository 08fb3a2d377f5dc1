/**
 * Which dataset key an archive opened from a link or the Archive panel loads into. It never takes the place
 * of a dataset that is loaded or kept on this device.
 */
import { type DatasetKey, USER_DATASET_KEYS } from './datasets';

/**
 * The link's `dataset=` key when it is a user key that is free, otherwise the first free user key; null when
 * every user key is taken. `taken`: keys of loaded datasets, of datasets kept on this device, and of anything
 * else that holds a key (an import under way).
 */
export function chooseArchiveKey(linked: DatasetKey | null, taken: Iterable<DatasetKey>): DatasetKey | null {
  const busy = new Set(taken);
  if (linked && (USER_DATASET_KEYS as readonly DatasetKey[]).includes(linked) && !busy.has(linked))
    return linked;
  return USER_DATASET_KEYS.find((k) => !busy.has(k)) ?? null;
}

/** The first user key that is neither loaded nor claimed by an archive (for a new import). */
export function freeImportKey(
  loaded: Partial<Record<DatasetKey, unknown>>,
  claimed: DatasetKey | null,
): DatasetKey | undefined {
  return USER_DATASET_KEYS.find((k) => !loaded[k] && k !== claimed);
}
