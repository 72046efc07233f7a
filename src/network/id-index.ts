// A set of ids numbered in order of first insertion, for checking a big document's ids: an
// open-addressing table of numbers, hashed by the ids' characters (FNV-1a). Inserting half a million
// link ids into a Map took twice as long (its table grows by rehashing, and each growth is a fresh
// allocation the collector copies); here the table is sized once for the count expected.

/**
 * FNV-1a over the UTF-16 code units of `id`, then MurmurHash3's finaliser (fmix32): FNV-1a's low
 * bits depend only on the characters' low bits, so ids that agree there would share slots; the
 * finaliser makes every bit of the hash count in the slot.
 */
export function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Slots a probe may pass before the index gives up its table for a Map. A table at most half full
 * with a mixing hash probes a few slots; a long run means ids chosen to collide (a hash without a
 * secret key can be flooded, and a document may come from anyone), which would make every insert
 * scan the run: the Map (whose hash V8 seeds per process) keeps validation linear whatever the ids.
 */
const MAX_PROBE = 128;

/** Ids numbered 0, 1, 2, … in order of first `add`. */
export class IdIndex {
  #ids: string[] = [];
  /** Slot → number + 1 of the id there; 0 for an empty slot. */
  #table: Int32Array;
  /** Slot → the hash of the id there: a probe compares ids only when their hashes are equal. */
  #hashes: Int32Array;
  #mask: number;
  /** Set once a probe ran past MAX_PROBE: from then on the ids' numbers are looked up here. */
  #map: Map<string, number> | undefined;

  readonly #maxProbe: number;

  /** An empty index sized for about `expected` ids (it grows past them); `maxProbe` (tests): slots a probe may pass before the index turns to a Map. */
  constructor(expected = 0, maxProbe = MAX_PROBE) {
    this.#maxProbe = maxProbe;
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.#table = new Int32Array(capacity);
    this.#hashes = new Int32Array(capacity);
    this.#mask = capacity - 1;
  }

  /** How many ids it holds. */
  get size(): number {
    return this.#ids.length;
  }

  /** The slot holding `id` (whose hash is `h`), or the empty slot where it would go; -1 when the probe ran past `maxProbe`. */
  #slotOf(id: string, h: number): number {
    const table = this.#table;
    const hashes = this.#hashes;
    const mask = this.#mask;
    const maxProbe = this.#maxProbe;
    for (let slot = h & mask, steps = 0; steps <= maxProbe; slot = (slot + 1) & mask, steps++) {
      const v = table[slot]!;
      if (v === 0 || (hashes[slot] === h && this.#ids[v - 1] === id)) return slot;
    }
    return -1;
  }

  /** Give up the table for a Map of the ids to their numbers (flooded: see MAX_PROBE). */
  #toMap(): Map<string, number> {
    const map = new Map<string, number>();
    this.#ids.forEach((id, i) => map.set(id, i));
    this.#map = map;
    this.#table = new Int32Array(0);
    this.#hashes = new Int32Array(0);
    return map;
  }

  /** The number of `id`, or -1 when it was never added. */
  indexOf(id: string): number {
    if (this.#map !== undefined) return this.#map.get(id) ?? -1;
    const slot = this.#slotOf(id, hashOf(id));
    if (slot < 0) return this.#toMap().get(id) ?? -1;
    return this.#table[slot]! - 1;
  }

  /** Add `id` unless it is in already: returns the number it had then, or -1 when it was added (numbered `size - 1`). */
  add(id: string): number {
    let map = this.#map;
    const h = map === undefined ? hashOf(id) : 0;
    const slot = map === undefined ? this.#slotOf(id, h) : -1;
    if (slot < 0) {
      map ??= this.#toMap();
      const had = map.get(id);
      if (had !== undefined) return had;
      map.set(id, this.#ids.length);
      this.#ids.push(id);
      return -1;
    }
    const v = this.#table[slot]!;
    if (v !== 0) return v - 1;
    this.#ids.push(id);
    this.#table[slot] = this.#ids.length;
    this.#hashes[slot] = h;
    // At most half full, so that a probe ends soon.
    if (this.#ids.length * 2 > this.#table.length) this.#grow();
    return -1;
  }

  #grow(): void {
    const table = new Int32Array(this.#table.length * 2);
    const hashes = new Int32Array(table.length);
    const mask = table.length - 1;
    const old = this.#table;
    const oldHashes = this.#hashes;
    for (let s = 0; s < old.length; s++) {
      const v = old[s]!;
      if (v === 0) continue;
      const h = oldHashes[s]!;
      let slot = h & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = v;
      hashes[slot] = h;
    }
    this.#table = table;
    this.#hashes = hashes;
    this.#mask = mask;
  }
}
