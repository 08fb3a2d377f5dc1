/**
 * The Spanish overlays of the shipped programs (`data/programs/*.es.json`) against the English registries:
 * exactly the same programs and text fields, the same number of published outcomes, the same numbers inside
 * every text; and the display function: Spanish for a shipped program in Spanish, English in English, a
 * user's program untouched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  localizeProgram,
  numbersIn,
  overlayProblems,
  type ProgramTextOverlay,
  programTexts,
} from '../../../src/state/program-text';
import { decodePrograms, type Program, programsFromDemo } from '../../../src/state/programs';
import { displayProgram, unavailableText } from '../../../src/ui/panels/program/program-display';
import { repoRoot } from '../../support/shared-data';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const foundingFile = JSON.parse(read('data/programs/founding-programs.json'));
const decoded = decodePrograms(read('data/programs/founding-programs.json'), 'founding');
if (!decoded.ok) throw new Error(decoded.errors.join('; '));
const founding = decoded.programs;
const demo = programsFromDemo(JSON.parse(read('data/demo/programs.json')));
const foundingEs = JSON.parse(read('data/programs/founding-programs.es.json')) as ProgramTextOverlay;
const demoEs = JSON.parse(read('data/programs/demo-programs.es.json')) as ProgramTextOverlay;

describe('Spanish overlays of the shipped registries', () => {
  it.each([
    ['founding', founding, foundingEs],
    ['demo', demo, demoEs],
  ] as const)('%s: same ids, text fields, outcome counts and numbers', (_, programs, overlay) => {
    expect(overlay.schema).toBe('cvi-atlas-program-text/1');
    expect(overlay.language).toBe('es');
    expect(overlayProblems(programs, overlay)).toEqual([]);
    expect(Object.keys(overlay.programs).sort()).toEqual(programs.map((p) => p.id).sort());
    for (const p of programs)
      expect(overlay.programs[p.id]?.publishedOutcomes?.length ?? 0).toBe(p.publishedOutcomes.length);
  });

  it('covers the four founding programs and the registry’s about text, numbers equal', () => {
    expect(founding.map((p) => p.id)).toEqual([
      'sos-south-bronx',
      'cure-violence-chicago',
      'roca-baltimore',
      'advance-peace-richmond',
    ]);
    expect(typeof foundingEs.about).toBe('string');
    expect(numbersIn(foundingEs.about ?? '')).toEqual(numbersIn(foundingFile.about));
  });

  it('every translated text differs from the English (nothing left untranslated) except proper names', () => {
    const same: string[] = [];
    for (const [programs, overlay] of [
      [founding, foundingEs],
      [demo, demoEs],
    ] as const)
      for (const p of programs) {
        const es = programTexts(localizeProgram(p, overlay));
        for (const [k, english] of programTexts(p)) if (es.get(k) === english) same.push(`${p.id} ${k}`);
      }
    // Only city names and bare year ranges read the same in both languages.
    expect(same.sort()).toEqual([
      'advance-peace-richmond city',
      'advance-peace-richmond publishedOutcomes[1].window',
      'cure-violence-chicago city',
      'cure-violence-chicago publishedOutcomes[0].window',
      'roca-baltimore city',
      'roca-baltimore publishedOutcomes[0].window',
      'sos-south-bronx publishedOutcomes[2].window',
    ]);
    for (const entry of same) {
      const [id, key] = entry.split(' ') as [string, string];
      if (key.endsWith('window'))
        expect(programTexts(founding.find((p) => p.id === id)!).get(key)).toMatch(/^\d{4}(-\d{4})?$/);
    }
  });

  it('reports missing, stale and mismatched entries', () => {
    const sos = foundingEs.programs['sos-south-bronx']!;
    const broken: ProgramTextOverlay = {
      ...foundingEs,
      programs: {
        ...foundingEs.programs,
        'roca-baltimore': undefined as never,
        'no-such-program': { city: 'x' },
        'advance-peace-richmond': {
          ...foundingEs.programs['advance-peace-richmond'],
          publishedOutcomes: foundingEs.programs['advance-peace-richmond']!.publishedOutcomes!.map((o, i) =>
            i === 0 ? { ...o, unit: 'ciudad' } : o,
          ),
        },
        'sos-south-bronx': {
          ...sos,
          notes: sos.notes?.replace('2013', '2014'),
          publishedOutcomes: sos.publishedOutcomes?.slice(1),
          catchment: undefined,
        },
      },
    };
    delete broken.programs['roca-baltimore'];
    const problems = overlayProblems(founding, broken);
    expect(problems).toContain('no-such-program: not in the registry');
    expect(problems).toContain('roca-baltimore: no translation');
    expect(problems).toContain('sos-south-bronx: 2 outcomes translated, the registry has 3');
    expect(problems).toContain('sos-south-bronx: catchment.layerHint not translated');
    expect(problems.some((p) => p.startsWith('sos-south-bronx: notes numbers differ'))).toBe(true);
    expect(problems).toContain('sos-south-bronx: publishedOutcomes[2].outcome not translated');
    expect(problems).toContain('advance-peace-richmond: publishedOutcomes[0].unit has no English text');
    expect(problems).toContain('sos-south-bronx: publishedOutcomes[2].window not translated');
  });
});

describe('displayProgram', () => {
  const sos = founding.find((p) => p.id === 'sos-south-bronx')!;
  const roca = founding.find((p) => p.id === 'roca-baltimore')!;

  it('gives a founding program in Spanish, keeping names, figures, dates and citations', () => {
    const es = displayProgram(sos, 'es');
    expect(es.notes).toBe(foundingEs.programs['sos-south-bronx']!.notes);
    expect(es.notes).toContain('precintos');
    expect(es.city).toBe('Nueva York (South Bronx y Morrisania, Bronx)');
    expect(es.publishedOutcomes.map((o) => o.outcome)).toEqual([
      'victimizaciones por disparos',
      'heridas por arma de fuego',
      'probabilidad de que los participantes usen armas para resolver conflictos',
    ]);
    expect(es.publishedOutcomes.map((o) => o.figure)).toEqual(sos.publishedOutcomes.map((o) => o.figure));
    expect(es.publishedOutcomes.map((o) => o.relativeChange)).toEqual(
      sos.publishedOutcomes.map((o) => o.relativeChange),
    );
    expect(es.name).toBe(sos.name);
    expect(es.launch).toBe(sos.launch);
    expect(es.sources).toEqual(sos.sources);
    expect(es.catchment).toMatchObject({ type: 'boundary', values: ['40', '42'] });
    expect(es.catchment.type === 'boundary' && es.catchment.layerHint).toMatch(/^precintos policiales/);
    // A figure with words is translated; its numbers stay.
    expect(displayProgram(roca, 'es').publishedOutcomes[0]!.figure).toBe('más del 80%');
  });

  it('gives the registry’s English in English and in an unknown language', () => {
    expect(displayProgram(sos, 'en')).toBe(sos);
    expect(displayProgram(sos, 'fr')).toBe(sos);
    expect(displayProgram(sos, undefined)).toBe(sos);
  });

  it('translates the demo city’s programs', () => {
    const b = displayProgram(demo.find((p) => p.id === 'program-b')!, 'es');
    expect(b.city).toBe('Ciudad de demostración (sintética)');
    expect(b.notes).toMatch(/^Programa sintético\. Efecto plantado: ninguno \(multiplicador 1\.00\)/);
  });

  it('leaves the user’s own program untouched, even with a shipped id', () => {
    const edited: Program = { ...sos, notes: 'Our own notes.', origin: 'user' };
    expect(displayProgram(edited, 'es')).toBe(edited);
    const noOrigin: Program = { ...sos, origin: undefined };
    expect(displayProgram(noOrigin, 'es')).toBe(noOrigin);
  });

  it('keeps the English outcomes when the counts differ from the translation', () => {
    const fewer: Program = { ...sos, publishedOutcomes: sos.publishedOutcomes.slice(0, 2) };
    expect(displayProgram(fewer, 'es').publishedOutcomes).toEqual(fewer.publishedOutcomes);
  });

  it('writes why a program cannot be charted with the registry’s words translated', () => {
    expect(unavailableText(roca, (roca.catchment as { note: string }).note, 'es')).toMatch(
      /^Roca trabaja con hombres jóvenes/,
    );
    const hint = (sos.catchment as { layerHint: string }).layerHint;
    const message = `this catchment is defined by precinct = 40, 42 of ${hint}; load that boundary file`;
    expect(unavailableText(sos, message, 'es')).toBe(
      `this catchment is defined by precinct = 40, 42 of ${(displayProgram(sos, 'es').catchment as { layerHint: string }).layerHint}; load that boundary file`,
    );
    expect(unavailableText(sos, message, 'en')).toBe(message);
  });
});
