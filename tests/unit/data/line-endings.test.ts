import { describe, expect, it } from 'vitest';
import { crLfEmptyLines } from '../../../src/data/line-endings';

async function* chunks(text: string, size: number): AsyncIterable<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** The engine's lines of an LF-first file, by hand: every CR and every LF ends a line. */
const cases: [string, string, number[]][] = [
  ['LF only', 'h\na\nb\n', []],
  // engine lines: 1 h, 2 a, 3 b, 4 (empty, inside CR LF), 5 c, 6 (blank), 7 d, 8 e, 9 f, 10 (empty), 11 g
  ['LF first, CR LF and a lone CR later', 'h\na\nb\r\nc\n\nd\re\nf\r\ng\n', [4, 10]],
  ['CR LF first: the engine agrees with an editor', 'h\r\na\nb\r\nc\n', []],
  ['lone CR first, CR LF later', 'h\ra\r\nb\n', [3]],
  ['CR LF as the very last bytes', 'h\na\r\n', [3]],
  ['no line end at all', 'h', []],
];

describe('empty lines the engine reads inside CR LF', () => {
  for (const [name, text, expected] of cases) {
    it(name, async () => {
      // every chunk size, so a CR and its LF fall in different chunks too
      for (const size of [1, 2, 3, 64]) expect(await crLfEmptyLines(chunks(text, size))).toEqual(expected);
    });
  }
});
