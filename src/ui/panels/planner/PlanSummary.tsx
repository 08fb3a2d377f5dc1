/** Parts of the planner's result: coverage figures and trend, solver summary, sensitivity table. */

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
  return (
    <>
      <p className="small" data-testid="planner-coverage">
        Window {from} to {to} (the time brush, else the last 12 months) under the current filters, {programs}{' '}
        program catchments. Inside a catchment: <b>{formatShare(c.overall.incidents.insideShare)}</b> of
        incidents, <b>{formatShare(c.overall.fatal.insideShare)}</b> of fatal incidents,{' '}
        <b>{formatShare(c.overall.victims.insideShare)}</b> of victims; within {walkMetres} m:{' '}
        {formatShare(c.overall.incidents.nearShare)} of incidents, {formatShare(c.overall.fatal.nearShare)} of
        fatal incidents.
      </p>
      {c.byYear.length > 1 && (
        <Sparkline
          values={c.byYear.map((y) => y.incidents.insideShare)}
          labels={c.byYear.map((y) => y.label)}
          references={[]}
          title="Share of incidents inside a catchment, by year"
        />
      )}
      {worst.length > 0 && (
        <details>
          <summary className="small">Neighborhoods with the most uncovered incidents</summary>
          <table className="small">
            <thead>
              <tr>
                <th>neighborhood</th>
                <th>incidents</th>
                <th>inside</th>
                <th>within {walkMetres} m</th>
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
  const cells = c.count - c.userSites;
  if (c.mode === 'sites') return `your ${formatCount(c.count)} placed sites, ties to the first placed`;
  const h3 = `${formatCount(cells)} H3 cell centres (resolution ${c.resolution})`;
  if (c.mode === 'cells') return `${h3}, ties to the lowest H3 index`;
  return `your ${formatCount(c.userSites)} placed sites and ${h3}, ties to your sites`;
}

/** How the sites were chosen: greedy share, and the exact optimum and gap when HiGHS ran. */
export function SolverSummary({ plan }: { plan: PlanResult }) {
  const e = plan.exact;
  return (
    <p className="small muted" data-testid="planner-solver">
      Greedy maximal covering over {candidatesText(plan.candidates)}; the sites cover{' '}
      {formatShare(plan.greedy.share)} of the uncovered weight.{' '}
      {e === null
        ? plan.caseload
          ? `Sized by a caseload of ${formatDecimal(plan.caseload.caseload, 0)} incidents per team per year: ${plan.caseload.teamsUsed} teams used, ${plan.caseload.teamsLeft} left.`
          : 'Exact solve off.'
        : e.status === 'optimal'
          ? `Exact optimum (HiGHS, ${formatDecimal(e.millis / 1000, 1)} s): ${formatDecimal(e.objective, 1)}; greedy is ${formatShare(e.gap)} below it.`
          : e.status === 'time-limit'
            ? `The exact solve stopped at its time cap: best found ${formatDecimal(e.objective, 1)}, the optimum is at most ${formatDecimal(e.bound, 1)}.`
            : `The instance is too large for the exact solve (${formatCount(e.size.nonzeros)} coverage pairs).`}
    </p>
  );
}

/** Covered share and stability of the picks over K and radius. */
export function SensitivityTable({ rows }: { rows: SensitivityRow[] }) {
  return (
    <details>
      <summary className="small">Sensitivity to K and radius</summary>
      <table className="small" data-testid="planner-sensitivity">
        <thead>
          <tr>
            <th>radius</th>
            <th>K</th>
            <th>covered</th>
            <th>same as chosen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.radiusMetres}-${r.k}`}>
              <td>{r.radiusMetres} m</td>
              <td>{r.k}</td>
              <td>{formatShare(r.share)}</td>
              <td>
                {r.sharedWithBase} of {r.picks.length}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
