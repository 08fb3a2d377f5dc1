/**
 * The words of the areas CSV the app downloads, in the interface's language (English keeps the machine names
 * the command line writes, so scripts read both alike). Numbers stay plain in every language.
 */
import i18next from 'i18next';
import { type AggregateCsvLabels, CSV_COLUMNS } from '../../../analysis/rates/area-aggregate';

/** The CSV labels in the active language; `period` writes a period label as the screen does. */
export function csvLabels(period: (label: string) => string): AggregateCsvLabels {
  const t = (key: string) => i18next.t(`council:csv.${key}`);
  return {
    columns: Object.fromEntries(
      CSV_COLUMNS.map((c) => [c, t(`columns.${c}`)]),
    ) as AggregateCsvLabels['columns'],
    yes: t('yes'),
    no: t('no'),
    total: t('total'),
    areaTotal: t('areaTotal'),
    cityTotal: t('cityTotal'),
    allPeriods: t('allPeriods'),
    period,
  };
}
