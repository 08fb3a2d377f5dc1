/**
 * What every command starts with: an engine, the incident file loaded through the shared importer, and
 * boundary files read from disk.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { folderArchiveLocation } from '../data/archive/folder-location';
import { loadArchive, urlArchiveLocation } from '../data/archive/open-archive';
import type { Connector } from '../data/connector';
import { assertRegularFile, createNodeConnector, openFileBlob } from '../data/engine-node';
import { type ImportOptions, type ImportReport, importIncidents } from '../data/import-incidents';
import { type BoundaryLayer, parseBoundaries } from '../data/loaders/boundaries';
import { UsageError } from './options';

/** An engine with one incident table loaded. */
export interface CliSession {
  db: Connector;
  table: string;
  report: ImportReport;
}

/** True when `input` names an archive: a URL, a folder, or an archive's `manifest.json`. */
export function isArchiveInput(input: string): boolean {
  if (/^https?:\/\//i.test(input)) return true;
  if (basename(input) === 'manifest.json') return true;
  try {
    return statSync(input).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Starts the engine and loads `path` as the `incidents` table: an incident file through the importer, or an
 * archive (folder or URL). For an archive, `range` (`YYYY-MM-DD`) limits the partitions read to those that
 * overlap it; callers pass it only when their result does not depend on rows outside it.
 */
export async function openSession(
  path: string,
  options: Omit<ImportOptions, 'table'>,
  range: { from?: string; to?: string } = {},
): Promise<CliSession> {
  if (isArchiveInput(path)) {
    const mapped = Object.entries(options.mapping ?? {}).filter(([, v]) => v !== undefined);
    if (mapped.length > 0 || options.dateFormat || (options.preset && options.preset !== 'auto')) {
      throw new UsageError(
        `${path} is an archive, already in the canonical columns: leave out the column mapping flags`,
      );
    }
    const location = /^https?:\/\//i.test(path)
      ? urlArchiveLocation(path)
      : folderArchiveLocation(basename(path) === 'manifest.json' ? dirname(path) : path);
    const db = await createNodeConnector();
    try {
      const { report } = await loadArchive(db, location, { table: 'incidents', ...range });
      return { db, table: 'incidents', report };
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  let blob: Blob;
  try {
    blob = await openFileBlob(path);
  } catch (error) {
    throw new UsageError(
      `Cannot read --input ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const db = await createNodeConnector();
  const { report } = await importIncidents(
    db,
    { name: basename(path), blob },
    { ...options, table: 'incidents' },
  );
  return { db, table: 'incidents', report };
}

/** Reads a boundary GeoJSON file. */
export function readBoundaries(path: string): BoundaryLayer {
  let text: string;
  try {
    assertRegularFile(path);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseBoundaries(basename(path), text);
}
