/** The validation report of the last import: what loaded, what was rejected and why, downloadable as JSON. */
import { useTranslation } from 'react-i18next';
import { msg } from '../../analysis/messages/message';
import { formatCount, formatDate } from '../../analysis/privacy/count-format';
import type { ImportReport, RejectSample } from '../../data/import-incidents';
import { rejectReasonMessage } from '../../data/schema';
import { messageText } from '../i18n/use-message';

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
          // Presets named in the interface's words; others (the NYPD's) by their source's own name.
          preset: report.presetMessage
            ? messageText(report.presetMessage)
            : t(`preset.${report.preset}`, { defaultValue: report.presetName }),
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
                  <td>{messageText(rejectReasonMessage(g.reason))}</td>
                  <td>{g.samples.map((s) => sampleText(s, t)).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.notes.map((n, i) => {
        // Notes kept from before notes had codes, or added in the interface's words, are shown as they are.
        const coded = report.noteMessages?.[i];
        return (
          <p key={n} className="muted" data-testid="import-note">
            {coded ? messageText(coded) : n}
          </p>
        );
      })}
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

/** One example of a rejected row: a line that could not be split says why, other rows show their values. */
function sampleText(s: RejectSample, t: (key: string, values: Record<string, unknown>) => string): string {
  const detail = s.detailMessage ?? s.detail;
  if (detail !== undefined)
    return messageText(
      msg('data:badLine.sample', { line: String(s.sourceRow), detail, text: (s.text ?? '').slice(0, 80) }),
    );
  return t('example', {
    line: s.sourceRow,
    date: JSON.stringify(s.date),
    lat: JSON.stringify(s.lat),
    lon: JSON.stringify(s.lon),
  });
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
