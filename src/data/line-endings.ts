/**
 * Line numbers as a text editor counts them (CR LF, LF and a lone CR each end one line). The engine agrees
 * when the file's first line ends in CR LF. When it ends in LF (or a lone CR), the engine ends a line at
 * every CR and at every LF, so each CR LF further down ends a line and then an empty one: every engine line
 * number after it is one too high. {@link crLfEmptyLines} finds those empty lines from the bytes.
 */

const CR = 13;
const LF = 10;

/**
 * The engine's numbers of the empty lines it reads between the CR and the LF of each CR LF, in order; none
 * when the first line ends in CR LF (the engine then reads CR LF as one line end). Reads the chunks once.
 */
export async function crLfEmptyLines(chunks: AsyncIterable<Uint8Array>): Promise<number[]> {
  const found: number[] = [];
  let line = 1;
  let afterCr = false;
  let firstEnd: 'pending' | 'cr' | 'done' = 'pending';
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (afterCr) {
        afterCr = false;
        if (firstEnd === 'cr') {
          if (b === LF) return [];
          firstEnd = 'done';
        }
        if (b === LF) {
          found.push(line);
          line++;
          continue;
        }
      }
      if (b === CR) {
        line++;
        afterCr = true;
        if (firstEnd === 'pending') firstEnd = 'cr';
      } else if (b === LF) {
        line++;
        if (firstEnd === 'pending') firstEnd = 'done';
      }
    }
  }
  return found;
}

/** The chunks of a Blob, read as a stream. */
export async function* blobChunks(blob: Blob): AsyncIterable<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
