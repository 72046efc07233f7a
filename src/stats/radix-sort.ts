// Sorting Monte Carlo samples. `Float64Array.prototype.sort` spent about 110 ns per sample on 400,000
// samples here, a tenth of a planned run's budget; an LSD radix sort on the doubles' bit patterns
// does the same job in a few linear passes. The order is exactly the typed-array sort's: -Infinity
// … -0, +0 … +Infinity (NaN sends the array back to the built-in sort).

import { InvalidArgumentError } from '../errors.js';

/** Below this many values the built-in sort is as fast. */
const SMALL = 4096;
/** Digits of 11, 11 and 10 bits per 32-bit word: six passes over (high, low) word pairs. */
const SHIFTS = [0, 11, 22] as const;
const MASKS = [0x7ff, 0x7ff, 0x3ff] as const;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Up to this many values, the key buffers are kept from one sort to the next (16 MiB at most). */
const KEEP = 1 << 20;
let kept = new Uint32Array(0);

/** Two key buffers of `2n` words (a value's low and high key words side by side): views of the kept ones (n ≤ KEEP), else new ones. */
function keyBuffers(n: number): [Uint32Array, Uint32Array] {
  // Fresh typed arrays are zero-filled and, at these sizes, collected as large objects: a simulation
  // sorts once per call, so reusing them saves both (the buffers are fully written before they are read).
  if (n > KEEP) return [new Uint32Array(2 * n), new Uint32Array(2 * n)];
  if (kept.length < 4 * n) kept = new Uint32Array(4 * Math.max(n, Math.min(KEEP, 2 * kept.length / 4)));
  return [kept.subarray(0, 2 * n), kept.subarray(2 * n, 4 * n)];
}

/** The tags' second buffer, kept like the key buffers (fully written before it is read). */
let keptTagBuffer = new Uint8Array(0);

/** A view of `n` bytes of the kept tag buffer. */
function keptTags(n: number): Uint8Array {
  if (n > KEEP) return new Uint8Array(n);
  if (keptTagBuffer.length < n) keptTagBuffer = new Uint8Array(Math.max(n, Math.min(KEEP, 2 * keptTagBuffer.length)));
  return keptTagBuffer.subarray(0, n);
}

/**
 * Sort `values` in place, ascending, in the order of `Float64Array.prototype.sort`; returns it. With
 * `tags` (one per value, same length), each tag moves with its value and equal values keep their
 * tags' original order (a stable sort). (A simulation's by-month summaries use `sortFloat64Grouped`,
 * which is this sort where the tags can ride in the keys.)
 */
export function sortFloat64(values: Float64Array, tags?: Uint8Array): Float64Array {
  const n = values.length;
  if (tags !== undefined && tags.length !== n) throw new InvalidArgumentError('tags', tags.length, `one tag per value (${n})`);
  if (n < SMALL || !LITTLE_ENDIAN) return fallback(values, tags);
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // Keys: (low, high) word pairs side by side, so that a pass writes each value to one place (two
  // arrays of words meant two scattered writes a value, and the sort ran about a third slower).
  let [keys, keys2] = keyBuffers(n);
  let tagsFrom: Uint8Array | undefined = tags;
  let tagsTo: Uint8Array | undefined = tags === undefined ? undefined : keptTags(n);
  // Map each double's bits to an unsigned key with the same order: flip the sign bit of positives,
  // every bit of negatives (-0 sorts before +0, as the typed-array sort puts them).
  const counts = new Int32Array(6 * 2048);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) return fallback(values, tags);
    const h = words[2 * i + 1]!;
    const l = words[2 * i]!;
    let hk: number;
    let lk: number;
    if (h >>> 31 === 0) {
      hk = (h | 0x80000000) >>> 0;
      lk = l;
    } else {
      hk = ~h >>> 0;
      lk = ~l >>> 0;
    }
    keys[2 * i] = lk;
    keys[2 * i + 1] = hk;
    countDigits(counts, lk, hk);
  }
  for (let pass = 0; pass < 6; pass++) {
    const base = pass * 2048;
    const shift = SHIFTS[pass % 3]!;
    const mask = MASKS[pass % 3]!;
    // The pass's digit is in the low word (passes 0–2) or the high word (3–5).
    const word = pass >= 3 ? 1 : 0;
    if (!startPass(counts, base, mask, (keys[word]! >>> shift) & mask, n)) continue;
    if (tagsFrom === undefined || tagsTo === undefined) {
      radixPass(keys, keys2, counts, base, word, shift, mask, n);
    } else {
      for (let i = 0; i < n; i++) {
        const lk = keys[2 * i]!;
        const hk = keys[2 * i + 1]!;
        const at = counts[base + (((word === 1 ? hk : lk) >>> shift) & mask)]!++;
        keys2[2 * at] = lk;
        keys2[2 * at + 1] = hk;
        tagsTo[at] = tagsFrom[i]!;
      }
      [tagsFrom, tagsTo] = [tagsTo, tagsFrom];
    }
    [keys, keys2] = [keys2, keys];
  }
  if (tags !== undefined && tagsFrom !== tags) tags.set(tagsFrom!);
  for (let i = 0; i < n; i++) {
    const hk = keys[2 * i + 1]!;
    if (hk >>> 31 === 1) {
      words[2 * i + 1] = hk & 0x7fffffff;
      words[2 * i] = keys[2 * i]!;
    } else {
      words[2 * i + 1] = ~hk >>> 0;
      words[2 * i] = ~keys[2 * i]! >>> 0;
    }
  }
  return values;
}

