// A patch: figures of a network replaced or scaled at named places, each with where the new figure
// comes from. What a time survey's fit, a calibration and a draw of uncertain figures produce, as a
// measure like any other (applyMeasures, attribution, provenance, the `definition` recipe).
import { InvalidMeasureError } from '../errors.js';
import { figureAt, isProfile, provenanceList, rangesOf } from '../network/ranges.js';
import { distributionSchema, provenanceSchema, sourceSchema } from '../network/schema.js';
import type { Distribution, NetworkSpec, Provenance, ProvenanceSpec, SourceSpec } from '../network/types.js';
import { deepFreeze, validateNetwork } from '../network/validate.js';
import { defineMeasure } from './define.js';
import { finiteDistribution, scaleFinite } from './finite.js';
import { checkOptions, extraSources, measureIdOf } from './parameters.js';
import { dropStaleRanges } from './stale-ranges.js';
import type { FigureChange, Measure, PatchFiguresOptions } from './types.js';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `change.<key>` as a non-empty string, or undefined when absent. */
function optionalId(measureId: string, at: string, change: Json, key: string): string | undefined {
  const v = change[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length === 0) throw new InvalidMeasureError(measureId, `${at}.${key}`, v, 'a non-empty id');
  return v;
}

/** A change checked for shape (the network is checked when the patch is applied), frozen. */
function checkChange(measureId: string, i: number, change: unknown): FigureChange {
  const at = `changes[${i}]`;
  if (!isRecord(change)) throw new InvalidMeasureError(measureId, at, change, 'a change { node | link | episode | correlation, stage? | service? | structure?, field, set | factor, source? }');
  for (const key of Object.keys(change)) {
    if (!['node', 'stage', 'link', 'service', 'structure', 'episode', 'correlation', 'field', 'set', 'factor', 'source'].includes(key)) {
      throw new InvalidMeasureError(measureId, `${at}.${key}`, change[key], 'one of node, stage, link, service, structure, episode, correlation, field, set, factor, source');
    }
  }
  const node = optionalId(measureId, at, change, 'node');
  const stage = optionalId(measureId, at, change, 'stage');
  const link = optionalId(measureId, at, change, 'link');
  const structure = optionalId(measureId, at, change, 'structure');
  if (change.service !== undefined && change.service !== true) throw new InvalidMeasureError(measureId, `${at}.service`, change.service, 'true (the link\'s service), or nothing');
  const episode = optionalId(measureId, at, change, 'episode');
  if (change.correlation !== undefined && change.correlation !== true) throw new InvalidMeasureError(measureId, `${at}.correlation`, change.correlation, "true (the document's corridor state), or nothing");
  if ([node, link, episode, change.correlation].filter((x) => x !== undefined).length !== 1) throw new InvalidMeasureError(measureId, at, change, 'exactly one of node, link, episode, correlation');
  if (stage !== undefined && node === undefined) throw new InvalidMeasureError(measureId, `${at}.stage`, stage, 'a stage only with node');
  if ((change.service !== undefined || structure !== undefined) && link === undefined) throw new InvalidMeasureError(measureId, at, change, 'service or structure only with link');
  if (change.service !== undefined && structure !== undefined) throw new InvalidMeasureError(measureId, `${at}.structure`, structure, 'not both service and structure');
  const field = change.field;
  if (typeof field !== 'string' || field.length === 0 || field.split('.').some((k) => k.length === 0)) {
    throw new InvalidMeasureError(measureId, `${at}.field`, field, 'a field name, dotted for a nested one (durationHours, capacity.teu)');
  }
  if ((change.set === undefined) === (change.factor === undefined)) throw new InvalidMeasureError(measureId, at, change, 'exactly one of set, factor');
  if (change.factor !== undefined && !(typeof change.factor === 'number' && Number.isFinite(change.factor) && change.factor >= 0)) {
    throw new InvalidMeasureError(measureId, `${at}.factor`, change.factor, 'a finite number >= 0');
  }
  const set = change.set;
  if (set !== undefined && typeof set !== 'number') {
    const r = distributionSchema.safeParse(set);
    if (!r.success || !finiteDistribution(r.data as Distribution)) throw new InvalidMeasureError(measureId, `${at}.set`, set, 'a finite number or a valid duration distribution with a finite mean and variance');
  } else if (typeof set === 'number' && !Number.isFinite(set)) {
    throw new InvalidMeasureError(measureId, `${at}.set`, set, 'a finite number');
  }
  if (change.source !== undefined && !provenanceSchema.safeParse(change.source).success) {
    throw new InvalidMeasureError(measureId, `${at}.source`, change.source, 'a provenance { "ref", "note"?, "range"? } or { "estimate", "range"? }');
  }
  return deepFreeze(structuredClone(change)) as unknown as FigureChange;
}

