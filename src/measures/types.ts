// The shape of a measure: a typed, documented, parameterised change to a network document, with
// its scope, its sources and the assumptions behind every default (DESIGN §5).
import type { Distribution, LinkSpec, NetworkSpec, NodeKind, Provenance, SourceSpec, StageKind } from '../network/types.js';

/** Which factory made a measure; `createMeasure` rebuilds a measure from `{ kind, options }`. */
export type MeasureKind =
  | 'streamline-customs'
  | 'install-scanners'
  | 'replace-bridges'
  | 'improve-port-customs'
  | 'adjust-stage'
  | 'adjust-link'
  | 'close-link'
  | 'add-link'
  | 'patch-figures';

/** One numeric parameter of a measure, with the value in use and why its default and range were chosen. */
export interface MeasureParameter {
  /** Option name, e.g. `proceduralCut`. */
  readonly name: string;
  /** Unit, e.g. `share`, `minutes`, `factor`, `kmh`. */
  readonly unit: string;
  /** What the parameter does, one sentence. */
  readonly description: string;
  /** The value this measure uses. */
  readonly value: number;
  /** The shipped default; `null` for a setting of a generic measure that has no default (the caller gave it). */
  readonly default: number | null;
  /**
   * Low end of the plausible range (inclusive): what the evidence supports for the default. Sensitivity
   * sweeps and the two-level simulation draw from [min, max]. A value outside it is accepted (within
   * the hard limits) and recorded in the measure's `warnings`.
   */
  readonly min: number;
  /** High end of the plausible range (inclusive). */
  readonly max: number;
  /** Smallest value that means anything (inclusive), e.g. 0 for a share; below it is an `InvalidMeasureError`. */
  readonly hardMin: number;
  /** Largest value that means anything (inclusive), e.g. 1 for a share; above it is an `InvalidMeasureError`. */
  readonly hardMax: number;
  /** Why this default and range: the evidence (source keys, e.g. `S93`) or that it is the caller's own. */
  readonly assumption: string;
}

/** A source a measure rests on. */
export interface MeasureCitation {
  readonly title: string;
  readonly organisation: string;
  /** Publication year; `null` when the source states none (never guessed). */
  readonly year: number | null;
  readonly url?: string;
  /** Key of the source among the shipped citations (`CITATIONS` keys), e.g. `S1`. */
  readonly ref?: string;
}

/**
 * Where a measure applies. Each field present is a filter, and the measure applies to what passes
 * every filter given (so `{ countries: ['KZ'], nodes: ['dostyk'] }` means Kazakhstan's stages at
 * Dostyk). Every country, node, link and structure named must exist in the network the measure is
 * applied to, or the transform throws `InvalidMeasureError` naming the field.
 */
export interface MeasureScope {
  /** ISO 3166-1 alpha-2 codes: for stages, the stage's `country`; for links, the link's country. */
  readonly countries?: readonly string[];
  /** Node ids. */
  readonly nodes?: readonly string[];
  /** Node ids excluded from the measure (e.g. a port covered by a measure of its own). */
  readonly exceptNodes?: readonly string[];
  /** Link ids (document ids, or directed ids such as `x:reverse`). */
  readonly links?: readonly string[];
  /** Structure ids (bridges, tunnels, passes). */
  readonly structures?: readonly string[];
  /** Kinds of node the measure applies at, when it restricts them (e.g. scanners at `border` and `port`). */
  readonly nodeKinds?: readonly NodeKind[];
}

/**
 * A measure: metadata plus a pure transform of a network document. Build measures with the
 * factories (`streamlineCustoms`, `installScanners`, …) and apply them with `applyMeasures`.
 */
export interface Measure {
  /** Identifies the measure in results (attribution reports per id). Unique within a package. */
  readonly id: string;
  /** Which factory made it. */
  readonly kind: MeasureKind;
  readonly title: string;
  /** What it changes, one paragraph, with the parameter values in use. */
  readonly changes: string;
  readonly sources: readonly MeasureCitation[];
  readonly parameters: readonly MeasureParameter[];
  /**
   * Parameters set outside their plausible range (inside their hard limits), one sentence each, e.g.
   * `proceduralCut = 0.6 is outside its plausible range 0.2–0.5 (share)`. Empty when every value is
   * plausible. Scenario results collect them (`Scenario.warnings`).
   */
  readonly warnings: readonly string[];
  readonly scope: MeasureScope;
  /** The recipe that rebuilds this measure with `createMeasure` (plain JSON, for scenario files). */
  readonly definition: MeasureDefinition;
  /**
   * Transform a network document into a new one. Pure: never mutates its input (which may be deeply
   * frozen) and shares unchanged parts with it. Throws `InvalidMeasureError` when the scope names a
   * country, node, link or structure that the document does not have. The result is validated by
   * `applyMeasures`, not here.
   */
  transform(spec: NetworkSpec): NetworkSpec;
}

