/**
 * Where an import spends its time: imports one file in Node (the app's engine and SQL) and prints the total
 * and the slowest statements. Usage: `npx tsx scripts/profile-import.ts FILE [--top 12]`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeConnector } from '../src/data/engine-node';
import { importIncidents } from '../src/data/import-incidents';

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '12' } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) throw new Error('usage: npx tsx scripts/profile-import.ts FILE [--top 12]');
const bytes = new Uint8Array(readFileSync(file));
const db = await createNodeConnector();
const timed: { ms: number; sql: string }[] = [];
const query = db.query.bind(db);
db.query = async (sql, params) => {
  const t0 = performance.now();
  const result = await query(sql, params);
  timed.push({ ms: performance.now() - t0, sql: sql.replace(/\s+/g, ' ').slice(0, 120) });
  return result;
};
const t0 = performance.now();
const { report } = await importIncidents(db, { name: basename(file), bytes }, { table: 'profiled' });
console.log(
  `${report.rowsRead} rows read, ${report.victims} loaded: ${Math.round(performance.now() - t0)} ms`,
);
for (const { ms, sql } of timed.sort((a, b) => b.ms - a.ms).slice(0, Number(values.top)))
  console.log(`${String(Math.round(ms)).padStart(7)} ms  ${sql}`);
await db.close();
