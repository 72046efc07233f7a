// The emission tables document (`data/emissions.json`): well-to-wheel greenhouse-gas intensities for
// ISO 14083 / GLEC-style accounting per consignment, kept apart from the network. Electric rail is
// priced by the grid of the country it runs in, diesel rail by its fuel, ferries by size class,
// container ships by lane, trucks per tonne-km, hubs per TEU handled.
import type { Mode, ProvenanceSpec, SourceSpec } from '../network/types.js';

/** The units an intensity is quoted per, in the schema's order: per tonne-km of cargo, per TEU-km, per consignment-km. */
export const INTENSITY_UNITS = Object.freeze(['tonne-km', 'teu-km', 'unit-km'] as const);
/** What an intensity is quoted per. */
export type IntensityUnit = (typeof INTENSITY_UNITS)[number];

/** How a rail link is hauled. */
export const TRACTIONS = Object.freeze(['electric', 'diesel'] as const);
/** How a rail link is hauled. */
export type Traction = (typeof TRACTIONS)[number];

/** A number with the range it may plausibly take (`low ≤ value ≤ high`). */
export interface Figure {
  readonly value: number;
  readonly range?: readonly [number, number];
}

/** kg CO2e (well-to-wheel) per `per`. */
export interface Intensity {
  readonly kgCo2e: number;
  readonly per: IntensityUnit;
  readonly range?: readonly [number, number];
}

/** A grid's intensity: g CO2e per kWh consumed. */
export interface GridIntensity {
  /** ISO 3166-1 alpha-2; omitted: the default for countries without a row. */
  readonly country?: string;
  readonly gCo2ePerKwh: Figure;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** The share of a country's rail tonne-km hauled electrically (the rest diesel). */
export interface RailElectrification {
  /** Omitted: the default. */
  readonly country?: string;
  readonly electricShare: number;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A rail link whose traction is known (it overrides its country's share). */
export interface RailLinkTraction {
  /** The link's document id (both directions). */
  readonly link: string;
  readonly traction: Traction;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** Road transport by truck. */
export interface RoadIntensity {
  readonly country?: string;
  readonly profiles?: readonly string[];
  readonly intensity: Intensity;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A ferry or ship service on a link: its vessel class (ferry size class, container ship lane) and intensity. */
export interface VesselIntensity {
  readonly link: string;
  readonly vessel: string;
  readonly profiles?: readonly string[];
  readonly intensity: Intensity;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** The default for ferry or sea links without a vessel row. */
export interface WaterDefault {
  readonly mode: Extract<Mode, 'ferry' | 'sea'>;
  readonly vessel: string;
  readonly intensity: Intensity;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** Emissions of handling a TEU at a hub (a mode change, or a container moved between gauges). */
export interface HubIntensity {
  /** Omitted: the default. */
  readonly node?: string;
  readonly kgCo2ePerTeu: Figure;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** Energy use and fuel emissions of rail haulage, per TEU-km. */
export interface RailEnergy {
  /** kWh drawn from the grid per TEU-km by an electric train. */
  readonly electricKwhPerTeuKm: Figure;
  /** kg CO2e well-to-wheel per TEU-km by a diesel train. */
  readonly dieselKgCo2ePerTeuKm: Figure;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** An emission tables document (`transcaspian/emissions@1`). */
export interface EmissionTablesSpec {
  readonly $schema?: string;
  readonly format: 'transcaspian/emissions@1';
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Every intensity is well-to-wheel (ISO 14083: the energy's production and its use). */
  readonly basis: 'well-to-wheel';
  readonly sources?: readonly SourceSpec[];
  readonly railEnergy: RailEnergy;
  readonly electricity: readonly GridIntensity[];
  readonly rail: readonly RailElectrification[];
  readonly railLinks?: readonly RailLinkTraction[];
  readonly road: readonly RoadIntensity[];
  readonly vessels?: readonly VesselIntensity[];
  readonly waterDefaults?: readonly WaterDefault[];
  readonly hubs: readonly HubIntensity[];
}
