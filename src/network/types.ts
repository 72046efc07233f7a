// The network document format: what a planner writes in `data/*.json`. All times are hours, distances
// km, speeds km/h. The zod schema in schema.ts validates exactly these shapes (checked at compile time).

// Each closed vocabulary is written once, as a frozen `as const` array (valibot's `picklist`): its
// type is `(typeof ARRAY)[number]`, and the zod schema, the JSON Schema and the report's legends read
// the same array.

/** All transport modes of a link, in a fixed order (tables, legends). */
export const MODES = Object.freeze(['rail', 'road', 'ferry', 'sea'] as const);
/** Transport mode of a link. `ferry` is roll-on/roll-off (wagons, trucks); `sea` is lift-on/lift-off (containers). */
export type Mode = (typeof MODES)[number];

/** All node kinds, in legend order. */
export const NODE_KINDS = Object.freeze(['terminal', 'border', 'port', 'hub'] as const);
/** Kind of node. */
export type NodeKind = (typeof NODE_KINDS)[number];

/** All categories, in display order. */
export const CATEGORIES = Object.freeze(['moving', 'border', 'customs', 'handling', 'waiting'] as const);
/** Breakdown category of every hour a consignment spends (the Time Release Study view). */
export type Category = (typeof CATEGORIES)[number];

/** All stage kinds. */
export const STAGE_KINDS = Object.freeze([
  'customs',
  'inspection',
  'scan',
  'gauge-change',
  'handling',
  'marshalling',
  'queue',
  'documents',
  'sanitary',
  'traction-change',
] as const);
/**
 * What a stage is. Measures select stages by kind: customs streamlining cuts `customs` (procedural
 * clearance) and the rate of `inspection`; it never touches `queue` (capacity waits).
 */
export type StageKind = (typeof STAGE_KINDS)[number];

/** The values of a stage's `when`, in the schema's order. */
export const STAGE_WHEN_VALUES = Object.freeze(['always', 'transfer', 'through'] as const);
/** When a stage applies: `transfer` only when the arrival and departure modes differ, `through` only when equal. */
export type StageWhen = (typeof STAGE_WHEN_VALUES)[number];

/** The causes of a `queue` stage's wait (`waitCause`), the default first. */
export const WAIT_CAUSES = Object.freeze(['capacity', 'undeclared', 'weather', 'schedule'] as const);
/** What causes a `queue` stage's wait; see `StageSpec.waitCause`. */
export type WaitCause = (typeof WAIT_CAUSES)[number];

/** All kinds of structure on a link. */
export const STRUCTURE_KINDS = Object.freeze(['bridge', 'tunnel', 'pass'] as const);
/** Kind of structure on a link. */
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

/** The confidence grades of a source, highest first. */
export const SOURCE_CONFIDENCES = Object.freeze(['H', 'M', 'L'] as const);
/** H: official statistics; M: news quoting an official; L: secondary or anecdotal. */
export type SourceConfidence = (typeof SOURCE_CONFIDENCES)[number];

/** All distribution types (`Distribution['type']`), in the schema's order. */
export const DISTRIBUTION_TYPES = Object.freeze(['fixed', 'uniform', 'triangular', 'lognormal', 'empirical'] as const);
/** The `type` of a duration distribution. */
export type DistributionType = (typeof DISTRIBUTION_TYPES)[number];

/** Id of a built-in profile. Networks may declare more in `profiles`. */
export type BuiltInProfileId = 'container-rail' | 'wagon' | 'truck';

