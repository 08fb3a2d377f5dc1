/**
 * `npm run cli -- <command> [options]`: the same engine and statistics as the app, for scripts. Results go
 * to stdout (text, or JSON with `--json`); errors go to stderr with a non-zero exit code.
 */
import { ImportError } from '../data/loaders/sniff';
import type { CliCommand } from './command';
import { aggregateCommand } from './commands/aggregate';
import { backtestCommand } from './commands/backtest';
import { countsCommand } from './commands/counts';
import { emergingCommand } from './commands/emerging';
import { evaluateCommand } from './commands/evaluate';
import { hotspotsCommand } from './commands/hotspots';
import { loadCommand } from './commands/load';
import { nearrepeatCommand } from './commands/nearrepeat';
import { networkCommand } from './commands/network';
import { planCommand } from './commands/plan';
import { publishCommand } from './commands/publish';
import { UsageError } from './options';

const COMMANDS: readonly CliCommand[] = [
  loadCommand,
  countsCommand,
  hotspotsCommand,
  emergingCommand,
  nearrepeatCommand,
  evaluateCommand,
  networkCommand,
  planCommand,
  backtestCommand,
  aggregateCommand,
  publishCommand,
];

function usage(): string {
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
  ].join('\n');
}

/** Runs one command line; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help')) {
    process.stdout.write(`Usage: npm run cli -- ${command.usage}\n`);
    return 0;
  }
  try {
    const out = await command.run(rest);
    process.stdout.write(out.asJson ? `${JSON.stringify(out.json, jsonReplacer, 2)}\n` : `${out.text}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`Error: ${error.message}\nUsage: npm run cli -- ${command.usage}\n`);
      return 2;
    }
    if (error instanceof ImportError || error instanceof RangeError) {
      process.stderr.write(`Error: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Float64Array || value instanceof Int32Array || value instanceof Float32Array)
    return Array.from(value);
  return value;
}

const isEntry =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntry) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
