/**
 * Publishes one incident file as an archive with summaries, as `npm run cli -- publish --input FILE --out DIR
 * --summaries` does (same import, same `publishArchive`, same writer), and prints the time of each import and
 * publishing stage as one JSON line on stdout. Run by `bench-archive.ts` under `/usr/bin/time -v`.
 *
 *   TZ=UTC npx tsx scripts/bench-publish.ts FILE DIR
 */
import { basename } from 'node:path';
import { folderArchiveWriter } from '../src/data/archive/node-writer';
import { publishArchive } from '../src/data/archive/publish';
import { createNodeConnector, readFileBytes } from '../src/data/engine-node';
import { importIncidents } from '../src/data/import-incidents';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: npx tsx scripts/bench-publish.ts FILE DIR');
const stages: { stage: string; ms: number }[] = [];
let last = performance.now();
let current = '';
const step = (stage: string) => {
  const now = performance.now();
  if (current) stages.push({ stage: current, ms: Math.round(now - last) });
  current = stage;
  last = now;
};
const db = await createNodeConnector();
try {
  step('read file');
  const bytes = readFileBytes(file);
  const { report } = await importIncidents(
    db,
    { name: basename(file), bytes },
    { table: 'source_0', onProgress: (s) => step(`import: ${s}`) },
  );
  await publishArchive(
    db,
    {
      table: 'source_0',
      sources: [{ name: basename(file), bytes: bytes.length, rowIdShift: 0, report }],
      partition: 'year',
      summaries: true,
      onProgress: (s) => step(`publish: ${s}`),
    },
    folderArchiveWriter(out),
  );
  step('');
} finally {
  await db.close();
}
console.log(JSON.stringify({ stages }));
