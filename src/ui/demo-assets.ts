/** Files of the embedded synthetic demo city, served by the app itself (no network needed). */
import demoIncidentsUrl from '../../data/demo/incidents.csv?url';
import demoNeighborhoodsUrl from '../../data/demo/neighborhoods.geojson?url';
import demoProgramsUrl from '../../data/demo/programs.json?url';

export const DEMO_ASSETS = {
  incidents: demoIncidentsUrl,
  neighborhoods: demoNeighborhoodsUrl,
  programs: demoProgramsUrl,
} as const;
