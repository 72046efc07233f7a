// IdIndex (the ids table validation and routing share on big networks) against a Map as oracle:
// numbers in order of first insertion, -1 for ids never added, through growth and odd ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex, hashOf } from '../src/network/id-index.js';

describe('IdIndex', () => {
  it('numbers ids as a Map of first insertions does, whatever the ids and the size it was sized for', () => {
    const id = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('', 'a', 'a:reverse', '__proto__', 'n1', 'n10', '\u{1F600}', 'é', 'n512789', 'n749192'));
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

  it('two ids with the same hash are two ids', () => {
    expect(hashOf('n512789')).toBe(hashOf('n749192'));
    const index = new IdIndex(2);
    expect([index.add('n512789'), index.add('n749192'), index.add('n512789')]).toEqual([-1, -1, 0]);
    expect([index.indexOf('n749192'), index.indexOf('n512789')]).toEqual([1, 0]);
  });

  it('numbers ids as a Map does when probes are cut short (the table turns into a Map midway)', () => {
    const id = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('n512789', 'n749192', '__proto__'));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 120 }), fc.nat(40), fc.integer({ min: 0, max: 3 }), (added, expected, maxProbe) => {
        const index = new IdIndex(expected, maxProbe);
        const oracle = new Map<string, number>();
        added.forEach((x, k) => {
          const before = oracle.get(x);
          expect(index.add(x)).toBe(before ?? -1);
          if (before === undefined) oracle.set(x, oracle.size);
          // Lookups in between, so that a lookup may be the probe that turns the table into a Map.
          expect(index.indexOf(added[(k * 7) % added.length]!)).toBe(oracle.get(added[(k * 7) % added.length]!) ?? -1);
        });
        expect(index.size).toBe(oracle.size);
        for (const x of added) expect(index.indexOf(x)).toBe(oracle.get(x)!);
      }),
      { numRuns: 300 },
    );
  });

  it("spreads ids whose FNV-1a states agree in their low bits (the finaliser): a flood of them does not share slots", () => {
    // Two blocks that bring FNV-1a's low 16 bits to the same value from one state keep them equal
    // whatever follows, so 12 such pairs, chained, make 4,096 ids with one low half of their FNV state.
    const step = (h: number, s: string): number => {
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h;
    };
    const pairs: [string, string][] = [];
    let state = 0x811c9dc5;
    for (let j = 0; j < 12; j++) {
      const seen = new Map<number, string>();
      for (let t = 0; ; t++) {
        const block = t.toString(36).padStart(3, '0');
        const low = step(state, block) & 0xffff;
        const other = seen.get(low);
        if (other !== undefined) {
          pairs.push([other, block]);
          state = step(state, block);
          break;
        }
        seen.set(low, block);
      }
    }
    const ids = Array.from({ length: 1 << pairs.length }, (_, m) => pairs.map((p, j) => p[(m >> j) & 1]).join(''));
    expect(new Set(ids.map((x) => step(0x811c9dc5, x) & 0xffff)).size).toBe(1);
    // Their slots in a table of 2^13 (the index's for 4,096 ids): as spread as random numbers would be.
    expect(new Set(ids.map((x) => hashOf(x) & 0x1fff)).size).toBeGreaterThan(0.6 * ids.length);
    const index = new IdIndex(ids.length);
    ids.forEach((x) => expect(index.add(x)).toBe(-1));
    ids.forEach((x, i) => expect(index.indexOf(x)).toBe(i));
  });
});
