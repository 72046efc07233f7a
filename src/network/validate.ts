// Validation of network documents: zod checks the shapes, then a second pass checks what zod cannot
// (ids, references, sources, mode rules). Every problem is collected, none is fixed up silently.
import type * as z from 'zod';
import { InvalidArgumentError, InvalidNetworkError, describeValue, type NetworkProblem, type ProblemCode } from '../errors.js';
import { isPlainLink, isPlainNode } from './plain-elements.js';
import { distributionSchema, linkSchema, networkShellSchema, nodeSchema } from './schema.js';
import { meanOf, secondMomentOf } from './distribution.js';
import { isCountryCode } from './countries.js';
import { IdIndex } from './id-index.js';
import { HOURS_RANGE_TEXT, hoursInRange } from './limits.js';
import { BUILT_IN_PROFILES } from './profiles.js';
import { DISTRIBUTION_TYPES, type Distribution, type FigureRange, type NetworkSpec, type NodeSpec } from './types.js';
import { rangeProblem } from './ranges.js';
import { declaredProblem } from './raises.js';

/** Options of `validateNetwork` and `parseNetwork`. */
export interface ValidateOptions {
  /**
   * Require a `source` on every node, stage, link, service and structure (the rule for the shipped
   * datasets). Default `false`: a planner's own network need not cite sources.
   */
  readonly requireSources?: boolean;
  /**
   * Require a `range` on every `{ "estimate": … }` provenance (the rule for the shipped datasets: an
   * estimate says how far off it may be). Default `false`.
   */
  readonly requireRanges?: boolean;
  /**
   * Keep only the first this many problems, in document order (the count of all is kept): a big
   * document with problems everywhere must not hold or print hundreds of thousands of them.
   * Default: every problem for `validateNetwork`, `MAX_PROBLEMS` for `parseNetwork`.
   */
  readonly maxProblems?: number;
}

/** How many problems `parseNetwork` keeps by default (the error's `problemCount` counts them all). */
export const MAX_PROBLEMS = 1000;

type Path = readonly (string | number)[];

/** JSON Pointer (RFC 6901) of a path. */
export function toPointer(path: Path): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A problem at `path`: its code, what was found there and what was expected, with its message. */
export function makeProblem(code: ProblemCode, path: Path, received: unknown, expected: string): NetworkProblem {
  const where = path.length === 0 ? '(document)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
  return {
    code,
    path: [...path],
    pointer: toPointer(path),
    received,
    expected,
    message: `${where}: ${code}: expected ${expected}, received ${describeValue(received)}`,
  };
}

function hasOwn(obj: unknown, key: string | number): boolean {
  return typeof obj === 'object' && obj !== null && Object.prototype.hasOwnProperty.call(obj, key);
}

/** Value at `path` inside `root`, following own properties only (never the prototype chain). */
export function valueAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (!hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

function lastName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (typeof p === 'string') return p;
  }
  return '';
}

/**
 * Translate one zod issue into our problems (an unrecognized-keys issue yields one per key). The code
 * is the one the failing check declares (`raises`, read back by `declaredProblem`); a value of the
 * wrong JSON type is classified by what was found; a check that declares none reports `invalid_value`.
 * zod runs a length check even on a value whose type already failed (an array where an id string was
 * expected): such a follow-on issue (`afterTypeFailure`) is not the problem its check declares, and
 * is reported as a plain `invalid_value`.
 */
