/**
 * Where the program registry comes from besides the user's own programs: the founding programs shipped
 * with the app and, for the demo city, its synthetic programs (fetched once).
 */
import foundingFile from '../../../../data/programs/founding-programs.json';
import { msg } from '../../../analysis/messages/message';
import { decodePrograms, type Program, programsFromDemo } from '../../../state/programs';
import { DEMO_ASSETS } from '../../demo-assets';

/** The founding programs (empty when the shipped file does not validate). */
export const FOUNDING_PROGRAMS: Program[] = (() => {
  const decoded = decodePrograms(JSON.stringify(foundingFile), msg('programfile:file.founding'));
  return decoded.ok ? decoded.programs : [];
})();

let demoCache: Promise<Program[]> | null = null;

/** The demo city's synthetic programs, fetched once per page. */
export function demoPrograms(): Promise<Program[]> {
  demoCache ??= fetch(DEMO_ASSETS.programs)
    .then((r) => r.json())
    .then(programsFromDemo);
  return demoCache;
}
