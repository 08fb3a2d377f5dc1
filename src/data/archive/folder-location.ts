/** An archive in a folder on disk (Node): files are opened lazily, so only the partitions read are touched. */
import { openAsBlob, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { msg } from '../../analysis/messages/message';
import { ImportError } from '../loaders/sniff';
import type { ArchiveLocation } from './open-archive';
import { blobRangedFile } from './ranged-file';

function missing(root: string, path: string, error: unknown): ImportError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  const file = join(root, ...path.split('/'));
  return new ImportError(
    msg(path === 'manifest.json' ? 'data:archive.manifestUnreadable' : 'data:archive.fileUnreadable', {
      path: file,
      code,
    }),
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
    async readRanges(path) {
      // A Blob opened from disk reads its slices lazily: only the ranges the decoder asks for are read.
      return blobRangedFile(await this.readBlob(path));
    },
  };
}
