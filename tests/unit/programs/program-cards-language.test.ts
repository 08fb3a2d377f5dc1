/**
 * The program card and the published-evidence card, rendered on the server (react-dom/server) in Spanish
 * and in English: a founding program's notes, city, published outcomes and the design comparison follow the
 * interface's language; figures and citations stay as published; a user's program keeps its own words.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramEvaluation } from '../../../src/state/program-evaluation';
import type { Program } from '../../../src/state/programs';
import { initI18n, setLanguage } from '../../../src/ui/i18n';
import { EvidenceCard } from '../../../src/ui/panels/program/EvidenceCard';
import { ProgramCard } from '../../../src/ui/panels/program/ProgramCard';
import { FOUNDING_PROGRAMS } from '../../../src/ui/panels/program/program-sources';

const sos = FOUNDING_PROGRAMS.find((p) => p.id === 'sos-south-bronx')!;
/** An evaluation as the evidence card reads it (its series' step, unit and periods; no estimates). */
const evaluation = {
  series: { unit: 'incidents', by: 'month', periods: ['2010-01', '2013-01', '2016-12'], launchIndex: 1 },
  estimates: [],
  synth: { ok: true },
} as unknown as ProgramEvaluation;
const geometry = { comparison: [{}, {}, {}] } as never;

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const cards = (program: Program) =>
  text(
    renderToStaticMarkup(createElement(ProgramCard, { program })) +
      renderToStaticMarkup(createElement(EvidenceCard, { program, evaluation, geometry })),
  );

describe('program cards follow the interface language', () => {
  beforeAll(() => {
    initI18n('es');
  });
  afterAll(() => setLanguage('en'));

  it('Spanish: registry words in Spanish, figures and citations as published', () => {
    setLanguage('es');
    const shown = cards(sos);
    expect(shown).toContain('Nueva York (South Bronx y Morrisania, Bronx)');
    expect(shown).toContain('Los precintos 40 (South Bronx) y 42 (Morrisania) de la NYPD');
    expect(shown).toContain('−63% victimizaciones por disparos (mensual)');
    expect(shown).toContain(
      'Diseño: publicado área del programa frente a un área de comparación emparejada, antes/después; aquí antes/después, WDD, ITS, DiD frente a 3 unidades de comparación y un control sintético.',
    );
    expect(shown).toContain(
      'Paso de tiempo y ventana: publicado mensual; aquí mensual, de 2010-01 a 2016-12, inicio 2013-01.',
    );
    expect(shown).toContain('todos los incidentes por disparos registrados');
    expect(shown).toContain('Delgado SA et al. (2017). Evaluation of Cure Violence programs');
    for (const english of [
      'nearest police units',
      'shooting victimizations',
      'published',
      'monthly',
      'here ',
    ])
      expect(shown).not.toContain(english);
  });

  it('English: the registry as written', () => {
    setLanguage('en');
    const shown = cards(sos);
    expect(shown).toContain('New York City (South Bronx and Morrisania, Bronx)');
    expect(shown).toContain('are the nearest police units');
    expect(shown).toContain('−63% shooting victimizations (monthly)');
    expect(shown).toContain(
      'Design: published program area vs one matched comparison area, before/after; here pre/post, WDD, ITS, DiD vs 3 comparison units and a synthetic control.',
    );
    expect(shown).toContain(
      'Time step and window: published monthly; here monthly, 2010-01 to 2016-12, launch 2013-01.',
    );
  });

  it('a user’s program keeps its own words in Spanish', () => {
    setLanguage('es');
    const own: Program = { ...sos, notes: 'Our own notes about the South Bronx.', origin: 'user' };
    const shown = cards(own);
    expect(shown).toContain('Our own notes about the South Bronx.');
    expect(shown).toContain('shooting victimizations');
    expect(shown).toContain('Diseño: publicado program area vs one matched comparison area');
  });
});
