// Flags shared by several commands (the network, a before/after scenario, JSON output) and checked
// conversions of flag values. A bad value is a `UsageError` (exit code 2) naming the flag.
import { InvalidNetworkError } from '../errors.js';
import { middleCorridor } from '../network/load.js';
import { parseNetwork, type Network } from '../network/network.js';
import type { Avoid } from '../route/expand.js';
import type { CompareOptions } from '../simulate/compare.js';
import type { RoutePolicy } from '../simulate/montecarlo.js';
import type { UncertaintySettings } from '../simulate/uncertainty.js';
import type { DepartureWindow } from '../simulate/calendar.js';
import { isoDayNumber } from '../network/dates.js';
import { FIRST_YEAR, LAST_YEAR } from '../network/types.js';
import type { FlagTable } from './command.js';
import { InvalidNetworkInputError, UsageError } from './errors.js';
import { quote } from './escape.js';
import type { InputReader } from './io.js';
import { CONGESTION_MODES, type CongestionMode } from '../simulate/congestion/settings.js';
import type { VolumeSpec } from '../simulate/congestion/volume.js';
import { parseVolume } from './volume-arg.js';

export { UsageError } from './errors.js';

/** An integer flag within [min, max]. */
export function integerFlag(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max}, received ${quote(value)}`);
  }
  return n;
}

/** A share flag: a number from 0 to 1. */
export function shareFlag(value: string, flag: string): number {
  const x = Number(value);
  if (!/^(0|1|0?\.\d+|1\.0*)$/.test(value) || !(x >= 0 && x <= 1)) throw new UsageError(`${flag}: expected a share from 0 to 1, received ${quote(value)}`);
  return x;
}

/** The places a trip avoids or must pass: `--avoid-countries`, `--avoid-nodes`, `--avoid-links`, `--via`. */
export const PLACE_FLAGS = {
  'avoid-countries': { type: 'string', value: 'RU,BY', help: 'Keep the trip out of these countries (ISO codes, any case).' },
  'avoid-nodes': { type: 'string', value: '<node,…>', help: 'Keep the trip out of these nodes (ids, names or aliases).' },
  'avoid-links': { type: 'string', value: '<link,…>', help: 'Keep the trip off these links (document ids, both directions; <id>:reverse for one).' },
  via: { type: 'string', value: '<node,…>', help: 'Nodes the trip must pass, in this order (their stages counted), e.g. poti or poti,constanta.' },
} as const satisfies FlagTable;

/** The values of the place flags, as parsed. */
export interface PlaceValues {
  readonly 'avoid-countries': string | undefined;
  readonly 'avoid-nodes': string | undefined;
  readonly 'avoid-links': string | undefined;
  readonly via: string | undefined;
}

function listFlag(flag: string, value: string | undefined, expected: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (items.length === 0) throw new UsageError(`--${flag}: expected ${expected}`);
  return items;
}

/**
 * The place flags as route options (`avoid`, `via`): comma-separated lists; ids, names and codes are
 * checked by the library (exit 1 naming the field), an empty list is a usage error.
 */
export function placesFrom(values: PlaceValues, defaultCountries?: string): { avoid?: Avoid; via?: string[] } {
  const countries = listFlag('avoid-countries', values['avoid-countries'] ?? defaultCountries, 'ISO codes such as RU,BY');
  const nodes = listFlag('avoid-nodes', values['avoid-nodes'], 'node ids or names such as kuryk,turkmenbashi');
  const links = listFlag('avoid-links', values['avoid-links'], 'link ids such as aktau-alat-ferry');
  const via = listFlag('via', values.via, 'node ids or names such as poti');
  const avoid = { ...(countries !== undefined ? { countries } : {}), ...(nodes !== undefined ? { nodes } : {}), ...(links !== undefined ? { links } : {}) };
  return { ...(Object.keys(avoid).length > 0 ? { avoid } : {}), ...(via !== undefined ? { via } : {}) };
}

/** `--network` and `--verbose`: the network a command works on, and how an invalid one is reported. */
export const NETWORK_FLAGS = {
  network: { type: 'string', value: '<file.json|->', help: 'A network document instead of the shipped Middle Corridor; "-" reads standard input.' },
  verbose: { type: 'boolean', help: 'On an invalid network, list every problem (otherwise the first and how many more).' },
} as const satisfies FlagTable;

/** `--json`: machine-readable output. */
export const JSON_FLAG = {
  json: { type: 'boolean', help: 'Print JSON instead of text.' },
} as const satisfies FlagTable;

/** The network of `--network file.json` (`-`: standard input), or the shipped Middle Corridor. */
export function networkFrom(path: string | undefined, input: InputReader): Network {
  if (path === undefined) return middleCorridor();
  const text = input.read(path, '--network');
  try {
    return parseNetwork(text);
  } catch (e) {
    if (e instanceof InvalidNetworkError) throw new InvalidNetworkInputError(path === '-' ? 'standard input' : path, e.problems, e.problemCount);
    throw e;
  }
}

/** Runs per parameter draw when --draw-runs is not given: --runs, at most this. */
export const DRAW_RUNS = 5000;

/** When the runs depart and which calendar effects are on: `simulate`, `report` and `start`. */
export const CALENDAR_FLAGS = {
  departure: {
    type: 'string',
    value: 'YYYY-MM-DD|FROM..TO',
    help: 'Depart on that day (at a random time of it), or on any day from FROM to TO (both included); UTC. Default: the network\'s reference year.',
    conflicts: ['month', 'year'],
  },
  month: { type: 'string', value: '1-12', help: 'Depart in that month (of --year, else of the network\'s reference year).' },
  year: { type: 'string', value: 'YYYY', help: 'Depart in that year (all of it, or its --month).' },
  independent: { type: 'boolean', help: 'Make disruption episodes independent of each other (no corridor state): what correlation adds to the tail.' },
  'no-seasons': { type: 'boolean', help: 'No disruption episodes (storm closures, acceptance restrictions, holidays, grain season): the model without them.' },
} as const satisfies FlagTable;

/** The calendar options of the calendar flags, checked: departure window, seasons, independence. */
export interface CalendarFlags {
  readonly departure?: DepartureWindow;
  readonly seasons?: boolean;
  readonly independent?: boolean;
}

/** The parsed values of the calendar flags. */
export interface CalendarValues {
  readonly departure: string | undefined;
  readonly month: string | undefined;
  readonly year: string | undefined;
  readonly independent: boolean;
  readonly 'no-seasons': boolean;
}

function dayFlag(text: string, flag: string): string {
  if (isoDayNumber(text) === null) throw new UsageError(`${flag}: expected a date YYYY-MM-DD from ${FIRST_YEAR} to ${LAST_YEAR} (or FROM..TO), received ${quote(text)}`);
  return text;
}

/** Check the calendar flags (only those given become options: the library's defaults hold otherwise). */
export function calendarFrom(values: CalendarValues): CalendarFlags {
  let departure: DepartureWindow | undefined;
  if (values.departure !== undefined) {
    const range = /^(.*)\.\.(.*)$/.exec(values.departure);
    departure = range === null ? { date: dayFlag(values.departure, '--departure') } : { from: dayFlag(range[1]!, '--departure'), to: dayFlag(range[2]!, '--departure') };
    if ('from' in departure && departure.to < departure.from) throw new UsageError(`--departure: expected FROM..TO with TO on or after FROM, received ${quote(values.departure)}`);
  } else if (values.month !== undefined || values.year !== undefined) {
    const year = values.year === undefined ? undefined : integerFlag(values.year, '--year', FIRST_YEAR, LAST_YEAR);
    const month = values.month === undefined ? undefined : integerFlag(values.month, '--month', 1, 12);
    departure = month !== undefined ? { month, ...(year !== undefined ? { year } : {}) } : { year: year! };
  }
  return {
    ...(departure !== undefined ? { departure } : {}),
    ...(values['no-seasons'] ? { seasons: false } : {}),
    ...(values.independent ? { independent: true } : {}),
  };
}

/** The flags of a before/after scenario, shared by `simulate` and `report` (which adds defaults). */
export const SCENARIO_FLAGS = {
  from: { type: 'string', value: '<node>', help: 'Origin: a node id, name or alias.' },
  to: { type: 'string', value: '<node>', help: 'Destination: a node id, name or alias.' },
  profile: { type: 'string', value: '<id>', default: 'container-rail', help: 'What travels: container-rail, wagon, truck, or a profile the network declares.' },
  measures: {
    type: 'string',
    value: '<japan2025|none|file.json|->',
    default: 'japan2025',
    repeatable: true,
    help: 'The measures, stacked in the order given: japan2025 (the December 2025 package), none, or a JSON file of measure recipes ("-": standard input).',
  },
  runs: { type: 'string', value: 'N', default: '10000', help: 'Monte Carlo runs (1 to 10,000,000).' },
  seed: { type: 'string', value: 'S', default: '1', help: 'Seed of the random draws: the same seed gives the same result.' },
  policy: { type: 'string', value: 'planned|adaptive', default: 'planned', help: 'planned: the route fixed on expected times; adaptive: re-routed on each run\'s realised times.' },
  'within-days': { type: 'string', value: 'D', help: 'Also report the probability of arriving within D days.' },
  ...PLACE_FLAGS,
  volume: {
    type: 'string',
    value: '<factor|teu|tonnes>',
    help: 'Traffic for the congestion model: a factor of the network\'s reference volume (1.2), containers a year (80000teu) or tonnes a year (5.5Mt). Default: 1.',
  },
  regime: {
    type: 'string',
    value: '<id>',
    help: 'The corridor of a period: today (the default) or a regime the network declares, such as surge-2022-23 (the traffic offered then against the capacity of that time; congestion model only).',
  },
  congestion: {
    type: 'string',
    value: 'model|surveyed',
    help: 'Waits at ferries, borders, gauge changes, berths and scanners: model (from volume and capacity; the default with --volume or --regime) or surveyed (the dataset\'s surveyed waits; the default otherwise).',
  },
  draws: {
    type: 'string',
    value: 'N',
    default: '64',
    help: 'Parameter draws of the two-level simulation: the measures\' parameters and the network\'s ranged figures drawn from their plausible ranges (Latin hypercube), the effect given as a distribution over them; 0 skips it.',
  },
  'draw-runs': { type: 'string', value: 'N', help: `Monte Carlo runs per parameter draw (default: --runs, at most ${DRAW_RUNS}).` },

  ...CALENDAR_FLAGS,
  ...NETWORK_FLAGS,
} as const satisfies FlagTable;


/** A scenario's simulation options, checked. */
export interface ScenarioFlags extends CalendarFlags {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly runs: number;
  readonly seed: number;
  readonly policy: RoutePolicy;
  readonly withinDays?: number;
  readonly avoid?: Avoid;
  readonly volume?: VolumeSpec;
  readonly congestion?: CongestionMode;
  readonly regime?: string;
  /** Parameter draws of the two-level simulation (0: not run). */
  readonly draws: number;
  /** Runs per parameter draw, when given. */
  readonly drawRuns?: number;
  readonly via?: readonly string[];
}

/** The string values of the scenario flags, as parsed. */
export interface ScenarioValues extends CalendarValues, PlaceValues {
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly profile: string;
  readonly runs: string;
  readonly seed: string;
  readonly policy: string;
  readonly 'within-days': string | undefined;
  readonly volume?: string | undefined;
  readonly congestion?: string | undefined;
  readonly regime?: string | undefined;
  readonly draws: string;
  readonly 'draw-runs': string | undefined;
}

/**
 * Check the scenario flags. `defaults` is the trip when neither --from nor --to is given (with its
 * avoided countries, unless --avoid-countries is given); without it both are required.
 */
export function scenarioFrom(values: ScenarioValues, defaults?: { readonly from: string; readonly to: string; readonly avoidCountries?: string }): ScenarioFlags {
  const policy = values.policy;
  if (policy !== 'planned' && policy !== 'adaptive') throw new UsageError(`--policy: expected planned or adaptive, received ${quote(policy)}`);
  let withinDays: number | undefined;
  const w = values['within-days'];
  if (w !== undefined) {
    withinDays = Number(w);
    if (!/^\d+(\.\d+)?$/.test(w) || !Number.isFinite(withinDays)) throw new UsageError(`--within-days: expected a number of days >= 0, received ${quote(w)}`);
  }
  const draws = values.draws === '0' ? 0 : integerFlag(values.draws, '--draws', 4, 100_000);
  const useDefaults = defaults !== undefined && values.from === undefined && values.to === undefined;
  if (!useDefaults) {
    if (values.from === undefined || values.from === '') throw new UsageError('missing --from <node>');
    if (values.to === undefined || values.to === '') throw new UsageError('missing --to <node>');
  }
  return {
    origin: useDefaults ? defaults.from : values.from!,
    destination: useDefaults ? defaults.to : values.to!,
    profile: values.profile,
    runs: integerFlag(values.runs, '--runs', 1, 10_000_000),
    seed: integerFlag(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER),
    policy,
    draws,
    ...(values['draw-runs'] !== undefined ? { drawRuns: integerFlag(values['draw-runs'], '--draw-runs', 2, 10_000_000) } : {}),
    ...(withinDays !== undefined ? { withinDays } : {}),
    ...placesFrom(values, useDefaults ? defaults.avoidCountries : undefined),
    ...congestionFrom(values),
    ...calendarFrom(values),
  };
}

/** Check `--volume`, `--congestion` and `--regime` (each only when given; the regime's id is checked against the network when it runs). */
export function congestionFrom(values: { readonly volume?: string | undefined; readonly congestion?: string | undefined; readonly regime?: string | undefined }): { volume?: VolumeSpec; congestion?: CongestionMode; regime?: string } {
  const congestion = values.congestion;
  if (congestion !== undefined && !(CONGESTION_MODES as readonly string[]).includes(congestion)) {
    throw new UsageError(`--congestion: expected ${CONGESTION_MODES.join(' or ')}, received ${quote(congestion)}`);
  }
  return {
    ...(values.volume !== undefined ? { volume: parseVolume(values.volume) } : {}),
    ...(congestion !== undefined ? { congestion: congestion as CongestionMode } : {}),
    ...(values.regime !== undefined ? { regime: values.regime } : {}),
  };
}

/** The two-level settings of the scenario flags (`--draws`, `--draw-runs`), or undefined with `--draws 0`. */
export function uncertaintyFrom(flags: ScenarioFlags): UncertaintySettings | undefined {
  if (flags.draws === 0) return undefined;
  return { draws: flags.draws, runs: flags.drawRuns ?? Math.min(flags.runs, DRAW_RUNS) };
}

/** The simulation options of the scenario flags (without the two-level settings). */
export function compareOptionsFrom(flags: ScenarioFlags): CompareOptions {
  const { draws: _draws, drawRuns: _drawRuns, ...options } = flags;
  return options;
}
