// LazyMap (a network's indexes made on first read) against a Map of the same entries: what a
// reader sees, through its methods and through util.inspect (which reads a Map's own storage).
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyMap } from '../src/network/lazy-map.js';

describe('LazyMap', () => {
  it('answers as a Map of its entries, whether looked up before it is filled or after, with or without a lookup', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 3 }), { maxLength: 30 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 10 }), fc.boolean(), (keys, probes, withLookup) => {
        const oracle = new Map(keys.map((k, i) => [k, i] as const));
        let made = 0;
        const lazy = new LazyMap<string, number>(
          () => {
            made++;
            return oracle.entries();
          },
          withLookup ? (k) => oracle.get(k) : undefined,
        );
        for (const k of [...keys, ...probes]) {
          expect(lazy.get(k)).toBe(oracle.get(k));
          expect(lazy.has(k)).toBe(oracle.has(k));
        }
        // With a lookup, lookups never make the entries.
        expect(made).toBe(withLookup || keys.length + probes.length === 0 ? 0 : 1);
        expect(lazy).toBeInstanceOf(Map);
        expect(lazy.size).toBe(oracle.size);
        expect([...lazy]).toEqual([...oracle]);
        expect(made).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it('shows its entries to util.inspect (console.log) before anything filled it', () => {
    const lazy = new LazyMap<string, number>(() => [['a', 1], ['b', 2]], (k) => ({ a: 1, b: 2 })[k]);
    expect(inspect(lazy)).toBe(inspect(new Map([['a', 1], ['b', 2]])));
  });
});
