/** `load`: import a file and report what was loaded and what was rejected. */
import type { CliCommand } from '../command';
import { formatImportReport } from '../format-report';
import { importOptionsFrom, parseCommandArgs, requireString } from '../options';
import { openSession } from '../session';

export const loadCommand: CliCommand = {
  name: 'load',
  usage:
    'load --input FILE [--preset auto|nypd|demo|generic] [--id C --row-id C --date C --time C --lat C --lon C --fatal C] [--date-format F] [--json]',
  async run(argv) {
    const values = parseCommandArgs(argv);
    const session = await openSession(requireString(values, 'input'), importOptionsFrom(values));
    await session.db.close();
    return { json: session.report, text: formatImportReport(session.report), asJson: values.json === true };
  },
};
