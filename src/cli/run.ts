// The `transcaspian` command. `run` takes argv and an output sink and returns the exit code, so tests
// drive it in-process. Exit codes: 0 success, 1 user error (one line, no stack), 2 usage error.
import { writeFileSync } from 'node:fs';
import { TranscaspianError } from '../errors.js';
import { networkJsonSchema } from '../network/schema.js';
import { validateNetwork } from '../network/validate.js';
import { readFileSync } from 'node:fs';
import { fastestRoute } from '../route/fastest.js';
import { FLOW_DEFAULTS, TODAY_VOLUME, simulateFlow, volumeSweep } from '../simulate/flow/index.js';
import { flowJson, flowText, sweepJson, sweepText } from '../report/flow-text.js';
import { measuresFromArg } from './measures-arg.js';
import { simulateScenario } from './simulate-command.js';
import { routeJson, routeText } from '../report/route-text.js';
import { SCENARIO_FLAGS, UsageError, avoidFrom, integerFlag, need, networkFrom, parseFlags as parse, scenarioFrom } from './args.js';
import type { CliIo } from './io.js';
import { mainJob } from './main-job.js';
import { REPORT_USAGE, reportCommand } from './report-command.js';


export { UsageError } from './args.js';
export type { CliIo } from './io.js';

export const USAGE = `Usage: transcaspian <command> [options]

Commands:
  route     --from <node> --to <node> [--profile container-rail|wagon|truck] [--avoid-countries RU,BY]
            [--network file.json] [--json]
            The fastest route on expected times, its legs, stages and per-country breakdown.
  simulate  --from <node> --to <node> [--profile …] [--measures japan2025|none|<file.json>]
            [--runs N] [--seed S] [--policy planned|adaptive] [--within-days D] [--avoid-countries RU,BY]
            [--network file.json] [--json]
            Monte Carlo before and after the measures (common random numbers), the paired
            differences with 95% intervals, per-country breakdowns, and hours saved per measure
            (Shapley). Defaults: --measures japan2025 --runs 10000 --seed 1 --policy planned.
${REPORT_USAGE}
  flow      --volume <factor or tonnes> [--weeks N] [--seed S] [--warmup-weeks N] [--replications N]
            [--measures japan2025|none|<file.json>] [--network file.json] [--json]
            Discrete-event simulation of the corridor's flows through border lanes, scanners,
            gauge-change tracks, port handling and ferries with capacities, at a factor of today's
            volume (1 = today, 56,500 TEU in 2024), or tonnes a year with a unit (13.5Mt, 9000000t:
            divided by today's 4.5 Mt); per-server utilisation, waits and queues.
  flow      --sweep [--factors 1,1.5,2,2.5,3] [--weeks N] [--seed S] [--measures …] [--json]
            The same for each volume factor, with and without the measures: where servers saturate.
  validate  <file.json> [--require-sources]
            Check a network document; print every problem. Exit 0 when valid, 1 when not.
  schema    [--out file.json]
            Print (or write) the JSON Schema of network documents.
  start     [--out report.html]
            The main job: the Japan 2025 package on the default corridor for four trips; prints the
            summary and writes the HTML report.

Nodes are given by id, name or alias, case- and accent-insensitively ("constanta", "xian").
The default network is the shipped Middle Corridor dataset (data/middle-corridor.json).
Exit codes: 0 success, 1 invalid input or no route, 2 usage error.`;

