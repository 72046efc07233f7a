// A read-only Map filled on first use. A big network's indexes by id (a million directed links,
// hundreds of thousands of nodes and graph vertices) cost a second or more to hash; most callers
// look up a few ids or none, so the Map is filled only when something reads it whole. Lookups
// before that may be answered by `lookup` (an index the library has anyway) without filling it.

/**
 * A `Map` in every respect a reader sees (`instanceof`, size, iteration, lookups), whose entries are
 * made on first use. `lookup`, when given, answers `get` and `has` until then: it must give what the
 * entries hold for every key (undefined for a key they lack), and values are never undefined.
 */
/** Node's hook for `util.inspect` and `console.log` (a registered symbol: no import of node:util). */
const INSPECT: unique symbol = Symbol.for('nodejs.util.inspect.custom');

export class LazyMap<K, V> extends Map<K, V> {
  #entries: (() => Iterable<readonly [K, V]>) | undefined;
  readonly #lookup: ((key: K) => V | undefined) | undefined;
  constructor(entries: () => Iterable<readonly [K, V]>, lookup?: (key: K) => V | undefined) {
    super();
    this.#entries = entries;
    this.#lookup = lookup;
  }
  #fill(): void {
    const entries = this.#entries;
    if (entries !== undefined) {
      this.#entries = undefined;
      for (const [k, v] of entries()) super.set(k, v);
    }
  }
  override get(key: K): V | undefined {
    if (this.#entries !== undefined && this.#lookup !== undefined) return this.#lookup(key);
    this.#fill();
    return super.get(key);
  }
  override has(key: K): boolean {
    if (this.#entries !== undefined && this.#lookup !== undefined) return this.#lookup(key) !== undefined;
    this.#fill();
    return super.has(key);
  }
  override get size(): number {
    this.#fill();
    return super.size;
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.#fill();
    super.forEach(fn, thisArg);
  }
  override entries(): MapIterator<[K, V]> {
    this.#fill();
    return super.entries();
  }
  override keys(): MapIterator<K> {
    this.#fill();
    return super.keys();
  }
  override values(): MapIterator<V> {
    this.#fill();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    this.#fill();
    return super[Symbol.iterator]();
  }
  override set(key: K, value: V): this {
    this.#fill();
    return super.set(key, value);
  }
  override delete(key: K): boolean {
    this.#fill();
    return super.delete(key);
  }
  override clear(): void {
    this.#fill();
    super.clear();
  }
  /** What `console.log` and `util.inspect` show: the entries (made first), as a Map's (they read a Map's own storage, not its methods). */
  [INSPECT](_depth: number, options: object, inspect: (value: unknown, options: object) => string): string {
    this.#fill();
    return inspect(new Map(super.entries()), options);
  }
}
