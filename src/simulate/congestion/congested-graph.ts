// A trip's expanded graph with the congestion model's waits in place of the surveyed ones: `queue`
// stages whose wait is a capacity wait are dropped (as the queue model drops them), a stage with
// servers gets its queue wait just before it (happening exactly when the stage does), a scheduled
// service gets its rolled sailings after the wait for its first departure, and a fleet's departure
// wait is its modelled wait. Each wait is a part of its own (element key, category `waiting`, the
// place's country), so common random numbers pair it across networks that share the place.
import type { StageSpec } from '../../network/types.js';
import { elementKey, expectedHoursOf, type Arc, type ExpandedGraph, type Occurrence, type Part } from '../../route/expand.js';
import type { CongestionModel, PlaceWait } from './model.js';

/** Is `stage` a surveyed capacity wait, which the model replaces? */
export function isCapacityQueue(stage: StageSpec): boolean {
  return stage.kind === 'queue' && (stage.waitCause ?? 'capacity') === 'capacity';
}

function waitPart(p: Omit<Part, 'expectedHours'>): Part {
  return { ...p, expectedHours: expectedHoursOf(p.model) };
}

/** The backlog a regime's overload window left at `place`: a part of its own, always drawn. */
function backlogPart(place: PlaceWait, country: string, at: { nodeId?: string; stageId?: string; linkId?: string }): Part {
  return waitPart({
    kind: 'backlog-wait',
    key: elementKey('backlog', place.id),
    label: `${place.label}: backlog of the overload until ${place.backlog!.until}`,
    country,
    category: 'waiting',
    model: { type: 'table', table: place.backlog!.table, probability: 1 },
    ...at,
  });
}

/** Whose draw decides that a stage's part happens: its own draw 0, or the band of the stage it replaces. */
function occurrenceOf(p: Part): Occurrence {
  return p.model.type === 'random' && p.model.occurrence !== undefined ? p.model.occurrence : { key: p.key, from: 0 };
}

/** The parts of a stop, congested; `onRoute` collects the places met. */
function stopParts(arc: Arc, model: CongestionModel, met: Set<PlaceWait>): Part[] {
  const node = arc.node!;
  const out: Part[] = [];
  for (const p of arc.parts) {
    const stage = node.stages?.find((s) => s.id === p.stageId);
    if (stage === undefined) {
      out.push(p);
      continue;
    }
    if (isCapacityQueue(stage)) continue;
    const place = model.byId.get(`stage|${node.id}|${stage.id}`);
    if (place !== undefined) {
      met.add(place);
      if (place.backlog !== undefined) out.push(backlogPart(place, p.country, { nodeId: node.id, stageId: stage.id }));
      if (place.table !== null) {
        out.push(
          waitPart({
            kind: 'queue-wait',
            key: elementKey('queue', node.id, stage.id),
            label: `${node.name}: wait for ${stage.name}`,
            country: p.country,
            category: 'waiting',
            model: { type: 'table', table: place.table, probability: stage.probability ?? 1, occurrence: occurrenceOf(p) },
            nodeId: node.id,
            stageId: stage.id,
          }),
        );
      }
    }
    out.push(p);
  }
  return out;
}

/**
 * Expected hours an arc waits that no part draws: a regime's backlog walked as an episode on the
 * run's date (the route is planned with it, as with the part it replaces).
 */
function episodeBacklogHours(arc: Arc, model: CongestionModel): number {
  if (model.backlogByEpisode !== true || arc.type === 'stop') return 0;
  const place = model.byId.get(`service|${arc.link!.id}`);
  return place?.backlog !== undefined && arc.parts.some((p) => p.kind === 'departure-wait') ? place.backlog.meanHours : 0;
}