/** A probability distribution of a duration in hours. */
export type Distribution =
  | { readonly type: 'fixed'; readonly value: number }
  | { readonly type: 'uniform'; readonly min: number; readonly max: number }
  | { readonly type: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  /** Lognormal given by its median and 90th percentile, the form time surveys report. */
  | { readonly type: 'lognormal'; readonly median: number; readonly p90: number }
  /** Resample uniformly from observed values. */
  | { readonly type: 'empirical'; readonly values: readonly number[] };

// Compile-time guarantee that DISTRIBUTION_TYPES names exactly the variants of Distribution.
const _distributionTypesMatch: [Distribution['type']] extends [DistributionType]
  ? [DistributionType] extends [Distribution['type']]
    ? true
    : false
  : false = true;
void _distributionTypesMatch;

/**
 * The plausible range of one figure of the object a provenance sits on: what the evidence (or the
 * estimate's reasoning) allows, not a hard limit. Exactly one form: absolute bounds `min` and `max`
 * in the figure's units (numbers only), or `factor: [low, high]`, the figure times low … high with
 * low ≤ 1 ≤ high (a distribution is scaled whole: every parameter, so its mean and quantiles). The
 * figure must lie inside its range. The two-level simulation draws each figure from its range.
 */
export interface FigureRange {
  /** The figure: a field of the object, dotted for a nested one (`durationHours`, `capacity.teu`). */
  readonly field: string;
  /** Absolute low end, in the figure's units (with `max`). */
  readonly min?: number;
  /** Absolute high end (with `min`). */
  readonly max?: number;
  /** Relative range: the figure times `[low, high]`, 0 < low ≤ 1 ≤ high. */
  readonly factor?: readonly [number, number];
  /** Why this range: the evidence or reasoning behind its ends. */
  readonly reason: string;
}

/** Where a figure comes from: a key into the document's `sources`, or an estimate with its reasoning. */
export type Provenance =
  | { readonly ref: string; readonly note?: string; readonly range?: FigureRange | readonly FigureRange[] }
  /** An estimate; `range` gives the plausible range of each figure it estimates (required of the shipped data). */
  | { readonly estimate: string; readonly range?: FigureRange | readonly FigureRange[] };

/** One source or several (when an object's figures come from more than one). */
export type ProvenanceSpec = Provenance | readonly Provenance[];

/** An entry of the document's sources table. */
export interface SourceSpec {
  /** Key used by `{ "ref": … }`, e.g. `S33`. */
  readonly id: string;
  readonly title: string;
  readonly organisation: string;
  /** Publication year; `null` when the source states none (never guessed). */
  readonly year: number | null;
  readonly url?: string;
  /** H: official statistics; M: news quoting an official; L: secondary or anecdotal. */
  readonly confidence?: SourceConfidence;
  readonly notes?: string;
}

/** A step a consignment goes through at a node (customs, inspection, gauge change, queue…). */
export interface StageSpec {
  /** Unique within its node. */
  readonly id: string;
  readonly name: string;
  readonly kind: StageKind;
  readonly category: Category;
  /** ISO 3166-1 alpha-2 country whose agency or operator performs it (border nodes carry both sides). */
  readonly country: string;
  readonly durationHours: Distribution;
  /** Share of consignments that go through the stage (an inspection rate). Omitted means every one. */
  readonly probability?: number;
  /**
   * The id of another stage at the same node that this one replaces for some units: the two share
   * one random draw per consignment, the named stage taking the first `probability` of it and this
   * one the next, so the two never happen to the same unit and together happen to the units the
   * named stage alone would select at their summed probability. A scan instead of a physical exam:
   * the exam at p × share, the scan at p × (1 − share), instead of the exam at p. The named stage
   * must not itself be `insteadOf` another, nor be named by a second stage, and the two
   * probabilities must sum to at most 1.
   */
  readonly insteadOf?: string;
  /** The stage applies when the consignment arrives or departs by one of these modes. */
  readonly modes: readonly Mode[];
  /** `transfer`: only when the arrival and departure modes differ; `through`: only when equal. Omitted means always. */
  readonly when?: StageWhen;
  /** Restrict to these profiles (omitted: all). */
  readonly profiles?: readonly string[];
  /**
   * Queue model (`simulateFlow`) only: how many parallel servers (tracks, lanes, bays, cranes)
   * perform the stage. A consignment holds one server for the stage's duration; the others queue,
   * first come, first served. Omitted: unlimited servers, i.e. a pure delay with no queue (what
   * Monte Carlo assumes for every stage). A positive integer. Routing and Monte Carlo ignore it.
   */
  readonly servers?: number;
  /**
   * `queue` stages only: what causes the wait. `capacity` (the default): more units than servers,
   * slots or vehicles the network declares (a stage's `servers`, a service's vessels and
   * capacity); the queue model and the congestion model drop the stage, since there the wait
   * emerges from those capacities (counting it too would count it twice). `undeclared`: a capacity
   * the network does not declare (interchange and station tracks, locomotives and crews, acceptance
   * by the next railway, traffic other than the corridor's): no model can compute it, so both keep
   * the surveyed wait as a delay. `weather` and `schedule` (opening days, timetable windows) are not
   * capacity: kept as a delay too. Routing and Monte Carlo ignore it.
   */
  readonly waitCause?: WaitCause;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A place: terminal, border crossing, port or hub. */
export interface NodeSpec {
  readonly id: string;
  readonly name: string;
  /** Other names it is searched by (e.g. `Alat` for the Port of Baku). */
  readonly aliases?: readonly string[];
  readonly kind: NodeKind;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  /** Has refrigerated (reefer) handling or storage. */
  readonly reefer?: boolean;
  readonly stages?: readonly StageSpec[];
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A scheduled or irregular service on a ferry or sea link. Exactly one of `headwayHours`, `departuresPerWeek`. */
export interface ServiceSpec {
  /** Time between departures (its distribution, when departures are irregular). */
  readonly headwayHours?: Distribution;
  /** Regular departures per week (headway 168 / n hours). */
  readonly departuresPerWeek?: number;
  /** Time at sea, berth to berth. */
  readonly sailingHours: Distribution;
  /** Probability that a given departure is cancelled (weather); the consignment waits for the next. */
  readonly cancellationProbability: number;
  /** Capacity of one sailing. */
  readonly capacity?: { readonly wagons?: number; readonly trucks?: number; readonly teu?: number };
  /** Departs as soon as it is full, and at the latest `maxWaitHours` after the previous departure. */
  readonly departWhenFull?: boolean;
  readonly maxWaitHours?: number;
  /**
   * Queue model (`simulateFlow`) only, together with `returnHours`: the vessels serving this
   * direction of the link. The queue model then runs a fleet: each vessel loads at the departure
   * port (sailing when full, or at the latest `maxWaitHours` after the previous departure, with
   * `departWhenFull`; at once otherwise), sails, and is ready to load again `returnHours` after it
   * arrives. Without `vessels`, departures follow the headway (as in Monte Carlo) whatever the
   * demand. A positive integer. Routing and Monte Carlo ignore it.
   */
  readonly vessels?: number;
  /**
   * Queue model only, with `vessels`: hours from a vessel's arrival at the far port until it is
   * ready to load again at the departure port (discharge, return voyage, berthing).
   */
  readonly returnHours?: Distribution;
  readonly operator?: string;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** An asset on a link that can restrict it: a bridge with a weight cap, speed restriction, closures. */
export interface StructureSpec {
  readonly id: string;
  readonly kind: StructureKind;
  readonly name: string;
  readonly builtYear?: number;
  /** Gross-weight cap; a heavier profile must take `overweightDetourHours` or cannot use the link. */
  readonly weightLimitTonnes?: number;
  /** Extra hours for a consignment over the weight cap (detour or transloading). Omitted: impassable. */
  readonly overweightDetourHours?: Distribution;
  /** Length of link over which `speedLimitKmh` applies. */
  readonly restrictedKm?: number;
  readonly speedLimitKmh?: number;
  /** Probability that a given transit finds the structure closed. */
  readonly closureProbability: number;
  /** Delay when closed (wait or detour). Required when `closureProbability` > 0. */
  readonly closureDelayHours?: Distribution;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A directed connection between two nodes (or both directions with `bidirectional`). */
export interface LinkSpec {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly mode: Mode;
  readonly distanceKm: number;
  /** Commercial speed while moving (rail and road; exactly one of `speedKmh`, `durationHours`). */
  readonly speedKmh?: number;
  /** Moving time (rail and road), instead of a speed. */
  readonly durationHours?: Distribution;
  /** Country the link's time counts to, when its ends are in different countries. */
  readonly country?: string;
  /** For ferry and sea links: the body of water sailing time counts to (e.g. `Caspian Sea`). */
  readonly waters?: string;
  /** Only these profiles may use the link (omitted: every profile whose modes include the link's mode). */
  readonly profiles?: readonly string[];
  /** Required on ferry and sea links; forbidden on rail and road. */
  readonly service?: ServiceSpec;
  readonly structures?: readonly StructureSpec[];
  /** Also create the reverse link, with id `<id>:reverse` and the same figures. */
  readonly bidirectional?: boolean;
  readonly name?: string;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** What travels: the modes it may use and its limits. */
export interface ProfileSpec {
  readonly id: string;
  readonly name: string;
  readonly modes: readonly Mode[];
  /** Gross weight, checked against structures' weight caps. */
  readonly grossWeightTonnes?: number;
  /** A perishable's transit-time limit (cold chain). */
  readonly maxHours?: number;
  /**
   * TEU one consignment of the profile carries (a 40' box is 2). Money and emissions are computed
   * per consignment and reported per TEU by dividing by it; tariffs quoted per TEU or FEU scale by it.
   */
  readonly teu?: number;
  /** Net cargo mass of one consignment, tonnes: for tariffs per tonne and emission intensities per tonne-km. */
  readonly cargoTonnes?: number;
  /**
   * Drivers' hours on road legs (AETR): 1, one driver, who stops 0.75 + 11 h per 9 h driven; 2, a
   * two-driver crew, stopped 12 h per 18 h driven. Unset: no rests are counted (trains, or a
   * profile whose road speeds already include them).
   */
  readonly drivers?: 1 | 2;
  readonly notes?: string;
}

/** The size of one consignment in the units ferries and feeders count (`ServiceSpec.capacity`). */
export interface ConsignmentSizeSpec {
  readonly teu?: number;
  readonly wagons?: number;
  readonly trucks?: number;
}

/**
 * One flow of consignments the network carries: where they go, what they are, how many a week at
 * the traffic's reference volume. The queue model sends them through the network; the congestion
 * model routes them the same way to find the load at every capacity-limited place.
 */
export interface TrafficFlowSpec {
  /** Unique among the flows; names the flow in results and keys its random streams. */
  readonly id: string;
  readonly name: string;
  /** Node ids. */
  readonly origin: string;
  readonly destination: string;
  /** A built-in profile or one the document declares. */
  readonly profile: string;
  /** Places the flow's route does not use (countries by ISO code, node and link ids). */
  readonly avoid?: { readonly countries?: readonly string[]; readonly nodes?: readonly string[]; readonly links?: readonly string[] };
  /** Consignments per week at the reference volume (> 0). */
  readonly perWeek: number;
  /**
   * One consignment in the unit of every crossing on its route: `teu` by sea (container feeder),
   * `wagons` by ferry after rail, `trucks` by ferry after road.
   */
  readonly size: ConsignmentSizeSpec;
  /** Whether a volume factor scales the flow (default true); false: background traffic at `perWeek`. */
  readonly scales?: boolean;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** The kinds of an episode's effect (`EpisodeEffect['type']`), in the schema's order. */
export const EPISODE_EFFECTS = Object.freeze(['closure', 'throttle'] as const);
/** How an episode's times are given (`EpisodeOccurrence['type']`), in the schema's order. */
export const EPISODE_OCCURRENCES = Object.freeze(['process', 'windows'] as const);

/** First and last calendar years the library handles (departure windows, episode windows, reference years). */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2199;

/**
 * What an episode does to its place while it lasts: `closure` (nothing passes) or `throttle` (the
 * place works at `capacityShare` of its capacity, 0 < share < 1). Either way the units that arrive
 * meanwhile form a backlog that clears after the episode (see `EpisodeSpec.utilisation`).
 */
export type EpisodeEffect = { readonly type: 'closure' } | { readonly type: 'throttle'; readonly capacityShare: number };

/** A window of whole days, UTC: from the start of `from` to the end of `to` (`YYYY-MM-DD`, `from` ≤ `to`). */
export interface DateWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * A window of whole days repeated every year (`MM-DD`, UTC; 02-29 is not allowed): from the start of
 * `from` to the end of `to`, wrapping into the next year when `to` comes before `from` (`12-20` to `01-10`).
 */
export interface RecurringWindow {
  readonly from: string;
  readonly to: string;
}

/**
 * When an episode happens. `process`: random starts, a Poisson number in each calendar month at
 * `startsPerMonth[month − 1]` a month on average (12 numbers, January first), each uniform within its
 * month, each lasting a draw of `durationHours`. `windows`: fixed calendar windows, given as dates
 * (`windows`) or repeated every year (`recurring`); at least one of the two.
 */
export type EpisodeOccurrence =
  | { readonly type: 'process'; readonly startsPerMonth: readonly number[]; readonly durationHours: Distribution }
  | { readonly type: 'windows'; readonly windows?: readonly DateWindow[]; readonly recurring?: readonly RecurringWindow[] };

/** Where an episode happens: a node (it holds consignments leaving the node's stop) or a link (it holds them before entering the link). */
export type EpisodePlace = { readonly node: string } | { readonly link: string };

/**
 * A disruption episode process: a port closed in storms, a border closed on holidays, a border
 * accepting fewer trains in the grain season. Monte Carlo draws its episodes per run in calendar
 * time; a consignment reaching the place during one waits for its end and for the backlog it left.
 */
export interface EpisodeSpec {
  /** Unique among the document's episodes; the key of its random draws. */
  readonly id: string;
  readonly name: string;
  /**
   * A node: the episode holds consignments leaving the node's stop (after its stages), restricted to
   * passes arriving or departing by one of `modes` when given. A link: it holds consignments before
   * they enter the link; a document id `x` covers both directions of a bidirectional link (and
   * `x:reverse` when a measure splits it into two one-way links), `x:reverse` the reverse one only.
   */
  readonly at: EpisodePlace;
  /** Node episodes only: the modes of arrival or departure it applies to (omitted: every pass). */
  readonly modes?: readonly Mode[];
  readonly effect: EpisodeEffect;
  readonly occurrence: EpisodeOccurrence;
  /**
   * Processes only: its rate follows the corridor state (the document's `correlation`), so that bad
   * months hit every correlated place at once. Requires the document's `correlation`.
   */
  readonly correlated?: boolean;
  /**
   * The place's utilisation ρ (arrivals over capacity, 0 ≤ ρ < 1) at the dataset's reference
   * volume: the backlog an episode leaves grows at ρ (closure) or ρ − share (throttle) per hour of
   * the episode and clears at 1 − ρ afterwards. Omitted: 0, the episode holds consignments until
   * its end and leaves no backlog.
   */
  readonly utilisation?: number;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** The traffic a network carries at its reference volume (volume 1), and what that volume is. */
export interface TrafficSpec {
  /** The year the volume describes. */
  readonly year: number;
  /** One sentence: what the reference volume is. */
  readonly description: string;
  /** Containers a year the flows stand for (what `{ teuPerYear }` volumes divide by). */
  readonly teuPerYear: number;
  /** Corridor cargo a year, tonnes (what `{ tonnesPerYear }` volumes divide by). */
  readonly tonnesPerYear: number;
  readonly flows: readonly TrafficFlowSpec[];
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/**
 * A capacity-limited service as it was in a regime's period: its fleet, the capacity of one vessel,
 * how often it sailed (a factor on the document's headway, so that a measure's change composes).
 */
export interface RegimeServiceSpec {
  /** A link with a `service`. */
  readonly link: string;
  /** Vessels of a fleet (`departWhenFull`) in that period (an integer ≥ 1). */
  readonly vessels?: number;
  /** What one departure carried in that period. */
  readonly capacity?: ConsignmentSizeSpec;
  /** Multiplies the time between departures (> 0; 2: half as many sailings). */
  readonly headwayFactor?: number;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/**
 * A capacity-limited stage as it was in a regime's period: how many servers performed it and how
 * long a consignment held one (a factor on the document's duration, so that a measure's change
 * composes). Fewer servers or a longer hold is less throughput: the congestion model computes the
 * period's wait there from the traffic offered against it.
 */
export interface RegimeStageSpec {
  /** A node of the document. */
  readonly node: string;
  /** A stage of that node with `servers`. */
  readonly stage: string;
  /** Servers in that period (an integer ≥ 1). */
  readonly servers?: number;
  /** Multiplies the stage's duration, the time a consignment holds a server (> 0; 2: half the throughput). */
  readonly durationFactor?: number;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/**
 * The corridor as it was over a period: the traffic offered then (a factor on the reference
 * volume) against the capacity of that time (services, links out of use). With `overload`, the
 * services' capacity held from the period's start until `overload.until` and the document's own
 * came after: a place the period's traffic overloads builds a backlog over that window, which
 * clears afterwards (a fluid backlog, first come first served).
 */
export interface RegimeSpec {
  /** Unique among the regimes; `today` is the document as it is. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Traffic offered in the period, a factor on the traffic's reference volume (> 0, ≤ 100). */
  readonly volume: number;
  /** The period it describes (departures): ISO dates, `to` after `from`. */
  readonly period: { readonly from: string; readonly to: string };
  readonly services?: readonly RegimeServiceSpec[];
  /** Stages' servers and durations in the period. */
  readonly stages?: readonly RegimeStageSpec[];
  /** Links out of use in the period. */
  readonly closedLinks?: readonly { readonly link: string; readonly source?: ProvenanceSpec; readonly notes?: string }[];
  /**
   * The services' and stages' capacity held until `until` (an ISO date within the period), the document's after
   * it. `crossings`: services between the same shores as an overloaded one; a consignment there
   * meets the same backlog (shippers moved to the other crossings until the waits matched), or
   * `share` of it (0 to 1, default 1).
   */
  readonly overload?: {
    readonly until: string;
    readonly crossings?: readonly { readonly link: string; readonly share?: number; readonly source?: ProvenanceSpec; readonly notes?: string }[];
    readonly source?: ProvenanceSpec;
    readonly notes?: string;
  };
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** What a calibration did to a document (`calibrate`): the targets, the parameters and their values. */
export interface CalibrationRecord {
  /** Ids of the validation targets fitted against. */
  readonly against: readonly string[];
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly seed: number;
  readonly runs: number;
  /** Each parameter: what it scales, its bounds and the factor found. */
  readonly parameters: readonly { readonly id: string; readonly scales: string; readonly min: number; readonly max: number; readonly value: number }[];
  /** The objective (Σ squared misses outside the bands, scaled by the bands) before and after. */
  readonly objective: { readonly before: number; readonly after: number };
}

/** The dataset's calendar: the year its figures describe, the default departure window of a simulation. */
export interface CalendarSpec {
  /** A year from 1970 to 2199. */
  readonly referenceYear: number;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/**
 * The corridor state that correlates episodes: each calendar month of each run has a factor
 * M = exp(σ z − σ²/2), z standard normal (mean 1), multiplying the start rate of every episode with
 * `correlated: true`.
 */
export interface CorrelationSpec {
  /** σ ≥ 0 of the monthly log-factor (0: no correlation). */
  readonly sigma: number;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A network document. */
export interface NetworkSpec {
  /** Optional pointer to the JSON Schema, for editors; ignored by the library. */
  readonly $schema?: string;
  /** Format marker; `transcaspian/network@1`. */
  readonly format?: 'transcaspian/network@1';
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly sources?: readonly SourceSpec[];
  readonly profiles?: readonly ProfileSpec[];
  readonly nodes: readonly NodeSpec[];
  readonly links: readonly LinkSpec[];
  /** The traffic it carries (the queue model's flows, the congestion model's load); optional. */
  readonly traffic?: TrafficSpec;
  /** Periods of the corridor's past (or planned) traffic against the capacity of their time; optional, needs `traffic`. */
  readonly regimes?: readonly RegimeSpec[];
  /** Present when the document's figures were calibrated (`calibrate`); each changed figure also cites it. */
  readonly calibration?: CalibrationRecord;
  /** The year the figures describe (the default departure window); required with `episodes`. */
  readonly calendar?: CalendarSpec;
  /** The corridor state behind correlated episodes; required when an episode is `correlated`. */
  readonly correlation?: CorrelationSpec;
  /** Disruption episodes: closures and throttles of nodes and links, by season or on dates. */
  readonly episodes?: readonly EpisodeSpec[];
}
