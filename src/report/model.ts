// The report's data model: what a report is made of (trips, each a scenario run with a title, and
// the network, measures and package they were run with). The HTML renderer (html/) and the exports
// (export.ts) both read it; neither defines it, so each depends on this file and not on the other.
import type { CorridorChoice } from '../economics/corridor-choice.js';
import type { TripEconomics } from '../economics/trip-economics.js';
import type { MeasurePackage } from '../measures/japan2025.js';
import type { Measure } from '../measures/types.js';
import type { Network } from '../network/network.js';
import type { AlternativeRoute } from '../route/alternatives.js';
import type { Criticality } from '../route/criticality.js';
import type { Scenario } from '../simulate/scenario.js';
import type { Validation } from '../evidence/validation.js';

/** One trip of a report: a scenario's result (`runScenario`), with an optional heading. */
export interface ReportTrip extends Scenario {
  /** A heading or a sentence on why the trip matters (e.g. the main job's `why`). */
  readonly title?: string;
  /** Money, CO2e, the Time/Cost–Distance chart and the appraisal (`tripEconomics`), shown when present. */
  readonly economics?: TripEconomics;
  /** Alternative routes of the trip before the measures (`alternativeRoutes`), shown on one map. */
  readonly alternatives?: readonly AlternativeRoute[];
}

/** What a report shows. */
export interface ReportInput {
  readonly network: Network;
  /** The measures "after" applies, in order (their parameters and sources go in the assumptions). */
  readonly measures: readonly Measure[];
  /** One section per trip, in order. */
  readonly trips: readonly ReportTrip[];
  /** Heading of the report (default: from the package or the network). */
  readonly title?: string;
  /** The package the measures come from (title, announcement date, notes, sources). */
  readonly package?: Pick<MeasurePackage, 'id' | 'title' | 'sources' | 'notes'> & { readonly announced?: string };
  /** How the measures were given to the CLI (`japan2025`, `none`, a file), for the command that reruns a trip. */
  readonly measuresArg?: string;
  /** The network file, when not the shipped dataset. */
  readonly networkFile?: string;
  /**
   * What the maps show: `route` (default) fits each trip's maps to its routes before and after, with
   * the rest of the network around them; `network` fits every map to the whole network.
   */
  readonly mapExtent?: 'route' | 'network';
  /** Which links matter most to the trips (`criticality`): a map coloured by added days and a table. */
  readonly criticality?: Criticality;
  /** The model against published figures (`validation`), shown as a section before the assumptions. */
  readonly validation?: Validation;
  /** A timestamp to print; omitted by default so that the same inputs give the same file. */
  readonly generatedAt?: string;
  /** What the package does to the corridors' shares (`corridorChoice`), shown after the trips when present. */
  readonly corridorChoice?: CorridorChoice;
  /** Sentences on what the report leaves out and why (a network the economics tables do not fit), shown before the assumptions. */
  readonly notes?: readonly string[];
}

/** The profile id of a trip (a profile given as an object shows its id). */
export function profileId(trip: ReportTrip): string {
  const p = trip.options.profile;
  return typeof p === 'string' ? p : p.id;
}
