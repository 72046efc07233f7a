// Per-object caches kept on the object itself, in a non-enumerable symbol slot, instead of in a
// WeakMap keyed by it. V8's minor collections keep a WeakMap's values alive (only full collections
// clear entries whose keys died), so a cache of expanded and compiled graphs per network, in a loop
// that derives thousands of short-lived networks (a sweep of measures, criticality by hand), promoted
// every graph to the old generation and spent most of its time collecting them. On the object, a
// cache dies with its object in the young generation. Objects that cannot take the slot (frozen
// ones made elsewhere) fall back to a WeakMap.
const SLOT = Symbol('transcaspian.memo');
const fallback = new WeakMap<object, Map<unknown, unknown>>();

/** Give `target` its memo now (for objects about to be frozen). */
export function attachMemo(target: object): void {
  Object.defineProperty(target, SLOT, { value: new Map<unknown, unknown>(), enumerable: false });
}

/** The memo of `target`: a Map for caches derived from it, keyed by each cache's own symbol. */
export function memoOf(target: object): Map<unknown, unknown> {
  const own = (target as { [SLOT]?: Map<unknown, unknown> })[SLOT];
  if (own !== undefined) return own;
  if (Object.isExtensible(target)) {
    attachMemo(target);
    return (target as { [SLOT]: Map<unknown, unknown> })[SLOT];
  }
  let m = fallback.get(target);
  if (m === undefined) fallback.set(target, (m = new Map()));
  return m;
}

/** The value cached on `target` under `key`, made by `make` on first use. */
export function memoized<T>(target: object, key: symbol, make: () => T): T {
  const memo = memoOf(target);
  if (memo.has(key)) return memo.get(key) as T;
  const value = make();
  memo.set(key, value);
  return value;
}
