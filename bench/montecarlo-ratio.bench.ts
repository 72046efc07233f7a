// The planned Monte Carlo against a C++ -O3 reference of the same loop (bench/reference-mc.cpp):
// the rows of the library's element table for Xi'an → Constanța (the random elements of the
// planned route, their kinds, constants and draw keys) and the departure window are written to a
// file; the reference draws the same uniforms by the same hash, accumulates the same totals, finds
// each run's departure month, sorts the totals with the months as tags and summarises the whole
// sample and each month; the library's `simulate` does the same (draws, totals, months, sort,
// summaries). Both are timed per CPU-second in one run, and the ratio is what this section tracks
// (absolute rates differ by machine). The sums of the samples, the standard deviation and each
// month's median must agree (to 1e-9: the reference's exponential is the C library's), and each
// month's number of runs exactly.
//
// Also the cost of `compare`'s quantile-difference intervals against its two simulations, at
// 1,000,000 runs (and the former paired bootstrap at 100,000 runs, for scale).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyMeasures, compare, compareResults, japan2025, middleCorridor, simulate } from '../src/index.js';
import { resolveTrip } from '../src/route/trip.js';
import { shortestArcPath } from '../src/route/search.js';
import { ElementTable } from '../src/simulate/kernel.js';
import { DEPARTURE_KEY, calendarMonthOf, monthIndexOf, monthStartHours, resolveDeparture, type ResolvedDeparture } from '../src/simulate/calendar.js';
import { ElementStream } from '../src/simulate/random.js';
import { lognormalParams } from '../src/network/distribution.js';
import { CXX_FLAGS, gxxVersion } from './reference.js';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, '.build');
const source = join(here, 'reference-mc.cpp');
const binary = join(buildDir, 'reference-mc');
const TRIP = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } } as const;
const KIND_CODE: Record<string, number> = { fixed: 1, uniform: 2, triangular: 3, lognormal: 4, departure: 5 };

/** The planned route's element rows under `seed`, in reference-mc.cpp's input format. */
function writeRows(seed: number, runs: number, reps: number, departure: ResolvedDeparture): string {
  const network = middleCorridor();
  const trip = resolveTrip(network, TRIP);
  const arcs = shortestArcPath(trip.graph, trip.sources, trip.targets)!;
  // As prepareSimulation builds the planned table: one row per element, times = how many parts share it.
  const table = new ElementTable(seed);
  const ids = arcs.flatMap((a) => trip.graph.arcs[a]!.parts).map((p) => table.row(p.key, p.model));
  const times = new Float64Array(table.count);
  for (const e of ids) times[e]!++;
  const ROW = 1 + 1 + 8 + 40 + 8 + 8 + 8 + 19 * 4;
  // The months around the departure window (the month before its start to the month after its end).
  const firstMonth = Math.max(0, monthIndexOf(departure.fromHours) - 1);
  const lastMonth = monthIndexOf(departure.toHours) + 1;
  const monthCount = lastMonth - firstMonth + 1;
  const buf = Buffer.alloc(8 + 4 + table.count * ROW + 8 + 8 + 8 + 4 + 4 + 9 * monthCount);
  let at = buf.write('TCSPMC02', 0, 'latin1');
  at = buf.writeUInt32LE(table.count, at);
  for (let e = 0; e < table.count; e++) {
    const row = table.describe(e);
    const code = KIND_CODE[row.kind];
    if (code === undefined) throw new Error(`reference-mc: no ${row.kind} elements (the corridor's planned route has none)`);
    if (row.from > 0) throw new Error('reference-mc: no stage instead of another (the corridor has none)');
    let headway = 0;
    let mu = 0;
    let sigma = 0;
    if (row.model.type === 'departure-wait') {
      const h = row.model.headway;
      if (h.type === 'fixed') [headway, mu] = [1, h.value];
      else if (h.type === 'lognormal') [headway, { mu, sigma }] = [2, lognormalParams(h.median, h.p90)];
      else throw new Error(`reference-mc: a ${h.type} headway (only fixed and lognormal ones are ported)`);
    }
    at = buf.writeUInt8(code, at);
    at = buf.writeUInt8(headway, at);
    at = buf.writeDoubleLE(row.probability, at);
    for (let k = 0; k < 5; k++) at = buf.writeDoubleLE(row.constants[k]!, at);
    at = buf.writeDoubleLE(times[e]!, at);
    at = buf.writeDoubleLE(mu, at);
    at = buf.writeDoubleLE(sigma, at);
    for (const key of row.keys) at = buf.writeUInt32LE(key >>> 0, at);
    for (let d = 4; d < 20; d++) at = buf.writeUInt32LE(row.stream.drawKey(d) >>> 0, at);
  }
  at = buf.writeUInt32LE(runs, at);
  at = buf.writeUInt32LE(reps, at);
  at = buf.writeDoubleLE(departure.fromHours, at);
  at = buf.writeDoubleLE(departure.toHours - departure.fromHours, at);
  at = buf.writeUInt32LE(new ElementStream(seed, DEPARTURE_KEY).drawKey(0) >>> 0, at);
  at = buf.writeUInt32LE(monthCount, at);
  for (let m = firstMonth; m <= lastMonth; m++) at = buf.writeDoubleLE(monthStartHours(m), at);
  for (let m = firstMonth; m <= lastMonth; m++) at = buf.writeUInt8(calendarMonthOf(m), at);
  mkdirSync(buildDir, { recursive: true });
  const file = join(buildDir, 'planned-mc.bin');
  writeFileSync(file, buf);
  return file;
}

