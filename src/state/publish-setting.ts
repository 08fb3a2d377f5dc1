/**
 * Publish mode remembered in this browser: the last choice is used when a link does not say, so a
 * presenter who switched it on does not fall back to raw counts on the next visit.
 */
import { DEFAULT_PUBLISH_MODE, PUBLISH_THRESHOLDS, type UrlPublishMode } from './url-state';

/** localStorage key of the publish setting. */
export const PUBLISH_STORAGE_KEY = 'cvi-atlas:publish';

/** The part of the Storage API used here. */
export interface PublishStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The stored setting, or the default when nothing valid is stored. */
export function storedPublishMode(storage: PublishStorage | null): UrlPublishMode {
  try {
    const parsed = JSON.parse(
      storage?.getItem(PUBLISH_STORAGE_KEY) ?? 'null',
    ) as Partial<UrlPublishMode> | null;
    if (
      parsed &&
      typeof parsed.on === 'boolean' &&
      (PUBLISH_THRESHOLDS as readonly number[]).includes(parsed.k as number)
    )
      return { on: parsed.on, k: parsed.k as UrlPublishMode['k'] };
  } catch {
    // An unreadable value is ignored.
  }
  return { ...DEFAULT_PUBLISH_MODE };
}

/** Stores the setting (silently kept for this visit only when storage refuses). */
export function storePublishMode(storage: PublishStorage | null, mode: UrlPublishMode): void {
  try {
    storage?.setItem(PUBLISH_STORAGE_KEY, JSON.stringify(mode));
  } catch {
    // Private windows may refuse storage.
  }
}

/** Whether a query string sets publish mode itself (then the link wins over the stored setting). */
export function linkSetsPublish(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('publish') || params.has('k');
}
