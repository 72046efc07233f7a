// Worker thread of simulateParallel: re-parses the network it is sent, runs its range of blocks and
// posts back the samples and per-block sums. The draws depend only on (seed, element, run), so the
// main thread gets exactly what a single-threaded run would compute for that range.
import { parentPort, workerData } from 'node:worker_threads';
import { parseNetwork } from '../network/network.js';
import { prepareSimulation, type SimulateOptions } from './montecarlo.js';
import type { ResolvedCongestion } from './congestion/settings.js';

/** What the main thread sends. */
export interface WorkerTask {
  readonly spec: unknown;
  readonly options: SimulateOptions;
  readonly fromRun: number;
  readonly toRun: number;
  /** The congestion model the main thread built (structured-cloned). */
  readonly congestion: ResolvedCongestion;
}

const task = workerData as WorkerTask;
try {
  const prep = prepareSimulation(parseNetwork(task.spec), task.options, { congestion: task.congestion });
  if (prep === null) throw new Error('no route in worker although the main thread found one');
  const samples = new Float64Array(task.toRun - task.fromRun);
  const blocks = prep.runBlocks(task.fromRun, task.toRun, samples, 0);
  parentPort!.postMessage({ ok: true, samples, blocks }, [samples.buffer]);
} catch (e) {
  parentPort!.postMessage({ ok: false, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
}
