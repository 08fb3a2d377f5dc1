/**
 * Opening an archive by URL or from a local folder, and what is loading: partitions held and still fetched, bytes fetched, a cancel
 * button. A brush into years the engine does not hold yet fetches them.
 */
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatDecimal } from '../../analysis/privacy/count-format';
import { useAppStore } from '../../state/app-store';
import { useArchiveStore } from '../../state/archive-store';
import { FileInput } from '../FileInput';

/** Archive opening, loaded when an archive is opened. */
const archiveOpen = () => import('../archive-open');

function megabytes(bytes: number): string {
  return i18next.t('datafiles:megabytes', { value: formatDecimal(bytes / 1e6, bytes < 1e7 ? 1 : 0) });
}

/** The archive controls. */
export function ArchivePanel() {
  const { t } = useTranslation('datafiles');
  const [url, setUrl] = useState('');
  const manifest = useArchiveStore((s) => s.manifest);
  const loaded = useArchiveStore((s) => s.loaded);
  const loading = useArchiveStore((s) => s.loading);
  const bytesFetched = useArchiveStore((s) => s.bytesFetched);
  const bytesWanted = useArchiveStore((s) => s.bytesWanted);
  const cancel = useArchiveStore((s) => s.cancel);
  const engine = useAppStore((s) => s.engine);
  const key = useArchiveStore((s) => s.key);
  const time = useAppStore((s) => (key ? s.views[key].time : null));
  const fromArchive = useAppStore((s) => key !== null && s.datasets[key] !== undefined && loaded.length > 0);

  // A brush into years not loaded yet fetches them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the time brush is what decides the partitions.
  useEffect(() => {
    if (engine && fromArchive) void archiveOpen().then((m) => m.ensurePartitions(engine));
  }, [engine, fromArchive, time]);

  const total = manifest?.partitions.reduce((s, p) => s + p.bytes, 0) ?? 0;
  return (
    <section className="panel" aria-label={t('archive')}>
      <h2>{t('archive')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) void archiveOpen().then((m) => m.openArchiveUrl(url.trim()));
        }}
      >
        <input
          type="url"
          placeholder="https://…/archive/"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          aria-label={t('archiveUrl')}
          data-testid="archive-url"
        />
        <button type="submit">{t('open')}</button>
      </form>
      <label className="small">
        {t('archiveFolderPrompt')}{' '}
        <FileInput
          // The directory picker: the archive's files with their paths inside the chosen folder.
          folder
          multiple
          onChange={(e) => {
            const files = e.target.files;
            if (files && files.length > 0) {
              const list = Array.from(files);
              void archiveOpen().then((m) => m.openArchiveFolder(list));
            }
            e.target.value = '';
          }}
          aria-label={t('archiveFolder')}
          data-testid="archive-folder"
        />
      </label>
      {manifest && (
        <p className="small" data-testid="archive-status">
          {t('archiveStatus', {
            loaded: formatCount(loaded.length),
            total: formatCount(manifest.partitions.length),
            fetched: megabytes(bytesFetched),
            size: megabytes(total),
          })}
          {loaded.length === 0 && loading.length === 0 && t('fromSummaries')}
        </p>
      )}
      {loading.length > 0 && (
        <p className="small" data-testid="archive-loading">
          {t('archiveLoading', {
            partitions: loading.map((p) => p.split('/').slice(-2, -1)[0] ?? p).join(', '),
            requested: megabytes(bytesWanted),
          })}{' '}
          {cancel && (
            <button type="button" onClick={cancel} data-testid="archive-cancel">
              {t('common:cancel')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
