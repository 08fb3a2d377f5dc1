/** The planner's backtest: mean hit rate and PAI per method and area share, with weekly spread and findings. */
import { formatDecimal, formatShare } from '../../../analysis/privacy/count-format';
import type { PlannerReply } from '../../planner.worker';

/** Backtest results as a table. */
export function BacktestTable({
  reply,
}: {
  reply: Extract<PlannerReply, { kind: 'backtest' }> & { from: string; to: string };
}) {
  const r = reply.result;
  return (
    <div data-testid="planner-backtest-result">
      <h3>Backtest</h3>
      <p className="small muted">
        {r.weeks.length} weeks from {reply.from} to {reply.to}, {r.cells} cells; each week ranked with earlier
        data only. {reply.statement ? `Hot now rests on ${reply.statement}.` : r.hotNowNote}
      </p>
      <table className="small">
        <thead>
          <tr>
            <th>method</th>
            {r.shares.map((s) => (
              <th key={s}>top {formatShare(s, 0)}: hit (sd) · PAI</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r.methods.map((m) => (
            <tr key={m.method}>
              <td>{m.label}</td>
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
        {r.findings.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
    </div>
  );
}
