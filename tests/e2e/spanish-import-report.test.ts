/**
 * End-to-end: with the interface in Spanish, the import report of a malformed CSV is Spanish throughout,
 * including the notes and reasons the importer composes (lines that could not be split, rows without a date,
 * repeated rows, unrecognised values), with the file's own line numbers; and a file that cannot be imported
 * (or a boundary file without polygons) is refused with a Spanish notice. Screenshot in tests/artifacts/spanish-import-report.png.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ARTIFACTS, type E2eContext, openDemo, waitForIdle } from './browser';

/**
 * Line 1 is the header. Line 4 has six fields, line 6 opens a quote that is never closed, line 7 has no date,
 * line 9 repeats line 8 in every column, and line 10's fatal value is not recognised.
 */
const MALFORMED = [
  'id,date,latitude,longitude,fatal',
  '1,2022-01-05,38.95,-95.25,N',
  '2,2022-02-05,38.951,-95.251,Y',
  '3,2022-03-05,38.96,-95.26,N,extra',
  '4,2023-03-05,38.96,-95.26,N',
  '5,"2023-04-05,38.92,-95.30,N',
  '6,,38.94,-95.27,N',
  '7,2023-05-05,38.93,-95.28,N',
  '7,2023-05-05,38.93,-95.28,N',
  '8,2023-06-05,38.93,-95.29,maybe',
].join('\n');

/** The importer's English, which must not reach a Spanish reader. */
const ENGLISH = [
  'fields where the header has',
  'could not be split',
  'quote is not closed',
  'left out',
  'the date is empty',
  'repeat an earlier row',
  'were not recognised',
  'count as unknown',
  'line(s)',
  'row(s)',
  'Generic column mapping',
  'has a single column',
  'expected a delimited file',
];

describe('Spanish import report', { timeout: 600_000 }, () => {
  let ctx: E2eContext;
  before(async () => {
    ctx = await openDemo('/?lang=es');
  });
  after(async () => {
    await ctx?.close();
  });

  it('shows the notes and reasons of a malformed file in Spanish, with its line numbers', async () => {
    const { page } = ctx;
    await page.setInputFiles('[data-testid="incident-file"]', {
      name: 'malformado.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(MALFORMED),
    });
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 60_000 });
    await waitForIdle(page);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
    const text = await report.evaluate((el) => (el as HTMLElement).innerText);
    await report.screenshot({ path: `${ARTIFACTS}/spanish-import-report.png` });

    for (const phrase of ENGLISH) assert.ok(!text.includes(phrase), `English "${phrase}" in: ${text}`);
    for (const phrase of [
      'Se cargó «malformado.csv»',
      'Asignación de columnas genérica',
      '3 filas no se pudieron usar:',
      'la línea no se pudo dividir en las columnas esperadas',
      'la fecha está vacía',
      'línea 4: 6 campos donde el encabezado tiene 5 («3,2022-03-05,38.96,-95.26,N,extra»)',
      'línea 6: unas comillas no se cierran en esta línea ni en las 100 líneas siguientes',
      'línea 7 (fecha ""',
      '2 líneas no se pudieron dividir en columnas y se omitieron: línea 4: 6 campos',
      '1 fila repite una fila anterior en todas las columnas; se cargó como otra fila.',
      '1 valor de la columna de mortalidad no se reconoció (p. ej. "maybe")',
    ])
      assert.ok(text.includes(phrase), `missing "${phrase}" in: ${text}`);
  });

  it('refuses a file that is not incident data with a Spanish notice', async () => {
    const { page } = ctx;
    await page.setInputFiles('[data-testid="incident-file"]', {
      name: 'una-columna.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('solo\n1\n2\n'),
    });
    const notice = page.locator('[data-testid="notice"]', { hasText: 'una-columna.csv' });
    await notice.waitFor({ timeout: 60_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
    const text = await notice.evaluate((el) => (el as HTMLElement).innerText);
    for (const phrase of ENGLISH) assert.ok(!text.includes(phrase), `English "${phrase}" in: ${text}`);
    assert.match(text, /«una-columna\.csv» tiene una sola columna \(«solo»\)/);
    assert.match(text, /Sus datos y vistas no han cambiado\./);
  });

  it('refuses a boundary file without polygons with a Spanish notice', async () => {
    const { page } = ctx;
    const points = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-95.25, 38.95] } },
      ],
    };
    await page.setInputFiles('[data-testid="boundary-file"]', {
      name: 'puntos.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(points)),
    });
    const notice = page.locator('[data-testid="notice"]', { hasText: 'puntos.geojson' });
    await notice.waitFor({ timeout: 60_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees.
    const text = await notice.evaluate((el) => (el as HTMLElement).innerText);
    assert.match(
      text,
      /«puntos\.geojson» no tiene elementos Polygon ni MultiPolygon: los límites deben ser polígonos\. Los límites ya cargados no han cambiado\./,
    );
    assert.ok(!/has no Polygon|boundaries must be/.test(text), text);
  });
});
