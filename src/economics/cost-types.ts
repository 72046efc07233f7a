// The cost tables document (`data/costs.json`): what moving a consignment costs in money, kept apart
// from the network so that tariffs can be edited, sourced and swapped without touching the corridor.
// Money is USD of the table's `priceYear`; a consignment is one unit of a profile (a container on a
// block train, a wagon, a truck), whose size (`teu`, `cargoTonnes`) the profile gives.
import type { Mode, ProvenanceSpec, SourceSpec, StageWhen } from '../network/types.js';

/** The categories money is broken down by, in display order. */
export const COST_CATEGORIES = Object.freeze(['line-haul', 'border', 'handling', 'sailing', 'equipment'] as const);
/**
 * What a charge pays for: `line-haul` (rail and road tariffs per km), `border` (border-crossing and
 * gauge-change charges), `handling` (port and terminal handling), `sailing` (ferry and feeder
 * tariffs), `equipment` (charges per hour in transit: container, wagon or truck hire, demurrage).
 */
export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The units an amount can be quoted per, in the schema's order. */
export const CHARGE_UNITS = Object.freeze(['teu', 'feu', 'tonne', 'unit'] as const);
/**
 * What an amount is quoted per: a TEU, an FEU (2 TEU), a tonne of cargo, or one `unit` — the
 * consignment itself: the container on a block train, the wagon, the truck.
 */
export type ChargeUnit = (typeof CHARGE_UNITS)[number];

/** An amount of money per unit, with the range it may plausibly take. */
export interface Amount {
  readonly usd: number;
  readonly per: ChargeUnit;
  /**
   * `[low, high]` USD per the same unit, `low ≤ usd ≤ high`: the plausible range (a sea rate's
   * spread by month, an estimate's uncertainty). Omitted: the figure is taken as exact.
   */
  readonly range?: readonly [number, number];
}

/** A line-haul tariff per km: for a mode, optionally one country and some profiles. */
export interface LineHaulRate {
  readonly mode: Mode;
  /** The country (or body of water) the link's time counts to; omitted: the default for the mode. */
  readonly country?: string;
  /** Only these profiles (omitted: every profile). */
  readonly profiles?: readonly string[];
  /** USD per km per `per` (e.g. `{ usd: 0.1, per: 'feu' }` is 0.1 USD per FEU-km). */
  readonly usdPerKm: Amount;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/**
 * A charge at a node, paid when a consignment passes through it arriving or departing by one of
 * `modes` (the rules of a stage: `when` restricts it to mode changes or through traffic).
 */
export interface NodeCharge {
  /** Unique within its node. */
  readonly id: string;
  readonly node: string;
  readonly name: string;
  readonly category: CostCategory;
  /** ISO 3166-1 alpha-2 code of the country that levies it. */
  readonly country: string;
  readonly modes: readonly Mode[];
  readonly when?: StageWhen;
  readonly profiles?: readonly string[];
  readonly amount: Amount;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** The tariff of a ferry or sea service, per link (a document id: both directions of a bidirectional link). */
export interface ServiceTariff {
  readonly link: string;
  readonly profiles?: readonly string[];
  readonly amount: Amount;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/**
 * A charge per hour in transit (container or wagon hire, truck detention): it follows the
 * consignment's time, so Monte Carlo gives it a distribution. Counted to the country the time is
 * spent in, category `equipment`.
 */
export interface TimeCharge {
  readonly id: string;
  readonly name: string;
  readonly profiles?: readonly string[];
  /** USD per hour per `per`. */
  readonly usdPerHour: Amount;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A trip whose all-in cost the tables are fitted to, with the published band and how it was fitted. */
export interface CostFit {
  readonly id: string;
  readonly title: string;
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly avoidCountries?: readonly string[];
  /** The published band, USD per `per`, for the trip's money on its expected-time route. */
  readonly band: { readonly low: number; readonly high: number; readonly per: ChargeUnit };
  /** Which figures were set to land in the band, and why those. */
  readonly how: string;
  readonly source?: ProvenanceSpec;
}

/** A cost tables document (`transcaspian/costs@1`). */
export interface CostTablesSpec {
  readonly $schema?: string;
  readonly format: 'transcaspian/costs@1';
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly currency: 'USD';
  /** The year the money is priced in. */
  readonly priceYear: number;
  readonly sources?: readonly SourceSpec[];
  readonly lineHaul: readonly LineHaulRate[];
  readonly nodeCharges?: readonly NodeCharge[];
  readonly services?: readonly ServiceTariff[];
  readonly timeCharges?: readonly TimeCharge[];
  readonly fits?: readonly CostFit[];
}
