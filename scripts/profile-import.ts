/**
 * Where an import spends its time: imports one file in Node (the app's engine and SQL) and prints the total
 * (wall-clock and this process's CPU time, which the in-process engine runs on, so that other work on a shared
 * machine shows less in it), the time of each progress stage, and the slowest statements.
 * Usage: `npx tsx scripts/profile-import.ts FILE [--top 12] [--runs 1]`.
 */
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeConnector, openFileBlob } from '../src/data/engine-node';
import { importIncidents } from '../src/data/import-incidents';

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '12' }, runs: { type: 'string', default: '1' } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) throw new Error('usage: npx tsx scripts/profile-import.ts FILE [--top 12] [--runs 1]');
// Read in place, as the browser reads a chosen file.
const blob = await openFileBlob(file);
const db = await createNodeConnector();
let timed: { ms: number; sql: string }[] = [];
const query = db.query.bind(db);
db.query = async (sql, params) => {
  const t0 = performance.now();
  const result = await query(sql, params);
  timed.push({ ms: performance.now() - t0, sql: sql.replace(/\s+/g, ' ').slice(0, 120) });
  return result;
};
const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);
for (let run = 0; run < Number(values.runs); run++) {
  timed = [];
  const stages: string[] = [];
  let last = performance.now();
  let lastStage = '';
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { report } = await importIncidents(
    db,
    { name: basename(file), blob },
    {
      table: 'profiled',
      onProgress: (stage) => {
        const now = performance.now();
        if (lastStage) stages.push(`${lastStage} ${Math.round(now - last)} ms`);
        lastStage = stage;
        last = now;
      },
    },
  );
  const load = loadavg().map((x) => x.toFixed(2));
  console.log(
    `${report.rowsRead} rows read, ${report.victims} loaded: ${Math.round(performance.now() - t0)} ms wall, ${cpuMs(process.cpuUsage(c0))} ms CPU (load average ${load.join(' ')})`,
  );
  console.log(`stages: ${stages.join(', ')}`);
  for (const { ms, sql } of timed.sort((a, b) => b.ms - a.ms).slice(0, Number(values.top)))
    console.log(`${String(Math.round(ms)).padStart(7)} ms  ${sql}`);
}
await db.close();
