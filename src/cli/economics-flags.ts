// Flags of the money side, shared by `appraise` and `corridors`: the cost and emission tables, the
// value of time and of reliability, the volume, horizon and discount rate, the package's costs; and
// their checked conversion to the library's options. A bad value is a `UsageError` naming the flag.
import type { AppraisalOptions } from '../economics/appraise.js';
import { chinaEuropeCorridors } from '../economics/corridor-tables.js';
import { costTablesProblems, middleCorridorCosts, parseCostTables, type CostTables } from '../economics/cost-tables.js';
import { emissionTablesProblems, middleCorridorEmissions, parseEmissionTables, type EmissionTables } from '../economics/emission-tables.js';
import type { Network } from '../network/network.js';
import type { ReliabilityOptions, ValueOfTimeOptions } from '../economics/value-of-time.js';
import type { FlagTable } from './command.js';
import { UsageError } from './errors.js';
import { quote } from './escape.js';
import type { InputReader } from './io.js';

/** A number flag within [min, max] (decimals and exponents allowed). */
export function numberFlag(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag}: expected a number from ${min} to ${max}, received ${quote(value)}`);
  return n;
}

/** The value-of-time flags (for the generalized cost). */
export const TIME_VALUE_FLAGS = {
  'cargo-value-usd': { type: 'string', value: 'USD', help: 'Cargo value per TEU (default 54,500, the average container).', conflicts: ['value-of-time-usd'] },
  'daily-share': { type: 'string', value: 'S', help: 'Share of the cargo value a day in transit costs (default 0.0135; range 0.006–0.021).', conflicts: ['value-of-time-usd'] },
  'value-of-time-usd': { type: 'string', value: 'USD', help: 'Value of time per TEU-hour, given directly (no range).' },
} as const satisfies FlagTable;

/** The cost tables flag. */
export const COSTS_FLAG = {
  costs: { type: 'string', value: '<costs.json|->', help: 'Cost tables instead of the shipped data/costs.json.' },
} as const satisfies FlagTable;

/** The value of time and reliability flags, and the tables. */
export const VALUE_FLAGS = {
  ...TIME_VALUE_FLAGS,
  'reliability-ratio': { type: 'string', value: 'R', help: 'Value of an hour of spread ÷ value of an hour of time (default 1; range 0.5–1.5).' },
  spread: { type: 'string', value: 'p90-p50|sd', default: 'p90-p50', help: 'The spread reliability is valued on.' },
  ...COSTS_FLAG,
  emissions: { type: 'string', value: '<emissions.json|->', help: 'Emission tables instead of the shipped data/emissions.json.' },
} as const satisfies FlagTable;

/** The appraisal flags. */
export const APPRAISAL_FLAGS = {
  'volume-teu': { type: 'string', value: 'N', help: 'TEU a year that gain the trip’s savings (default: the network’s reference volume, 66,300 on the shipped network: container transit through Azerbaijan in 2025).' },
  years: { type: 'string', value: 'N', default: '20', help: 'Years of benefits.' },
  'discount-rate': { type: 'string', value: 'R', default: '0.09', help: 'Real discount rate (range 0.06–0.12).' },
  growth: { type: 'string', value: 'G', default: '0', help: 'Volume growth a year (range 0–0.16).' },
  'investment-usd': { type: 'string', value: 'USD', help: 'The package’s investment, year 0: gives NPV, benefit–cost ratio and EIRR.' },
  'running-usd': { type: 'string', value: 'USD', help: 'The package’s running cost a year.', requires: ['investment-usd'] },
} as const satisfies FlagTable;

/** The string values of the value-of-time flags, as parsed. */
export interface TimeValueFlagValues {
  readonly 'cargo-value-usd': string | undefined;
  readonly 'daily-share': string | undefined;
  readonly 'value-of-time-usd': string | undefined;
}

/** The string values of the value flags, as parsed. */
export interface ValueFlagValues extends TimeValueFlagValues {
  readonly 'reliability-ratio': string | undefined;
  readonly spread: string;
  readonly costs: string | undefined;
  readonly emissions: string | undefined;
}

/** The value of time the flags give (an empty object: the defaults). */
export function valueOfTimeFrom(v: TimeValueFlagValues): ValueOfTimeOptions {
  return v['value-of-time-usd'] !== undefined
    ? { usdPerTeuHour: numberFlag(v['value-of-time-usd'], '--value-of-time-usd', 1e-9, 1e9) }
    : {
        ...(v['cargo-value-usd'] !== undefined ? { cargoValueUsdPerTeu: numberFlag(v['cargo-value-usd'], '--cargo-value-usd', 1, 1e9) } : {}),
        ...(v['daily-share'] !== undefined ? { dailyShare: numberFlag(v['daily-share'], '--daily-share', 0, 1) } : {}),
      };
}

/** The cost tables of `--costs`, or `undefined` (the shipped ones). */
export function costsFrom(path: string | undefined, input: InputReader): CostTables | undefined {
  return path === undefined ? undefined : parseCostTables(input.read(path, '--costs'));
}

/** The value of time, reliability and tables the flags give. */
export function valuesFrom(v: ValueFlagValues, input: InputReader): { valueOfTime: ValueOfTimeOptions; reliability: ReliabilityOptions; costs?: CostTables; emissions?: EmissionTables } {
  if (v.spread !== 'p90-p50' && v.spread !== 'sd') throw new UsageError(`--spread: expected p90-p50 or sd, received ${quote(v.spread)}`);
  const reliability: ReliabilityOptions = { spread: v.spread, ...(v['reliability-ratio'] !== undefined ? { ratio: numberFlag(v['reliability-ratio'], '--reliability-ratio', 0, 100) } : {}) };
  const costs = costsFrom(v.costs, input);
  return {
    valueOfTime: valueOfTimeFrom(v),
    reliability,
    ...(costs !== undefined ? { costs } : {}),
    ...(v.emissions !== undefined ? { emissions: parseEmissionTables(input.read(v.emissions, '--emissions')) } : {}),
  };
}

/** The string values of the appraisal flags, as parsed. */
export interface AppraisalFlagValues extends ValueFlagValues {
  readonly 'volume-teu': string | undefined;
  readonly years: string;
  readonly 'discount-rate': string;
  readonly growth: string;
  readonly 'investment-usd': string | undefined;
  readonly 'running-usd': string | undefined;
}

/** The appraisal options the flags give. */
export function appraisalOptionsFrom(v: AppraisalFlagValues, input: InputReader): AppraisalOptions {
  const { valueOfTime, reliability, costs, emissions } = valuesFrom(v, input);
  const years = Number(v.years);
  if (!/^\d+$/.test(v.years) || years < 1 || years > 100) throw new UsageError(`--years: expected an integer from 1 to 100, received ${quote(v.years)}`);
  return {
    valueOfTime,
    reliability,
    years,
    discountRate: numberFlag(v['discount-rate'], '--discount-rate', 0, 1),
    volumeGrowthPerYear: numberFlag(v.growth, '--growth', -0.5, 1),
    ...(v['volume-teu'] !== undefined ? { volumeTeuPerYear: numberFlag(v['volume-teu'], '--volume-teu', 0, 1e9) } : {}),
    ...(v['investment-usd'] !== undefined
      ? {
          costs: {
            investmentUsd: numberFlag(v['investment-usd'], '--investment-usd', 0, 1e15),
            ...(v['running-usd'] !== undefined ? { runningUsdPerYear: numberFlag(v['running-usd'], '--running-usd', 0, 1e15) } : {}),
          },
        }
      : {}),
    tables: { ...(costs !== undefined ? { costs } : {}), ...(emissions !== undefined ? { emissions } : {}) },
  };
}

/**
 * Whether the economics tables fit the network (every node, link and profile they name exists), and
 * the alternatives of the corridor choice. A user's own network rarely fits the shipped tables: the
 * report and the main job then leave those sections out, saying why, rather than fail.
 */
export function tablesFit(network: Network, options: AppraisalOptions): { economics: string | null; choice: string | null } {
  const costs = options.tables?.costs ?? middleCorridorCosts();
  const emissions = options.tables?.emissions ?? middleCorridorEmissions();
  const problems = [...costTablesProblems(network, costs), ...emissionTablesProblems(network, emissions)];
  const spec = chinaEuropeCorridors();
  const missing = spec.alternatives.flatMap((a) => [a.origin, a.destination]).filter((id) => !network.nodeById.has(id));
  return {
    economics: problems.length === 0 ? null : `the cost or emission tables name ${problems.length} node(s), link(s) or profile(s) the network lacks (first: ${problems[0]!.pointer}); give --costs and --emissions for this network`,
    choice: missing.length === 0 && problems.length === 0 ? null : `the corridor alternatives (data/corridors.json) or the tables do not fit the network${missing.length > 0 ? ` (no node ${missing[0]})` : ''}`,
  };
}
