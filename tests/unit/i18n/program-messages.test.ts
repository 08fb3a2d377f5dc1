/**
 * The messages of program files, stored programs and catchments (namespace `programfile`) exist in every
 * language: each key the code can emit has an English text; real validation, decoding, storage and catchment
 * calls produce every key of the catalogue, read exactly as the English they replaced, and in Spanish leave
 * no placeholder or English text (paths such as `programs[3].catchment.values` stay as written in the file).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { englishText } from '../../../src/analysis/messages/english';
import { type Message, messageKeys, msg } from '../../../src/analysis/messages/message';
import { setFormatLocale } from '../../../src/analysis/privacy/count-format';
import { programPlaces } from '../../../src/state/program-evaluation';
import {
  boundaryPolygons,
  CatchmentError,
  catchmentFromBoundaryIds,
  catchmentFromPoints,
  catchmentFromPolygon,
  catchmentPolygons,
  decodePrograms,
  type KeyValueStorage,
  loadStoredPrograms,
  storePrograms,
  validateProgram,
  validatePrograms,
} from '../../../src/state/programs';
import { initI18n } from '../../../src/ui/i18n';
import { errorText, messageText } from '../../../src/ui/i18n/use-message';
import { displayProgram, unavailableReason } from '../../../src/ui/panels/program/program-display';
import { formCatchment, parsePoints } from '../../../src/ui/panels/program/program-form-parse';
import { messageCatalogue, PLURAL } from '../../support/message-catalogue';
import { minimalProgram } from '../../support/program-fixture';

const ENGLISH = messageCatalogue('programfile');
const KNOWN = new Set([...ENGLISH.keys()].map((k) => `programfile:${k.replace(PLURAL, '')}`));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every `programfile:` key written literally anywhere in the source. */
function writtenKeys(): string[] {
  const keys = new Set<string>();
  for (const file of sourceFiles(join(process.cwd(), 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'(programfile:[A-Za-z.]+)'/g)) keys.add(m[1]!);
  }
  return [...keys].sort();
}

function memoryStorage(initial: Record<string, string> = {}, failWrites = false): KeyValueStorage {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => {
      if (failWrites) throw new Error('quota exceeded');
      data.set(k, v);
    },
  };
}

const square = (x: number): number[][] => [
  [x, 0],
  [x + 1, 0],
  [x + 1, 1],
  [x, 0],
];

/** A program with nearly every fault a file can have (one per field where the field allows only one). */
const broken = {
  id: 'Bad Id',
  name: '',
  model: 'magic',
  modelDetail: 5,
  city: 'x'.repeat(4001),
  launch: '2021-02-30',
  launchPrecision: 'week',
  end: 'soon',
  catchment: {
    type: 'features',
    features: [
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [] } },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [[]] } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } },
      'x',
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [square(0).slice(0, 2)] } },
      { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...square(0).slice(0, 3), [500, 0]]] } },
      { type: 'Feature', geometry: null },
      { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [] } },
      {
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [
            square(0)
              .slice(0, 3)
              .concat([[9, 9]]),
          ],
        },
      },
    ],
  },
  comparison: { ids: [1], property: 'id', features: [] },
  displacementBufferMetres: 1e6,
  notes: null,
  sources: [{ id: 'a', citation: 'A' }, { id: 'a', citation: 'B' }, 7],
  publishedOutcomes: [5, { outcome: 'o', figure: 'f', relativeChange: -2, source: 'zz' }],
  synthetic: 'yes',
  origin: 'elsewhere',
};

