/** A command of the command line: it computes a result that is printed as text or as JSON. */
export interface CliCommand {
  name: string;
  usage: string;
  run(argv: string[]): Promise<CliOutput>;
}

/** A command's result: `json` is printed with `--json`, `text` otherwise. */
export interface CliOutput {
  json: unknown;
  text: string;
  /** Set when --json was given. */
  asJson: boolean;
}
