/**
 * Runs a registry entry of {@link PANEL_PROGRAMS}: reads its panel (a bundled or loaded aggregate file, or
 * the loaded incident table counted per unit) and program table, and evaluates it as a network or as a
 * city against donors. Pure apart from the engine reads; the app and the tests call the same function.
 */
import { type CityEvaluation, evaluateCity } from '../analysis/evaluation/panel/city-evaluation';
import type { CountPanel, ProgramSite } from '../analysis/evaluation/panel/count-panel';
import { evaluateNetwork, type NetworkEvaluation } from '../analysis/evaluation/panel/network-evaluation';
import { msg } from '../analysis/messages/message';
import { MessageError } from '../analysis/messages/message-error';
import type { Connector } from '../data/connector';
import type { TableFile } from '../data/table-files';
import { panelFromFile, panelFromIncidents, programSitesFromFile } from './network-panel';
import type { PanelProgram } from './network-registry';

/** The files a run reads. */
export interface PanelProgramInputs {
  /** Aggregate panel file (CSV or Parquet). */
  panel?: TableFile;
  /** Program table (networks). */
  programs?: TableFile;
  /** A loaded incident table to count per unit instead of a panel file (networks with a unit column). */
  incidentTable?: string;
  /** Counting unit for incident tables. */
  unit?: 'incidents' | 'victims';
}

/** Result of a run. */
export type PanelProgramResult =
  | { kind: 'network'; program: PanelProgram; result: NetworkEvaluation }
  | { kind: 'city'; program: PanelProgram; result: CityEvaluation };

/** A registry entry's data, read and ready for the estimators. */
export interface PanelProgramData {
  panel: CountPanel;
  sites: ProgramSite[] | null;
}

/**
 * Reads a registry entry's panel and program table.
 * @throws RangeError / ImportError naming the missing file or the bad row
 */
export async function readPanelProgram(
  db: Connector,
  program: PanelProgram,
  inputs: PanelProgramInputs,
): Promise<PanelProgramData> {
  const options = {
    step: program.step,
    excludeUnits: program.kind === 'network' ? program.excludeUnits : undefined,
  };
  let panel: CountPanel;
  if (inputs.panel) {
    panel = await panelFromFile(db, inputs.panel, program.panelColumns, options);
  } else if (program.kind === 'network' && program.incidentUnitColumn && inputs.incidentTable) {
    panel = (
      await panelFromIncidents(
        db,
        inputs.incidentTable,
        { column: program.incidentUnitColumn },
        { ...options, unit: inputs.unit ?? 'victims' },
      )
    ).panel;
  } else {
    const incidents = program.kind === 'network' && program.incidentUnitColumn;
    throw new MessageError(
      msg(incidents ? 'failure:network.needsPanelOrIncidents' : 'failure:network.needsPanel', {
        name: program.name,
      }),
    );
  }
  if (program.kind === 'network') {
    if (!inputs.programs)
      throw new MessageError(msg('failure:network.needsProgramTable', { name: program.name }));
    return { panel, sites: await programSitesFromFile(db, inputs.programs, program.programColumns) };
  }
  return { panel, sites: null };
}

/** Runs the estimators of a registry entry on its data. Pure: runs in a Web Worker as in Node. */
export function evaluatePanelProgram(program: PanelProgram, data: PanelProgramData): PanelProgramResult {
  if (program.kind === 'network') {
    return { kind: 'network', program, result: evaluateNetwork(data.panel, data.sites ?? []) };
  }
  return {
    kind: 'city',
    program,
    result: evaluateCity(data.panel, {
      treated: program.treated,
      launch: program.launch,
      outcome: program.outcome,
      demeaned: program.demeaned,
      minPopulation: program.donorMinPopulation,
    }),
  };
}

/** Reads and evaluates a registry entry in one call. */
export async function runPanelProgram(
  db: Connector,
  program: PanelProgram,
  inputs: PanelProgramInputs,
): Promise<PanelProgramResult> {
  return evaluatePanelProgram(program, await readPanelProgram(db, program, inputs));
}