/** The English each of these problems read before they were messages (the validator's former templates). */
const BROKEN_ENGLISH = [
  'id: must be 1-64 lower-case letters, digits or hyphens, starting with a letter or digit',
  'name: must be non-empty text',
  'model: must be one of cure-violence, advance-peace, roca, hospital-based, group-violence-intervention, other',
  'modelDetail: must be text',
  'city: at most 4000 characters',
  'launch: must be a date YYYY-MM-DD',
  'launchPrecision: must be day, month or year',
  'end: must be a date YYYY-MM-DD or null',
  'catchment.features[0].geometry.coordinates: a Polygon needs at least one ring',
  'catchment.features[1].geometry.coordinates[0]: a polygon needs at least one ring',
  'catchment.features[2].geometry: must be a GeoJSON Polygon or MultiPolygon, got type "Point"',
  'catchment.features[3]: must be a GeoJSON Feature',
  'catchment.features[4].geometry.coordinates[0]: a ring needs at least 4 positions (closed)',
  'catchment.features[5].geometry.coordinates[0][3]: must be [longitude, latitude] in degrees (WGS84)',
  'catchment.features[6].geometry: must be a GeoJSON Polygon or MultiPolygon',
  'catchment.features[7].geometry.coordinates: a MultiPolygon needs at least one polygon',
  'catchment.features[8].geometry.coordinates[0]: the ring must be closed (last = first)',
  'comparison.ids: must be a list of feature values (text)',
  'comparison.features: must be a non-empty list of polygon features',
  'displacementBufferMetres: must be a number of metres from 0 to 20000',
  'notes: must be text',
  'sources[1].id: duplicate id a',
  'sources[2]: must be an object { id, citation }',
  'publishedOutcomes[0]: must be an object',
  'publishedOutcomes[1].relativeChange: must be a number above -1 (e.g. -0.63)',
  "publishedOutcomes[1].source: must name one of the program's sources (every figure needs a citation)",
  'synthetic: must be true or false',
  'origin: must be founding, demo or user',
];

