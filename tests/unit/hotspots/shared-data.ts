import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Absolute path of a file in the shared real-data folder beside the repository. */
export function sharedDataPath(name: string): string {
  return path.resolve(repoRoot, '../shared/data', name);
}

/**
 * Whether tests needing these shared files should run: always in CI (so a missing file fails the run),
 * elsewhere only when the files exist.
 */
export function sharedDataAvailable(...names: string[]): boolean {
  if (process.env.CI === 'true') return true;
  return names.every((n) => existsSync(sharedDataPath(n)));
}

/** Absolute path of a file in this area's fixture folder. */
export function fixturePath(name: string): string {
  return path.join(repoRoot, 'tests/fixtures/hotspots', name);
}
