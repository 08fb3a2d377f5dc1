/**
 * What every command starts with: an engine, the incident file loaded through the shared importer, and
 * boundary files read from disk.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Connector } from '../data/connector';
import { assertRegularFile, createNodeConnector, readFileBytes } from '../data/engine-node';
import { type ImportOptions, type ImportReport, importIncidents } from '../data/import-incidents';
import { type BoundaryLayer, parseBoundaries } from '../data/loaders/boundaries';
import { UsageError } from './options';

/** An engine with one incident table loaded. */
export interface CliSession {
  db: Connector;
  table: string;
  report: ImportReport;
}

/** Starts the engine and loads `path` as the `incidents` table. */
export async function openSession(path: string, options: Omit<ImportOptions, 'table'>): Promise<CliSession> {
  let bytes: Uint8Array;
  try {
    bytes = readFileBytes(path);
  } catch (error) {
    throw new UsageError(
      `Cannot read --input ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const db = await createNodeConnector();
  const { report } = await importIncidents(
    db,
    { name: basename(path), bytes },
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