/** Calls of the real code, each with the English it gave before its text became a message. */
function producedMessages(): [Message, string][] {
  const out: [Message, string][] = [];
  const problems = (r: { ok: boolean; problems?: Message[] }) => (r.ok ? [] : r.problems!);
  problems(validateProgram(broken)).forEach((m, i) => {
    out.push([m, BROKEN_ENGLISH[i]!]);
  });
  const cases: [unknown, string[]][] = [
    [5, ['program: must be an object']],
    [
      { ...minimalProgram, catchment: undefined },
      ['catchment: required (type geometry, features, boundary or none)'],
    ],
    [
      { ...minimalProgram, catchment: { type: 'boundary', property: ' ', values: [], layerHint: 3 } },
      [
        'catchment.property: must be non-empty text',
        'catchment.values: must be a non-empty list of feature values (text)',
        'catchment.layerHint: must be text',
      ],
    ],
    [
      { ...minimalProgram, catchment: { type: 'none', note: '' } },
      ['catchment.note: must be non-empty text'],
    ],
    [
      { ...minimalProgram, catchment: { type: 'circle' } },
      ['catchment.type: must be geometry, features, boundary or none, got "circle"'],
    ],
    [
      { ...minimalProgram, comparison: 5, end: '2020-01-01', sources: 'none', publishedOutcomes: null },
      [
        'end: must be after the launch date',
        'comparison: must be an object with ids and/or features',
        'sources: must be a list (may be empty)',
        'publishedOutcomes: must be a list (may be empty)',
      ],
    ],
  ];
  for (const [value, english] of cases)
    problems(validateProgram(value)).forEach((m, i) => {
      out.push([m, english[i]!]);
    });
  const listed = validatePrograms([minimalProgram, { ...minimalProgram }, { id: 'x' }]);
  out.push([listed.problems[0]!, 'programs[1] (my-program): duplicate id']);
  out.push([listed.problems[1]!, 'programs[2] (x): name: must be non-empty text']);
  out.push([validatePrograms({}).problems[0]!, 'programs: must be a list']);
  const decoded = (text: string, what?: Message) => {
    const r = what ? decodePrograms(text, what) : decodePrograms(text);
    return r.ok ? msg('none') : r.problems[0]!;
  };
  out.push([decoded('[]'), 'the file must be a JSON object with "schema" and "programs"']);
  out.push([
    decoded('{"schema":"other/2"}', msg('programfile:file.named', { name: 'p.json' })),
    '"p.json" is not a CVI Atlas programs file (schema "other/2"; expected "cvi-atlas-programs/1")',
  ]);
  let syntax = '';
  try {
    JSON.parse('{');
  } catch (error) {
    syntax = (error as Error).message;
  }
  out.push([
    decoded('{', msg('programfile:file.founding')),
    `the founding programs is not valid JSON (${syntax})`,
  ]);
  const corrupt = { 'cvi-atlas.programs.v1': '{"schema":"cvi-atlas-programs/1","programs":[{"id":"x"}]}' };
  const setAside = loadStoredPrograms(memoryStorage(corrupt));
  out.push([
    setAside.structured!,
    'Your saved programs could not be read and were set aside (browser storage key "cvi-atlas.programs.v1.corrupt"): ' +
      'programs[0] (x): name: must be non-empty text; programs[0] (x): model: must be one of cure-violence, advance-peace, roca, hospital-based, group-violence-intervention, other; programs[0] (x): city: must be non-empty text.',
  ]);
  const unkept = loadStoredPrograms(memoryStorage({ 'cvi-atlas.programs.v1': '[]' }, true));
  out.push([
    unkept.structured!,
    'Your saved programs could not be read and were set aside: the saved programs must be a JSON object with "schema" and "programs".',
  ]);
  const unreadable = loadStoredPrograms({
    getItem: () => {
      throw new Error('denied');
    },
    setItem: () => {},
  });
  out.push([unreadable.structured!, 'Saved programs could not be read (denied).']);
  out.push([
    storePrograms(memoryStorage({}, true), [minimalProgram])!,
    'Programs could not be saved in this browser (quota exceeded).',
  ]);
  const thrown = (f: () => unknown): Message => {
    try {
      f();
    } catch (error) {
      if (error instanceof CatchmentError) return error.structured;
    }
    throw new Error('expected a CatchmentError');
  };
  out.push([
    thrown(() =>
      catchmentFromPolygon([
        [0, 0],
        [1, 0],
        [0, 0],
      ]),
    ),
    'polygon: a ring needs at least 4 positions (closed)',
  ]);
  out.push([
    thrown(() =>
      catchmentFromPolygon([
        [0, 0],
        [1, 0],
        [1, 1],
        [200, 0],
      ]),
    ),
    'polygon[3]: must be [longitude, latitude] in degrees (WGS84)',
  ]);
  out.push([thrown(() => catchmentFromBoundaryIds('precinct', [])), 'select at least one boundary feature']);
  out.push([thrown(() => catchmentFromPoints([], 400)), 'give at least one point']);
  out.push([thrown(() => catchmentFromPoints([[0, 0]], 0)), 'the radius must be 1 to 20000 metres']);
  out.push([thrown(() => parsePoints('1,2; north')), '"north" is not "longitude, latitude"']);
  const form = { kept: null, boundaries: null, areaIds: [], polygon: null, points: '', radius: 400 };
  out.push([thrown(() => formCatchment('areas', form)), 'load a boundary file and select areas first']);
  out.push([thrown(() => formCatchment('polygon', form)), 'draw an area on the map first']);
  const boundary = { type: 'boundary' as const, property: 'precinct', values: ['40', '42'] };
  out.push([
    catchmentPolygons({ ...boundary, layerHint: 'NYPD police precincts (2019)' }) as Message,
    'this catchment is defined by precinct = 40, 42 of NYPD police precincts (2019); load that boundary file',
  ]);
  out.push([
    catchmentPolygons(boundary) as Message,
    'this catchment is defined by precinct = 40, 42 of a boundary file; load that boundary file',
  ]);
  out.push([
    catchmentPolygons({ type: 'none', note: 'Works with people.' }) as Message,
    'Works with people.',
  ]);
  const features = [0, 1].map((x, i) => ({
    type: 'Feature' as const,
    properties: { precinct: 40 + i },
    geometry: { type: 'Polygon' as const, coordinates: [square(x)] },
  }));
  out.push([
    boundaryPolygons(features, 'precinct', ['40', '98', '99']) as Message,
    'the loaded boundaries have no feature with precinct = 98, 99',
  ]);
  out.push([
    programPlaces({ ...minimalProgram, comparison: { ids: ['N1', 'N2'] } }, null) as Message,
    'the comparison areas (N1, N2) need a boundary file',
  ]);
  return out;
}

/** Keys whose whole text is their values (a path and its problem, a note written as it is). */
const STRUCTURE = new Set(['programfile:at', 'programfile:indexed', 'programfile:catchment.note']);

