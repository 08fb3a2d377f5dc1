/**
 * Opening an archive by URL, and what is loading: partitions held and still fetched, bytes fetched, a cancel
 * button. A brush into years the engine does not hold yet fetches them.
 */
import { useEffect, useState } from 'react';
import { formatCount } from '../../analysis/privacy/count-format';
import { useAppStore } from '../../state/app-store';
import { useArchiveStore } from '../../state/archive-store';
import { ensurePartitions, openArchiveUrl } from '../archive-open';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}

/** The archive controls. */
export function ArchivePanel() {
  const [url, setUrl] = useState('');
  const manifest = useArchiveStore((s) => s.manifest);
  const loaded = useArchiveStore((s) => s.loaded);
  const loading = useArchiveStore((s) => s.loading);
  const bytesFetched = useArchiveStore((s) => s.bytesFetched);
  const bytesWanted = useArchiveStore((s) => s.bytesWanted);
  const cancel = useArchiveStore((s) => s.cancel);
  const engine = useAppStore((s) => s.engine);
  const time = useAppStore((s) => s.views.user.time);
  const fromArchive = useAppStore((s) => s.datasets.user?.table === 'incidents_user' && loaded.length > 0);

  // A brush into years not loaded yet fetches them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the time brush is what decides the partitions.
  useEffect(() => {
    if (engine && fromArchive) void ensurePartitions(engine);
  }, [engine, fromArchive, time]);

  const total = manifest?.partitions.reduce((s, p) => s + p.bytes, 0) ?? 0;
  return (
    <section className="panel" aria-label="Archive">
      <h2>Archive</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void openArchiveUrl(url.trim());
        }}
      >
        <input
          type="url"
          placeholder="https://…/archive/"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-label="Archive URL"
          data-testid="archive-url"
        />
        <button type="submit">Open</button>
      </form>
      {manifest && (
        <p className="small" data-testid="archive-status">
          {formatCount(loaded.length)} of {formatCount(manifest.partitions.length)} partitions loaded ·{' '}
          {megabytes(bytesFetched)} of {megabytes(total)} fetched
          {loaded.length === 0 && loading.length === 0 && ' · map and charts from the summaries'}
        </p>
      )}
      {loading.length > 0 && (
        <p className="small" data-testid="archive-loading">
          Loading {loading.map((p) => p.split('/').slice(-2, -1)[0] ?? p).join(', ')} (
          {megabytes(bytesWanted)} requested){' '}
          {cancel && (
            <button type="button" onClick={cancel} data-testid="archive-cancel">
              Cancel
            </button>
          )}
        </p>
      )}
    </section>
  );
}
