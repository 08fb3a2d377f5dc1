import { formatPValue } from '../../../analysis/privacy/count-format';
import type { EstimateSummary } from '../../../state/program-evaluation';
import { useMessage } from '../../i18n/use-message';
import { estimateInterval, estimateLabel, estimateValue } from './estimate-format';

/** Every estimate with its 95% CI and p-value, then each design's own one-line reading. */
export function EstimatesTable({ estimates }: { estimates: readonly EstimateSummary[] }) {
  const write = useMessage();
  return (
    <>
      <table className="estimates" data-testid="program-estimates">
        <tbody>
          {estimates.map((e) => (
            <tr key={e.label} title={write(e.message)}>
              <th scope="row">{estimateLabel(e)}</th>
              <td>
                <strong>{estimateValue(e)}</strong>
                <div className="small">{estimateInterval(e)}</div>
                <div className="small muted">{e.pValue === null ? '' : formatPValue(e.pValue)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="readings small">
        {estimates
          .filter((e) => !e.label.startsWith('ITS slope'))
          .map((e) => (
            <li key={e.label}>{write(e.message)}</li>
          ))}
      </ul>
    </>
  );
}