/** Options every measure factory accepts. */
export interface BaseMeasureOptions {
  /** Measure id (each factory has a default); attribution reports per id. */
  readonly id?: string;
  /** Title (each factory writes one from its scope). */
  readonly title?: string;
  /** Citations listed before the measure's own evidence (e.g. the announcement of a package). */
  readonly sources?: readonly MeasureCitation[];
}

/** Options of measures scoped by country. */
export interface CountryScopeOptions {
  /**
   * A country of `countries` that the network does not have: `error` (default) throws
   * `InvalidMeasureError` on `scope.countries`; `ignore` applies the measure to the countries present
   * (a package announced for a region, applied to a network that models part of it).
   */
  readonly absentCountries?: 'error' | 'ignore';
}

/** Options of `streamlineCustoms`. */
export interface StreamlineCustomsOptions extends BaseMeasureOptions, CountryScopeOptions {
  /** Countries whose customs (stage `country`) are streamlined. Required, at least one. */
  readonly countries: readonly string[];
  /** Only at these nodes (default: every node). */
  readonly nodes?: readonly string[];
  /** Not at these nodes (e.g. a port with a customs measure of its own, to avoid counting it twice). */
  readonly exceptNodes?: readonly string[];
  /** Share cut from the duration of `customs` stages (default 0.3, range 0.2–0.5). */
  readonly proceduralCut?: number;
  /** Share cut from the probability of `inspection` stages (default 0.2, range 0–0.5). */
  readonly inspectionRateCut?: number;
}

/** Options of `installScanners`. At least one of `countries`, `nodes`. */
export interface InstallScannersOptions extends BaseMeasureOptions, CountryScopeOptions {
  /** Countries whose inspections (stage `country`) get scanners. */
  readonly countries?: readonly string[];
  /** Nodes that get scanners (default: every `border` and `port` node). */
  readonly nodes?: readonly string[];
  /** Minutes a scan takes, positioning and image decision included (default 10, range 5–20). */
  readonly scanMinutes?: number;
  /** Share of scanned units still sent to a physical exam (default 0.10, range 0.05–0.15). */
  readonly stillExaminedShare?: number;
}

/** Options of `replaceBridges`. At least one of `links`, `structures`, `countries`. */
export interface ReplaceBridgesOptions extends BaseMeasureOptions, CountryScopeOptions {
  /** Road links whose bridges are replaced. */
  readonly links?: readonly string[];
  /** Bridge ids (each must be a bridge on a road link). */
  readonly structures?: readonly string[];
  /** Countries whose road links' bridges are replaced (the link's `country`, or its end nodes' country). */
  readonly countries?: readonly string[];
  /** Closure probability of a new bridge (default 0, range 0–0.01); never raised above the old bridge's. */
  readonly residualClosureProbability?: number;
}

/** Options of `improvePortCustoms`. */
export interface ImprovePortCustomsOptions extends BaseMeasureOptions, CountryScopeOptions {
  /** Port node ids (default `['aktau']`). */
  readonly nodes?: readonly string[];
  /** Only these countries' customs stages at the ports (default: all). */
  readonly countries?: readonly string[];
  /** Share cut from the duration of `customs` stages at the ports (default 0.3, range 0.2–0.4). */
  readonly cut?: number;
}

/** Options of `adjustStage`. At least one change. */
export interface AdjustStageOptions extends BaseMeasureOptions {
  /** The node whose stages change. */
  readonly node: string;
  /** Only the stage with this id. */
  readonly stage?: string;
  /** Only stages of this kind. */
  readonly kind?: StageKind;
  /** Multiply every duration parameter by this (0–10). Not with `durationHours`. */
  readonly durationFactor?: number;
  /** Replace the duration distribution. Not with `durationFactor`. */
  readonly durationHours?: Distribution;
  /** Set the probability (0–1). Not with `probabilityFactor`. */
  readonly probability?: number;
  /** Multiply the probability (an omitted probability counts as 1) by this (0–1). Not with `probability`. */
  readonly probabilityFactor?: number;
}