function routeCommand(args: readonly string[], io: CliIo): number {
  const { values } = parse(args, {
    from: { type: 'string' },
    to: { type: 'string' },
    profile: { type: 'string', default: 'container-rail' },
    'avoid-countries': { type: 'string' },
    network: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const network = networkFrom(values.network);
  const route = fastestRoute(network, { origin: need(values.from, '--from'), destination: need(values.to, '--to'), profile: values.profile as string, ...avoidFrom(values['avoid-countries']) });
  if (route === null) {
    io.err(`transcaspian: no route from ${String(values.from)} to ${String(values.to)} for profile ${String(values.profile)}`);
    return 1;
  }
  io.out(values.json === true ? JSON.stringify(routeJson(route), null, 2) : routeText(network, route));
  return 0;
}

function simulateCommand(args: readonly string[], io: CliIo): number {
  const { values } = parse(args, { ...SCENARIO_FLAGS, json: { type: 'boolean', default: false } });
  const scenario = scenarioFrom(values);
  const result = simulateScenario({ network: networkFrom(values.network), measures: measuresFromArg(String(values.measures)), ...scenario });
  if (result === null) {
    io.err(`transcaspian: no route from ${scenario.origin} to ${scenario.destination} for profile ${scenario.profile}`);
    return 1;
  }
  io.out(values.json === true ? JSON.stringify(result.json, null, 2) : result.text);
  return 0;
}

/** `--volume`: a factor of today's volume (`3`), or tonnes a year with a unit (`13.5Mt`, `9000000t`). */
export function volumeFactor(text: string): number {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(mt|t)?\s*$/i.exec(text);
  const value = m === null ? NaN : Number(m[1]);
  if (m === null || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`--volume: expected a positive factor of today's volume (1 = today) or tonnes a year such as 13.5Mt, received "${text}"`);
  }
  const unit = m[2]?.toLowerCase();
  if (unit === undefined) return value;
  return (unit === 'mt' ? value * 1e6 : value) / TODAY_VOLUME.tonnesPerYear;
}

function flowCommand(args: readonly string[], io: CliIo): number {
  const { values } = parse(args, {
    volume: { type: 'string', default: '1' },
    sweep: { type: 'boolean', default: false },
    factors: { type: 'string' },
    weeks: { type: 'string', default: String(FLOW_DEFAULTS.weeks) },
    seed: { type: 'string', default: '1' },
    'warmup-weeks': { type: 'string' },
    replications: { type: 'string' },
    measures: { type: 'string', default: 'none' },
    network: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const network = networkFrom(values.network);
  const measures = measuresFromArg(String(values.measures));
  const weeks = integerFlag(values.weeks, '--weeks', 1, 520);
  const seed = integerFlag(values.seed, '--seed', 0, Number.MAX_SAFE_INTEGER);
  const extra = {
    ...(values['warmup-weeks'] !== undefined ? { warmupWeeks: integerFlag(values['warmup-weeks'], '--warmup-weeks', 0, 520) } : {}),
    ...(values.replications !== undefined ? { replications: integerFlag(values.replications, '--replications', 1, 1000) } : {}),
  };
  if (values.sweep === true) {
    let factors: number[] | undefined;
    if (values.factors !== undefined) {
      factors = String(values.factors).split(',').map((f) => Number(f));
      if (factors.some((f) => !Number.isFinite(f) || f <= 0)) throw new UsageError(`--factors: expected positive numbers such as 1,2,3, received "${String(values.factors)}"`);
    }
    const r = volumeSweep(network, { seed, weeks, measures, ...extra, ...(factors !== undefined ? { factors } : {}) });
    io.out(values.json === true ? JSON.stringify(sweepJson(r), null, 2) : sweepText(r));
    return 0;
  }
  const volume = volumeFactor(String(values.volume));
  const r = simulateFlow(network, { volume, weeks, seed, measures, ...extra });
  io.out(values.json === true ? JSON.stringify(flowJson(r), null, 2) : flowText(r));
  return 0;
}

function validateCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parse(args, { 'require-sources': { type: 'boolean', default: false } }, 1);
  const file = need(positionals[0], '<file>');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`transcaspian: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const problems = validateNetwork(text, { requireSources: values['require-sources'] === true });
  if (problems.length === 0) {
    io.out(`${file}: valid`);
    return 0;
  }
  for (const p of problems) io.out(`${file}:${p.pointer || '/'}: ${p.code}: expected ${p.expected}`);
  io.err(`transcaspian: ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  return 1;
}

function schemaCommand(args: readonly string[], io: CliIo): number {
  const { values } = parse(args, { out: { type: 'string' } });
  const text = `${JSON.stringify(networkJsonSchema(), null, 2)}\n`;
  if (typeof values.out === 'string') {
    writeOut(values.out, text);
    io.out(`wrote ${values.out}`);
  } else {
    io.out(text.trimEnd());
  }
  return 0;
}

/** Write a file, or a one-line `io_error` (never a stack trace). */
export function writeOut(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new TranscaspianError('io_error', `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Run the CLI with `argv` (without node and script). Returns the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'route':
        return routeCommand(rest, io);
      case 'simulate':
        return simulateCommand(rest, io);
      case 'validate':
        return validateCommand(rest, io);
      case 'schema':
        return schemaCommand(rest, io);
      case 'report':
        return reportCommand(rest, io);
      case 'flow':
        return flowCommand(rest, io);
      case 'start': {
        const { values } = parse(rest, { out: { type: 'string', default: 'report.html' } });
        io.out(mainJob(String(values.out)));
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`transcaspian: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof TranscaspianError) {
      io.err(`transcaspian: ${e.message.split('\n').join('\n  ')}`);
      return 1;
    }
    throw e;
  }
}
