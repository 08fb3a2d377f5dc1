/**
 * Short explanations of the evaluation's terms, for readers who are not statisticians. Each entry
 * lists the spellings it appears under in the panel's text.
 */

/** One glossary entry. */
export interface GlossaryEntry {
  term: string;
  /** Spellings matched in running text (case-sensitive, whole words). */
  forms: string[];
  text: string;
}

/** The glossary, in reading order. */
export const GLOSSARY: GlossaryEntry[] = [
  {
    term: 'Rate ratio',
    forms: ['rate ratio'],
    text: 'Events per month after launch divided by events per month before. 1 means no change; 0.70 means 30% fewer.',
  },
  {
    term: 'IRR (incidence rate ratio)',
    forms: ['IRR'],
    text: 'A rate ratio estimated by a count model that also accounts for trend, season or comparison areas. Read it like a rate ratio: below 1 is fewer events.',
  },
  {
    term: 'CI (confidence interval)',
    forms: ['95% CI', 'CI'],
    text: 'The range of effects compatible with the data. If the 95% CI of a ratio includes 1 (or of a difference includes 0), no change is detected.',
  },
  {
    term: 'p-value',
    forms: ['p-value', 'p ='],
    text: 'How surprising the data would be if nothing had changed. Small (below 0.05) means chance alone is an unlikely explanation; it does not measure the size of the effect.',
  },
  {
    term: 'Pre/post',
    forms: ['Pre/post', 'pre/post'],
    text: 'The catchment after launch compared with the catchment before. It cannot tell a program from a citywide change.',
  },
  {
    term: 'WDD (weighted displacement difference)',
    forms: ['WDD', 'Weighted displacement difference', 'weighted displacement difference'],
    text: 'The change in events in the catchment minus the change in the comparison areas (and any displaced to a ring around the catchment), in events, not rates. Negative is fewer events than expected.',
  },
  {
    term: 'ITS (interrupted time series)',
    forms: ['ITS', 'interrupted time series'],
    text: 'A model of the catchment’s monthly counts with their trend and seasons before launch, projected forward as what would have happened without the program (the counterfactual).',
  },
  {
    term: 'Ljung-Box test',
    forms: ['Ljung-Box'],
    text: 'Checks whether what the ITS model leaves unexplained in one month predicts the next. If it does (small p), months are not independent and the intervals are too narrow.',
  },
  {
    term: 'DiD (difference-in-differences)',
    forms: ['DiD', 'Difference-in-differences', 'difference-in-differences'],
    text: 'The catchment’s change from before to after launch relative to the comparison areas’ change over the same time, as a ratio. A change shared with them is not counted.',
  },
  {
    term: 'Pre-trend test',
    forms: ['pre-trend test', 'Pre-trend test'],
    text: 'Checks whether catchment and comparison areas moved in parallel before launch, as the DiD assumes. A small p means they already drifted apart.',
  },
  {
    term: 'Synthetic control',
    forms: ['Synthetic control', 'synthetic control'],
    text: 'A weighted mix of other areas chosen to track the catchment before launch; after launch it stands for what the catchment would have been without the program.',
  },
  {
    term: 'RMSPE',
    forms: ['RMSPE', 'pre-RMSPE'],
    text: 'Root mean squared prediction error: the typical gap between the catchment and its synthetic control before launch. Compared with random noise: near 1× is a good fit.',
  },
  {
    term: 'Placebo p',
    forms: ['placebo p', 'placebo'],
    text: 'Each donor area is treated as if it had the program; the placebo p is the share of areas whose after-launch gap is at least as large as the catchment’s. With few donors it cannot be small.',
  },
];

const FORM_TO_ENTRY = new Map(GLOSSARY.flatMap((e) => e.forms.map((f) => [f, e] as const)));
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const PATTERN = new RegExp(
  `(?<![\\w-])(${[...FORM_TO_ENTRY.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\w-])`,
  'g',
);

/** Splits text into plain pieces and glossary terms (each term with its entry). */
export function splitTerms(text: string): (string | { form: string; entry: GlossaryEntry })[] {
  const out: (string | { form: string; entry: GlossaryEntry })[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ form: m[0], entry: FORM_TO_ENTRY.get(m[0])! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