function fromZodIssue(root: unknown, issue: z.core.$ZodIssue, afterTypeFailure: boolean): NetworkProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const received = valueAt(root, path);
  const name = lastName(path);
  const declared = afterTypeFailure ? undefined : declaredProblem(issue.message);
  const code = declared?.code ?? 'invalid_value';
  switch (issue.code) {
    case 'invalid_type': {
      const parent = path.slice(0, -1);
      const key = path[path.length - 1];
      if (path.length > 0 && key !== undefined && !hasOwn(valueAt(root, parent), key)) {
        return [makeProblem('missing_field', path, undefined, `a field "${name}" (${issue.expected})`)];
      }
      if (typeof received === 'number' && !Number.isFinite(received)) {
        return [makeProblem('not_finite', path, received, 'a finite number')];
      }
      return [makeProblem('wrong_type', path, received, `a value of type ${issue.expected}`)];
    }
    case 'too_small': {
      const op = issue.inclusive ? '>=' : '>';
      const bound = issue.origin === 'number' ? `a number ${op} ${String(issue.minimum)}` : `at least ${String(issue.minimum)} (${issue.origin})`;
      return [makeProblem(code, path, received, declared?.expected ?? bound)];
    }
    case 'too_big': {
      const op = issue.inclusive ? '<=' : '<';
      const bound = issue.origin === 'number' ? `a number ${op} ${String(issue.maximum)}` : `at most ${String(issue.maximum)} (${issue.origin})`;
      return [makeProblem(code, path, received, declared?.expected ?? bound)];
    }
    case 'invalid_value': {
      const shown = issue.values.length > 12 ? `${issue.values.slice(0, 12).join(', ')}, …` : issue.values.join(', ');
      return [makeProblem(code, path, received, declared?.expected ?? `one of ${shown}`)];
    }
    case 'invalid_union': {
      // A discriminated union that matched no option points at its discriminator.
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const at = discriminator === undefined || path[path.length - 1] === discriminator ? path : [...path, discriminator];
      return [makeProblem(code, at, valueAt(root, at), declared?.expected ?? 'one of the allowed shapes')];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => makeProblem('unknown_field', [...path, key], valueAt(root, [...path, key]), 'no such field'));
    case 'custom':
    default:
      return [makeProblem(code, path, received, declared?.expected ?? issue.message)];
  }
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const NONE: readonly unknown[] = Object.freeze([]);
function arr(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : NONE;
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function own(o: Record<string, unknown>, key: string): unknown {
  return hasOwn(o, key) ? o[key] : undefined;
}

/** Suffix of the id of a bidirectional link's reverse direction. */
const REVERSE = ':reverse';
const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * The directed link ids of a document as its links are read in order: `x`, and `x:reverse` for a
 * bidirectional `x`. When no document id ends in ":reverse", a reverse id can collide only with
 * another link's reverse id, so the document ids alone are kept, each with whether some link of
 * that id is bidirectional: the reverse ids are never built or hashed (a big network has a million
 * links, and hashing every reverse id took a second). Otherwise every directed id is kept.
 */
class LinkIds {
  /** Document ids, numbered in order (without explicit reverse ids). */
  readonly #ids: IdIndex | undefined;
  /** By document id's number: 1 when a link of that id read so far is bidirectional. */
  readonly #bidirectional: Uint8Array;
  readonly #all: Set<string> | undefined;

  /** For a document of `count` links. */
  constructor(explicitReverseIds: boolean, count: number) {
    this.#all = explicitReverseIds ? new Set() : undefined;
    this.#ids = explicitReverseIds ? undefined : new IdIndex(count);
    this.#bidirectional = new Uint8Array(explicitReverseIds ? 0 : count);
  }

  /** Record a link's ids; returns those already taken (the link's duplicates), in order. */
  add(id: string, bidirectional: boolean): readonly string[] {
    const all = this.#all;
    if (all !== undefined) {
      const taken: string[] = [];
      for (const x of bidirectional ? [id, `${id}${REVERSE}`] : [id]) {
        if (all.has(x)) taken.push(x);
        all.add(x);
      }
      return taken;
    }
    const ids = this.#ids!;
    const k = ids.add(id);
    if (k < 0) {
      this.#bidirectional[ids.size - 1] = bidirectional ? 1 : 0;
      return NO_IDS;
    }
    const before = this.#bidirectional[k] === 1;
    if (bidirectional) this.#bidirectional[k] = 1;
    return bidirectional && before ? [id, `${id}${REVERSE}`] : [id];
  }

  /** Whether `x` is a directed id recorded so far. */
  has(x: string): boolean {
    if (this.#all !== undefined) return this.#all.has(x);
    const ids = this.#ids!;
    if (ids.indexOf(x) >= 0) return true;
    if (!x.endsWith(REVERSE)) return false;
    const k = ids.indexOf(x.slice(0, -REVERSE.length));
    return k >= 0 && this.#bidirectional[k] === 1;
  }
}

// The node ids `semanticProblems` numbered, by the document it checked (a private copy), for
// `takeNodeIndex`: a big network has 200,000 node ids, and hashing them twice took a tenth of a second.
const nodeIndexes = new WeakMap<object, IdIndex>();

/**
 * The node ids validation numbered for `spec`, once (later calls give undefined); undefined for a
 * document that validation did not check. In a valid document each node's number is its index in
 * `spec.nodes` (every node has an id, none repeated). Only `indexNetwork` takes it.
 */
export function takeNodeIndex(spec: NetworkSpec): IdIndex | undefined {
  const index = nodeIndexes.get(spec);
  nodeIndexes.delete(spec);
  return index;
}

/** Nodes by id as validation reads them: the numbers of an `IdIndex`, and the nodes they stand for. */
class NodeTable {
  readonly ids: IdIndex;
  readonly #nodes: Record<string, unknown>[] = [];
  constructor(expected: number) {
    this.ids = new IdIndex(expected);
  }
  /** Add a node under `id` unless the id is taken; returns whether it was (a duplicate). */
  add(id: string, node: Record<string, unknown>): boolean {
    if (this.ids.add(id) >= 0) return true;
    this.#nodes.push(node);
    return false;
  }
  get(id: string): Record<string, unknown> | undefined {
    const k = this.ids.indexOf(id);
    return k < 0 ? undefined : this.#nodes[k];
  }
  has(id: string): boolean {
    return this.ids.indexOf(id) >= 0;
  }
}

/** Which nodes and links of a document are plain (plain-elements.ts), by index: 1 for plain. */
interface PlainElements {
  nodes?: Uint8Array;
  links?: Uint8Array;
}

/**
 * The cross-reference problems of a plain link (plain-elements.ts: own fields id, from, to, mode,
 * distanceKm, each valid, and perhaps speedKmh, country, bidirectional, name; no service, duration,
 * waters, profiles, structures or source), in the order `semanticProblems` finds a link's: the same
 * checks, without the path arrays and closures made per link (a big network has a million links).
 */
function plainLinkProblems(
  l: Record<string, unknown>,
  i: number,
  linkIds: LinkIds,
  nodeById: NodeTable,
  options: ValidateOptions,
  add: (code: ProblemCode, path: Path, expected: string) => void,
): void {
  const duplicates = linkIds.add(l['id'] as string, own(l, 'bidirectional') === true);
  for (const x of duplicates) add('duplicate_id', ['links', i, 'id'], `a link id not used before (the link would be "${x}")`);
  const from = l['from'] as string;
  const to = l['to'] as string;
  const fromNode = nodeById.get(from);
  const toNode = nodeById.get(to);
  if (fromNode === undefined) add('unknown_node', ['links', i, 'from'], 'the id of a node');
  if (toNode === undefined) add('unknown_node', ['links', i, 'to'], 'the id of a node');
  if (from === to) add('self_loop', ['links', i, 'to'], 'a node other than "from"');
  const mode = l['mode'];
  const speed = own(l, 'speedKmh');
  if (mode === 'rail' || mode === 'road') {
    if (speed === undefined) add('missing_field', ['links', i, 'speedKmh'], 'speedKmh or durationHours');
  } else if (mode === 'ferry' || mode === 'sea') {
    add('missing_service', ['links', i, 'service'], `a service (headway, sailing time) on a ${mode} link`);
    if (speed !== undefined) add('conflicting_fields', ['links', i, 'speedKmh'], `no speedKmh on a ${mode} link (sailing time is service.sailingHours)`);
  }
  const fromCountry = fromNode !== undefined ? own(fromNode, 'country') : undefined;
  const toCountry = toNode !== undefined ? own(toNode, 'country') : undefined;
  if (
    typeof fromCountry === 'string' &&
    typeof toCountry === 'string' &&
    fromCountry !== toCountry &&
    isCountryCode(fromCountry) &&
    isCountryCode(toCountry) &&
    own(l, 'country') === undefined
  ) {
    add('ambiguous_country', ['links', i, 'country'], `"country" or "waters": the link joins ${fromCountry} and ${toCountry}`);
  }
  const dist = l['distanceKm'] as number;
  if (typeof speed === 'number') {
    // Both positive and below Infinity (plain).
    if (!Number.isFinite(dist / speed)) {
      add('not_finite', ['links', i, 'speedKmh'], 'a speed giving a finite travel time (distanceKm / speedKmh overflows)');
    } else if (!hoursInRange(dist / speed)) {
      add('invalid_value', ['links', i, 'speedKmh'], `a speed that makes distanceKm / speedKmh ${HOURS_RANGE_TEXT} (it is ${dist / speed} h)`);
    }
  }
  if (options.requireSources === true) add('missing_source', ['links', i, 'source'], 'a source: { "ref": … } or { "estimate": … }');
  // Frozen now, while it is at hand: it holds only strings, numbers and booleans, and the document is
  // validation's private copy (deepFreeze then passes over it).
  Object.freeze(l);
}

/** Cross-reference checks. Runs on the raw document, tolerating shapes zod already reported. */
function semanticProblems(doc: unknown, options: ValidateOptions, plain: PlainElements): NetworkProblem[] {
  const out: NetworkProblem[] = [];
  if (!isObj(doc)) return out;
  const add = (code: ProblemCode, path: Path, expected: string): void => {
    out.push(makeProblem(code, path, valueAt(doc, path), expected));
  };

  // Sources.
  const sourceIds = new Set<string>();
  arr(own(doc, 'sources')).forEach((s, i) => {
    const sid = isObj(s) ? str(own(s, 'id')) : undefined;
    if (sid === undefined) return;
    if (sourceIds.has(sid)) add('duplicate_id', ['sources', i, 'id'], 'a source id not used before');
    sourceIds.add(sid);
  });
  const checkProvenance = (holder: Record<string, unknown>, path: Path): void => {
    const src = own(holder, 'source');
    if (src === undefined) {
      if (options.requireSources === true) add('missing_source', [...path, 'source'], 'a source: { "ref": … } or { "estimate": … }');
      return;
    }
    const list = Array.isArray(src) ? src : [src];
    list.forEach((p, i) => {
      if (!isObj(p)) return;
      const at: Path = Array.isArray(src) ? [...path, 'source', i] : [...path, 'source'];
      const ref = own(p, 'ref');
      if (typeof ref === 'string' && !sourceIds.has(ref)) add('unknown_source', [...at, 'ref'], 'the id of an entry in "sources"');
      const range = own(p, 'range');
      if (range === undefined) {
        if (options.requireRanges === true && typeof own(p, 'estimate') === 'string') {
          add('missing_range', [...at, 'range'], 'a range of each figure the estimate gives: { "field", "min", "max" } or { "field", "factor": [low, high] }, with a "reason"');
        }
        return;
      }
      const ranges = Array.isArray(range) ? range : [range];
      ranges.forEach((r, k) => {
        // The schema has reported ranges of the wrong shape; check the figure only for well-formed ones.
        if (!isObj(r) || typeof own(r, 'field') !== 'string') return;
        const problem = rangeProblem(holder, r as unknown as FigureRange);
        if (problem !== undefined) add(problem.code, [...at, 'range', ...(Array.isArray(range) ? [k] : []), problem.member], problem.expected);
      });
    });
  };

  // Profiles.
  const profileIds = new Set<string>(BUILT_IN_PROFILES.map((p) => p.id));
  const declared = new Set<string>();
  arr(own(doc, 'profiles')).forEach((p, i) => {
    const pid = isObj(p) ? str(own(p, 'id')) : undefined;
    if (pid === undefined) return;
    if (declared.has(pid)) add('duplicate_id', ['profiles', i, 'id'], 'a profile id not used before');
    declared.add(pid);
    profileIds.add(pid);
  });
  const checkProfiles = (holder: Record<string, unknown>, path: Path): void => {
    arr(own(holder, 'profiles')).forEach((p, i) => {
      if (typeof p === 'string' && !profileIds.has(p)) {
        add('unknown_profile', [...path, 'profiles', i], `one of ${[...profileIds].join(', ')}`);
      }
    });
  };

  // Nodes and their stages.
  // Nodes by id: the valid document's `nodeById` reads the same numbers (`takeNodeIndex`).
  const nodeById = new NodeTable(arr(own(doc, 'nodes')).length);
  nodeIndexes.set(doc, nodeById.ids);
  const plainNodes = plain.nodes;
  arr(own(doc, 'nodes')).forEach((n, i) => {
    if (!isObj(n)) return;
    if (plainNodes !== undefined && plainNodes[i] === 1) {
      // A plain node (plain-elements.ts: an own non-empty string id, no source, no stages): the
      // checks below, without their allocations.
      const id = n['id'] as string;
      if (nodeById.add(id, n)) add('duplicate_id', ['nodes', i, 'id'], 'a node id not used before');
      if (options.requireSources === true) add('missing_source', ['nodes', i, 'source'], 'a source: { "ref": … } or { "estimate": … }');
      // Frozen now (only strings and numbers in it; the document is a private copy), as plain links are.
      Object.freeze(n);
      return;
    }
    const nid = str(own(n, 'id'));
    if (nid !== undefined) {
      if (nodeById.add(nid, n)) add('duplicate_id', ['nodes', i, 'id'], 'a node id not used before');
    }
    checkProvenance(n, ['nodes', i]);
    const stages = arr(own(n, 'stages'));
    const stageIds = stages.length > 0 ? new Set<string>() : undefined;
    stages.forEach((s, j) => {
      if (!isObj(s)) return;
      const sid = str(own(s, 'id'));
      if (sid !== undefined) {
        if (stageIds!.has(sid)) add('duplicate_id', ['nodes', i, 'stages', j, 'id'], 'a stage id not used before at this node');
        stageIds!.add(sid);
      }
      checkProfiles(s, ['nodes', i, 'stages', j]);
      checkProvenance(s, ['nodes', i, 'stages', j]);
      if (own(s, 'waitCause') !== undefined && own(s, 'kind') !== 'queue') {
        add('conflicting_fields', ['nodes', i, 'stages', j, 'waitCause'], 'waitCause only on a stage of kind "queue"');
      }
    });
    checkInsteadOf(arr(own(n, 'stages')), ['nodes', i, 'stages'], add);
  });

  // Links.
  const linkList = arr(own(doc, 'links'));
  const linkIds = new LinkIds(linkList.some((l) => isObj(l) && typeof own(l, 'id') === 'string' && (own(l, 'id') as string).endsWith(REVERSE)), linkList.length);
  const structureIds = new Set<string>();
  const plainLinks = plain.links;
  linkList.forEach((l, i) => {
    if (!isObj(l)) return;
    if (plainLinks !== undefined && plainLinks[i] === 1) {
      plainLinkProblems(l, i, linkIds, nodeById, options, add);
      return;
    }
    const at: Path = ['links', i];
    const lid = str(own(l, 'id'));
    if (lid !== undefined) {
      for (const x of linkIds.add(lid, own(l, 'bidirectional') === true)) add('duplicate_id', [...at, 'id'], `a link id not used before (the link would be "${x}")`);
    }
    const from = str(own(l, 'from'));
    const to = str(own(l, 'to'));
    // One lookup per end when it is known (a big network has a million links).
    const fromNode = from !== undefined ? nodeById.get(from) : undefined;
    const toNode = to !== undefined ? nodeById.get(to) : undefined;
    const fromCountry = fromNode !== undefined ? own(fromNode, 'country') : undefined;
    const toCountry = toNode !== undefined ? own(toNode, 'country') : undefined;
    if (from !== undefined && from !== '' && fromNode === undefined) add('unknown_node', [...at, 'from'], 'the id of a node');
    if (to !== undefined && to !== '' && toNode === undefined) add('unknown_node', [...at, 'to'], 'the id of a node');
    if (from !== undefined && from === to) add('self_loop', [...at, 'to'], 'a node other than "from"');

    const mode = own(l, 'mode');
    const hasSpeed = own(l, 'speedKmh') !== undefined;
    const hasDuration = own(l, 'durationHours') !== undefined;
    const service = own(l, 'service');
    if (mode === 'rail' || mode === 'road') {
      if (hasSpeed && hasDuration) add('conflicting_fields', [...at, 'durationHours'], 'either speedKmh or durationHours, not both');
      if (!hasSpeed && !hasDuration) add('missing_field', [...at, 'speedKmh'], 'speedKmh or durationHours');
      if (service !== undefined) add('conflicting_fields', [...at, 'service'], `no service on a ${mode} link`);
    } else if (mode === 'ferry' || mode === 'sea') {
      if (service === undefined) add('missing_service', [...at, 'service'], `a service (headway, sailing time) on a ${mode} link`);
      if (hasSpeed) add('conflicting_fields', [...at, 'speedKmh'], `no speedKmh on a ${mode} link (sailing time is service.sailingHours)`);
      if (hasDuration) add('conflicting_fields', [...at, 'durationHours'], `no durationHours on a ${mode} link (sailing time is service.sailingHours)`);
    }
    if (isObj(service)) {
      const hw = own(service, 'headwayHours') !== undefined;
      const dpw = own(service, 'departuresPerWeek') !== undefined;
      if (hw && dpw) add('conflicting_fields', [...at, 'service', 'departuresPerWeek'], 'either headwayHours or departuresPerWeek, not both');
      if (!hw && !dpw) add('missing_field', [...at, 'service', 'headwayHours'], 'headwayHours or departuresPerWeek');
      const perWeek = own(service, 'departuresPerWeek');
      if (typeof perWeek === 'number' && perWeek > 0 && Number.isFinite(perWeek) && !hoursInRange(168 / perWeek)) {
        add('invalid_value', [...at, 'service', 'departuresPerWeek'], `departures whose headway 168 / departuresPerWeek is ${HOURS_RANGE_TEXT}`);
      }
      const vessels = own(service, 'vessels') !== undefined;
      const returnHours = own(service, 'returnHours') !== undefined;
      if (vessels && !returnHours) add('missing_field', [...at, 'service', 'returnHours'], 'returnHours with vessels (the queue model needs both)');
      if (returnHours && !vessels) add('missing_field', [...at, 'service', 'vessels'], 'vessels with returnHours (the queue model needs both)');
      checkProvenance(service, [...at, 'service']);
    }
    // A node's unknown country is reported once, at the node: its links are not ambiguous for it.
    if (
      typeof fromCountry === 'string' &&
      typeof toCountry === 'string' &&
      isCountryCode(fromCountry) &&
      isCountryCode(toCountry) &&
      fromCountry !== toCountry &&
      own(l, 'country') === undefined &&
      own(l, 'waters') === undefined
    ) {
      add('ambiguous_country', [...at, 'country'], `"country" or "waters": the link joins ${fromCountry} and ${toCountry}`);
    }
    const dist = own(l, 'distanceKm');
    const speed = own(l, 'speedKmh');
    if (typeof dist === 'number' && typeof speed === 'number' && speed > 0 && Number.isFinite(dist) && !Number.isFinite(dist / speed)) {
      add('not_finite', [...at, 'speedKmh'], 'a speed giving a finite travel time (distanceKm / speedKmh overflows)');
    } else if (typeof dist === 'number' && typeof speed === 'number' && dist > 0 && speed > 0 && Number.isFinite(speed) && !hoursInRange(dist / speed)) {
      add('invalid_value', [...at, 'speedKmh'], `a speed that makes distanceKm / speedKmh ${HOURS_RANGE_TEXT} (it is ${dist / speed} h)`);
    }
    checkProfiles(l, at);
    checkProvenance(l, at);
    arr(own(l, 'structures')).forEach((s, j) => {
      if (!isObj(s)) return;
      const sp: Path = [...at, 'structures', j];
      const sid = str(own(s, 'id'));
      if (sid !== undefined) {
        if (structureIds.has(sid)) add('duplicate_id', [...sp, 'id'], 'a structure id not used before');
        structureIds.add(sid);
      }
      const pClose = own(s, 'closureProbability');
      if (typeof pClose === 'number' && pClose > 0 && own(s, 'closureDelayHours') === undefined) {
        add('missing_field', [...sp, 'closureDelayHours'], 'closureDelayHours when closureProbability > 0');
      }
      if (own(s, 'speedLimitKmh') !== undefined && own(s, 'restrictedKm') === undefined) {
        add('missing_field', [...sp, 'restrictedKm'], 'restrictedKm with speedLimitKmh');
      }
      if (own(s, 'speedLimitKmh') !== undefined && (mode === 'ferry' || mode === 'sea')) {
        add('conflicting_fields', [...sp, 'speedLimitKmh'], `no speed restriction on a ${mode} link (sailing time is service.sailingHours)`);
      }
      const restricted = own(s, 'restrictedKm');
      const distance = own(l, 'distanceKm');
      const limit = own(s, 'speedLimitKmh');
      if (typeof restricted === 'number' && typeof limit === 'number' && restricted > 0 && limit > 0 && !hoursInRange(restricted / limit)) {
        add('invalid_value', [...sp, 'speedLimitKmh'], `a limit that keeps restrictedKm / speedLimitKmh ${HOURS_RANGE_TEXT} (it is ${restricted / limit} h)`);
      }
      if (typeof restricted === 'number' && typeof distance === 'number' && restricted > distance) {
        add('invalid_value', [...sp, 'restrictedKm'], `at most the link's distanceKm (${distance})`);
      }
      if (own(s, 'overweightDetourHours') !== undefined && own(s, 'weightLimitTonnes') === undefined) {
        add('missing_field', [...sp, 'weightLimitTonnes'], 'weightLimitTonnes with overweightDetourHours');
      }
      checkProvenance(s, sp);
    });
  });

  // Traffic: flows name nodes, profiles and links of the document.
  const traffic = own(doc, 'traffic');
  if (isObj(traffic)) {
    checkProvenance(traffic, ['traffic']);
    const flowIds = new Set<string>();
    arr(own(traffic, 'flows')).forEach((f, i) => {
      if (!isObj(f)) return;
      const at: Path = ['traffic', 'flows', i];
      const fid = str(own(f, 'id'));
      if (fid !== undefined) {
        if (flowIds.has(fid)) add('duplicate_id', [...at, 'id'], 'a flow id not used before');
        flowIds.add(fid);
      }
      for (const end of ['origin', 'destination'] as const) {
        const n = str(own(f, end));
        if (n !== undefined && n !== '' && !nodeById.has(n)) add('unknown_node', [...at, end], 'the id of a node');
      }
      const profile = str(own(f, 'profile'));
      if (profile !== undefined && profile !== '' && !profileIds.has(profile)) add('unknown_profile', [...at, 'profile'], `one of ${[...profileIds].join(', ')}`);
      const avoid = own(f, 'avoid');
      if (isObj(avoid)) {
        arr(own(avoid, 'nodes')).forEach((n, j) => {
          if (typeof n === 'string' && !nodeById.has(n)) add('unknown_node', [...at, 'avoid', 'nodes', j], 'the id of a node');
        });
        arr(own(avoid, 'links')).forEach((l, j) => {
          if (typeof l === 'string' && !linkIds.has(l)) add('invalid_id', [...at, 'avoid', 'links', j], 'the id of a link');
        });
      }
      const size = own(f, 'size');
      if (isObj(size) && Object.keys(size).length === 0) add('missing_field', [...at, 'size', 'teu'], 'at least one of teu, wagons, trucks');
      checkProvenance(f, at);
    });
  }

  // Regimes: need traffic; links of the document (services on links with one); dates in order.
  const serviceLinks = new Set(arr(own(doc, 'links')).filter((l) => isObj(l) && isObj(own(l, 'service'))).map((l) => str(own(l as Record<string, unknown>, 'id'))));
  // Stages a regime may change: those with servers (the congestion model's capacity), by node.
  const serverStages = new Map<string, Set<string>>();
  if (arr(own(doc, 'regimes')).length > 0) for (const n of arr(own(doc, 'nodes'))) {
    const nid = isObj(n) ? str(own(n, 'id')) : undefined;
    if (nid === undefined) continue;
    const ids = new Set<string>();
    for (const st of arr(own(n as Record<string, unknown>, 'stages'))) if (isObj(st) && own(st, 'servers') !== undefined) ids.add(str(own(st, 'id')) ?? '');
    if (ids.size > 0) serverStages.set(nid, ids);
  }
  const regimeIds = new Set<string>();
  arr(own(doc, 'regimes')).forEach((r, i) => {
    if (!isObj(r)) return;
    const at: Path = ['regimes', i];
    checkProvenance(r, at);
    if (!isObj(traffic)) add('missing_field', ['traffic'], 'a traffic section: a regime\'s volume is a factor on its reference volume');
    const rid = str(own(r, 'id'));
    if (rid !== undefined) {
      if (regimeIds.has(rid)) add('duplicate_id', [...at, 'id'], 'a regime id not used before');
      regimeIds.add(rid);
    }
    const period = own(r, 'period');
    const from = isObj(period) ? dayOf(own(period, 'from')) : null;
    const to = isObj(period) ? dayOf(own(period, 'to')) : null;
    if (isObj(period) && typeof own(period, 'from') === 'string' && from === null) add('invalid_value', [...at, 'period', 'from'], 'a calendar date YYYY-MM-DD');
    if (isObj(period) && typeof own(period, 'to') === 'string' && to === null) add('invalid_value', [...at, 'period', 'to'], 'a calendar date YYYY-MM-DD');
    if (from !== null && to !== null && !(to > from)) add('invalid_value', [...at, 'period', 'to'], 'a date after period.from');
    const overload = own(r, 'overload');
    if (isObj(overload)) {
      checkProvenance(overload, [...at, 'overload']);
      const until = dayOf(own(overload, 'until'));
      if (until === null || (from !== null && !(until > from)) || (to !== null && !(until <= to))) add('invalid_value', [...at, 'overload', 'until'], 'a calendar date YYYY-MM-DD after period.from and not after period.to');
      arr(own(overload, 'crossings')).forEach((x, j) => {
        if (!isObj(x)) return;
        const link = str(own(x, 'link'));
        if (link !== undefined && !serviceLinks.has(link)) add('invalid_id', [...at, 'overload', 'crossings', j, 'link'], 'the id of a link with a service');
        checkProvenance(x, [...at, 'overload', 'crossings', j]);
      });
    }
    arr(own(r, 'services')).forEach((x, j) => {
      if (!isObj(x)) return;
      const link = str(own(x, 'link'));
      if (link !== undefined && !serviceLinks.has(link)) add('invalid_id', [...at, 'services', j, 'link'], 'the id of a link with a service');
      const capacity = own(x, 'capacity');
      if (isObj(capacity) && Object.keys(capacity).length === 0) add('missing_field', [...at, 'services', j, 'capacity', 'teu'], 'at least one of teu, wagons, trucks');
      checkProvenance(x, [...at, 'services', j]);
    });
    arr(own(r, 'stages')).forEach((x, j) => {
      if (!isObj(x)) return;
      const node = str(own(x, 'node'));
      const stage = str(own(x, 'stage'));
      const stages = node === undefined ? undefined : serverStages.get(node);
      if (node !== undefined && stages === undefined) add('invalid_id', [...at, 'stages', j, 'node'], 'the id of a node with a stage that has servers');
      else if (stage !== undefined && stages !== undefined && !stages.has(stage)) add('invalid_id', [...at, 'stages', j, 'stage'], `the id of a stage of node ${node} that has servers`);
      if (own(x, 'servers') === undefined && own(x, 'durationFactor') === undefined) add('missing_field', [...at, 'stages', j, 'servers'], 'at least one of servers, durationFactor');
      checkProvenance(x, [...at, 'stages', j]);
    });
    arr(own(r, 'closedLinks')).forEach((x, j) => {
      if (!isObj(x)) return;
      const link = str(own(x, 'link'));
      if (link !== undefined && !linkIds.has(link)) add('invalid_id', [...at, 'closedLinks', j, 'link'], 'the id of a link');
      checkProvenance(x, [...at, 'closedLinks', j]);
    });
  });

  // Calendar, correlation and episodes.
  for (const key of ['calendar', 'correlation'] as const) {
    const holder = own(doc, key);
    if (isObj(holder)) checkProvenance(holder, [key]);
  }
  const episodes = arr(own(doc, 'episodes'));
  if (episodes.length > 0 && own(doc, 'calendar') === undefined) add('missing_field', ['calendar'], 'a calendar { "referenceYear": … } with episodes (their default departure window)');
  const episodeIds = new Set<string>();
  let correlationMissing = false;
  episodes.forEach((e, i) => {
    if (!isObj(e)) return;
    const at: Path = ['episodes', i];
    const eid = str(own(e, 'id'));
    if (eid !== undefined) {
      if (episodeIds.has(eid)) add('duplicate_id', [...at, 'id'], 'an episode id not used before');
      episodeIds.add(eid);
    }
    const place = own(e, 'at');
    if (isObj(place)) {
      const node = str(own(place, 'node'));
      const link = str(own(place, 'link'));
      if (node !== undefined && node !== '' && !nodeById.has(node)) add('unknown_node', [...at, 'at', 'node'], 'the id of a node');
      // A link `x` also names `x:reverse`: a bidirectional link split in two by a measure keeps its episodes.
      if (link !== undefined && link !== '' && !linkIds.has(link) && !linkIds.has(`${link}${REVERSE}`)) add('unknown_link', [...at, 'at', 'link'], 'the id of a link (or <id>:reverse for one direction of a bidirectional link)');
      if (link !== undefined && own(e, 'modes') !== undefined) add('conflicting_fields', [...at, 'modes'], 'modes only on a node episode (a link has one mode)');
    }
    const occurrence = own(e, 'occurrence');
    if (own(e, 'correlated') === true) {
      if (isObj(occurrence) && own(occurrence, 'type') === 'windows') {
        add('conflicting_fields', [...at, 'correlated'], 'correlated only on a process (windows are fixed dates)');
      } else if (own(doc, 'correlation') === undefined && !correlationMissing) {
        correlationMissing = true;
        add('missing_field', ['correlation'], `a correlation { "sigma": … } for the correlated episode "${eid ?? i}"`);
      }
    }
    checkProvenance(e, at);
  });
  return out;
}

/** Days since 1970-01-01 of an ISO date that exists on the calendar, else null. */
function dayOf(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t / 86_400_000 : null;
}

/** The figures of a distribution, in hours. */
function figuresOf(d: Distribution): readonly number[] {
  return d.type === 'fixed' ? [d.value] : d.type === 'uniform' ? [d.min, d.max] : d.type === 'triangular' ? [d.min, d.mode, d.max] : d.type === 'lognormal' ? [d.median, d.p90] : d.values;
}

/**
 * Every distribution with a figure outside `HOURS_RANGE_TEXT` (limits.ts), or whose mean or second
 * moment is not a finite number (extreme parameters).
 */
function overflowingDistributions(doc: unknown, plain: PlainElements): NetworkProblem[] {
  const out: NetworkProblem[] = [];
  // One path, pushed and popped (copied only for a problem): a big document has millions of values.
  const path: (string | number)[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      // Plain nodes and links hold no distribution.
      const flags = path.length === 1 && v === (doc as Record<string, unknown>)[path[0] as string] ? (path[0] === 'nodes' ? plain.nodes : path[0] === 'links' ? plain.links : undefined) : undefined;
      for (let i = 0; i < v.length; i++) {
        if (flags !== undefined && flags[i] === 1) continue;
        path.push(i);
        walk(v[i]);
        path.pop();
      }
      return;
    }
    if (!isObj(v)) return;
    const t = own(v, 'type');
    if (typeof t === 'string' && (DISTRIBUTION_TYPES as readonly string[]).includes(t)) {
      const parsed = distributionSchema.safeParse(v);
      if (parsed.success) {
        const d = parsed.data as Distribution;
        if (!figuresOf(d).every(hoursInRange)) {
          out.push(makeProblem('invalid_value', [...path], v, `a distribution whose figures are each ${HOURS_RANGE_TEXT}`));
        } else if (!Number.isFinite(meanOf(d)) || !Number.isFinite(secondMomentOf(d))) {
          out.push(makeProblem('not_finite', [...path], v, 'a distribution with a finite mean and variance (these parameters overflow)'));
        }
      }
      return;
    }
    // for…in over a plain parsed object lists its own keys without allocating an array of them.
    for (const key in v) {
      if (!hasOwn(v, key)) continue;
      path.push(key);
      walk(v[key]);
      path.pop();
    }
  };
  walk(doc);
  return out;
}

/**
 * The schema's problems of a network document: the document's own fields against the shell schema,
 * then each node and link against its own schema (zod checks array elements independently, so the
 * problems are those of one parse of the whole, with the paths prefixed).
 */
function documentProblems(doc: unknown, plain: PlainElements): NetworkProblem[] {
  const problems = issueProblems(doc, networkShellSchema.safeParse(shellOf(doc)), []);
  if (typeof doc !== 'object' || doc === null) return problems;
  for (const [key, schema, isPlain] of [['nodes', nodeSchema, isPlainNode], ['links', linkSchema, isPlainLink]] as const) {
    const list = (doc as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    // Which elements are plain, for the later passes (the document is a private copy: they stay so).
    const flags = (plain[key] = new Uint8Array(list.length));
    for (let i = 0; i < list.length; i++) {
      if (isPlain(list[i])) {
        flags[i] = 1;
        continue;
      }
      const result = schema.safeParse(list[i]);
      if (!result.success) problems.push(...issueProblems(doc, result, [key, i]));
    }
  }
  return problems;
}

/**
 * What the shell schema reads of a document: the document, its node and link arrays replaced by
 * arrays as empty or not as they are (the shell checks only that much of them, and zod copied every
 * element of a big document's arrays to check it).
 */
function shellOf(doc: unknown): unknown {
  if (!isObj(doc)) return doc;
  const nodes = own(doc, 'nodes');
  const links = own(doc, 'links');
  if (!Array.isArray(nodes) && !Array.isArray(links)) return doc;
  const shell: Record<string, unknown> = { ...doc };
  if (Array.isArray(nodes)) shell['nodes'] = nodes.length > 0 ? [nodes[0]] : [];
  if (Array.isArray(links)) shell['links'] = [];
  return shell;
}

/** The problems of one zod result, its issue paths under `prefix` (paths into `doc`). */
function issueProblems(doc: unknown, result: z.ZodSafeParseResult<unknown>, prefix: Path): NetworkProblem[] {
  if (result.success) return [];
  const issues = prefix.length === 0 ? result.error.issues : result.error.issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
  const typeFailed = new Set(issues.filter((i) => i.code === 'invalid_type').map((i) => pathKey(i.path)));
  return issues.flatMap((issue) => fromZodIssue(doc, issue, issue.code !== 'invalid_type' && typeFailed.has(pathKey(issue.path))));
}

/** A zod issue path as a map key. */
function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
}

/** Document order of two paths (array indices numerically). */
export function comparePaths(a: Path, b: Path): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** Parse JSON text into a value, or the `invalid_json` problem. */
export function readJsonProblem(text: string): { value: unknown } | { problem: NetworkProblem } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { problem: makeProblem('invalid_json', [], text.length > 60 ? `${text.slice(0, 57)}...` : text, `valid JSON (${why})`) };
  }
}