/** Which directions of a `bidirectional` link a link measure acts on. */
export type LinkDirections =
  /** Both directions of the document link, whichever directed id was given. */
  | 'both'
  /**
   * Only the directed link named (`x` is the forward direction, `x:reverse` the reverse one). A
   * bidirectional link is split into two one-way links `x` and `x:reverse` (its structures' reverse
   * copies become `<id>:reverse`); later link measures naming `x` then act on the forward one only.
   */
  | 'named';

/** Options of `adjustLink`. At least one change. */
export interface AdjustLinkOptions extends BaseMeasureOptions {
  /** Link id (document id, or directed id `x:reverse`). */
  readonly link: string;
  /** Default `both`. */
  readonly directions?: LinkDirections;
  /** Set the commercial speed (rail and road; replaces a `durationHours`). Not with `speedFactor`. */
  readonly speedKmh?: number;
  /** Multiply the speed (or divide the moving-time distribution) by this (rail and road; 0.1–10). */
  readonly speedFactor?: number;
  /** Set the distance (a realignment or bypass). */
  readonly distanceKm?: number;
  /** Multiply the sailing-time distribution by this (ferry and sea; 0.1–10). */
  readonly sailingFactor?: number;
  /** Multiply the headway by this (ferry and sea; 0.1–10). Not with `departuresPerWeek`. */
  readonly headwayFactor?: number;
  /** Set regular departures per week (ferry and sea; replaces `headwayHours`). */
  readonly departuresPerWeek?: number;
  /** Set the weather-cancellation probability (ferry and sea; 0–0.99). */
  readonly cancellationProbability?: number;
}

/** Options of `closeLink`. */
export interface CloseLinkOptions extends BaseMeasureOptions {
  /** Link id (document id, or directed id `x:reverse`). */
  readonly link: string;
  /** Default `both`: a closed road or line is closed both ways. */
  readonly directions?: LinkDirections;
}

/** Options of `addLink`. */
export interface AddLinkOptions extends BaseMeasureOptions {
  /** The new link, as in a network document (checked when the measure is built). */
  readonly link: LinkSpec;
}

/**
 * Where a figure lives: a node (`node`), a stage (`node` and `stage`), a link (`link`, a document id),
 * its service (`link` and `service: true`) or one of its structures (`link` and `structure`).
 */
export interface FigureAddress {
  readonly node?: string;
  readonly stage?: string;
  readonly link?: string;
  readonly service?: true;
  readonly structure?: string;
  /** A disruption episode (its id): `utilisation`, `occurrence.durationHours`, `occurrence.startsPerMonth` (a monthly profile, scaled whole by a `factor`). */
  readonly episode?: string;
  /** The document's corridor state (`correlation`): its `sigma`. */
  readonly correlation?: true;
}

/** One change of `patchFigures`: a figure at an address, set or scaled, with where the new figure comes from. */
export interface FigureChange extends FigureAddress {
  /** The figure: a field of the object, dotted for a nested one (`durationHours`, `capacity.teu`), as a range's `field`. */
  readonly field: string;
  /** The new figure: a number for a number, a distribution for a distribution. Not with `factor`. */
  readonly set?: number | Distribution;
  /** Multiply the figure (a distribution is scaled whole: every parameter). Not with `set`. */
  readonly factor?: number;
  /**
   * Where the new figure comes from, appended to the object's `source`. With `set`, the object's old
   * ranges of this field are dropped (they described the old figure); the new provenance may carry
   * its own `range`. A `ref` must name an entry of the network's sources or of `addSources`.
   */
  readonly source?: Provenance;
}

/** Options of `patchFigures`. */
export interface PatchFiguresOptions extends BaseMeasureOptions {
  /** The changes, applied in order (at least one). */
  readonly changes: readonly FigureChange[];
  /** Entries added to the network's `sources` table (a survey, a calibration run); their ids must be new. */
  readonly addSources?: readonly SourceSpec[];
}

/** A JSON recipe of a measure: its factory and options. */
export type MeasureDefinition =
  | { readonly kind: 'streamline-customs'; readonly options: StreamlineCustomsOptions }
  | { readonly kind: 'install-scanners'; readonly options: InstallScannersOptions }
  | { readonly kind: 'replace-bridges'; readonly options: ReplaceBridgesOptions }
  | { readonly kind: 'improve-port-customs'; readonly options: ImprovePortCustomsOptions }
  | { readonly kind: 'adjust-stage'; readonly options: AdjustStageOptions }
  | { readonly kind: 'adjust-link'; readonly options: AdjustLinkOptions }
  | { readonly kind: 'close-link'; readonly options: CloseLinkOptions }
  | { readonly kind: 'add-link'; readonly options: AddLinkOptions }
  | { readonly kind: 'patch-figures'; readonly options: PatchFiguresOptions };