/** Count key pair (`lk`, `hk`)'s six digits (11, 11 and 10 bits of each word) into `counts` (2,048 per digit). */
function countDigits(counts: Int32Array, lk: number, hk: number): void {
  counts[lk & 0x7ff]!++;
  counts[2048 + ((lk >>> 11) & 0x7ff)]!++;
  counts[4096 + (lk >>> 22)]!++;
  counts[6144 + (hk & 0x7ff)]!++;
  counts[8192 + ((hk >>> 11) & 0x7ff)]!++;
  counts[10240 + (hk >>> 22)]!++;
}

/**
 * Turn a digit's counts (`counts[base …]`, `mask` + 1 of them) into the first place of each digit;
 * false, leaving them, when every key has the digit `first` (the first key's): the pass would move
 * nothing and is skipped.
 */
function startPass(counts: Int32Array, base: number, mask: number, first: number, n: number): boolean {
  if (counts[base + first] === n) return false;
  let sum = 0;
  for (let d = 0; d <= mask; d++) {
    const c = counts[base + d]!;
    counts[base + d] = sum;
    sum += c;
  }
  return true;
}

/** One radix pass of (low, high) key pairs from `keys` to `keys2` on the digit (`word`, `shift`, `mask`), `counts[base …]` holding the digits' first places (advanced as it goes). */
function radixPass(keys: Uint32Array, keys2: Uint32Array, counts: Int32Array, base: number, word: number, shift: number, mask: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const lk = keys[2 * i]!;
    const hk = keys[2 * i + 1]!;
    const at = 2 * counts[base + (((word === 1 ? hk : lk) >>> shift) & mask)]!++;
    keys2[at] = lk;
    keys2[at + 1] = hk;
  }
}

/**
 * `sortFloat64(values, tags)` for callers that group the sorted values by tag afterwards (the month
 * tables): the same sorted values, each tag moving with its value, but among equal values the tags'
 * order is not kept (equal values are interchangeable once grouped: each tag's values come out in the
 * same ascending sequence). Tags must be below 16. When every value's order key shares its top four
 * bits (any sample of values from 2 to 2^256, transit hours among them), the tag rides in the key's
 * low four bits instead of being moved alongside it in every pass: the cost of an untagged sort (a
 * tagged one took about 50% longer on 400,000 samples). Otherwise, or with NaN, it is `sortFloat64`'s
 * stable tagged sort.
 *
 * With `into` and `firsts`, the sorted values are also laid out by tag: each value goes to
 * `into[firsts[tag]++]` (`firsts[t]` the first place of tag t's values, advanced as they are
 * written), so each tag's values come out in ascending order, one after the other, in the same
 * pass that writes the sorted values.
 */