describe('program-file message catalogue', () => {
  it('has an English text for every programfile key written in the source', () => {
    const written = writtenKeys();
    expect(written.length).toBeGreaterThan(50);
    expect(written.filter((k) => !KNOWN.has(k))).toEqual([]);
  });

  it('is used whole: real calls produce every key, in the English they gave before', () => {
    const produced = producedMessages();
    const used = new Set(produced.flatMap(([m]) => messageKeys(m)));
    expect([...KNOWN].filter((k) => !used.has(k))).toEqual([]);
    expect(produced.map(([m]) => englishText(m))).toEqual(produced.map(([, english]) => english));
  });
});

describe('program-file messages in the interface', () => {
  afterAll(() => {
    void i18next.changeLanguage('en');
    setFormatLocale('en');
  });

  it('are Spanish in a Spanish interface, with paths and the user’s words as written', () => {
    initI18n('es');
    const listed = validatePrograms([{ ...minimalProgram, id: 'x', launch: '2021-13-01' }]);
    expect(listed.problems.map(messageText)).toEqual([
      'programs[0] (x): launch: debe ser una fecha AAAA-MM-DD',
    ]);
    expect(listed.errors).toEqual(['programs[0] (x): launch: must be a date YYYY-MM-DD']);
    const file = decodePrograms(
      '{"schema":"x"}',
      msg('programfile:file.named', { name: 'mis programas.json' }),
    );
    expect(file.ok ? '' : messageText(file.problems[0]!)).toBe(
      '«mis programas.json»: no es un archivo de programas de CVI Atlas (schema "x"; se esperaba "cvi-atlas-programs/1")',
    );
    const error = new CatchmentError(msg('programfile:catchment.radius', { max: '20000' }));
    expect(error.message).toBe('the radius must be 1 to 20000 metres');
    expect(errorText(error)).toBe('el radio debe estar entre 1 y 20000 metros');
    expect(error).toBeInstanceOf(RangeError);
  });

  it('name a shipped program’s boundary file and note in the registry’s Spanish words', () => {
    initI18n('es');
    const file = readFileSync(join(process.cwd(), 'data/programs/founding-programs.json'), 'utf8');
    const decoded = decodePrograms(file);
    if (!decoded.ok) throw new Error(decoded.errors.join('; '));
    const sos = decoded.programs.find((p) => p.catchment.type === 'boundary' && p.catchment.layerHint)!;
    const hint = (displayProgram(sos, 'es').catchment as { layerHint: string }).layerHint;
    expect(hint).not.toBe((sos.catchment as { layerHint: string }).layerHint);
    const reason = programPlaces(sos, null) as Message;
    expect(messageText(unavailableReason(sos, reason, 'es'))).toBe(
      `esta zona de influencia se define por precinct = 40, 42 de ${hint}; cargue ese archivo de límites`,
    );
    const none = decoded.programs.find((p) => p.catchment.type === 'none')!;
    const note = (displayProgram(none, 'es').catchment as { note: string }).note;
    expect(messageText(unavailableReason(none, programPlaces(none, null) as Message, 'es'))).toBe(note);
    expect(englishText(programPlaces(none, null) as Message)).toBe((none.catchment as { note: string }).note);
  });

  it('leave no key, placeholder or English text when rendered in Spanish', () => {
    initI18n('es');
    const problems: string[] = [];
    for (const [m, english] of producedMessages()) {
      const es = messageText(m);
      if (es.includes('{{') || es.includes('programfile:')) problems.push(`${m.key}: ${es}`);
      if (es === english && !STRUCTURE.has(m.key)) problems.push(`${m.key} is English: ${es}`);
    }
    // Every key alone, with its placeholders filled, reads differently from the English.
    for (const key of KNOWN) {
      if (STRUCTURE.has(key)) continue;
      const values: Record<string, string> = {};
      for (const p of ENGLISH.get(key.slice('programfile:'.length))!.matchAll(/\{\{(\w+)\}\}/g))
        values[p[1]!] = 'X';
      const es = messageText(msg(key, values));
      if (es === englishText(msg(key, values)) || es.includes('{{')) problems.push(`${key}: ${es}`);
    }
    expect(problems).toEqual([]);
  });
});
