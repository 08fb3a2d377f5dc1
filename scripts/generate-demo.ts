/**
 * Writes the synthetic demo city to `data/demo/` (incidents, neighborhoods, city limit, programs, truth,
 * data card). Run with `npm run demo:generate`; the output is byte-for-byte reproducible.
 * `--check` compares with the committed files instead of writing, and exits 1 on any difference.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeDemoPanels } from './demo-city/demo-panels';
import { generateDemoCity } from './demo-city/generate-demo-city';
import { serializeDemoCity } from './demo-city/serialize-demo-city';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'data', 'demo');
const check = process.argv.includes('--check');

const files = { ...serializeDemoCity(generateDemoCity({})), ...serializeDemoPanels() };
mkdirSync(outDir, { recursive: true });
let differences = 0;
for (const [name, text] of Object.entries(files)) {
  const target = path.join(outDir, name);
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      differences++;
      console.error(`differs: data/demo/${name}`);
    }
  } else {
    writeFileSync(target, text);
    console.log(`wrote data/demo/${name} (${Buffer.byteLength(text)} bytes)`);
  }
}
if (check && differences > 0) process.exit(1);
