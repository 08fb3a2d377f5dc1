/**
 * What a violence-intervention program is to the app: name, model, city, launch, catchment, comparison
 * areas, displacement buffer, notes, sources and published outcomes.
 *
 * A catchment is one of:
 * - `geometry`: a GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude;
 * - `features`: a list of GeoJSON polygon features (their union is the catchment);
 * - `boundary`: feature values of a property of a boundary file the user loads (e.g. NYPD precincts with
 *   `precinct` = 40), resolved when a dataset with such boundaries is active;
 * - `none`: the program has no place to count in (an individual-level program such as Roca, or a city whose
 *   boundaries are not loaded); `note` says why.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { PolygonFeature } from '../geo/point-in-polygons';

/** Program models the registry distinguishes. */
export const PROGRAM_MODELS = [
  'cure-violence',
  'advance-peace',
  'roca',
  'hospital-based',
  'group-violence-intervention',
  'other',
] as const;

/** A program model. */
export type ProgramModel = (typeof PROGRAM_MODELS)[number];

/** Human-readable names of the models. */
export const PROGRAM_MODEL_LABELS: Record<ProgramModel, string> = {
  'cure-violence': 'Cure Violence',
  'advance-peace': 'Advance Peace',
  roca: 'Roca',
  'hospital-based': 'Hospital-based violence intervention',
  'group-violence-intervention': 'Group violence intervention',
  other: 'Other',
};

/** Where a program works, as places the app can count incidents in. */
export type CatchmentSpec =
  | { type: 'geometry'; geometry: Polygon | MultiPolygon }
  | { type: 'features'; features: PolygonFeature[] }
  | {
      type: 'boundary';
      /** Property of the boundary features that identifies them, e.g. `precinct`. */
      property: string;
      /** Values of that property (compared as text). */
      values: string[];
      /** Which boundary file is meant, for the user (e.g. "NYPD police precincts (2019)"). */
      layerHint?: string;
    }
  | { type: 'none'; note: string };

/** Comparison areas: ids of boundary features of the active dataset and/or explicit polygons. */
export interface ComparisonSpec {
  /** Boundary feature values; `property` defaults to the dataset's id property. */
  ids?: string[];
  property?: string;
  /** Explicit comparison polygons, each its own unit; `properties.id` (or `name`) labels it. */
  features?: PolygonFeature[];
}

/** A published source. */
export interface ProgramSource {
  /** Short key referenced by outcomes, e.g. `delgado2017`. */
  id: string;
  /** Full citation. */
  citation: string;
  url?: string;
}

/** One published outcome, with the design it came from so the app can say how it differs. */
export interface PublishedOutcome {
  /** What was measured, e.g. "shooting victimizations". */
  outcome: string;
  /** The figure as published, e.g. "−63%". */
  figure: string;
  /** The figure as a relative change (−0.63) when it is one. */
  relativeChange?: number;
  /** Study design, e.g. "program area vs one matched comparison area, before/after". */
  design?: string;
  /** Unit of analysis, e.g. "neighborhood (NYPD precincts)" or "individual participants". */
  unit?: string;
  /** Time step or window, e.g. "monthly" or "2014-2016". */
  window?: string;
  /** Key of the source in `sources`. */
  source: string;
}

/** A program in the registry. */
export interface Program {
  /** Stable id: lower-case letters, digits and hyphens. */
  id: string;
  name: string;
  model: ProgramModel;
  /** Free text about the model (e.g. "street outreach and conflict mediation"). */
  modelDetail?: string;
  city: string;
  /** Launch date `YYYY-MM-DD` (the first day of the launch month when only month or year is known). */
  launch: string;
  /** Whether only the launch year is documented (the app says so). */
  launchPrecision?: 'day' | 'month' | 'year';
  /** End date `YYYY-MM-DD`, or null/absent while running. */
  end?: string | null;
  catchment: CatchmentSpec;
  comparison?: ComparisonSpec;
  /** Width of the displacement buffer ring around the catchment, metres (0/absent = none). */
  displacementBufferMetres?: number;
  notes?: string;
  sources: ProgramSource[];
  publishedOutcomes: PublishedOutcome[];
  /** True for invented programs (the demo city). */
  synthetic?: boolean;
  /** Where the entry comes from: shipped with the app, the demo city, or the user. */
  origin?: 'founding' | 'demo' | 'user';
}
