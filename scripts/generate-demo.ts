/**
 * Writes the synthetic demo city to `data/demo/` (incidents, neighborhoods, city limit, programs, truth,
 * data card) and its archive to `data/demo/archive/`. Run with `npm run demo:generate`; the output is
 * byte-for-byte reproducible. `--check` compares with the committed files instead of writing, and exits 1 on
 * any difference.
 */

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoArchiveFiles } from './demo-city/demo-archive';
import { serializeDemoPanels } from './demo-city/demo-panels';
import { generateDemoCity } from './demo-city/generate-demo-city';
import { serializeDemoCity } from './demo-city/serialize-demo-city';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'data', 'demo');
const check = process.argv.includes('--check');

const city = serializeDemoCity(generateDemoCity({}));
const files: Record<string, Uint8Array> = {};
for (const [name, text] of Object.entries({ ...city, ...serializeDemoPanels() }))
  files[name] = new TextEncoder().encode(text);
const archive = await demoArchiveFiles(city['incidents.csv']!, city['neighborhoods.geojson']!);
for (const [name, bytes] of archive) files[`archive/${name}`] = bytes;

function listed(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listed(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

let differences = 0;
for (const [name, bytes] of Object.entries(files)) {
  const target = path.join(outDir, ...name.split('/'));
  if (check) {
    let current: Uint8Array = new Uint8Array();
    try {
      current = readFileSync(target);
    } catch {
      current = new Uint8Array();
    }
    if (Buffer.compare(Buffer.from(current), Buffer.from(bytes)) !== 0) {
      differences++;
      console.error(`differs: data/demo/${name}`);
    }
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    console.log(`wrote data/demo/${name} (${bytes.length} bytes)`);
  }
}
if (check) {
  // A file left in the archive folder that the generator no longer writes would still be served.
  for (const name of listed(path.join(outDir, 'archive'))) {
    if (!files[`archive/${name}`]) {
      differences++;
      console.error(`not generated: data/demo/archive/${name}`);
    }
  }
}
if (check && differences > 0) process.exit(1);
