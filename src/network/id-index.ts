// A set of ids numbered in order of first insertion, for checking a big document's ids: an
// open-addressing table of numbers, hashed by the ids' characters (FNV-1a). Inserting half a million
// link ids into a Map took twice as long (its table grows by rehashing, and each growth is a fresh
// allocation the collector copies); here the table is sized once for the count expected.

/** FNV-1a over the UTF-16 code units of `id` (32 bits). */
function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** Ids numbered 0, 1, 2, … in order of first `add`. */
export class IdIndex {
  #ids: string[] = [];
  /** Slot → number + 1 of the id there; 0 for an empty slot. */
  #table: Int32Array;
  /** Slot → the hash of the id there: a probe compares ids only when their hashes are equal. */
  #hashes: Int32Array;
  #mask: number;

  /** An empty index sized for about `expected` ids (it grows past them). */
  constructor(expected = 0) {
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

  /** The slot holding `id` (whose hash is `h`), or the empty slot where it would go. */
  #slotOf(id: string, h: number): number {
    const table = this.#table;
    const hashes = this.#hashes;
    const mask = this.#mask;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot]!;
      if (v === 0 || (hashes[slot] === h && this.#ids[v - 1] === id)) return slot;
    }
  }

  /** The number of `id`, or -1 when it was never added. */
  indexOf(id: string): number {
    return this.#table[this.#slotOf(id, hashOf(id))]! - 1;
  }

  /** Add `id` unless it is in already: returns the number it had then, or -1 when it was added (numbered `size - 1`). */
  add(id: string): number {
    const h = hashOf(id);
    const slot = this.#slotOf(id, h);
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
