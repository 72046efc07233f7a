// IdIndex (the ids table validation and routing share on big networks) against a Map as oracle:
// numbers in order of first insertion, -1 for ids never added, through growth and odd ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../src/network/id-index.js';

describe('IdIndex', () => {
  it('numbers ids as a Map of first insertions does, whatever the ids and the size it was sized for', () => {
    const id = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('', 'a', 'a:reverse', '__proto__', 'n1', 'n10', '\u{1F600}', 'é'));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 200 }), fc.array(id, { maxLength: 20 }), fc.nat(100), (added, probes, expected) => {
        const index = new IdIndex(expected);
        const oracle = new Map<string, number>();
        for (const x of added) {
          const before = oracle.get(x);
          expect(index.add(x)).toBe(before ?? -1);
          if (before === undefined) oracle.set(x, oracle.size);
          expect(index.size).toBe(oracle.size);
        }
        for (const x of [...added, ...probes]) expect(index.indexOf(x)).toBe(oracle.get(x) ?? -1);
      }),
      { numRuns: 300 },
    );
  });
});
