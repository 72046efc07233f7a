// Public functions check their arguments (issue 12, item 2): every function exported by either entry
// point, called with wrong values, returns or throws a TranscaspianError — never a TypeError from
// inside. Plus the cases the issue names.
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import * as engine from '../src/engine-entry.js';
import { toySpec } from './fixtures.js';

const GARBAGE: unknown[][] = [[], [null], [undefined, undefined], [{}], [{}, {}], ['x', 'y'], [42], [[]], [{}, null, null], [Symbol('s')], [{ nodes: [] }, 'x', 'y']];

/** Names of exported functions (not classes) of a module. */
const functionsOf = (mod: Record<string, unknown>): [string, (...args: unknown[]) => unknown][] =>
  Object.entries(mod).filter((e): e is [string, (...args: unknown[]) => unknown] => typeof e[1] === 'function' && !/^[A-Z]/.test(e[0]));

async function untyped(fn: (...args: unknown[]) => unknown): Promise<string[]> {
  const bad: string[] = [];
  for (const args of GARBAGE) {
    try {
      await fn(...args);
    } catch (e) {
      if (!(e instanceof api.TranscaspianError)) bad.push(`${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    }
  }
  return bad;
}

describe('public functions check their arguments', () => {
  for (const [entry, mod] of [['transcaspian', api], ['transcaspian/engine', engine]] as const) {
    it(`every function of ${entry} throws only typed errors for wrong arguments`, async () => {
      const failures: string[] = [];
      for (const [name, fn] of functionsOf(mod)) for (const message of await untyped(fn)) failures.push(`${name}: ${message}`);
      expect(failures).toEqual([]);
    });
  }

  it('the cases of the issue', async () => {
    const raw = toySpec();
    const trip = { origin: 'a', destination: 'z', profile: 'wagon', runs: 10, seed: 1 };
    const field = (run: () => unknown): string => {
      try {
        run();
      } catch (e) {
        expect(e).toBeInstanceOf(api.InvalidArgumentError);
        return (e as api.InvalidArgumentError).field;
      }
      return 'no error';
    };
    expect(field(() => api.simulate(raw as never, trip))).toBe('network');
    expect(field(() => api.fastestRoute(null as never, trip))).toBe('network');
    expect(field(() => api.renderReport({} as never))).toBe('input.measures');
    expect(field(() => api.samplesCsv(null as never))).toBe('comparison');
    expect(field(() => api.expectedDepartureWaitHours({ type: 'fixed', value: 24 }, 2))).toBe('cancellationProbability');
    expect(api.expectedDepartureWaitHours({ type: 'fixed', value: 24 }, 0.5)).toBe(12 + 24);
    expect(field(() => api.meanOf({ type: 'triangular', min: 5, mode: 1, max: 3 } as never))).toBe('distribution');
    expect(field(() => api.summarize([]))).toBe('samples');
    expect(field(() => api.scaleDistribution({ type: 'fixed', value: 1 }, -1))).toBe('factor');
    const network = api.parseNetwork(raw);
    await expect(api.simulateParallel(network, { ...trip, runs: 10_000, threads: 2, onProgress: () => {} } as never)).rejects.toMatchObject({ field: 'options.onProgress' });
  });
});