export function sortFloat64Grouped(values: Float64Array, tags: Uint8Array, into?: Float64Array, firsts?: Int32Array): Float64Array {
  const n = values.length;
  if (tags.length !== n) throw new InvalidArgumentError('tags', tags.length, `one tag per value (${n})`);
  if (n < SMALL || !LITTLE_ENDIAN) return layOut(sortFloat64(values, tags), tags, into, firsts);
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let [keys, keys2] = keyBuffers(n);
  // The order key as in sortFloat64, shifted up four bits (its top four, the same for every value,
  // set aside) with the tag in the low four.
  const top = mappedHigh(words[1]!) >>> 28;
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!;
    const l = words[2 * i]!;
    const positive = h >>> 31 === 0;
    const hk = positive ? (h | 0x80000000) >>> 0 : ~h >>> 0;
    const lk = positive ? l : ~l >>> 0;
    const tag = tags[i]!;
    if (hk >>> 28 !== top || tag > 15 || values[i] !== values[i]) return layOut(sortFloat64(values, tags), tags, into, firsts);
    keys[2 * i] = ((lk << 4) | tag) >>> 0;
    keys[2 * i + 1] = ((hk << 4) | (lk >>> 28)) >>> 0;
  }
  const counts = new Int32Array(6 * 2048);
  for (let i = 0; i < n; i++) countDigits(counts, keys[2 * i]!, keys[2 * i + 1]!);
  for (let p = 0; p < 6; p++) {
    const base = p * 2048;
    const shift = SHIFTS[p % 3]!;
    const mask = MASKS[p % 3]!;
    const word = p >= 3 ? 1 : 0;
    if (!startPass(counts, base, mask, (keys[word]! >>> shift) & mask, n)) continue;
    radixPass(keys, keys2, counts, base, word, shift, mask, n);
    [keys, keys2] = [keys2, keys];
  }
  if (into !== undefined && firsts !== undefined) {
    // The same decoding, each value written twice: in order, and to its tag's next place.
    const out = new Uint32Array(into.buffer, into.byteOffset, 2 * into.length);
    for (let i = 0; i < n; i++) {
      const pk = keys[2 * i + 1]!;
      const lo = keys[2 * i]!;
      const tag = lo & 15;
      tags[i] = tag;
      const hk = ((top << 28) | (pk >>> 4)) >>> 0;
      const lk = ((pk << 28) | (lo >>> 4)) >>> 0;
      const high = hk >>> 31 === 1 ? hk & 0x7fffffff : ~hk >>> 0;
      const low = hk >>> 31 === 1 ? lk : ~lk >>> 0;
      words[2 * i + 1] = high;
      words[2 * i] = low;
      const at = 2 * firsts[tag]!++;
      out[at + 1] = high;
      out[at] = low;
    }
    return values;
  }
  for (let i = 0; i < n; i++) {
    const pk = keys[2 * i + 1]!;
    const lo = keys[2 * i]!;
    tags[i] = lo & 15;
    const hk = ((top << 28) | (pk >>> 4)) >>> 0;
    const lk = ((pk << 28) | (lo >>> 4)) >>> 0;
    if (hk >>> 31 === 1) {
      words[2 * i + 1] = hk & 0x7fffffff;
      words[2 * i] = lk;
    } else {
      words[2 * i + 1] = ~hk >>> 0;
      words[2 * i] = ~lk >>> 0;
    }
  }
  return values;
}

/** The values laid out by tag as `sortFloat64Grouped` describes (nothing without `into`); returns `values`. */
function layOut(values: Float64Array, tags: Uint8Array, into: Float64Array | undefined, firsts: Int32Array | undefined): Float64Array {
  if (into !== undefined && firsts !== undefined) for (let i = 0; i < values.length; i++) into[firsts[tags[i]!]!++] = values[i]!;
  return values;
}

/** The high word of a double's order key (sortFloat64's mapping) from the double's high word. */
function mappedHigh(h: number): number {
  return h >>> 31 === 0 ? (h | 0x80000000) >>> 0 : ~h >>> 0;
}

function fallback(values: Float64Array, tags: Uint8Array | undefined): Float64Array {
  if (tags === undefined) return values.sort();
  const order = Array.from({ length: values.length }, (_, i) => i);
  order.sort((a, b) => compareTyped(values[a]!, values[b]!) || a - b);
  const v = Float64Array.from(order, (i) => values[i]!);
  const t = Uint8Array.from(order, (i) => tags[i]!);
  values.set(v);
  tags.set(t);
  return values;
}

/** `Float64Array.prototype.sort`'s order: numeric, -0 before +0, NaN last. */
function compareTyped(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === 0 && b === 0) return Object.is(a, -0) === Object.is(b, -0) ? 0 : Object.is(a, -0) ? -1 : 1;
  return 0;
}