/**
 * Every problem in a network document, in document order; an empty array when it is valid. Never
 * throws for any input. `input` is JSON text or an already-parsed value.
 */
export function validateNetwork(input: unknown, options: ValidateOptions = {}): NetworkProblem[] {
  return check(input, options).problems;
}

function check(input: unknown, options: ValidateOptions, defaultMax = Infinity): { problems: NetworkProblem[]; count: number; doc: unknown } {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'validation options { requireSources?, requireRanges?, maxProblems? }');
  const max = options.maxProblems ?? defaultMax;
  if (max !== Infinity && !(Number.isSafeInteger(max) && max >= 1)) throw new InvalidArgumentError('maxProblems', max, 'a whole number >= 1');
  // The document's shape element by element (documentProblems), not through the whole schema at once.
  const plain: PlainElements = {};
  const { problems, doc } = checkWith(input, (d) => documentProblems(d, plain), (d) => [...semanticProblems(d, options, plain), ...overflowingDistributions(d, plain)]);
  return { problems: problems.length > max ? problems.slice(0, max) : problems, count: problems.length, doc };
}

/**
 * Check a JSON document (text or a parsed value) against a zod schema, then with `semantic` (the
 * cross-reference checks a schema cannot express), collecting every problem in document order. The
 * checks run on a private copy, returned as `doc`. Never throws for any input. The economics tables
 * (costs, emissions, corridor alternatives) are checked this way; networks the same way with their
 * shape checked node by node and link by link.
 */
