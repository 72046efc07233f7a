// The exactly rounded sum of a route's hours without allocating: Shewchuk's algorithm as in Python's
// math.fsum and d3-array's `fsum` (whose Adder it follows step for step, 32 partials at most, so the
// results are the same bits), on one scratch array. d3's `fsum` allocates an Adder and its array per
// call, and a route sums once per leg and stop: thousands of route changes a second made that garbage
// a large share of their time.
const partials = new Float64Array(32);

/**
 * The exactly rounded sum of `values[from … to)` (all of them by default), equal to d3-array's `fsum`
 * of the same values. Values, not a function of the index: callers summed through a closure made per
 * call, whose optimised code the collector dropped with it, so a process running many simulations
 * compiled those closures again and again.
 */
export function exactSum(values: ArrayLike<number>, from = 0, to = values.length): number {
  const p = partials;
  let n = 0;
  for (let k = from; k < to; k++) {
    let x = +values[k]!;
    if (!x) continue;
    let i = 0;
    for (let j = 0; j < n && j < 32; j++) {
      const y = p[j]!;
      const hi = x + y;
      const lo = Math.abs(x) < Math.abs(y) ? x - (hi - y) : y - (hi - x);
      if (lo) p[i++] = lo;
      x = hi;
    }
    p[i] = x;
    n = i + 1;
  }
  let hi = 0;
  if (n > 0) {
    let lo = 0;
    hi = p[--n]!;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo) break;
    }
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return hi;
}
