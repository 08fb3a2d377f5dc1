/**
 * The stages an import reports while it runs ("reading", "validating", …, named in English by the data layer)
 * in the interface's language; a stage without a translation is shown as it comes.
 */
import i18next from 'i18next';

/** One import stage in the interface's language. */
export function loadStage(stage: string): string {
  return i18next.t(`datafiles:stage.${stage}`, { defaultValue: stage });
}