function buildReferenceMc(): void {
  mkdirSync(buildDir, { recursive: true });
  if (!existsSync(binary) || statSync(binary).mtimeMs < statSync(source).mtimeMs) execFileSync('g++', [...CXX_FLAGS, '-o', binary, source], { stdio: 'inherit' });
}

/** Wait `SETTLE_MS` without spinning: this process's background threads finish their work. */
const SETTLE_MS = 300;
const settleCell = new Int32Array(new SharedArrayBuffer(4));
function settle(): void {
  Atomics.wait(settleCell, 0, 0, SETTLE_MS);
}

/** Untimed full-size library runs before the timed repetitions (the reference discards one). */
const WARM_UP_RUNS = 3;

const median = (xs: readonly number[]): number => {
  const v = [...xs].sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
};

function cpuMs(run: () => unknown): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

/** Run the section; returns its Markdown body. */
export function montecarloRatioBench(options: { quick?: boolean } = {}): string {
  const q = options.quick === true;
  const gxx = gxxVersion();
  const out: string[] = [];
  const runs = q ? 50_000 : 400_000;
  const seed = 7;
  if (gxx === null) {
    out.push('g++ is not installed: no C++ reference in this run.');
  } else {
    buildReferenceMc();
    // Rounds: in each, REPS reference repetitions, then REPS library runs; the ratio is taken per
    // round and its median reported. The machine has slow spells of several seconds that slow both
    // sides alike when they overlap them: with one ratio per round, a spell that falls on one side
    // of one round moves one ratio, not the median (a single before/after batch had read 1.1–2.2×
    // in four runs within minutes). The reference is one process for all the rounds, asked for each
    // repetition through a pair of FIFOs: a process created between the library's runs made them up
    // to twice as slow (after a fork, the parent's first write to each page of its heap faults:
    // copy-on-write), which measured process creation, not the loop.
    const reps = q ? 1 : 2;
    const rounds = q ? 2 : 11;
    const network = middleCorridor();
    // The departure window `simulate` resolves for these options (the document's reference year).
    const departure = resolveDeparture(undefined, network.spec.calendar?.referenceYear);
    if (departure === null) throw new Error('reference-mc: the shipped network has no calendar');
    const file = writeRows(seed, runs, 1, departure);
    const lib: number[] = [];
    const ref: number[] = [];
    const ratios: number[] = [];
    let sumLib = 0;
    let sumRef = 0;
    let libResult = null as ReturnType<typeof simulate>;
    let refChecks = { sd: NaN, monthRuns: [] as number[], monthP50: [] as number[] };
    // The binary and its input checked first (a batch run: its untimed and one timed repetition, before the library's warm-up):
    // a reference that cannot start must fail here with its message, not leave the bench waiting on a FIFO.
    const check = spawnSync(binary, [file], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`reference-mc failed: ${check.stderr || check.error?.message}`);
    const requests = join(buildDir, `reference-mc.${process.pid}.requests`);
    const responses = join(buildDir, `reference-mc.${process.pid}.responses`);
    rmSync(requests, { force: true });
    rmSync(responses, { force: true });
    execFileSync('mkfifo', [requests, responses]);
    const server = spawn(binary, [file, requests, responses], { stdio: ['ignore', 'ignore', 'inherit'] });
    let ask = -1;
    let answers = -1;
    const cleanUp = (): void => {
      const steps = [
        () => ask >= 0 && writeSync(ask, 'quit\n'),
        () => ask >= 0 && closeSync(ask),
        () => answers >= 0 && closeSync(answers),
        // (unconditionally: `exitCode` is only updated by the event loop, which this code never yields to)
        () => server.kill(),
        () => server.unref(),
        () => rmSync(requests, { force: true }),
        () => rmSync(responses, { force: true }),
      ];
      for (const step of steps) {
        try {
          step();
        } catch {
          // (each step on its own: a reference that has gone makes the first ones fail)
        }
      }
    };
    try {
      // The request end opened without waiting, tried until the reference has opened it (10 s at most).
      for (const deadline = Date.now() + 10_000; ask < 0; ) {
        try {
          ask = openSync(requests, constants.O_WRONLY | constants.O_NONBLOCK);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() > deadline) throw new Error(`reference-mc did not start serving: ${(e as Error).message}`);
          Atomics.wait(settleCell, 0, 0, 20);
        }
      }
      // The response end waits for the reference, which opens it right after the request end (the two
      // FIFOs were just made by this process; only a reference dying between its two opens would
      // leave this waiting).
      answers = openSync(responses, 'r');
    } catch (e) {
      cleanUp();
      throw e;
    }
    const buffer = Buffer.alloc(1 << 16);
    let pending = '';
    const runReference = (): number => {
      writeSync(ask, 'run\n');
      while (!pending.includes('\n')) {
        const got = readSync(answers, buffer, 0, buffer.length, null);
        if (got === 0) throw new Error('reference-mc stopped before answering');
        pending += buffer.toString('utf8', 0, got);
      }
      const line = pending.slice(0, pending.indexOf('\n'));
      pending = pending.slice(line.length + 1);
      const j = JSON.parse(line) as { cpuMs: number[]; sum: number; sd: number; monthRuns: number[]; monthP50: number[] };
      sumRef = j.sum;
      refChecks = j;
      return j.cpuMs[0]!;
    };
    // A library run's CPU time includes a pause after it, in which this process's collector and
    // compiler threads finish what the run left them (counted, as the run's own), and which keeps
    // that work from running beside the reference's next repetition.
    const runLibrary = (): number => {
      let r = null as ReturnType<typeof simulate>;
      const ms = cpuMs(() => {
        r = simulate(network, { ...TRIP, runs, seed, seasons: false });
        settle();
      });
      libResult = r;
      return ms;
    };
    try {
      // Episodes off: the reference ports the planned kernel's draws, not the calendar's seasons and
      // closures (which the shipped network has since; with them the sums cannot agree).
      // Warm-up (not reported): one reference repetition, and full-size library runs, so that V8 has
      // optimised the kernel's loops for this route before the timed repetitions (its compiler threads
      // count in the process's CPU time, so a cold repetition measures the JIT, not the loop).
      runReference();
      for (let k = 0; k < WARM_UP_RUNS; k++) runLibrary();
      for (let k = 0; k < rounds; k++) {
        const refRound = Array.from({ length: reps }, runReference);
        const libRound = Array.from({ length: reps }, runLibrary);
        ref.push(...refRound);
        lib.push(...libRound);
        const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
        ratios.push(mean(libRound) / mean(refRound));
      }
    } finally {
      cleanUp();
    }
    sumLib = libResult!.samples.reduce((s, x) => s + x, 0);
    const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.abs(b);
    const months = libResult!.byMonth ?? [];
    const monthsAgree = refChecks.monthRuns.every((n, m) => (months[m]?.runs ?? 0) === n && (n === 0 || close(months[m]!.summary.p50Hours, refChecks.monthP50[m]!)));
    const agree = close(sumLib, sumRef) && close(libResult!.summary.sdHours, refChecks.sd) && monthsAgree;
    const libRate = runs / (median(lib) / 1000);
    const refRate = runs / (median(ref) / 1000);
    const ratio = median(ratios);
    out.push(
      `Planned Monte Carlo, Xi'an → Constanța (${runs.toLocaleString('en-US')} runs, seed ${seed}, episodes off: \`seasons: false\`; draws, totals, departure months, sort with the months as tags, the summary and the twelve month summaries), per CPU-second, ${rounds} rounds of ${reps} reference repetitions (one reference process for all, asked through FIFOs) and then ${reps} library runs, after each side's untimed warm-up (the reference: one repetition; the library: ${WARM_UP_RUNS} full-size runs, for V8 to optimise the loops), a library run's CPU time including a ${SETTLE_MS} ms pause after it (its collector's and compiler's leftover work); medians of all repetitions, and the ratio taken per round (mean library time ÷ mean reference time), then its median; C++: ${gxx}, ${CXX_FLAGS.join(' ')}. The two ${agree ? 'agree' : '**differ**'}: the samples' sums (library ${sumLib.toPrecision(15)}, C++ ${sumRef.toPrecision(15)}), standard deviations and month medians to 1e-9, the runs of each month exactly (${refChecks.monthRuns.join(', ')}).`,
      '',
      '| implementation | samples per CPU-second, thousands | time for the run, CPU ms |',
      '|---|---:|---:|',
      `| transcaspian \`simulate\` (planned) | ${Math.round(libRate / 1000)} | ${median(lib).toFixed(0)} (${Math.min(...lib).toFixed(0)}–${Math.max(...lib).toFixed(0)}) |`,
      `| C++ reference (bench/reference-mc.cpp) | ${Math.round(refRate / 1000)} | ${median(ref).toFixed(0)} (${Math.min(...ref).toFixed(0)}–${Math.max(...ref).toFixed(0)}) |`,
      '',
      `Ratio: the library takes **${ratio.toFixed(2)}×** the C++ time (median of the rounds' ratios, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; goal: within 1.5×: ${ratio <= 1.5 ? 'met' : '**not met**'}).`,
    );
  }

  // compare: the intervals against the simulations.
  const base = middleCorridor();
  const after = applyMeasures(base, japan2025().measures);
  const big = q ? 100_000 : 1_000_000;
  compare(base, after, { ...TRIP, runs: 20_000, seed: 1 }); // warm-up
  // The simulations and the intervals timed apart (compare = the two simulations + compareResults),
  // so that neither figure is a difference of two noisy totals.
  let b1 = null as ReturnType<typeof simulate>;
  let a1 = null as ReturnType<typeof simulate>;
  const sims = cpuMs(() => {
    b1 = simulate(base, { ...TRIP, runs: big, seed: 1 });
    a1 = simulate(after, { ...TRIP, runs: big, seed: 1 });
  });
  const intervals = cpuMs(() => compareResults(b1!, a1!, { seed: 1 }));
  const bootRuns = q ? 20_000 : 100_000;
  const bootSims = cpuMs(() => {
    simulate(base, { ...TRIP, runs: bootRuns, seed: 1 });
    simulate(after, { ...TRIP, runs: bootRuns, seed: 1 });
  });
  const boot = cpuMs(() => compare(base, after, { ...TRIP, runs: bootRuns, seed: 1, bootstrap: 200 }));
  out.push(
    '',
    `\`compare\` of the Japan 2025 package on the same trip, CPU seconds: at ${big.toLocaleString('en-US')} runs the two simulations took ${(sims / 1000).toFixed(2)} s and the comparison of their results (\`compareResults\`: the order-statistic intervals, with the differences, months and breakdowns) ${(intervals / 1000).toFixed(2)} s, timed apart (${((intervals / sims) * 100).toFixed(0)}% of the simulations; goal: no more than the simulations: ${intervals <= sims ? 'met' : '**not met**'}). For scale, the paired bootstrap (\`bootstrap: 200\`) at ${bootRuns.toLocaleString('en-US')} runs spent ${((boot - bootSims) / 1000).toFixed(2)} s beyond its simulations' ${(bootSims / 1000).toFixed(2)} s.`,
  );
  return out.join('\n');
}
