import { describe, expect, it } from 'vitest';
import { planRecords } from '../../../src/data/stage-delimited-text';

const odd = (line: number, opens: boolean | null = true) => ({ line, opens });

describe('planRecords: which lines form one record', () => {
  it('joins an opening line with the next line of odd quotes', () => {
    expect(planRecords([odd(3), odd(5, false), odd(9), odd(9 + 99, false)], 100)).toEqual({
      ranges: [
        [3, 5],
        [9, 108],
      ],
      runaways: [],
    });
  });

  it('a line that cannot open a record stays alone, and does not close anything', () => {
    expect(planRecords([odd(2, false), odd(4), odd(6, false)], 100)).toEqual({
      ranges: [[4, 6]],
      runaways: [],
    });
  });

  it('a quote not closed within the limit is a runaway; the late line is read afresh and may open a record', () => {
    expect(planRecords([odd(3), odd(103), odd(104, false)], 100)).toEqual({
      ranges: [[103, 104]],
      runaways: [3],
    });
  });

  it('an unreadable line stops a record; an opening line at the end of the file is a runaway', () => {
    expect(planRecords([odd(3), odd(4, null), odd(5, false), odd(8)], 100)).toEqual({
      ranges: [],
      runaways: [3, 8],
    });
  });
});
