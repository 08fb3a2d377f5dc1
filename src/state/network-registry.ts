/**
 * The registry of multi-site networks and city-level programs: what each evaluates and where its data
 * comes from. A network is a program with many sites and their own launch dates, evaluated on a unit ×
 * period panel; a city-level program is one treated unit of an aggregate panel of many comparable units.
 * The demo entries carry their own bundled files; the founding programs name the data the user loads.
 * The words a reader sees about each entry (its city and what it evaluates) are in the interface's
 * catalogues, `network.json` → `registry.<id>`, in every language.
 */
import type { PanelStep } from '../analysis/evaluation/panel/panel-periods';
import type { SynthOutcome } from '../analysis/evaluation/panel/panel-synthetic-control';
import type { PanelColumns, ProgramColumns } from './network-panel';

/** A program with many sites launched in different periods. */
export interface NetworkProgram {
  kind: 'network';
  id: string;
  name: string;
  step: PanelStep;
  /** Bundled files (demo), or null when the user loads them. */
  bundled: { panel: 'demoNetworkPanel'; programs: 'demoNetworkPrograms' } | null;
  /** Columns of the aggregate panel and of the program table. */
  panelColumns: PanelColumns;
  programColumns: ProgramColumns;
  /** When units come from the loaded incident data instead of a panel file. */
  incidentUnitColumn?: string;
  excludeUnits?: string[];
}

/** One city (or district) evaluated against many donors from an aggregate panel. */
export interface CityProgram {
  kind: 'city';
  id: string;
  name: string;
  treated: string;
  launch: string;
  step: PanelStep;
  bundled: { panel: 'demoStatePanel' } | null;
  panelColumns: PanelColumns;
  outcome: SynthOutcome;
  demeaned: boolean;
  donorMinPopulation?: number;
}

/** A registry entry. */
export type PanelProgram = NetworkProgram | CityProgram;

/** The registry. */
export const PANEL_PROGRAMS: readonly PanelProgram[] = [
  {
    kind: 'network',
    id: 'demo-network',
    name: 'Demo City interruption network (synthetic)',
    step: 'year',
    bundled: { panel: 'demoNetworkPanel', programs: 'demoNetworkPrograms' },
    panelColumns: { unit: 'beat', period: 'year', count: 'count' },
    programColumns: { unit: 'beat', start: 'launch', name: 'site' },
  },
  {
    kind: 'city',
    id: 'demo-riverside-bay',
    name: 'Riverside Bay fellowship (synthetic)',
    treated: 'Riverside Bay',
    launch: '2010-01-01',
    step: 'year',
    bundled: { panel: 'demoStatePanel' },
    panelColumns: { unit: 'city', period: 'year', count: 'count', population: 'population' },
    outcome: 'log',
    demeaned: true,
    donorMinPopulation: 50_000,
  },
  {
    kind: 'network',
    id: 'cure-violence-new-york',
    name: 'Cure Violence New York (Crisis Management System)',
    step: 'year',
    bundled: null,
    panelColumns: { unit: 'unit', period: 'period', count: 'count' },
    programColumns: { unit: 'precinct', start: 'launch', name: 'name' },
    incidentUnitColumn: 'precinct',
    excludeUnits: ['22'],
  },
  {
    kind: 'city',
    id: 'advance-peace-richmond',
    name: 'Advance Peace Richmond (Peacemaker Fellowship)',
    treated: 'Richmond',
    launch: '2010-06-01',
    step: 'year',
    bundled: null,
    panelColumns: { unit: 'city', period: 'year', count: 'count', population: 'population' },
    outcome: 'log',
    demeaned: true,
    donorMinPopulation: 50_000,
  },
];
