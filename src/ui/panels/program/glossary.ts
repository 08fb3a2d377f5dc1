/**
 * The evaluation's terms, for readers who are not statisticians. Each entry lists the spellings it appears
 * under in the panel's (English) text; its name and short explanation in each language are in the
 * `programs` catalogue under `glossary.<id>`.
 */

/** One glossary entry. */
export interface GlossaryEntry {
  /** Key of the entry in the `programs` catalogue (`glossary.<id>.term`, `glossary.<id>.text`). */
  id: string;
  /** The English name, as in the catalogue. */
  term: string;
  /** Spellings matched in running text (case-sensitive, whole words). */
  forms: string[];
}

/** The glossary, in reading order. */
export const GLOSSARY: GlossaryEntry[] = [
  {
    id: 'rateRatio',
    term: 'Rate ratio',
    forms: ['rate ratio'],
  },
  {
    id: 'irr',
    term: 'IRR (incidence rate ratio)',
    forms: ['IRR'],
  },
  {
    id: 'ci',
    term: 'CI (confidence interval)',
    forms: ['95% CI', 'CI'],
  },
  {
    id: 'pValue',
    term: 'p-value',
    forms: ['p-value', 'p ='],
  },
  {
    id: 'prePost',
    term: 'Pre/post',
    forms: ['Pre/post', 'pre/post'],
  },
  {
    id: 'wdd',
    term: 'WDD (weighted displacement difference)',
    forms: ['WDD', 'Weighted displacement difference', 'weighted displacement difference'],
  },
  {
    id: 'its',
    term: 'ITS (interrupted time series)',
    forms: ['ITS', 'interrupted time series'],
  },
  {
    id: 'ljungBox',
    term: 'Ljung-Box test',
    forms: ['Ljung-Box'],
  },
  {
    id: 'did',
    term: 'DiD (difference-in-differences)',
    forms: ['DiD', 'Difference-in-differences', 'difference-in-differences'],
  },
  {
    id: 'preTrend',
    term: 'Pre-trend test',
    forms: ['pre-trend test', 'Pre-trend test'],
  },
  {
    id: 'synth',
    term: 'Synthetic control',
    forms: ['Synthetic control', 'synthetic control'],
  },
  {
    id: 'rmspe',
    term: 'RMSPE',
    forms: ['RMSPE', 'pre-RMSPE'],
  },
  {
    id: 'placebo',
    term: 'Placebo p',
    forms: ['placebo p', 'placebo'],
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
