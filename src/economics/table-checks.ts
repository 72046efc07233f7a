// Checks shared by the economics tables (costs, emissions, corridor alternatives): sources cited
// exist, every figure cites one when asked, ids are unique, references to a network resolve. Each
// returns problems in the network format (codes, paths, pointers), never throws.
import { requireShape, requireString } from '../arguments.js';
import { InvalidTableError, type NetworkProblem, type ProblemCode } from '../errors.js';
import type { Network } from '../network/network.js';
import { DEFAULT_MAX_FILE_BYTES, checkMaxBytes, readTextCapped } from '../network/read-file.js';
import { makeProblem, valueAt } from '../network/validate.js';

type Path = readonly (string | number)[];

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The entries of `doc[key]` when it is an array (nothing otherwise: the schema reported it). */
export function entries(doc: unknown, key: string): readonly unknown[] {
  const v = isObj(doc) && Object.prototype.hasOwnProperty.call(doc, key) ? doc[key] : undefined;
  return Array.isArray(v) ? v : [];
}

/** A string field of an entry, or undefined. */
export function field(entry: unknown, key: string): string | undefined {
  const v = isObj(entry) && Object.prototype.hasOwnProperty.call(entry, key) ? entry[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** Collects problems about a document. */
export class ProblemList {
  readonly problems: NetworkProblem[] = [];
  constructor(private readonly doc: unknown) {}
  add(code: ProblemCode, path: Path, expected: string): void {
    this.problems.push(makeProblem(code, path, valueAt(this.doc, path), expected));
  }
}

/**
 * Provenance checks: every `{ "ref": … }` in the entries of `sourced` (top-level arrays, or single
 * objects) names an entry of `sources`, duplicate source ids are reported, and with `requireSources`
 * every entry cites a source (`missing_source`).
 */
export function sourceProblems(doc: unknown, sourced: readonly string[], requireSources: boolean): NetworkProblem[] {
  const out = new ProblemList(doc);
  const ids = new Set<string>();
  entries(doc, 'sources').forEach((s, i) => {
    const sid = field(s, 'id');
    if (sid === undefined) return;
    if (ids.has(sid)) out.add('duplicate_id', ['sources', i, 'id'], 'a source id not used before');
    ids.add(sid);
  });
  for (const key of sourced) {
    // An array of entries, or a single object entry (`railEnergy`).
    const holder = isObj(doc) && Object.prototype.hasOwnProperty.call(doc, key) ? doc[key] : undefined;
    const list: [unknown, Path][] = Array.isArray(holder) ? holder.map((e, i) => [e, [key, i]]) : isObj(holder) ? [[holder, [key]]] : [];
    for (const [e, at] of list) {
      if (!isObj(e)) continue;
      const src = Object.prototype.hasOwnProperty.call(e, 'source') ? e['source'] : undefined;
      if (src === undefined) {
        if (requireSources) out.add('missing_source', [...at, 'source'], 'a source: { "ref": … } or { "estimate": … }');
        continue;
      }
      const provenances = Array.isArray(src) ? src : [src];
      provenances.forEach((p, j) => {
        const ref = field(p, 'ref');
        if (ref !== undefined && !ids.has(ref)) out.add('unknown_source', Array.isArray(src) ? [...at, 'source', j, 'ref'] : [...at, 'source', 'ref'], 'the id of an entry in "sources"');
      });
    }
  }
  return out.problems;
}

/** Duplicate keys among the entries of `doc[key]`, the key of an entry given by `keyOf`. */
export function duplicateProblems(doc: unknown, key: string, keyOf: (entry: unknown) => string | undefined, idField: string, what: string): NetworkProblem[] {
  const out = new ProblemList(doc);
  const seen = new Set<string>();
  entries(doc, key).forEach((e, i) => {
    const k = keyOf(e);
    if (k === undefined) return;
    if (seen.has(k)) out.add('duplicate_id', [key, i, idField], `${what} not used before`);
    seen.add(k);
  });
  return out.problems;
}

/** References from a table to a network: nodes, links (document ids) and profiles. */
export function networkReferenceProblems(
  doc: unknown,
  network: Network,
  refs: { readonly nodes?: readonly string[]; readonly links?: readonly string[]; readonly profiles?: readonly string[] },
): NetworkProblem[] {
  const out = new ProblemList(doc);
  const baseIds = new Set(network.links.map((l) => l.baseId));
  for (const key of refs.nodes ?? []) {
    entries(doc, key).forEach((e, i) => {
      for (const f of ['node', 'origin', 'destination']) {
        const v = field(e, f);
        if (v !== undefined && !network.nodeById.has(v)) out.add('unknown_node', [key, i, f], `the id of a node of the network ${network.id}`);
      }
    });
  }
  for (const key of refs.links ?? []) {
    entries(doc, key).forEach((e, i) => {
      const v = field(e, 'link');
      if (v !== undefined && !baseIds.has(v)) out.add('invalid_value', [key, i, 'link'], `the document id of a link of the network ${network.id}`);
    });
  }
  for (const key of refs.profiles ?? []) {
    entries(doc, key).forEach((e, i) => {
      const single = field(e, 'profile');
      if (single !== undefined && !network.profileById.has(single)) out.add('unknown_profile', [key, i, 'profile'], `one of ${[...network.profileById.keys()].join(', ')}`);
      const list = isObj(e) ? e['profiles'] : undefined;
      if (Array.isArray(list)) {
        list.forEach((p, j) => {
          if (typeof p === 'string' && !network.profileById.has(p)) out.add('unknown_profile', [key, i, 'profiles', j], `one of ${[...network.profileById.keys()].join(', ')}`);
        });
      }
    });
  }
  return out.problems;
}

/**
 * The text of a table file, refused past `options.maxFileBytes` (default `DEFAULT_MAX_FILE_BYTES`):
 * `FileReadError`, or `FileTooLargeError` naming the cap; a path that is not a string or options that
 * are not an object are an `InvalidArgumentError`. `loader` names the function for the message.
 */
export function readTableText(path: unknown, options: unknown, loader: string): string {
  const file = requireString(path, 'path');
  const { maxFileBytes } = requireShape<{ maxFileBytes?: unknown }>(options, 'options', 'an object { maxFileBytes?, requireSources? }');
  const cap = maxFileBytes === undefined ? DEFAULT_MAX_FILE_BYTES : checkMaxBytes(maxFileBytes, 'options.maxFileBytes');
  return readTextCapped(file, cap, `raise it with the maxFileBytes option of ${loader}`);
}

/** The items of `list` grouped by `key`, in document order. */
export function groupBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    let group = groups.get(k);
    if (group === undefined) groups.set(k, (group = []));
    group.push(item);
  }
  return groups;
}

/**
 * Check a table against a network once per pair: `problems` runs the first time, and a non-empty
 * answer throws `InvalidTableError` (`table` names the kind); a pair that passed is remembered.
 */
export function checkOncePerNetwork<T extends object>(memo: WeakMap<Network, WeakSet<T>>, network: Network, tables: T, table: string, problems: () => NetworkProblem[]): void {
  let set = memo.get(network);
  if (set?.has(tables) === true) return;
  const found = problems();
  if (found.length > 0) throw new InvalidTableError(table, found);
  if (set === undefined) memo.set(network, (set = new WeakSet()));
  set.add(tables);
}
