// The priority queue of every search: a binary min-heap of vertices keyed by cost, with one entry
// per vertex and decrease-key, in typed arrays sized once (V entries) and reused across searches.
// The alternative, a lazy heap that re-pushes a vertex when its cost improves and skips stale
// entries, was slower inside Dijkstra on every benchmark graph (bench/heap.bench.ts, RESULTS.md).

/** A binary min-heap with at most one entry per vertex and decrease-key. */
export class IndexedHeap {
  /** Number of entries. */
  size = 0;
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  /** Vertex → heap position, or -1 when absent. */
  private readonly pos: Int32Array;

  constructor(vertexCount: number) {
    this.keys = new Float64Array(vertexCount);
    this.items = new Int32Array(vertexCount);
    this.pos = new Int32Array(vertexCount).fill(-1);
  }

  /** Key of the top entry (undefined behaviour when empty). */
  minKey(): number {
    return this.keys[0]!;
  }

  /** Insert `v` with `key`, or lower its key if present (a higher key is ignored). */
  push(v: number, key: number): void {
    let i = this.pos[v]!;
    if (i < 0) {
      i = this.size++;
    } else if (key >= this.keys[i]!) {
      return;
    }
    const keys = this.keys;
    const items = this.items;
    const pos = this.pos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk <= key) break;
      const pv = items[p]!;
      keys[i] = pk;
      items[i] = pv;
      pos[pv] = i;
      i = p;
    }
    keys[i] = key;
    items[i] = v;
    pos[v] = i;
  }

  /** Remove and return the vertex with the least key. */
  pop(): number {
    const keys = this.keys;
    const items = this.items;
    const pos = this.pos;
    const top = items[0]!;
    pos[top] = -1;
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
        const cv = items[c]!;
        keys[i] = ck;
        items[i] = cv;
        pos[cv] = i;
        i = c;
      }
      keys[i] = key;
      items[i] = v;
      pos[v] = i;
    }
    return top;
  }

  /** Bytes held by its typed arrays. */
  get byteLength(): number {
    return this.keys.byteLength + this.items.byteLength + this.pos.byteLength;
  }

  /** Empty the heap in O(size). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.items[i]!] = -1;
    this.size = 0;
  }
}
