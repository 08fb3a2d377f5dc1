/** The planner's backtest: mean hit rate and PAI per method and area share, with weekly spread and findings. */

import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDecimal, formatShare } from '../../../analysis/privacy/count-format';
import type { BacktestResult } from '../../../state/planning-backtest';
import { nearRepeatWindowText } from '../../knox-labels';
import type { PlannerReply } from '../../planner.worker';

/**
 * The finding for the top `share` of cells, in the interface's language: which methods beat last year's
 * counts by the weekly paired difference (its 95% interval above zero), as the backtest words it in English.
 */
function finding(r: BacktestResult, s: number, t: TFunction): string {
  const name = (m: BacktestResult['methods'][number]) => t(`methods.${m.method}`, { defaultValue: m.label });
  // Shares as "23.4 %", as the backtest writes them.
  const pct = (v: number) => `${formatDecimal(100 * v, 1)} %`;
  const hit = (m: BacktestResult['methods'][number]) => pct(m.summary[s]!.hitRate.mean);
  const points = (v: number) => formatDecimal(100 * v, 1);
  const counts = r.methods.find((m) => m.method === 'counts-last-year');
  const compared = r.methods.filter((m) => m.versusCounts);
  const parts = compared.map((m) => {
    const d = m.versusCounts![s]!;
    return t('findingPart', {
      method: name(m),
      hit: hit(m),
      verdict: t(d.low > 0 ? 'beats' : d.high < 0 ? 'losesTo' : 'tie'),
      mean: `${d.mean >= 0 ? '+' : ''}${points(d.mean)}`,
      low: points(d.low),
      high: points(d.high),
    });
  });
  const winners = compared.filter((m) => m.versusCounts![s]!.low > 0);
  const countsHit = counts ? hit(counts) : '—';
  const lead =
    winners.length === 0
      ? t('findingSimplest', { hit: countsHit })
      : t('findingWinners', {
          count: winners.length,
          names: winners.map(name).join(t('and')),
          hit: countsHit,
        });
  return t('findingTop', { share: pct(r.shares[s]!), lead, parts: parts.join('; ') });
}

/** Backtest results as a table. */
export function BacktestTable({
  reply,
}: {
  reply: Extract<PlannerReply, { kind: 'backtest' }> & { from: string; to: string };
}) {
  const { t } = useTranslation('planner');
  const r = reply.result;
  return (
    <div data-testid="planner-backtest-result">
      <h3>{t('backtest')}</h3>
      <p className="small muted">
        {t('backtestIntro', { weeks: r.weeks.length, from: reply.from, to: reply.to, cells: r.cells })}{' '}
        {reply.window
          ? t('backtestRests', { statement: nearRepeatWindowText(reply.window, t) })
          : r.hotNowNote
            ? t('backtestNoKnox')
            : ''}
      </p>
      <table className="small">
        <thead>
          <tr>
            <th>{t('method')}</th>
            {r.shares.map((s) => (
              <th key={s}>{t('topShare', { share: formatShare(s, 0) })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.methods.map((m) => (
            <tr key={m.method}>
              <td>{t(`methods.${m.method}`, { defaultValue: m.label })}</td>
              {m.summary.map((s) => (
                <td key={s.share}>
                  {formatShare(s.hitRate.mean)} ({formatShare(s.hitRate.sd)}) · {formatDecimal(s.pai.mean, 1)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="small">
        {r.findings.map((f, s) => (
          <li key={f}>{finding(r, s, t)}</li>
        ))}
      </ul>
    </div>
  );
}
