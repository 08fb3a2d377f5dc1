/**
 * The shipped programs as shown in the interface's language: the registry's English texts, or the Spanish
 * overlays beside the registries (`data/programs/*.es.json`). Facts and figures always come from the English
 * registry; the user's own programs are shown as written.
 */
import demoSpanish from '../../../../data/programs/demo-programs.es.json';
import foundingSpanish from '../../../../data/programs/founding-programs.es.json';
import type { Message } from '../../../analysis/messages/message';
import { localizeProgram, type ProgramTextOverlay } from '../../../state/program-text';
import type { Program } from '../../../state/programs';

/** Overlays by language, then by the program's origin. */
export const PROGRAM_TEXT_OVERLAYS: Record<
  string,
  { founding: ProgramTextOverlay; demo: ProgramTextOverlay }
> = {
  es: {
    founding: foundingSpanish as ProgramTextOverlay,
    demo: demoSpanish as ProgramTextOverlay,
  },
};

/** `program` with its texts in `language` when it came with the app and a translation exists. */
export function displayProgram(program: Program, language: string | undefined): Program {
  const overlays = language ? PROGRAM_TEXT_OVERLAYS[language] : undefined;
  if (!overlays || (program.origin !== 'founding' && program.origin !== 'demo')) return program;
  return localizeProgram(program, overlays[program.origin]);
}

/**
 * Why a program cannot be charted, in `language` where the words are the registry's: a catchment's note is
 * shown translated, and a boundary's layer hint inside the engine's message is replaced by its translation.
 */
export function unavailableText(program: Program, message: string, language: string | undefined): string {
  const shown = displayProgram(program, language);
  if (
    program.catchment.type === 'none' &&
    shown.catchment.type === 'none' &&
    message === program.catchment.note
  )
    return shown.catchment.note;
  if (
    program.catchment.type === 'boundary' &&
    shown.catchment.type === 'boundary' &&
    program.catchment.layerHint &&
    shown.catchment.layerHint
  )
    return message.split(program.catchment.layerHint).join(shown.catchment.layerHint);
  return message;
}

/**
 * Why a program cannot be charted (a message of `programPlaces`), with the registry's words in `language`:
 * a shipped catchment's note, and a boundary's layer hint, replaced by their translations.
 */
export function unavailableReason(program: Program, reason: Message, language: string | undefined): Message {
  const shown = displayProgram(program, language);
  const values = reason.values ?? {};
  if (
    program.catchment.type === 'none' &&
    shown.catchment.type === 'none' &&
    values.note === program.catchment.note
  )
    return { ...reason, values: { ...values, note: shown.catchment.note } };
  if (
    program.catchment.type === 'boundary' &&
    shown.catchment.type === 'boundary' &&
    program.catchment.layerHint &&
    values.layer === program.catchment.layerHint
  )
    return {
      ...reason,
      values: { ...values, layer: shown.catchment.layerHint ?? program.catchment.layerHint },
    };
  return reason;
}
