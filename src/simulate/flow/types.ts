// The shapes of the queue model (DESIGN §8): flows of consignments, options, and results per flow,
// per server and for a sweep of volumes.
import type { Measure } from '../../measures/types.js';
import type { ProfileSpec, ProvenanceSpec, StageKind } from '../../network/types.js';
import type { Summary } from '../../stats/summary.js';
import type { Interval } from '../../stats/interval.js';
import type { Avoid } from '../../route/expand.js';
import type { CategoryHours } from '../../route/breakdown.js';

/**
 * The size of one consignment in the units ferries and feeders count. Which one a crossing uses
 * follows the link: `teu` on a `sea` link (container feeder), `wagons` on a `ferry` link reached by
 * rail (rail ferry), `trucks` on a `ferry` link reached by road (ro-ro).
 */
export interface ConsignmentSize {
  readonly teu?: number;
  readonly wagons?: number;
  readonly trucks?: number;
}

/** One flow of consignments: where they go, what they are, how many arrive per week at volume 1. */
export interface FlowSpec {
  /** Unique among the flows; names the flow in results and keys its random streams. */
  readonly id: string;
  readonly name: string;
  /** Node id, name or alias. */
  readonly origin: string;
  readonly destination: string;
  /** A built-in profile (`container-rail`, `wagon`, `truck`), one the network declares, or a profile object. */
  readonly profile: string | ProfileSpec;
  /** Places the route must not use (as in `fastestRoute`). */
  readonly avoid?: Avoid;
  /** Consignments per week at volume 1 (the reference volume). Arrivals are Poisson at `perWeek × volume`. */
  readonly perWeek: number;
  /** Size of one consignment, in the unit of every ferry or feeder its route crosses. */
  readonly size: ConsignmentSize;
  /**
   * Whether `volume` scales the flow (default `true`). `false` holds it at `perWeek`: background
   * traffic that shares servers with the corridor (e.g. Kazakh exports on the Kuryk ferries).
   */
  readonly scales?: boolean;
  /** Where `perWeek` and `size` come from. */
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** What volume 1 stands for on a network: its document's `traffic` reference. */
export interface TodayVolume {
  /** The year the figures describe. */
  readonly year: number;
  /** One sentence: what the reference volume is and where the figures come from. */
  readonly description: string;
  /** Containers a year the flows stand for. */
  readonly teuPerYear: number;
  /** Corridor cargo a year, tonnes. */
  readonly tonnesPerYear: number;
  readonly source?: ProvenanceSpec;
}

/** Options of `simulateFlow`. */
export interface FlowOptions {
  /** Volume relative to the network's reference volume (1 = its reference year; 3 ≈ the World Bank's 2030 target on the shipped network). A number > 0 and ≤ 100. */
  readonly volume: number;
  /** Weeks measured after the warm-up, an integer from 1 to 1,040. */
  readonly weeks: number;
  /** Seed, an integer from 0 to 2^53 − 1. Same seed and inputs, identical results. */
  readonly seed: number;
  /** Weeks simulated first and discarded (the system starts empty), an integer from 0 to 520. Default 8. */
  readonly warmupWeeks?: number;
  /** Independent replications (streams keyed by seed and replication index), 1 to 1,000. Default 5. */
  readonly replications?: number;
  /** Measures applied to the network first (in order, as `applyMeasures`). */
  readonly measures?: readonly Measure[];
  /**
   * The flows. Default: the network's own (its document's `traffic.flows`; the shipped network's are
   * the Middle Corridor's traffic of its reference year). Required for a network without traffic.
   */
  readonly flows?: readonly FlowSpec[];
  /**
   * Events one replication may handle, an integer from 1,000 to 10^9. Default `FLOW_EVENT_BUDGET`
   * (20 million, about 15 s). A run expected to need more is refused before it starts, one that
   * needs more than expected is stopped: `InvalidArgumentError` naming the field that asks for them.
   */
  readonly eventBudget?: number;
}

/** Where a consignment's hours go, by kind of time. The five add up to the transit time. */
export interface TimeKindHours {
  /** Travelling a link or sailing. */
  readonly moving: number;
  /** Stage service (customs, inspection, gauge change, handling…), at a server or not. */
  readonly service: number;
  /** Waiting for a free server (a stage with `servers`). */
  readonly queue: number;
  /** Waiting for a departure or for space on a ferry or feeder (cancellations included). */
  readonly departureWait: number;
  /** Waits kept from the network that are not capacity: weather, opening days, timetable windows, closures. */
  readonly otherWait: number;
}

/** Mean hours per consignment, by kind of time and by category. */
export interface FlowBreakdown {
  readonly byKind: TimeKindHours;
  readonly byCategory: CategoryHours;
}

/** A `queue` stage of today that the queue model drops, its wait emerging from capacities instead. */
export interface ReplacedQueue {
  readonly nodeId: string;
  readonly stageId: string;
  readonly label: string;
  /** Its expected hours in Monte Carlo (probability × mean), the offset the comparison must allow for. */
  readonly expectedHours: number;
}

/** Results for one flow. Means are over replications; distributions pool every replication. */
export interface FlowReport {
  readonly id: string;
  readonly name: string;
  readonly profile: string;
  readonly origin: string;
  readonly destination: string;
  /** Consignments per week offered at this volume (the arrival rate). */
  readonly perWeek: number;
  readonly size: ConsignmentSize;
  /** The route from `fastestRoute` (expected times, today's waits included); `null`: no route, nothing sent. */
  readonly route: { readonly nodes: readonly string[]; readonly links: readonly string[]; readonly expectedHours: number } | null;
  readonly replacedQueues: readonly ReplacedQueue[];
  /** Σ `replacedQueues` expected hours. */
  readonly replacedQueueHours: number;
  /** Consignments arriving per week in the measured window. */
  readonly offeredPerWeek: number;
  /** Consignments delivered per week in the measured window (whenever they arrived). */
  readonly deliveredPerWeek: number;
  /** Ids of the unstable places (utilisation from rates ≥ 1) on its route, in route order. */
  readonly unstableAt: readonly string[];
  /**
   * Transit hours of consignments that arrived in the measured window and were delivered by its
   * end; `null` when none was, or when the route passes an unstable place (`unstableAt`: times
   * there only grow with the run's length). Under saturation the undelivered are left out, so this
   * understates: read `backlog`.
   */
  readonly transit: Summary | null;
  /**
   * Mean transit hours with a 95% interval across replications (Student t; `low` and `high` null with
   * one replication delivering); `null` when nothing was delivered (no route, no capacity) or when
   * `unstableAt` is not empty.
   */
  readonly meanHours: Interval | null;
  readonly breakdown: FlowBreakdown;
  /** Consignments of the flow in the system at the end (mean over replications). */
  readonly backlog: number;
}

/** Results for one server: a stage with `servers`, or a ferry/feeder service. */
export interface ServerReport {
  /** `stage|<node>|<stage>` or `service|<link>`. */
  readonly id: string;
  readonly kind: 'stage' | 'service';
  readonly label: string;
  readonly nodeId?: string;
  readonly stageId?: string;
  readonly stageKind?: StageKind;
  readonly linkId?: string;
  /** Service of a ferry or feeder: `fleet` (vessels circulate) or `schedule` (departures follow the headway). */
  readonly serviceMode?: 'fleet' | 'schedule';
  /** Parallel servers of a stage, vessels of a fleet; `null` for a scheduled service. */
  readonly servers: number | null;
  /** Mean service hours (stage duration; for a service, the sailing). */
  readonly meanServiceHours: number;
  /**
   * What it can handle per week when busy all the time: stages `servers × 168 / mean hours`
   * consignments; services vessel loads (`unitCapacity` gives a load in units); `null` when unlimited.
   */
  readonly capacityPerWeek: number | null;
  /** `consignments` (stages) or `vessel loads` (services). */
  readonly capacityUnit: 'consignments' | 'vessel loads';
  /** A service's capacity per sailing (from the network), units it does not list being unlimited. */
  readonly unitCapacity?: { readonly teu?: number; readonly wagons?: number; readonly trucks?: number };
  /** Flow ids that use it. */
  readonly flows: readonly string[];
  /** Jobs arriving per week in the measured window (consignments; an inspection counts only those selected). */
  readonly arrivalsPerWeek: number;
  /**
   * Offered load ρ: work arriving over work it can do (stages λ·E[S]/c; services vessel loads
   * arriving over vessel loads it can carry). 1 or more: it cannot keep up. `null` for a service
   * that offered no capacity in the window (no sailing left).
   */
  readonly offeredLoad: number | null;
  /**
   * Share of capacity in use. Stages: busy server-hours over available server-hours. Services:
   * vessel loads carried over vessel loads offered — the sailings that left (schedule: the headway
   * sets them whatever the demand) or `capacityPerWeek × weeks` (fleet: vessels wait for cargo).
   * A mean over replications with its 95% interval; a service can show slightly above 1 by chance.
   */
  readonly utilisation: Interval;
  /**
   * Utilisation from the flows' rates and the capacity, not measured: λ E[S] / c for a stage;
   * for a service, vessel shares arriving over the shares it carries (a schedule one load per
   * departure that sails, a fleet its loads per week). The congestion model's figure.
   */
  readonly utilisationFromRates: number;
  /**
   * `utilisationFromRates` ≥ 1: the queue grows without bound. Its mean and p95 wait are then
   * null, and the flows through it have no transit figures: what a run measures only grows with
   * the run's length.
   */
  readonly unstable: boolean;
  /**
   * Mean hours from joining the queue to starting service (stages) or to the departure of the last
   * part (services), with its interval across replications; `null` when nothing waited, or when
   * unstable.
   */
  readonly meanWaitHours: Interval | null;
  /** 95th percentile of those waits, pooled over replications; `null` when there were none, or when unstable. */
  readonly p95WaitHours: number | null;
  /** Time-average number of consignments waiting (not in service; for services, not yet sailed). */
  readonly meanQueue: Interval;
  /** Longest queue seen in the measured window, any replication. */
  readonly maxQueue: number;
  /** Consignments waiting at the end (mean over replications). */
  readonly queueAtEnd: number;
  /** Least-squares slope of the weekly queue length, consignments per week, with its 95% interval. */
  readonly queueGrowthPerWeek: Interval;
  /**
   * It cannot keep up: offered load ≥ 1, utilisation ≥ 0.98, or a growing queue (growth over the
   * window larger than the mean queue and than one consignment, and, with several replications,
   * an interval above zero).
   */
  readonly saturated: boolean;
  /** Services: sailings and cancellations per week, and the mean load of a sailing (share of a vessel). */
  readonly sailings?: { readonly perWeek: number; readonly cancelledPerWeek: number; readonly meanLoad: number };
}

/** Consignments in the system at the end of a replication, and the conservation check. */
export interface FlowBalance {
  /** Consignments generated (warm-up included). */
  readonly generated: number;
  readonly delivered: number;
  /** In a queue: for a server, or for a departure (loaded on a vessel still in port included). */
  readonly waiting: number;
  /** Being served at a server. */
  readonly inService: number;
  /** Travelling, sailing, or in a stage without servers. */
  readonly moving: number;
}

/** The result of `simulateFlow`. */
export interface FlowResult {
  readonly network: string;
  readonly volume: number;
  readonly weeks: number;
  readonly warmupWeeks: number;
  readonly replications: number;
  readonly seed: number;
  /** Ids of the measures applied. */
  readonly measures: readonly string[];
  /** How consignments arrive: a Poisson process per flow. */
  readonly arrivalProcess: 'poisson';
  /** What `volume: 1` is: the network's traffic reference; null when the network declares no traffic. */
  readonly today: TodayVolume | null;
  readonly flows: readonly FlowReport[];
  readonly servers: readonly ServerReport[];
  /** All flows together; null when a place is unstable (`unstable`). */
  readonly transit: Summary | null;
  /** As a flow's `meanHours`: `null` when nothing was delivered, or when a place is unstable. */
  readonly meanHours: Interval | null;
  readonly breakdown: FlowBreakdown;
  readonly offeredPerWeek: number;
  readonly deliveredPerWeek: number;
  /** Units offered and delivered per week (Σ over flows of consignments × size). */
  readonly units: {
    readonly offeredPerWeek: { readonly teu: number; readonly wagons: number; readonly trucks: number };
    readonly deliveredPerWeek: { readonly teu: number; readonly wagons: number; readonly trucks: number };
  };
  /** In the system at the end, mean over replications. */
  readonly backlog: { readonly total: number; readonly waiting: number; readonly inService: number; readonly moving: number };
  /** Per replication: generated = delivered + waiting + inService + moving. */
  readonly balance: readonly FlowBalance[];
  /** Ids of the servers that cannot keep up (unstable, or measured at or near capacity, or with a growing queue). */
  readonly saturated: readonly string[];
  /** Ids of the places whose utilisation from rates is 1 or more: no stationary wait. */
  readonly unstable: readonly string[];
  /** Events processed, all replications. */
  readonly events: number;
  /** How the model treats the network's figures (what a reader needs to interpret the numbers). */
  readonly notes: readonly string[];
}

/** Options of `volumeSweep`. */
export interface SweepOptions extends Omit<FlowOptions, 'volume' | 'weeks' | 'measures'> {
  /** Volumes relative to today's. Default 1, 1.5, 2, 2.5, 3. */
  readonly factors?: readonly number[];
  /** Weeks measured per run. Default 52. */
  readonly weeks?: number;
  /** When given, every factor is also run with these measures applied. */
  readonly measures?: readonly Measure[];
}

/** One server across the sweep. */
export interface SaturationRow {
  readonly id: string;
  readonly label: string;
  /** The first factor at which it saturates, `null` if it never does, without and with the measures. */
  readonly saturatesAt: { readonly baseline: number | null; readonly withMeasures: number | null };
  /** Utilisation (mean over replications) per factor; `null` at a factor whose run does not use the server. */
  readonly utilisation: { readonly baseline: readonly (number | null)[]; readonly withMeasures: readonly (number | null)[] | null };
  /** Mean wait hours per factor; `null` where nothing waited or the run does not use the server. */
  readonly meanWaitHours: { readonly baseline: readonly (number | null)[]; readonly withMeasures: readonly (number | null)[] | null };
}

/** The result of `volumeSweep`. */
export interface VolumeSweep {
  readonly today: TodayVolume | null;
  readonly factors: readonly number[];
  /** Ids of the measures of the `withMeasures` runs (empty when none were given). */
  readonly measures: readonly string[];
  readonly baseline: readonly FlowResult[];
  readonly withMeasures: readonly FlowResult[] | null;
  /** Every server, those that saturate first at the top. */
  readonly saturation: readonly SaturationRow[];
}
