/** The validation report of the last import: what loaded, what was rejected and why, downloadable as JSON. */
import { useTranslation } from 'react-i18next';
import { formatCount, formatDate } from '../../analysis/privacy/count-format';
import type { ImportReport } from '../../data/import-incidents';

export function ReportPanel({ report, onClose }: { report: ImportReport; onClose(): void }) {
  const { t } = useTranslation('report');
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
      <h3 id="report-title">{t('loaded', { name: report.source.name })}</h3>
      <p>
        {t('summary', {
          preset: report.presetName,
          victims: formatCount(report.victims, { unit: 'victims' }),
          incidents: formatCount(report.incidents, { unit: 'incidents' }),
          from: safeDate(report.firstDate),
          to: safeDate(report.lastDate),
        })}
        {report.recoveredFromStatePlane > 0 &&
          ` ${t('statePlane', { count: report.recoveredFromStatePlane, rows: formatCount(report.recoveredFromStatePlane) })}`}
      </p>
      {report.rejectedTotal === 0 ? (
        <p>{t('allUsed')}</p>
      ) : (
        <>
          <p>{t('rejected', { count: report.rejectedTotal, rows: formatCount(report.rejectedTotal) })}</p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('rows')}</th>
                <th scope="col">{t('why')}</th>
                <th scope="col">{t('examples')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((g) => (
                <tr key={g.reason}>
                  <td>{formatCount(g.count)}</td>
                  <td>{g.label}</td>
                  <td>
                    {g.samples
                      .map((s) =>
                        t('example', {
                          line: s.sourceRow,
                          date: JSON.stringify(s.date),
                          lat: JSON.stringify(s.lat),
                          lon: JSON.stringify(s.lon),
                        }),
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
          {t('download')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </div>
  );
}

/** A report date in the display language; anything that is not a plain date is shown as it is. */
function safeDate(date: string | null): string {
  if (date === null) return '—';
  try {
    return formatDate(date);
  } catch {
    return date;
  }
}
