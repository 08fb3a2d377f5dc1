/**
 * The emerging hot spot pattern codes and their labels, apart from the analysis itself so that legends and
 * tooltips can name patterns without loading the statistics.
 */

/** Pattern code: 1..8 hot patterns, −1..−8 their cold twins, 0 no pattern. */
export type EmergingPattern = -8 | -7 | -6 | -5 | -4 | -3 | -2 | -1 | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** Label of each pattern code. */
export const EMERGING_PATTERN_LABELS: Readonly<Record<EmergingPattern, string>> = {
  0: 'No pattern detected',
  1: 'New hot spot',
  2: 'Consecutive hot spot',
  3: 'Intensifying hot spot',
  4: 'Persistent hot spot',
  5: 'Diminishing hot spot',
  6: 'Sporadic hot spot',
  7: 'Oscillating hot spot',
  8: 'Historical hot spot',
  [-1]: 'New cold spot',
  [-2]: 'Consecutive cold spot',
  [-3]: 'Intensifying cold spot',
  [-4]: 'Persistent cold spot',
  [-5]: 'Diminishing cold spot',
  [-6]: 'Sporadic cold spot',
  [-7]: 'Oscillating cold spot',
  [-8]: 'Historical cold spot',
};

/** Label of a pattern code, e.g. `emergingPatternLabel(3)` → "Intensifying hot spot". */
export function emergingPatternLabel(code: number): string {
  const label = EMERGING_PATTERN_LABELS[code as EmergingPattern];
  if (label === undefined) throw new RangeError(`Unknown emerging pattern code ${code}.`);
  return label;
}
