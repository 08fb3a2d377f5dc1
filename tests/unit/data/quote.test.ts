import { describe, expect, it } from 'vitest';
import { arrowRows } from '../../../src/data/rows';
import { quoteIdentifier, quoteList, quoteLiteral } from '../../../src/data/sql/quote';
import { sharedEngine } from '../../support/engine';

const HOSTILE = [
  'plain',
  'with space',
  'quote"inside',
  "apostrophe's",
  'semi; DROP TABLE incidents; --',
  '"; DROP TABLE x; --',
  "'); DROP TABLE x; --",
  '<script>alert(1)</script>',
  'ünïcödé 🚓',
  'back\\slash',
];

describe('quoteIdentifier / quoteLiteral', () => {
  it('doubles the quote characters', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(quoteLiteral("a'b")).toBe("'a''b'");
    expect(quoteLiteral(null)).toBe('NULL');
    expect(quoteLiteral(true)).toBe('TRUE');
    expect(quoteLiteral(3.5)).toBe('3.5');
    expect(quoteList([])).toBe('(NULL)');
  });

  it('rejects values that cannot be written safely', () => {
    expect(() => quoteIdentifier('')).toThrow(TypeError);
    expect(() => quoteIdentifier('a\u0000b')).toThrow(TypeError);
    expect(() => quoteLiteral(Number.NaN)).toThrow(RangeError);
    expect(() => quoteLiteral(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('round-trips hostile names and values through a real DuckDB unchanged', async () => {
    const db = await sharedEngine();
    for (const name of HOSTILE) {
      await db.query(`CREATE OR REPLACE TABLE ${quoteIdentifier(name)} (${quoteIdentifier(name)} VARCHAR)`);
      await db.query(`INSERT INTO ${quoteIdentifier(name)} VALUES (${quoteLiteral(name)})`);
      const rows = arrowRows(
        await db.query(`SELECT ${quoteIdentifier(name)} AS v FROM ${quoteIdentifier(name)}`),
      );
      expect(rows).toEqual([{ v: name }]);
      await db.query(`DROP TABLE ${quoteIdentifier(name)}`);
    }
  });

  it('binds prepared parameters', async () => {
    const db = await sharedEngine();
    const rows = arrowRows(await db.query('SELECT ? AS a, ? AS b', ["x'); DROP TABLE t; --", 7]));
    expect(rows).toEqual([{ a: "x'); DROP TABLE t; --", b: 7 }]);
  });
});
