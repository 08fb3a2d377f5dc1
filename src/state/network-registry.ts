/**
 * The registry of multi-site networks and city-level programs: what each evaluates and where its data
 * comes from. A network is a program with many sites and their own launch dates, evaluated on a unit ×
 * period panel; a city-level program is one treated unit of an aggregate panel of many comparable units.
 * The demo entries carry their own bundled files; the founding programs name the data the user loads.
 */
import type { PanelStep } from '../analysis/evaluation/panel/panel-periods';
import type { SynthOutcome } from '../analysis/evaluation/panel/panel-synthetic-control';
import type { PanelColumns, ProgramColumns } from './network-panel';

/** A program with many sites launched in different periods. */
export interface NetworkProgram {
  kind: 'network';
  id: string;
  name: string;
  city: string;
  description: string;
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
  city: string;
  description: string;
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
    city: 'Demo City',
    description:
      '30 of 60 police beats, launched in 2013, 2017 and 2021; planted effects differ by cohort and grow with time since launch.',
    step: 'year',
    bundled: { panel: 'demoNetworkPanel', programs: 'demoNetworkPrograms' },
    panelColumns: { unit: 'beat', period: 'year', count: 'count' },
    programColumns: { unit: 'beat', start: 'launch', name: 'site' },
  },
  {
    kind: 'city',
    id: 'demo-riverside-bay',
    name: 'Riverside Bay fellowship (synthetic)',
    city: 'Riverside Bay, synthetic state',
    description:
      'One city of a 300-city state panel, launched 2010 with a planted ratio of 0.70; its rates lie above every donor’s.',
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
    city: 'New York City',
    description:
      'Sites in about 28 precincts, launched 2012–2021. Load NYPD shootings and a program table (precinct, launch date); units are NYPD’s own precinct column.',
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
    city: 'Richmond, California',
    description:
      'Launched June 2010. Load a city × year panel of California cities (city, year, count, population), e.g. from state crime statistics.',
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
