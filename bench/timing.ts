// Timing through mitata's `measure`: warm-up, then repeated samples of one call; we keep the
// median and the range. Callers make one call run a whole workload (all query pairs), so that every
// peer is timed on exactly the same queries, and divide by the number of queries.
import { measure } from 'mitata';

/** Sample statistics in milliseconds. */
export interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly samples: number;
  /** The samples themselves, ms (per item for per-item statistics). */
  readonly values: readonly number[];
}

/** Options: how many samples, and the least total time to spend (more samples if fast). */
export interface TimingOptions {
  readonly minSamples?: number;
  readonly maxSamples?: number;
  readonly minTotalMs?: number;
  readonly warmup?: number;
}

/** Time `fn` (one sample = one call). */
export async function time(fn: () => unknown, options: TimingOptions = {}): Promise<Timing> {
  const stats = await measure(fn, {
    min_samples: options.minSamples ?? 5,
    max_samples: options.maxSamples ?? 50,
    min_cpu_time: (options.minTotalMs ?? 1000) * 1e6,
    warmup_samples: options.warmup ?? 1,
    // Each call runs many queries: never batch calls together.
    batch_threshold: 0,
  });
  return summarise(stats.samples.map((ns) => ns / 1e6));
}

/**
 * Time a workload of `n` queries, `run(i)` running query i; one sample runs all n. mitata always
 * makes one untimed call first: here that call runs only the first `warmupQueries` queries, so a
 * multi-second workload is not paid for twice. Returns per-query statistics.
 */
export async function timeQueries(n: number, run: (i: number) => unknown, options: TimingOptions & { warmupQueries?: number } = {}): Promise<Timing> {
  let first = true;
  const t = await time(
    () => {
      const count = first ? Math.min(n, options.warmupQueries ?? 5) : n;
      first = false;
      for (let i = 0; i < count; i++) run(i);
    },
    { ...options, warmup: 0 },
  );
  return perItem(t, n);
}

/** The same statistics divided by `n` (per query when a call runs `n` queries). */
export function perItem(t: Timing, n: number): Timing {
  return summarise(t.values.map((v) => v / n));
}

/** Median, min and max of raw samples in milliseconds (the median of an even count is the mean of the middle two). */
export function summarise(samplesMs: readonly number[]): Timing {
  const s = [...samplesMs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { medianMs: median, minMs: s[0]!, maxMs: s[s.length - 1]!, samples: s.length, values: samplesMs };
}
