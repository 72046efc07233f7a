// The route layer's allocation-free exact sum gives d3-array's fsum, bit for bit.
import { fsum } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum } from '../src/route/exact-sum.js';

describe('exactSum', () => {
  it("equals d3-array's fsum on any finite doubles, cancellation included", () => {
    const values = fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(0, 1e16, -1e16, 1, 0.1)), { maxLength: 60 });
    fc.assert(
      fc.property(values, (xs) => {
        expect(Object.is(exactSum(xs), fsum(xs))).toBe(true);
        // A range of them: the same as the values of the range alone.
        const from = xs.length >> 2;
        const to = xs.length - (xs.length >> 3);
        expect(Object.is(exactSum(xs, from, to), fsum(xs.slice(from, to)))).toBe(true);
        // An empty range sums to 0.
        expect(exactSum(xs, from, from)).toBe(0);
      }),
      { numRuns: 2000 },
    );
    // Where naive summation loses everything.
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([7, 1e100, 1, -1e100, 7], 1, 4)).toBe(1);
  });
});
