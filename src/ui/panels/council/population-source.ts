import type { TFunction } from 'i18next';
import type { PopulationSource } from '../../../state/datasets';

/** Where a boundary set's residents came from, in the reader's language (written when shown, not stored). */
export function populationSourceText(source: PopulationSource, t: TFunction<'council'>): string {
  return source.kind === 'property'
    ? t('sourceProperty', { property: source.property })
    : t('sourceCsv', {
        file: source.file,
        idColumn: source.idColumn,
        areaProperty: source.areaProperty,
        valueColumn: source.valueColumn,
      });
}