/** Where a change's object sits in the working copy, and how to put a new version back. */
interface Slot {
  readonly get: () => Json;
  readonly put: (next: Json) => void;
  /** The change's address in words, for errors. */
  readonly where: string;
  /** The object's path in the document (as a validation problem's `path`). */
  readonly path: readonly (string | number)[];
}

/**
 * The working copy of a document: shallow copies of the arrays; a node or link whose stages or
 * structures change is copied once (with its own array), and objects are replaced as they change.
 */
class Working {
  readonly nodes: Json[];
  readonly links: Json[];
  readonly episodes: Json[] | undefined;
  correlation: Json | undefined;
  private readonly nodeIndex = new Map<string, number>();
  private readonly linkIndex = new Map<string, number>();
  /** Nodes and links already copied with an array of their own (stages, structures). */
  private readonly ownNodes = new Set<number>();
  private readonly ownLinks = new Set<number>();
  constructor(spec: NetworkSpec) {
    this.nodes = spec.nodes.map((n) => n as unknown as Json);
    this.links = spec.links.map((l) => l as unknown as Json);
    this.episodes = spec.episodes?.map((e) => e as unknown as Json);
    this.correlation = spec.correlation as unknown as Json | undefined;
    this.nodes.forEach((n, i) => this.nodeIndex.set(n.id as string, i));
    this.links.forEach((l, i) => this.linkIndex.set(l.id as string, i));
  }
  private ownStages(n: number): Json[] {
    if (!this.ownNodes.has(n)) {
      this.nodes[n] = { ...this.nodes[n]!, stages: [...((this.nodes[n]!.stages as Json[] | undefined) ?? [])] };
      this.ownNodes.add(n);
    }
    return this.nodes[n]!.stages as Json[];
  }
  private ownStructures(l: number): Json[] {
    if (!this.ownLinks.has(l)) {
      this.links[l] = { ...this.links[l]!, structures: [...((this.links[l]!.structures as Json[] | undefined) ?? [])] };
      this.ownLinks.add(l);
    }
    return this.links[l]!.structures as Json[];
  }
  slot(measureId: string, i: number, c: FigureChange): Slot {
    const at = `changes[${i}]`;
    if (c.episode !== undefined) {
      const e = this.episodes?.findIndex((x) => x.id === c.episode) ?? -1;
      if (e < 0) throw new InvalidMeasureError(measureId, `${at}.episode`, c.episode, 'the id of an episode of the network');
      return { get: () => this.episodes![e]!, put: (next) => (this.episodes![e] = next), where: `episode ${c.episode}`, path: ['episodes', e] };
    }
    if (c.correlation === true) {
      if (this.correlation === undefined) throw new InvalidMeasureError(measureId, `${at}.correlation`, true, 'a network with a correlation (it has none)');
      return { get: () => this.correlation!, put: (next) => (this.correlation = next), where: 'the correlation', path: ['correlation'] };
    }
    if (c.node !== undefined) {
      const n = this.nodeIndex.get(c.node);
      if (n === undefined) throw new InvalidMeasureError(measureId, `${at}.node`, c.node, 'the id of a node of the network');
      if (c.stage === undefined) {
        // A node's own figures: keep the stages array this working copy may already own.
        return { get: () => this.nodes[n]!, put: (next) => (this.nodes[n] = { ...next, ...(this.ownNodes.has(n) ? { stages: this.nodes[n]!.stages } : {}) }), where: `node ${c.node}`, path: ['nodes', n] };
      }
      const stages = (this.nodes[n]!.stages as Json[] | undefined) ?? [];
      const s = stages.findIndex((x) => x.id === c.stage);
      if (s < 0) throw new InvalidMeasureError(measureId, `${at}.stage`, c.stage, `the id of a stage at node ${c.node} (${stages.map((x) => String(x.id)).join(', ') || 'it has none'})`);
      return { get: () => (this.nodes[n]!.stages as Json[])[s]!, put: (next) => (this.ownStages(n)[s] = next), where: `stage ${c.stage} at ${c.node}`, path: ['nodes', n, 'stages', s] };
    }
    const l = this.linkIndex.get(c.link!);
    if (l === undefined) throw new InvalidMeasureError(measureId, `${at}.link`, c.link, 'the document id of a link of the network');
    if (c.service === true) {
      if (!isRecord(this.links[l]!.service)) throw new InvalidMeasureError(measureId, `${at}.service`, true, `a link with a service (${c.link} has none)`);
      return { get: () => this.links[l]!.service as Json, put: (next) => (this.links[l] = { ...this.links[l]!, service: next }), where: `the service of link ${c.link}`, path: ['links', l, 'service'] };
    }
    if (c.structure !== undefined) {
      const structures = (this.links[l]!.structures as Json[] | undefined) ?? [];
      const s = structures.findIndex((x) => x.id === c.structure);
      if (s < 0) throw new InvalidMeasureError(measureId, `${at}.structure`, c.structure, `the id of a structure on link ${c.link}`);
      return { get: () => (this.links[l]!.structures as Json[])[s]!, put: (next) => (this.ownStructures(l)[s] = next), where: `structure ${c.structure} on ${c.link}`, path: ['links', l, 'structures', s] };
    }
    // A link's own figures: keep its service and the structures array this working copy may own.
    return {
      get: () => this.links[l]!,
      put: (next) => (this.links[l] = { ...next, ...(this.links[l]!.service !== undefined ? { service: this.links[l]!.service } : {}), ...(this.ownLinks.has(l) ? { structures: this.links[l]!.structures } : {}) }),
      where: `link ${c.link}`,
      path: ['links', l],
    };
  }
}

