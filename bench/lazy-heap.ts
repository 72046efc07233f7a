// The lazy binary heap the engine's indexed heap is measured against (bench/heap.bench.ts): a vertex
// is pushed again whenever its cost improves and stale entries are skipped when popped, as
// std::priority_queue-based Dijkstra does. Not used by the engine.

/** A binary min-heap of (key, vertex) entries that may hold a vertex several times; grows by doubling. */
export class LazyHeap {
  size = 0;
  private keys: Float64Array;
  private items: Int32Array;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.keys = new Float64Array(c);
    this.items = new Int32Array(c);
  }

  minKey(): number {
    return this.keys[0]!;
  }

  push(v: number, key: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk <= key) break;
      keys[i] = pk;
      items[i] = items[p]!;
      i = p;
    }
    keys[i] = key;
    items[i] = v;
  }

  pop(): number {
    const keys = this.keys;
    const items = this.items;
    const top = items[0]!;
    const n = --this.size;
    if (n > 0) {
      const key = keys[n]!;
      const v = items[n]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        let ck = keys[c]!;
        const r = c + 1;
        if (r < n) {
          const rk = keys[r]!;
          if (rk < ck) {
            c = r;
            ck = rk;
          }
        }
        if (ck >= key) break;
        keys[i] = ck;
        items[i] = items[c]!;
        i = c;
      }
      keys[i] = key;
      items[i] = v;
    }
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  /** Bytes held by its typed arrays. */
  get byteLength(): number {
    return this.keys.byteLength + this.items.byteLength;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.keys = keys;
    this.items = items;
  }
}
