// e^x for the lognormal draws, without the call into C that `Math.exp` costs in optimised code
// (a call that also spills the hot loop's registers): Tang's table method, e^x = 2^m · 2^(j/64) ·
// e^r with |r| ≤ ln2/128 and a degree-5 polynomial for e^r. Relative error below 4e-16 (about one
// unit in the last place; test/kernel.test.ts checks it against Math.exp); outside (-700, 700) and
// for NaN it defers to Math.exp. It saved about a quarter of a lognormal draw's time
// (bench/RESULTS.md, "Monte Carlo: optimisation history").

/** 2^(j/64), j = 0 … 63. */
const FRACTIONS = new Float64Array(64);
for (let j = 0; j < 64; j++) FRACTIONS[j] = Math.pow(2, j / 64);
/** 2^m, m = -1024 … 1023, at index m + 1024. */
const POWERS = new Float64Array(2048);
for (let m = -1024; m < 1024; m++) POWERS[m + 1024] = Math.pow(2, m);
const SCALE = 64 / Math.LN2;
/** ln 2 / 64 in two parts (Cody–Waite), so that k · LN2_HI is exact. */
const LN2_HI = 0.6931471803691238 / 64;
const LN2_LO = 1.9082149292705877e-10 / 64;
/** 1.5 · 2^52: adding then subtracting it rounds a double to the nearest integer. */
const ROUND = 6755399441055744;

/** e^x, within about one ulp of `Math.exp(x)`. */
export function exp(x: number): number {
  if (!(x > -700 && x < 700)) return Math.exp(x);
  const kf = x * SCALE + ROUND - ROUND;
  const k = kf | 0;
  const r = x - kf * LN2_HI - kf * LN2_LO;
  const t = FRACTIONS[k & 63]!;
  const p = r + r * r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120))));
  return POWERS[(k >> 6) + 1024]! * (t + t * p);
}
