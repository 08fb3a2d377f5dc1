/** The validation report of the last import: what loaded, what was rejected and why, downloadable as JSON. */
import { formatCount } from '../../analysis/privacy/count-format';
import type { ImportReport } from '../../data/import-incidents';

export function ReportPanel({ report, onClose }: { report: ImportReport; onClose(): void }) {
  const download = () => {
    const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${report.source.name}.import-report.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <div className="dialog report" role="dialog" aria-labelledby="report-title" data-testid="import-report">
      <h3 id="report-title">Loaded “{report.source.name}”</h3>
      <p>
        {report.presetName}. {formatCount(report.victims, { unit: 'victims' })} in{' '}
        {formatCount(report.incidents, { unit: 'incidents' })}, {report.firstDate} to {report.lastDate}.
        {report.recoveredFromStatePlane > 0 &&
          ` ${formatCount(report.recoveredFromStatePlane)} rows without latitude/longitude were placed from state-plane coordinates.`}
      </p>
      {report.rejectedTotal === 0 ? (
        <p>Every row could be used.</p>
      ) : (
        <>
          <p>{formatCount(report.rejectedTotal)} rows could not be used:</p>
          <table>
            <thead>
              <tr>
                <th>Rows</th>
                <th>Why</th>
                <th>Example lines</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((g) => (
                <tr key={g.reason}>
                  <td>{formatCount(g.count)}</td>
                  <td>{g.label}</td>
                  <td>
                    {g.samples
                      .map(
                        (s) =>
                          `line ${s.sourceRow} (date ${JSON.stringify(s.date)}, lat ${JSON.stringify(s.lat)}, lon ${JSON.stringify(s.lon)})`,
                      )
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <div className="actions">
        <button type="button" onClick={download}>
          Download report (JSON)
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
