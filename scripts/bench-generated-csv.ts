/** The benchmark's generated incident files (seeded), cached under `bench-results/`. */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/analysis/random';

/** Folder of the benchmark's outputs and cached inputs (git-ignored). */
export const BENCH_OUT = 'bench-results';

/**
 * Writes a generated CSV of `incidents` incidents (seeded): a city-sized box, 2010-2024, about 18% of
 * incidents with 2-3 victims (one row per victim, so about 1.27 rows per incident). A file already written is
 * reused.
 */
export async function generatedCsv(incidents: number): Promise<string> {
  mkdirSync(BENCH_OUT, { recursive: true });
  const path = join(BENCH_OUT, `generated-${incidents}-incidents.csv`);
  if (existsSync(path)) return path;
  const random = seededRandom(incidents);
  const out = createWriteStream(path);
  out.write('incident_id,date,time,latitude,longitude,fatal,victim_sex,victim_age_group\n');
  const ages = ['<18', '18-24', '25-44', '45-64', '65+'];
  let incident = 0;
  const start = Date.UTC(2010, 0, 1);
  const span = Date.UTC(2024, 11, 31) - start;
  let chunk = '';
  while (incident < incidents) {
    incident++;
    const victims = random() < 0.18 ? 2 + Math.floor(random() * 2) : 1;
    const day = new Date(start + Math.floor(random() * span));
    const date = day.toISOString().slice(0, 10);
    const time = `${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00`;
    const lat = (40.55 + random() * 0.35).toFixed(5);
    const lon = (-74.2 + random() * 0.45).toFixed(5);
    for (let v = 0; v < victims; v++) {
      chunk += `I${incident},${date},${time},${lat},${lon},${random() < 0.18},${random() < 0.88 ? 'M' : 'F'},${ages[Math.floor(random() * 5)]}\n`;
    }
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}
