import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, middleCorridor, simulate, simulateParallel } from '../src/index.js';

const network = middleCorridor();
const same = (a: Float64Array, b: Float64Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('simulateParallel', () => {
  it('gives identical results, bit for bit, for 1, 2 and 4 threads and equals simulate (planned)', async () => {
    const options = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, runs: 20_000, seed: 77 } as const;
    const ref = simulate(network, options)!;
    for (const threads of [1, 2, 4]) {
      const r = (await simulateParallel(network, { ...options, threads }))!;
      expect(same(r.samples, ref.samples), `threads=${threads}`).toBe(true);
      expect(r.summary).toEqual(ref.summary);
      expect(r.byCountry).toEqual(ref.byCountry);
      expect(r.byCategory).toEqual(ref.byCategory);
    }
  }, 60_000);

  it('gives identical results for 1, 2 and 4 threads under the adaptive policy, routes and shares included', async () => {
    const options = { origin: 'altynkol', destination: 'baku', profile: 'wagon', runs: 16_500, seed: 5, policy: 'adaptive' } as const;
    const ref = simulate(network, options)!;
    expect(ref.routes.length).toBeGreaterThan(1);
    for (const threads of [2, 4]) {
      const r = (await simulateParallel(network, { ...options, threads }))!;
      expect(same(r.samples, ref.samples), `threads=${threads}`).toBe(true);
      expect(r.routes).toEqual(ref.routes);
      expect(r.byCountry).toEqual(ref.byCountry);
    }
  }, 60_000);

  it('resolves to null without a route and rejects a bad thread count', async () => {
    await expect(simulateParallel(network, { origin: 'xian', destination: 'baku', profile: 'truck', runs: 10, seed: 1, threads: 2 })).resolves.toBeNull();
    await expect(simulateParallel(network, { origin: 'xian', destination: 'aktau', profile: 'container-rail', runs: 10, seed: 1, threads: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
