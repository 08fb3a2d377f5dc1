// Fails when a module imports across the layers the architecture forbids:
//   ui -> map | charts | state -> data | analysis | geo   (cli -> state | data | analysis | geo)
// Pure layers (analysis, geo, data/sql) import no UI, rendering or database packages.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const RENDERING = ['react', 'react-dom', '@deck.gl/', 'maplibre-gl', 'terra-draw'];
const DATABASE = ['@duckdb/'];
const RULES = [
  {
    dir: 'src/analysis',
    folders: ['data', 'state', 'ui', 'map', 'charts', 'cli'],
    packages: [...RENDERING, ...DATABASE, 'apache-arrow'],
  },
  {
    dir: 'src/geo',
    folders: ['data', 'state', 'ui', 'map', 'charts', 'cli', 'analysis'],
    packages: [...RENDERING, ...DATABASE],
  },
  {
    dir: 'src/data/sql',
    folders: ['state', 'ui', 'map', 'charts', 'cli', 'analysis', 'geo'],
    packages: [...RENDERING, ...DATABASE, 'apache-arrow'],
  },
  { dir: 'src/data', folders: ['state', 'ui', 'map', 'charts', 'cli'], packages: RENDERING },
  { dir: 'src/state', folders: ['ui', 'map', 'charts', 'cli'], packages: RENDERING },
  { dir: 'src/map', folders: ['ui', 'cli'], packages: [...DATABASE] },
  { dir: 'src/charts', folders: ['ui', 'cli'], packages: [...DATABASE] },
  { dir: 'src/cli', folders: ['ui', 'map', 'charts'], packages: RENDERING },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const problems = [];
for (const file of files('src')) {
  const rule = RULES.find((r) => file.startsWith(`${r.dir}/`));
  if (!rule) continue;
  const text = readFileSync(file, 'utf8');
  // Static imports and re-exports, dynamic imports, side-effect imports and require().
  const pattern =
    /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(pattern)) {
    const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (spec.startsWith('.')) {
      const target = relative('src', join(file, '..', spec)).split('/')[0];
      if (rule.folders.includes(target))
        problems.push(`${file}: imports ${spec} (${rule.dir} must not depend on src/${target})`);
    } else if (rule.packages.some((p) => spec === p || spec.startsWith(p.endsWith('/') ? p : `${p}/`))) {
      problems.push(`${file}: imports ${spec} (not allowed in ${rule.dir})`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Layer rules broken:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('Layer rules hold.');
