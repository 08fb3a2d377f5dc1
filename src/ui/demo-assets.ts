/**
 * Files of the embedded synthetic demo city, served by the app itself (no network needed); its incidents are
 * the archive of `demo-archive.ts`.
 */
import demoNeighborhoodsUrl from '../../data/demo/neighborhoods.geojson?url';
import demoProgramsUrl from '../../data/demo/programs.json?url';

export const DEMO_ASSETS = {
  neighborhoods: demoNeighborhoodsUrl,
  programs: demoProgramsUrl,
} as const;

import demoNetworkPanelUrl from '../../data/demo/network-panel.csv?url';
import demoNetworkProgramsUrl from '../../data/demo/network-programs.csv?url';
import demoStatePanelUrl from '../../data/demo/state-panel.csv?url';

/** The demo's aggregate panels (program network, state panel). */
export const DEMO_PANEL_ASSETS = {
  demoNetworkPanel: demoNetworkPanelUrl,
  demoNetworkPrograms: demoNetworkProgramsUrl,
  demoStatePanel: demoStatePanelUrl,
} as const;
