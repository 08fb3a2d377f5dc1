import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of a file in the real-data folder beside the repository (`../shared/data`). */
export function sharedDataPath(name: string): string {
  return path.resolve(repoRoot, '../shared/data', name);
}

/**
 * Whether tests that need these real-data files should run: always under `CI=true` (a missing file then
 * fails the test when it tries to read it), elsewhere only when the files exist.
 */
export function sharedDataAvailable(...names: string[]): boolean {
  if (process.env.CI === 'true') return true;
  return names.every((n) => existsSync(sharedDataPath(n)));
}