export function checkDocument(input: unknown, schema: z.ZodType, semantic: (doc: unknown) => NetworkProblem[]): { problems: NetworkProblem[]; doc: unknown } {
  return checkWith(input, (doc) => issueProblems(doc, schema.safeParse(doc), []), semantic);
}

/** `checkDocument` with the shape checked by `structural`. */
function checkWith(input: unknown, structural: (doc: unknown) => NetworkProblem[], semantic: (doc: unknown) => NetworkProblem[]): { problems: NetworkProblem[]; doc: unknown } {
  let doc = input;
  if (typeof input === 'string') {
    const r = readJsonProblem(input);
    if ('problem' in r) return { problems: [r.problem], doc: undefined };
    doc = r.value;
  }
  let problems: NetworkProblem[];
  // Validate a private copy, which is also what parseNetworkSpec returns: a getter or proxy that
  // answers differently on a later read cannot slip anything past the checks. What JSON.parse just
  // made from text is already private and plain (copying it took a tenth of a big network's parse).
  if (typeof input !== 'string') {
    try {
      doc = structuredClone(doc);
    } catch (e) {
      return { problems: [makeProblem('wrong_type', [], doc, `a plain JSON value (copying it failed: ${e instanceof Error ? e.message : String(e)})`)], doc: undefined };
    }
  }
  try {
    problems = structural(doc);
    problems.push(...semantic(doc));
  } catch (e) {
    // A hostile value (a getter that throws, a revoked proxy) must still give a typed answer.
    problems = [makeProblem('wrong_type', [], doc, `a plain JSON value (reading it failed: ${e instanceof Error ? e.message : String(e)})`)];
  }
  problems.sort((a, b) => comparePaths(a.path, b.path));
  return { problems, doc };
}

