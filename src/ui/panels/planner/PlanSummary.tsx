/** Parts of the planner's result: coverage figures and trend, solver summary, sensitivity table. */
import i18next from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { SensitivityRow } from '../../../analysis/planning/coverage-sensitivity';
import type { CoverageShares } from '../../../analysis/planning/coverage-shares';
import { formatCount, formatDecimal, formatShare } from '../../../analysis/privacy/count-format';
import { Sparkline } from '../../../charts/Sparkline';
import type { PlanResult } from '../../../state/planning-pipeline';

/** Coverage of the registry's catchments: overall, the yearly trend, and the least covered neighborhoods. */
export function CoverageSummary({
  coverage: c,
  from,
  to,
  programs,
  walkMetres,
}: {
  coverage: CoverageShares;
  from: string;
  to: string;
  programs: number;
  walkMetres: number;
}) {
  const worst = c.byGroup
    .filter((g) => g.incidents.total > 0)
    .sort((a, b) => b.incidents.total - b.incidents.inside - (a.incidents.total - a.incidents.inside))
    .slice(0, 6);
  const { t } = useTranslation('planner');
  return (
    <>
      <p className="small" data-testid="planner-coverage">
        <Trans
          t={t}
          i18nKey="coverage"
          values={{
            from,
            to,
            programs,
            incidents: formatShare(c.overall.incidents.insideShare),
            fatal: formatShare(c.overall.fatal.insideShare),
            victims: formatShare(c.overall.victims.insideShare),
            walk: walkMetres,
            nearIncidents: formatShare(c.overall.incidents.nearShare),
            nearFatal: formatShare(c.overall.fatal.nearShare),
          }}
          components={{ b: <b /> }}
        />
      </p>
      {c.byYear.length > 1 && (
        <Sparkline
          values={c.byYear.map((y) => y.incidents.insideShare)}
          labels={c.byYear.map((y) => y.label)}
          references={[]}
          title={t('coverageTrend')}
        />
      )}
      {worst.length > 0 && (
        <details>
          <summary className="small">{t('worstTitle')}</summary>
          <table className="small">
            <thead>
              <tr>
                <th>{t('neighborhood')}</th>
                <th>{t('incidents')}</th>
                <th>{t('inside')}</th>
                <th>{t('within', { walk: walkMetres })}</th>
              </tr>
            </thead>
            <tbody>
              {worst.map((g) => (
                <tr key={g.label}>
                  <td>{g.label}</td>
                  <td>{formatCount(g.incidents.total)}</td>
                  <td>{formatShare(g.incidents.insideShare)}</td>
                  <td>{formatShare(g.incidents.nearShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </>
  );
}

function candidatesText(c: PlanResult['candidates']): string {
  const cells = formatCount(c.count - c.userSites);
  if (c.mode === 'sites') return i18next.t('planner:candidatesSites', { count: formatCount(c.count) });
  if (c.mode === 'cells')
    return i18next.t('planner:candidatesCells', { count: cells, resolution: c.resolution });
  return i18next.t('planner:candidatesBoth', {
    sites: formatCount(c.userSites),
    count: cells,
    resolution: c.resolution,
  });
}

/** How the sites were chosen: greedy share, and the exact optimum and gap when HiGHS ran. */
export function SolverSummary({ plan }: { plan: PlanResult }) {
  const { t } = useTranslation('planner');
  const e = plan.exact;
  return (
    <p className="small muted" data-testid="planner-solver">
      {t('solver', {
        candidates: candidatesText(plan.candidates),
        share: formatShare(plan.greedy.share),
      })}{' '}
      {e === null
        ? plan.caseload
          ? t('solverCaseload', {
              caseload: formatDecimal(plan.caseload.caseload, 0),
              used: plan.caseload.teamsUsed,
              left: plan.caseload.teamsLeft,
            })
          : t('solverOff')
        : e.status === 'optimal'
          ? t('solverOptimal', {
              seconds: formatDecimal(e.millis / 1000, 1),
              objective: formatDecimal(e.objective, 1),
              gap: formatShare(e.gap),
            })
          : e.status === 'time-limit'
            ? t('solverTimeLimit', {
                objective: formatDecimal(e.objective, 1),
                bound: formatDecimal(e.bound, 1),
              })
            : t('solverTooLarge', { pairs: formatCount(e.size.nonzeros) })}
    </p>
  );
}

/** Covered share and stability of the picks over K and radius. */
export function SensitivityTable({ rows }: { rows: SensitivityRow[] }) {
  const { t } = useTranslation('planner');
  return (
    <details>
      <summary className="small">{t('sensitivity')}</summary>
      <table className="small" data-testid="planner-sensitivity">
        <thead>
          <tr>
            <th>{t('radiusHeader')}</th>
            <th>K</th>
            <th>{t('covered')}</th>
            <th>{t('sameAsChosen')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.radiusMetres}-${r.k}`}>
              <td>{t('metres', { value: r.radiusMetres })}</td>
              <td>{r.k}</td>
              <td>{formatShare(r.share)}</td>
              <td>{t('ofTotal', { shown: r.sharedWithBase, total: r.picks.length })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