/** `holder` with `value` at the dotted `field` (copy on write). */
function withFigure(holder: Json, field: string, value: unknown): Json {
  const [head, ...rest] = field.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...holder, [head]: value };
  return { ...holder, [head]: withFigure(holder[head] as Json, rest.join('.'), value) };
}

/** `source` with `added` appended; with `dropField`, the ranges of that field left out of the old entries. */
function appendedSource(source: ProvenanceSpec | undefined, added: Provenance, dropField: string | undefined): ProvenanceSpec {
  const old = provenanceList(source).map((p): Provenance => {
    if (dropField === undefined) return p;
    const ranges = rangesOf(p);
    const kept = ranges.filter((r) => r.field !== dropField);
    if (kept.length === ranges.length) return p;
    const { range: _dropped, ...rest } = p as Provenance & { range?: unknown };
    return (kept.length === 0 ? rest : { ...rest, range: kept.length === 1 ? kept[0]! : kept }) as Provenance;
  });
  return [...old, added];
}

/**
 * Replace or scale figures at named places. Each change names an object — a node (`node`), a stage
 * (`node`, `stage`), a link (`link`, its document id), its service (`link`, `service: true`), a
 * structure (`link`, `structure`), a disruption episode (`episode`) or the corridor state
 * (`correlation: true`) — and a `field` of it holding a number, a duration distribution or a
 * monthly profile (an episode's `occurrence.startsPerMonth`; dotted for a nested field, as a
 * range's `field`); it either `set`s the figure (a number for a number, a distribution for a
 * distribution) or multiplies it by `factor` (a distribution or a profile is scaled whole; a
 * profile only so). `source`, when given, is appended to the object's provenance, and with `set` the object's
 * old ranges of that field are dropped. `addSources` adds entries to the network's `sources` table
 * (ids not yet used), so a change may cite them by `ref`. Changes apply in order; several may touch
 * one object. Ranges that a change leaves outside their figure are dropped, as with every measure.
 * Throws `InvalidMeasureError` naming the change (`changes[i].node`, `.stage`, `.field`, `.set`…)
 * for a bad shape when built, and when applied for a place the network lacks, a field that holds no
 * figure of the kind given, or a result that would not validate (a probability above 1, an
 * unknown source). Default id `patch-figures`.
 */
