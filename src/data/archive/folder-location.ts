/** An archive in a folder on disk (Node): files are opened lazily, so only the partitions read are touched. */
import { openAsBlob, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ImportError } from '../loaders/sniff';
import type { ArchiveLocation } from './open-archive';

function missing(root: string, path: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new ImportError(
    `${join(root, ...path.split('/'))} cannot be read (${code})${path === 'manifest.json' ? ': is this the folder an archive was published to?' : ': the archive manifest lists this file; copy it back, or publish the archive again.'}`,
  );
}

/** The archive whose `manifest.json` is in `root`. */
export function folderArchiveLocation(root: string): ArchiveLocation {
  return {
    name: root,
    async readText(path) {
      try {
        return readFileSync(join(root, ...path.split('/')), 'utf8');
      } catch (error) {
        throw missing(root, path, error);
      }
    },
    async readBlob(path) {
      try {
        const file = join(root, ...path.split('/'));
        statSync(file);
        return await openAsBlob(file);
      } catch (error) {
        throw missing(root, path, error);
      }
    },
  };
}
