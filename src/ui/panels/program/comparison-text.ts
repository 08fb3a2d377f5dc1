/** The comparison paragraph of the evidence card in the interface's language, from its facts. */
import type { TFunction } from 'i18next';
import { formatCi, formatPValue, formatRatio } from '../../../analysis/privacy/count-format';
import type { ComparisonFacts } from '../../../state/program-evaluation';

const MEANING_KEYS: Record<ComparisonFacts['meaning'], string> = {
  'fell-more': 'programs:comparison.fellMore',
  'fared-worse': 'programs:comparison.faredWorse',
  'shared-drop': 'programs:comparison.sharedDrop',
  'no-change': 'programs:comparison.noChange',
};

/** The catchment's own change, its change relative to the comparison units, and what that means. */
export function comparisonText(f: ComparisonFacts, t: TFunction): string {
  const its = f.its !== null ? t('programs:comparison.ownIts', { ratio: formatRatio(f.its) }) : '';
  const own = t('programs:comparison.own', { ratio: formatRatio(f.prePost), its });
  const synth = f.synth
    ? t('programs:comparison.synth', { ratio: formatRatio(f.synth.estimate), p: formatPValue(f.synth.p) })
    : '';
  const relative = t('programs:comparison.relative', {
    count: f.units,
    did: formatRatio(f.did.estimate),
    ci: formatCi(f.did.lower, f.did.upper),
    synth,
  });
  return `${own} ${relative} ${t(MEANING_KEYS[f.meaning])}`;
}