/**
 * Validate a network document and return it as a `NetworkSpec` (a deep, frozen copy). Throws one
 * `InvalidNetworkError` holding the first `maxProblems` problems (default `MAX_PROBLEMS`, 1,000) and how many were found in all. Use `parseNetwork` to get an indexed `Network`.
 */
export function parseNetworkSpec(input: unknown, options: ValidateOptions = {}): NetworkSpec {
  const { problems, count, doc } = check(input, options, MAX_PROBLEMS);
  if (count > 0) throw new InvalidNetworkError(problems, count);
  return deepFreeze(doc as NetworkSpec);
}

/** Freeze a JSON-like value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Index loops for arrays, for…in for objects: no array of keys per object (a big document has
    // millions); a call only for what may hold more (most values are strings and numbers).
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (typeof v === 'object' && v !== null) deepFreeze(v);
      }
    } else {
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        const v: unknown = (value as Record<string, unknown>)[key];
        if (typeof v === 'object' && v !== null) deepFreeze(v);
      }
    }
  }
  return value;
}

/**
 * The `insteadOf` references of one node's stages: each names another stage of the node, which
 * is not itself `insteadOf` one and is named only once, and the two probabilities sum to at most 1
 * (they share one draw: the named stage takes [0, p), this one [p, p + q)).
 */
