// Command-line argument handling shared by the commands: strict flag parsing, the scenario flags of
// `simulate` and `report`, and checked conversions. Bad flags are `UsageError`s (exit code 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadNetwork, middleCorridor } from '../network/load.js';
import type { Network } from '../network/network.js';
import type { Avoid } from '../route/expand.js';
import type { RoutePolicy } from '../simulate/montecarlo.js';

/** A usage error: wrong command, unknown flag, missing or malformed argument. Exit code 2. */
export class UsageError extends Error {}

/** Parse `args` strictly: unknown flags and extra positionals are usage errors. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O, positionals = 0) {
  try {
    const r = parseArgs({ args: [...args], options, strict: true, allowPositionals: positionals > 0 });
    if (r.positionals.length > positionals) throw new UsageError(`unexpected argument "${r.positionals[positionals]}"`);
    return r;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** A required string flag. */
export function need(value: unknown, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing ${flag}`);
  return value;
}

/** An integer flag within [min, max]. */
export function integerFlag(value: unknown, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max}, received "${String(value)}"`);
  }
  return n;
}

/** `--avoid-countries RU,BY` as route options (ISO codes are checked by the library). */
export function avoidFrom(value: unknown): { avoid?: { countries: string[] } } {
  if (typeof value !== 'string') return {};
  const countries = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (countries.length === 0) throw new UsageError('--avoid-countries: expected ISO codes such as RU,BY');
  return { avoid: { countries } };
}

/** The network of `--network file.json`, or the shipped Middle Corridor. */
export function networkFrom(path: unknown): Network {
  return typeof path === 'string' ? loadNetwork(path) : middleCorridor();
}

/** The flags of a before/after scenario, shared by `simulate` and `report`. */
export const SCENARIO_FLAGS = {
  from: { type: 'string' },
  to: { type: 'string' },
  profile: { type: 'string', default: 'container-rail' },
  measures: { type: 'string', default: 'japan2025' },
  runs: { type: 'string', default: '10000' },
  seed: { type: 'string', default: '1' },
  policy: { type: 'string', default: 'planned' },
  'within-days': { type: 'string' },
  'avoid-countries': { type: 'string' },
  network: { type: 'string' },
} as const;

/** A scenario's simulation options, checked. */
export interface ScenarioFlags {
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  readonly runs: number;
  readonly seed: number;
  readonly policy: RoutePolicy;
  readonly withinDays?: number;
  readonly avoid?: Avoid;
}

/** Check the scenario flags; `defaults` fill an omitted --from or --to (otherwise they are required). */
export function scenarioFrom(
  values: { [K in keyof typeof SCENARIO_FLAGS]?: string | undefined },
  defaults: { readonly from?: string; readonly to?: string } = {},
): ScenarioFlags {
  const policy = values.policy ?? 'planned';
  if (policy !== 'planned' && policy !== 'adaptive') throw new UsageError(`--policy: expected planned or adaptive, received "${policy}"`);
  let withinDays: number | undefined;
  const w = values['within-days'];
  if (w !== undefined) {
    withinDays = Number(w);
    if (!/^\d+(\.\d+)?$/.test(w) || !Number.isFinite(withinDays) || withinDays < 0) throw new UsageError(`--within-days: expected a number of days >= 0, received "${w}"`);
  }
  return {
    origin: need(values.from ?? defaults.from, '--from'),
    destination: need(values.to ?? defaults.to, '--to'),
    profile: values.profile ?? 'container-rail',
    runs: integerFlag(values.runs ?? '10000', '--runs', 1, 10_000_000),
    seed: integerFlag(values.seed ?? '1', '--seed', 0, Number.MAX_SAFE_INTEGER),
    policy,
    ...(withinDays !== undefined ? { withinDays } : {}),
    ...avoidFrom(values['avoid-countries']),
  };
}