/** The parts of a link, congested. */
function linkParts(arc: Arc, model: CongestionModel, met: Set<PlaceWait>): Part[] {
  const link = arc.link!;
  const place = model.byId.get(`service|${link.id}`);
  if (place === undefined) return [...arc.parts];
  met.add(place);
  const out: Part[] = [];
  for (const p of arc.parts) {
    if (p.kind !== 'departure-wait') {
      out.push(p);
      continue;
    }
    // A crossing that shares a regime's backlog may have no modelled wait of its own (table null).
    // In calendar time the backlog is an episode on the run's own date instead of a part.
    if (place.backlog !== undefined && model.backlogByEpisode !== true) out.push(backlogPart(place, p.country, { linkId: link.id }));
    if (place.table === null) {
      out.push(p);
      continue;
    }
    if (place.kind === 'fleet') {
      out.push(waitPart({ ...p, key: elementKey('link', link.id, 'fleet-wait'), model: { type: 'table', table: place.table, probability: 1 } }));
      continue;
    }
    out.push(p);
    out.push(
      waitPart({
        kind: 'rolled-wait',
        key: elementKey('link', link.id, 'rolled'),
        label: `${p.label.replace(/: wait for .*$/, '')}: rolled to a later sailing`,
        country: p.country,
        category: 'waiting',
        model: { type: 'table', table: place.table, probability: 1 },
        linkId: link.id,
      }),
    );
  }
  return out;
}

/** A congested graph and the places each arc meets. */
export interface CongestedGraph {
  readonly graph: ExpandedGraph;
  /** Per arc: the capacity-limited places it passes (with their model). */
  readonly placesOfArc: readonly (readonly PlaceWait[])[];
}

const cache = new WeakMap<ExpandedGraph, WeakMap<CongestionModel, CongestedGraph>>();
const stableCache = new WeakMap<CongestedGraph, CongestedGraph>();

/**
 * `g` without the arcs that pass an unstable place (their wait is unbounded: a route takes them
 * only when it has no other way); `g` itself when it has none. The vertices are kept, so a trip's
 * sources and targets are unchanged.
 */
export function withoutUnstable(g: CongestedGraph): CongestedGraph {
  if (!g.placesOfArc.some((ps) => ps.some((p) => !p.stable))) return g;
  let hit = stableCache.get(g);
  if (hit === undefined) {
    const keep = g.graph.arcs.map((_, i) => i).filter((i) => g.placesOfArc[i]!.every((p) => p.stable));
    hit = { graph: { ...g.graph, arcs: keep.map((i) => g.graph.arcs[i]!) }, placesOfArc: keep.map((i) => g.placesOfArc[i]!) };
    stableCache.set(g, hit);
  }
  return hit;
}

/**
 * `graph` with `model`'s waits: capacity `queue` stages dropped, queue waits before stages with
 * servers, rolled sailings after a scheduled service's departure wait, a fleet's modelled wait in
 * place of its departure wait. A place that is unstable gets no wait part (it has no stationary
 * wait; `placesOfArc` still lists it). Cached per graph and model.
 */
export function congestedGraph(graph: ExpandedGraph, model: CongestionModel): CongestedGraph {
  let byModel = cache.get(graph);
  if (byModel === undefined) cache.set(graph, (byModel = new WeakMap()));
  const hit = byModel.get(model);
  if (hit !== undefined) return hit;
  const placesOfArc: PlaceWait[][] = [];
  const arcs = graph.arcs.map((arc) => {
    const met = new Set<PlaceWait>();
    const parts = arc.type === 'stop' ? stopParts(arc, model, met) : linkParts(arc, model, met);
    placesOfArc.push([...met]);
    let expectedHours = episodeBacklogHours(arc, model);
    for (const p of parts) expectedHours += p.expectedHours;
    // A link arc's `link`, like its `parts`, is read on first use (not an own field a spread copies).
    return arc.type === 'link' ? { ...arc, link: arc.link!, parts, expectedHours } : { ...arc, parts, expectedHours };
  });
  const out = { graph: { ...graph, arcs }, placesOfArc };
  byModel.set(model, out);
  return out;
}