function checkInsteadOf(stages: readonly unknown[], path: Path, add: (code: ProblemCode, path: Path, expected: string) => void): void {
  // Most nodes of a big network have no stages: no indexes made for them.
  if (stages.length === 0) return;
  const byId = new Map<string, Record<string, unknown>>();
  for (const s of stages) if (isObj(s) && typeof own(s, 'id') === 'string') byId.set(own(s, 'id') as string, s);
  const named = new Set<string>();
  stages.forEach((s, j) => {
    if (!isObj(s)) return;
    const target = own(s, 'insteadOf');
    if (typeof target !== 'string') return;
    const at: Path = [...path, j, 'insteadOf'];
    const other = byId.get(target);
    if (other === undefined || other === s) {
      add('invalid_value', at, 'the id of another stage at this node');
      return;
    }
    if (own(other, 'insteadOf') !== undefined) {
      add('invalid_value', at, `a stage that is not itself insteadOf another ("${target}" is)`);
      return;
    }
    if (named.has(target)) {
      add('invalid_value', at, `a stage no other stage is instead of ("${target}" already is)`);
      return;
    }
    named.add(target);
    const p = own(other, 'probability') ?? 1;
    const q = own(s, 'probability') ?? 1;
    if (typeof p === 'number' && typeof q === 'number' && !(p + q <= 1)) {
      add('probability_out_of_range', [...path, j, 'probability'], `at most 1 minus the probability of "${target}" (${p}): the two share one draw`);
    }
  });
}

/**
 * The problems of `doc` against a zod schema other than the network's (a study document), translated
 * as the network's are: the code a check declares, missing fields, unknown fields, wrong types.
 */
export function schemaProblems(schema: z.ZodType, doc: unknown): NetworkProblem[] {
  const problems = issueProblems(doc, schema.safeParse(doc), []);
  problems.sort((a, b) => comparePaths(a.path, b.path));
  return problems;
}
