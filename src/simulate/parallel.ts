// Monte Carlo on several cores with node:worker_threads. Blocks of runs are split among threads in
// contiguous ranges; each worker computes its blocks exactly as the single-threaded loop would, and
// the main thread combines them in block order: results are identical, bit for bit, for any number
// of threads (and equal to `simulate`).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InvalidArgumentError, TranscaspianError } from '../errors.js';
import type { Network } from '../network/network.js';
import { BLOCK_RUNS, assembleResult, prepareSimulation, type BlockResult, type SimulateOptions, type SimulationResult } from './montecarlo.js';
import type { WorkerTask } from './worker.js';

/** Options of `simulateParallel`. */
export interface ParallelOptions extends SimulateOptions {
  /** Worker threads (default: the machine's available parallelism). 1 runs in the calling thread. */
  readonly threads?: number;
}

function workerUrl(): URL {
  const here = import.meta.url;
  // From source (tsx, vitest) the worker is TypeScript; from the build it is dist/worker.js.
  return new URL(here.endsWith('.ts') ? './worker.ts' : './worker.js', here);
}

function runWorker(task: WorkerTask): Promise<{ samples: Float64Array; blocks: BlockResult[] }> {
  const url = workerUrl();
  // Run from TypeScript source (tsx, vitest): register tsx's loader in the worker before importing
  // the worker module; Node 20 does not apply `--import` to a worker's entry file. The built
  // package starts dist/worker.js directly. Workers get no execArgv: the parent's flags (such as
  // --input-type) must not leak into them.
  const worker = url.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, workerData: task, execArgv: [] })
    : new Worker(url, { workerData: task, execArgv: [] });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { ok: true; samples: Float64Array; blocks: BlockResult[] } | { ok: false; message: string }) => {
      if (m.ok) resolve({ samples: m.samples, blocks: m.blocks });
      else reject(new TranscaspianError('invalid_argument', `simulation worker failed: ${m.message}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new TranscaspianError('invalid_argument', `simulation worker exited with code ${code}`));
    });
  });
}

/**
 * `simulate` on several threads. The runs are split into blocks of 4,096 among `threads` workers;
 * the result is identical, bit for bit, to `simulate` and to any other thread count. Resolves to
 * `null` when no route exists. Worth it only for long simulations: each worker starts cold (tens of
 * milliseconds, then its own JIT warm-up) and the samples are sorted on the calling thread. On a
 * 2-core machine 400,000 adaptive runs went 1.5× faster on 2 threads, 80,000 went slower
 * (bench/RESULTS.md).
 */
export async function simulateParallel(network: Network, options: ParallelOptions): Promise<SimulationResult | null> {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const threads = options.threads ?? Math.min(availableParallelism(), 256);
  if (!Number.isInteger(threads) || threads < 1 || threads > 256) throw new InvalidArgumentError('threads', threads, 'an integer from 1 to 256');
  const prep = prepareSimulation(network, options);
  if (prep === null) return null;
  const runs = options.runs;
  const samples = new Float64Array(runs);
  const blockCount = Math.ceil(runs / BLOCK_RUNS);
  const used = Math.min(threads, blockCount);
  if (used === 1) return assembleResult(prep, runs, samples, prep.runBlocks(0, runs, samples, 0));
  const { threads: _omit, ...simOptions } = options;
  // Workers receive the options by structured clone: a function or symbol anywhere in them cannot go.
  for (const [key, value] of Object.entries(simOptions)) {
    try {
      structuredClone(value);
    } catch {
      throw new InvalidArgumentError(`options.${key}`, value, 'a value a worker thread can receive (plain data: no functions, symbols or class instances with methods)');
    }
  }
  const ranges: [number, number][] = [];
  for (let t = 0; t < used; t++) {
    const b0 = Math.floor((t * blockCount) / used);
    const b1 = Math.floor(((t + 1) * blockCount) / used);
    ranges.push([b0 * BLOCK_RUNS, Math.min(runs, b1 * BLOCK_RUNS)]);
  }
  const parts = await Promise.all(ranges.map(([fromRun, toRun]) => runWorker({ spec: network.spec, options: simOptions, fromRun, toRun, congestion: prep.resolvedCongestion })));
  const blocks: BlockResult[] = [];
  parts.forEach((p, t) => {
    samples.set(p.samples, ranges[t]![0]);
    blocks.push(...p.blocks);
  });
  return assembleResult(prep, runs, samples, blocks);
}
