/**
 * Archives whose files are not under one base URL: files chosen from a local folder (a browser's directory
 * picker gives File objects), and files served under names of their own (a bundler's hashed asset URLs).
 */
import { msg } from '../../analysis/messages/message';
import { ImportError } from '../loaders/sniff';
import { type ArchiveLocation, fetchArchiveFile } from './open-archive';
import { blobRangedFile } from './ranged-file';

/** A file chosen from a folder: its path inside the chosen folder is `webkitRelativePath`. */
export interface FolderFile extends Blob {
  name: string;
  webkitRelativePath?: string;
}

/**
 * The archive in a chosen folder. Paths are taken relative to the folder holding `manifest.json` (the
 * chosen folder itself, or a folder inside it), so choosing the archive's folder or its parent both work.
 * @throws ImportError when no `manifest.json` is among the files.
 */
export function folderFilesArchiveLocation(
  files: Iterable<FolderFile>,
  onRead?: (path: string, bytes: number) => void,
): ArchiveLocation {
  const all = [...files].map((f) => ({
    file: f,
    path: (f.webkitRelativePath || f.name).replace(/\\/g, '/'),
  }));
  const manifests = all
    .filter((f) => f.path === 'manifest.json' || f.path.endsWith('/manifest.json'))
    .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  const manifest = manifests[0];
  if (!manifest) {
    throw new ImportError(msg('data:archive.noManifestInFolder'));
  }
  const prefix = manifest.path.slice(0, manifest.path.length - 'manifest.json'.length);
  const root = prefix.replace(/\/$/, '') || manifest.file.name;
  const byPath = new Map<string, Blob>();
  for (const f of all) if (f.path.startsWith(prefix)) byPath.set(f.path.slice(prefix.length), f.file);
  const find = (path: string): Blob => {
    const blob = byPath.get(path);
    if (!blob) {
      throw new ImportError(msg('data:archive.notInFolder', { path: `${root}/${path}` }));
    }
    return blob;
  };
  const get = (path: string): Blob => {
    const blob = find(path);
    onRead?.(path, blob.size);
    return blob;
  };
  return {
    name: root,
    readText: async (path) => get(path).text(),
    readBlob: async (path) => get(path),
    readRanges: async (path) => blobRangedFile(find(path), (n) => onRead?.(path, n)),
  };
}

/** An archive whose files are served at the given URLs (path relative to the archive's root → URL). */
export function urlMapArchiveLocation(
  name: string,
  urls: Readonly<Record<string, string>>,
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): ArchiveLocation {
  const fetchImpl = options.fetch ?? fetch;
  const get = async (path: string): Promise<Response> => {
    const url = urls[path];
    if (!url) throw new ImportError(msg('data:archive.noFile', { name, path }));
    return fetchArchiveFile(fetchImpl, url, options.signal);
  };
  return {
    name,
    readText: async (path) => (await get(path)).text(),
    readBlob: async (path) => (await get(path)).blob(),
  };
}