export function patchFigures(options: PatchFiguresOptions): Measure {
  const id = measureIdOf(options, 'patch-figures');
  checkOptions(id, options, ['changes', 'addSources']);
  if (!Array.isArray(options.changes) || options.changes.length === 0) throw new InvalidMeasureError(id, 'changes', options.changes, 'a non-empty array of changes');
  const changes = options.changes.map((c, i) => checkChange(id, i, c));
  let addSources: readonly SourceSpec[] = [];
  if (options.addSources !== undefined) {
    if (!Array.isArray(options.addSources)) throw new InvalidMeasureError(id, 'addSources', options.addSources, 'an array of sources { id, title, organisation, year, … }');
    const seen = new Set<string>();
    addSources = options.addSources.map((s, i) => {
      if (!sourceSchema.safeParse(s).success) throw new InvalidMeasureError(id, `addSources[${i}]`, s, 'a source { id, title, organisation, year (integer or null), url?, confidence?, notes? }');
      if (seen.has(s.id)) throw new InvalidMeasureError(id, `addSources[${i}].id`, s.id, 'an id not used by another added source');
      seen.add(s.id);
      return deepFreeze(structuredClone(s));
    });
  }
  const places = [...new Set(changes.map((c) => c.node ?? c.link ?? (c.episode !== undefined ? `episode ${c.episode}` : 'correlation')))];
  return defineMeasure({
    id,
    kind: 'patch-figures',
    title: options.title ?? `Patch ${changes.length} figure${changes.length === 1 ? '' : 's'} at ${places.slice(0, 3).join(', ')}${places.length > 3 ? ', …' : ''}`,
    changes:
      `Sets or scales ${changes.length} figure${changes.length === 1 ? '' : 's'}: ` +
      changes
        .slice(0, 5)
        .map((c) => `${c.field} of ${c.stage ?? c.structure ?? (c.service === true ? `${c.link} service` : (c.node ?? c.link ?? (c.episode !== undefined ? `episode ${c.episode}` : 'the correlation')))} ${c.factor !== undefined ? `×${c.factor}` : typeof c.set === 'number' ? `= ${c.set}` : `= a ${(c.set as Distribution).type} distribution`}`)
        .join('; ') +
      (changes.length > 5 ? `; and ${changes.length - 5} more` : '') +
      '. Nothing else changes.',
    sources: extraSources(id, options.sources),
    parameters: [],
    scope: { nodes: places.filter((p) => changes.some((c) => c.node === p)), links: places.filter((p) => changes.some((c) => c.link === p)) },
    options: { title: options.title, sources: options.sources, changes, addSources: addSources.length > 0 ? addSources : undefined },
    transform(spec) {
      const work = new Working(spec);
      const taken = new Set((spec.sources ?? []).map((s) => s.id));
      addSources.forEach((s, i) => {
        if (taken.has(s.id)) throw new InvalidMeasureError(id, `addSources[${i}].id`, s.id, 'a source id the network does not have yet');
      });
      const paths: (readonly (string | number)[])[] = [];
      changes.forEach((c, i) => {
        const at = `changes[${i}]`;
        const slot = work.slot(id, i, c);
        paths.push(slot.path);
        const holder = slot.get();
        const figure = figureAt(holder, c.field);
        if (figure === undefined) throw new InvalidMeasureError(id, `${at}.field`, c.field, `a field of ${slot.where} holding a number or a duration distribution`);
        let value: number | Distribution | readonly number[];
        if (c.factor !== undefined) {
          const f = c.factor;
          value = typeof figure === 'number' ? figure * f : isProfile(figure) ? figure.map((x) => x * f) : scaleFinite(id, `${at}.factor`, figure, f, `${c.field} of ${slot.where}`);
          if ((typeof value === 'number' && !Number.isFinite(value)) || (isProfile(figure) && !isProfile(value))) throw new InvalidMeasureError(id, `${at}.factor`, c.factor, `a factor keeping ${c.field} of ${slot.where} finite`);
        } else {
          value = c.set!;
          if (isProfile(figure)) throw new InvalidMeasureError(id, `${at}.set`, value, `a factor: ${c.field} of ${slot.where} is a monthly profile, scaled whole`);
          if ((typeof value === 'number') !== (typeof figure === 'number')) {
            throw new InvalidMeasureError(id, `${at}.set`, value, `${typeof figure === 'number' ? 'a number' : 'a duration distribution'}, as ${c.field} of ${slot.where} holds`);
          }
        }
        let next = withFigure(holder, c.field, value);
        if (c.source !== undefined) next = { ...next, source: appendedSource(next.source as ProvenanceSpec | undefined, c.source, c.set !== undefined ? c.field : undefined) };
        slot.put(next);
      });
      const result = dropStaleRanges(spec, {
        ...spec,
        ...(addSources.length > 0 ? { sources: [...(spec.sources ?? []), ...addSources] } : {}),
        nodes: work.nodes as unknown as NetworkSpec['nodes'],
        links: work.links as unknown as NetworkSpec['links'],
        ...(work.episodes !== undefined ? { episodes: work.episodes as unknown as NonNullable<NetworkSpec['episodes']> } : {}),
        ...(work.correlation !== undefined ? { correlation: work.correlation as unknown as NonNullable<NetworkSpec['correlation']> } : {}),
      });
      // The patch writes figures its caller chose: check the result as a whole (a probability above 1,
      // a lognormal whose median passes its p90, a ref to an unknown source) and name the change.
      const problems = validateNetwork(result);
      if (problems.length > 0) {
        const p = problems[0]!;
        let culprit = -1;
        paths.forEach((path, i) => {
          if (path.every((k, j) => p.path[j] === k)) culprit = i;
        });
        const change = culprit < 0 ? undefined : changes[culprit]!;
        const field = change === undefined ? 'changes' : `changes[${culprit}].${change.set !== undefined ? 'set' : change.factor !== undefined && p.path.includes('source') === false ? 'factor' : 'source'}`;
        throw new InvalidMeasureError(id, field, change?.set ?? change?.factor ?? change?.source, `a change that leaves a valid network (${p.message})`);
      }
      return result;
    },
  });
}
