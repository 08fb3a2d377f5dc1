/**
 * The shipped programs' descriptions in another language. The English registry (founding programs, the demo
 * city's programs) stays the one source of facts and figures; a text overlay gives, per program id, only the
 * words shown to a reader: the model's description, the city, the notes, the catchment's note or layer hint,
 * and each published outcome's outcome, design, unit and window (and its figure when the figure has words,
 * such as "more than 80%"). Names and citations are not in it: they stay as published.
 *
 * An overlay applies only to programs that came with the app (`origin` founding or demo); the user's own or
 * edited programs are the user's text and are shown as written.
 */
import type { Program, PublishedOutcome } from './programs';

/** The words of one published outcome in another language (the outcome's figure stays the registry's). */
export interface OutcomeText {
  outcome?: string;
  /** Only for figures that contain words (e.g. "more than 80%"). */
  figure?: string;
  design?: string;
  unit?: string;
  window?: string;
}

/** The words of one program in another language. */
export interface ProgramText {
  modelDetail?: string;
  city?: string;
  notes?: string;
  catchment?: { layerHint?: string; note?: string };
  /** One entry per published outcome, in the registry's order. */
  publishedOutcomes?: OutcomeText[];
}

/** A registry's text in one language, by program id. */
export interface ProgramTextOverlay {
  schema: 'cvi-atlas-program-text/1';
  language: string;
  /** The registry's `about`, when it has one. */
  about?: string;
  programs: Record<string, ProgramText>;
}

const OUTCOME_FIELDS = ['outcome', 'figure', 'design', 'unit', 'window'] as const;

/** True when a published figure has words to translate (not only digits, signs and symbols). */
export function figureHasWords(figure: string): boolean {
  return /\p{L}/u.test(figure);
}

/**
 * The translatable texts of a program, as path → text: `modelDetail`, `city`, `notes`, `catchment.note`,
 * `catchment.layerHint`, `publishedOutcomes[i].outcome|design|unit|window`, and `.figure` when it has words.
 */
export function programTexts(program: Program): Map<string, string> {
  const out = new Map<string, string>();
  const put = (path: string, text: string | undefined) => {
    if (typeof text === 'string' && text !== '') out.set(path, text);
  };
  put('modelDetail', program.modelDetail);
  put('city', program.city);
  put('notes', program.notes);
  if (program.catchment.type === 'none') put('catchment.note', program.catchment.note);
  if (program.catchment.type === 'boundary') put('catchment.layerHint', program.catchment.layerHint);
  program.publishedOutcomes.forEach((o, i) => {
    for (const f of OUTCOME_FIELDS) {
      if (f === 'figure' && !figureHasWords(o.figure)) continue;
      put(`publishedOutcomes[${i}].${f}`, o[f]);
    }
  });
  return out;
}

/** The texts of an overlay entry, with the same paths as {@link programTexts}. */
export function overlayTexts(text: ProgramText): Map<string, string> {
  const out = new Map<string, string>();
  const put = (path: string, value: unknown) => {
    if (value !== undefined) out.set(path, String(value));
  };
  put('modelDetail', text.modelDetail);
  put('city', text.city);
  put('notes', text.notes);
  put('catchment.note', text.catchment?.note);
  put('catchment.layerHint', text.catchment?.layerHint);
  (text.publishedOutcomes ?? []).forEach((o, i) => {
    for (const f of OUTCOME_FIELDS) put(`publishedOutcomes[${i}].${f}`, o[f]);
  });
  return out;
}

/** The numbers written in a text (digit runs, decimals kept whole), sorted, for comparing translations. */
export function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();
}

/**
 * How an overlay fails to match its registry: programs missing or unknown, texts missing or with no English
 * counterpart, outcome counts that differ, and texts whose numbers differ from the English. Empty when it
 * matches exactly.
 */
export function overlayProblems(programs: readonly Program[], overlay: ProgramTextOverlay): string[] {
  const problems: string[] = [];
  const ids = new Set(programs.map((p) => p.id));
  for (const id of Object.keys(overlay.programs))
    if (!ids.has(id)) problems.push(`${id}: not in the registry`);
  for (const p of programs) {
    const entry = overlay.programs[p.id];
    if (!entry) {
      problems.push(`${p.id}: no translation`);
      continue;
    }
    const count = entry.publishedOutcomes?.length ?? 0;
    if (count !== p.publishedOutcomes.length)
      problems.push(`${p.id}: ${count} outcomes translated, the registry has ${p.publishedOutcomes.length}`);
    const english = programTexts(p);
    const translated = overlayTexts(entry);
    for (const [path, text] of english) {
      const other = translated.get(path);
      if (other === undefined) problems.push(`${p.id}: ${path} not translated`);
      else if (numbersIn(text).join(' ') !== numbersIn(other).join(' '))
        problems.push(`${p.id}: ${path} numbers differ (${numbersIn(text)} vs ${numbersIn(other)})`);
    }
    for (const path of translated.keys())
      if (!english.has(path)) problems.push(`${p.id}: ${path} has no English text`);
  }
  return problems;
}

function localizeOutcome(o: PublishedOutcome, text: OutcomeText | undefined): PublishedOutcome {
  if (!text) return o;
  const out = { ...o };
  if (o.outcome && text.outcome) out.outcome = text.outcome;
  if (figureHasWords(o.figure) && text.figure) out.figure = text.figure;
  if (o.design && text.design) out.design = text.design;
  if (o.unit && text.unit) out.unit = text.unit;
  if (o.window && text.window) out.window = text.window;
  return out;
}

/**
 * The program as shown in the overlay's language: its texts replaced by the overlay's, everything else
 * (names, dates, figures, citations, catchment geometry) unchanged. A program that did not come with the app,
 * has no entry, or whose outcome count differs from the entry's keeps the texts it has.
 */
export function localizeProgram(program: Program, overlay: ProgramTextOverlay | null | undefined): Program {
  if (!overlay || (program.origin !== 'founding' && program.origin !== 'demo')) return program;
  const text = overlay.programs[program.id];
  if (!text) return program;
  const out: Program = { ...program };
  if (program.modelDetail && text.modelDetail) out.modelDetail = text.modelDetail;
  if (text.city) out.city = text.city;
  if (program.notes && text.notes) out.notes = text.notes;
  const c = program.catchment;
  if (c.type === 'none' && text.catchment?.note) out.catchment = { ...c, note: text.catchment.note };
  if (c.type === 'boundary' && c.layerHint && text.catchment?.layerHint)
    out.catchment = { ...c, layerHint: text.catchment.layerHint };
  const outcomes = text.publishedOutcomes ?? [];
  if (outcomes.length === program.publishedOutcomes.length)
    out.publishedOutcomes = program.publishedOutcomes.map((o, i) => localizeOutcome(o, outcomes[i]));
  return out;
}
