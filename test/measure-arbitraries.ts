// fast-check arbitraries of random valid networks with every feature a measure touches, and of
// random measures of every factory scoped to a given network (shared by the measure property tests).
import fc from 'fast-check';
import { InvalidMeasureError } from '../src/errors.js';
import { addLink, adjustLink, adjustStage, closeLink, improvePortCustoms, installScanners, patchFigures, replaceBridges, streamlineCustoms, type Measure } from '../src/measures/index.js';
import { parseNetwork, type Network } from '../src/network/network.js';
import type { Distribution, FigureRange, LinkSpec, Mode, NetworkSpec, NodeSpec, ProvenanceSpec, StageKind, StageSpec, StructureSpec } from '../src/network/types.js';
import { validateNetwork } from '../src/network/validate.js';
import { isDistribution, isProbabilityField } from '../src/network/ranges.js';

// ---------------------------------------------------------------------------------------------
// Random valid networks: every feature a measure touches (customs, inspection and queue stages,
// ports, road bridges with caps and restrictions, ferry and sea services by headway or by departures
// per week, bidirectional links, a sources table, a declared profile). Half of them are "extreme":
// most figures so large (or small) that a measure's factor in its range overflows them — a
// distribution's figures from 3e153 h (validation requires its second moment finite, computed as a
// sum of up to six squares: at most 5e153 h), travel times and speeds from 5e307, a frequency of
// 1e-323 departures a week, of which a fifth is 0.

const COUNTRIES = ['KZ', 'AZ', 'KG'] as const;

/** The arbitraries of a network's figures. */
interface Figures {
  readonly magnitude: fc.Arbitrary<number>;
  readonly dist: fc.Arbitrary<Distribution>;
  /** A link's length and speed. */
  readonly movement: fc.Arbitrary<{ readonly distanceKm: number; readonly speedKmh: number }>;
  readonly departuresPerWeek: fc.Arbitrary<number>;
}

const ordinary = fc.double({ min: 0.5, max: 50, noNaN: true });

function figures(extreme: boolean): Figures {
  const w = extreme ? 3 : 0;
  // Extreme figures sit near the longest time a document may state (1e6 h): ten times them is too much.
  const magnitude = fc.oneof({ weight: 1, arbitrary: ordinary }, { weight: w, arbitrary: fc.double({ min: 3e5, max: 5e5, noNaN: true }) });
  const dist: fc.Arbitrary<Distribution> = fc.oneof(
    magnitude.map((value) => ({ type: 'fixed' as const, value })),
    fc.tuple(magnitude, fc.double({ min: 0, max: 1, noNaN: true })).map(([max, t]) => ({ type: 'uniform' as const, min: max * t, max })),
    fc.tuple(magnitude, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([max, a, b]) => ({
      type: 'triangular' as const,
      min: max * Math.min(a, b),
      mode: max * Math.max(a, b),
      max,
    })),
    fc.tuple(magnitude, fc.double({ min: 1, max: 4, noNaN: true })).map(([median, f]) => ({ type: 'lognormal' as const, median: median / 4, p90: (median / 4) * f })),
    fc.array(magnitude, { minLength: 1, maxLength: 3 }).map((values) => ({ type: 'empirical' as const, values })),
  );
  return {
    magnitude,
    dist,
    movement: fc.oneof(
      { weight: 1, arbitrary: fc.record({ distanceKm: fc.double({ min: 1, max: 2000, noNaN: true }), speedKmh: fc.double({ min: 5, max: 120, noNaN: true }) }) },
      // A travel time near the longest a document may state (1e6 h): a much slower speed exceeds it.
      { weight: w, arbitrary: fc.record({ distanceKm: fc.double({ min: 4e5, max: 8e5, noNaN: true }), speedKmh: fc.double({ min: 0.9, max: 1.1, noNaN: true }) }) },
      // A speed near the largest double: a faster one overflows.
      { weight: w, arbitrary: fc.record({ distanceKm: fc.double({ min: 1, max: 2000, noNaN: true }), speedKmh: fc.double({ min: 5e307, max: 1e308, noNaN: true }) }) },
    ),
    // A headway near the longest: fewer departures exceed it.
    departuresPerWeek: fc.oneof({ weight: 1, arbitrary: magnitude }, { weight: w, arbitrary: fc.constant(168 / 9e5) }),
  };
}

const sourceArb: fc.Arbitrary<ProvenanceSpec | undefined> = fc.constantFrom(undefined, { ref: 'R1' }, [{ ref: 'R1' }, { ref: 'R2' }], { estimate: 'a guess' });
const optional = <T,>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 2 });

const stageArb = (f: Figures, i: number, country: string): fc.Arbitrary<StageSpec> =>
  fc
    .record({
      kind: fc.constantFrom<StageKind>('customs', 'customs', 'inspection', 'queue', 'handling'),
      country: fc.constantFrom(country, ...COUNTRIES),
      durationHours: f.dist,
      probability: optional(fc.double({ min: 0, max: 1, noNaN: true })),
      modes: fc.subarray<Mode>(['rail', 'road', 'ferry', 'sea'], { minLength: 1 }),
      profiles: optional(fc.constantFrom(['truck'], ['reefer'])),
      source: sourceArb,
    })
    .map((s) => strip({ id: `s${i}`, name: `stage ${i}`, category: s.kind === 'queue' ? 'waiting' : 'customs', ...s }) as StageSpec);

const structureArb = (f: Figures, id: string): fc.Arbitrary<StructureSpec> =>
  fc
    .record({
      kind: fc.constantFrom('bridge' as const, 'bridge' as const, 'tunnel' as const),
      weightLimitTonnes: optional(fc.double({ min: 10, max: 60, noNaN: true })),
      detour: f.dist,
      restrictedKm: optional(fc.double({ min: 0.1, max: 1, noNaN: true })),
      speedLimitKmh: fc.double({ min: 5, max: 60, noNaN: true }),
      closureProbability: fc.constantFrom(0, 0.001, 0.05),
      closureDelayHours: f.dist,
      source: sourceArb,
    })
    .map((s) =>
      strip({
        id,
        kind: s.kind,
        name: id,
        closureProbability: s.closureProbability,
        ...(s.closureProbability > 0 ? { closureDelayHours: s.closureDelayHours } : {}),
        ...(s.weightLimitTonnes !== undefined ? { weightLimitTonnes: s.weightLimitTonnes, overweightDetourHours: s.detour } : {}),
        // restrictedKm is a share of the link here; the link sets the kilometres below.
        ...(s.restrictedKm !== undefined ? { restrictedKm: s.restrictedKm, speedLimitKmh: s.speedLimitKmh } : {}),
        source: s.source,
      }) as StructureSpec,
    );

const linkArb = (f: Figures, k: number, n: number): fc.Arbitrary<LinkSpec> =>
  fc
    .record({
      from: fc.integer({ min: 0, max: n - 1 }),
      hop: fc.integer({ min: 1, max: n - 1 }),
      mode: fc.constantFrom<Mode>('rail', 'road', 'road', 'ferry', 'sea'),
      movement: f.movement,
      byDuration: fc.boolean(),
      durationHours: f.dist,
      headway: fc.oneof(f.dist.map((headwayHours) => ({ headwayHours })), f.departuresPerWeek.map((departuresPerWeek) => ({ departuresPerWeek }))),
      sailingHours: f.dist,
      cancellationProbability: fc.double({ min: 0, max: 0.9, noNaN: true }),
      structures: fc.array(fc.constant(0), { maxLength: 2 }),
      both: fc.boolean(),
      country: optional(fc.constantFrom(...COUNTRIES)),
      source: sourceArb,
    })
    // An id may be taken by the reverse copy another link's structure gets when a measure splits it.
    .chain((l) => fc.tuple(fc.constant(l), fc.tuple(...l.structures.map((_, j) => fc.constantFrom(`b${k}-${j}`, `b${k - 1}-${j}:reverse`).chain((id) => structureArb(f, id))))))
    .map(([l, structures]) => {
      const moving = l.mode === 'rail' || l.mode === 'road';
      const distanceKm = moving ? l.movement.distanceKm : Math.min(l.movement.distanceKm, 2000);
      return strip({
        id: `l${k}`,
        from: `n${l.from}`,
        to: `n${(l.from + l.hop) % n}`,
        mode: l.mode,
        distanceKm,
        ...(moving ? (l.byDuration ? { durationHours: l.durationHours } : { speedKmh: l.movement.speedKmh }) : {}),
        ...(moving ? {} : { service: { ...l.headway, sailingHours: l.sailingHours, cancellationProbability: l.cancellationProbability } }),
        country: l.country ?? 'KZ',
        bidirectional: l.both,
        source: l.source,
        ...(structures.length > 0 ? { structures: structures.map((s) => (s.restrictedKm === undefined ? s : { ...s, restrictedKm: s.restrictedKm * distanceKm })) } : {}),
      }) as LinkSpec;
    });

/** Drop keys whose value is undefined (documents and options are JSON); typed as the caller expects. */
function strip<R>(o: object): R {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as R;
}

export const randomNetworkArb: fc.Arbitrary<Network> = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.boolean().map(figures))
  .chain(([n, f]) =>
    fc.tuple(
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            kind: fc.constantFrom<NodeSpec['kind']>('terminal', 'border', 'port', 'hub'),
            stages: fc.array(fc.constant(0), { maxLength: 3 }).chain((xs) => fc.tuple(...xs.map((_, j) => stageArb(f, j, COUNTRIES[i % COUNTRIES.length]!)))),
          }),
        ),
      ),
      fc.tuple(...Array.from({ length: n + 2 }, (_, k) => linkArb(f, k, n))),
      fc.integer({ min: 0, max: n + 2 }),
    ),
  )
  .map(([nodes, links, keep]) => {
    const spec: NetworkSpec = {
      id: 'random',
      title: 'random',
      sources: [
        { id: 'R1', title: 'one', organisation: 'test', year: 2024 },
        { id: 'R2', title: 'two', organisation: 'test', year: null },
      ],
      profiles: [{ id: 'reefer', name: 'Reefer truck', modes: ['road', 'ferry'], grossWeightTonnes: 38, maxHours: 400 }],
      nodes: nodes.map((x, i) => strip({ id: `n${i}`, name: `Node ${i}`, kind: x.kind, country: COUNTRIES[i % COUNTRIES.length]!, lat: 40 + i, lon: 50 + i, stages: x.stages.length > 0 ? x.stages : undefined }) as NodeSpec),
      links: links.slice(0, keep),
    };
    // Some drawn figures overflow a link's travel time (distance / speed), and a structure id may be
    // drawn twice: such documents are invalid inputs, not what this test is about, so those links go.
    const seen = new Set<string>();
    const kept = spec.links.filter((l) => {
      const ids = (l.structures ?? []).map((x) => x.id);
      if (validateNetwork({ ...spec, links: [l] }).length > 0 || ids.some((id) => seen.has(id))) return false;
      for (const id of ids) seen.add(id);
      return true;
    });
    const valid = { ...spec, links: kept };
    return parseNetwork(valid);
  })
  // Half the networks give every figure a plausible range, which a measure's result must keep valid
  // (ranges whose figure the measure removed or moved outside them are dropped).
  .chain((net) => fc.boolean().map((ranged) => (ranged ? parseNetwork(withRanges(net.spec)) : net)));

/** A copy of `spec` whose every node, stage, link, service and structure has an estimate with tight ranges of all its figures. */
function withRanges(spec: NetworkSpec): NetworkSpec {
  const ranged = <T extends object>(holder: T): T => {
    const range: FigureRange[] = [];
    for (const [field, v] of Object.entries(holder)) {
      if (typeof v === 'number' && field !== 'lat' && field !== 'lon') {
        if (v === 0) continue;
        range.push(isProbabilityField(field) ? { field, min: v * 0.9, max: Math.min(1, v * 1.1), reason: 'test' } : { field, factor: [0.9, 1.1], reason: 'test' });
      } else if (isDistribution(v)) range.push({ field, factor: [0.8, 1.25], reason: 'test' });
    }
    return range.length === 0 ? holder : { ...holder, source: { estimate: 'ranged', range } };
  };
  return {
    ...spec,
    nodes: spec.nodes.map((n) => ranged({ ...n, ...(n.stages !== undefined ? { stages: n.stages.map(ranged) } : {}) })),
    links: spec.links.map((l) =>
      ranged({ ...l, ...(l.service !== undefined ? { service: ranged(l.service) } : {}), ...(l.structures !== undefined ? { structures: l.structures.map(ranged) } : {}) }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Random measures of every factory, scopes drawn from the network they will be applied to.

/** What a network offers to scope measures with. */
function scopeOf(net: Network) {
  const countries = [...new Set([...net.nodes.map((n) => n.country), ...net.nodes.flatMap((n) => (n.stages ?? []).map((s) => s.country))])].sort();
  const stages = net.nodes.flatMap((n) => (n.stages ?? []).map((s) => ({ node: n.id, stage: s.id, kind: s.kind })));
  const roadLinks = net.links.filter((l) => l.mode === 'road');
  const withStructures = net.links.filter((l) => (l.structures ?? []).length > 0).map((l) => l.id);
  // Links a `directions: 'named'` measure splits, their structures copied with `:reverse` ids.
  const splittable = withStructures.filter((id) => net.linkById.has(id.endsWith(':reverse') ? id.slice(0, -':reverse'.length) : `${id}:reverse`));
  const bridges = roadLinks.flatMap((l) => (l.structures ?? []).filter((s) => s.kind === 'bridge').map((s) => s.id.replace(/:reverse$/, '')));
  return {
    countries,
    nodes: net.nodes.map((n) => n.id),
    ports: net.nodes.filter((n) => n.kind === 'port').map((n) => n.id),
    stages,
    links: net.links.map((l) => l.id),
    withStructures,
    splittable,
    roadLinks: roadLinks.map((l) => l.id),
    bridges: [...new Set(bridges)],
    structures: [...new Set(net.spec.links.flatMap((l) => (l.structures ?? []).map((x) => x.id)))],
    sources: (net.spec.sources ?? []).map((s) => s.id),
  };
}

const pick = <T,>(xs: readonly T[]): fc.Arbitrary<T | undefined> => (xs.length === 0 ? fc.constant(undefined) : fc.constantFrom(...xs));
const some = <T,>(xs: readonly T[]): fc.Arbitrary<T[] | undefined> => (xs.length === 0 ? fc.constant(undefined) : optional(fc.subarray([...xs], { minLength: 1 })));
/** A number spread evenly over [min, max], both ends included (fc.double is even over the doubles, so mostly near 0). */
const between = (min: number, max: number): fc.Arbitrary<number> => fc.nat(1_000_000).map((k) => (k === 1_000_000 ? max : min + (max - min) * (k / 1_000_000)));
/** A parameter anywhere in its range, its ends drawn often (where figures overflow). */
const inRange = (min: number, max: number): fc.Arbitrary<number> => fc.oneof(between(min, max), fc.constantFrom(min, max));

/** A thunk that builds one measure (factories may reject an option combination: the caller skips it). */
export function measureArb(net: Network): fc.Arbitrary<() => Measure> {
  const s = scopeOf(net);
  const dirs = fc.constantFrom('both' as const, 'named' as const);
  const someLink = fc.oneof(pick(s.links), pick(s.withStructures), pick(s.splittable));
  const customs = fc
    .record({ countries: fc.subarray(s.countries, { minLength: 1 }), proceduralCut: between(0.2, 0.5), inspectionRateCut: between(0, 0.5), nodes: some(s.nodes), exceptNodes: some(s.nodes) })
    .map((o) => () => streamlineCustoms(strip(o)));
  const scanners = fc
    .record({ countries: some(s.countries), nodes: some(s.nodes), scanMinutes: between(5, 20), stillExaminedShare: between(0.05, 0.15) })
    .map((o) => () => installScanners(strip(o)));
  const bridges = fc
    .record({ links: some(s.roadLinks), structures: some(s.bridges), countries: some(s.countries), residualClosureProbability: between(0, 0.01) })
    .map((o) => () => replaceBridges(strip(o)));
  const ports = fc.record({ nodes: some(s.ports), countries: some(s.countries), cut: between(0.2, 0.4) }).map((o) => () => improvePortCustoms(strip(o)));
  const stage = fc
    .record({
      at: pick(s.stages),
      by: fc.constantFrom('stage', 'kind', 'all'),
      duration: fc.oneof(
        inRange(0, 10).map((durationFactor) => ({ durationFactor })),
        // Any distribution of valid shape, also one whose moments overflow (the factory refuses it).
        fc.oneof(figures(true).dist, between(1e154, 1e308).map((value) => ({ type: 'fixed' as const, value }))).map((durationHours) => ({ durationHours })),
        fc.constant({}),
      ),
      probability: fc.oneof(between(0, 1).map((probability) => ({ probability })), between(0, 1).map((probabilityFactor) => ({ probabilityFactor })), fc.constant({})),
    })
    .map(({ at, by, duration, probability }) => () =>
      adjustStage(strip({ node: at?.node ?? s.nodes[0]!, ...(by === 'stage' ? { stage: at?.stage } : by === 'kind' ? { kind: at?.kind } : {}), ...duration, ...probability })),
    );
  const link = fc
    .record({
      link: someLink,
      directions: dirs,
      moving: fc.oneof(inRange(1, 200).map((speedKmh) => ({ speedKmh })), inRange(0.1, 10).map((speedFactor) => ({ speedFactor })), fc.constant({})),
      distanceKm: optional(inRange(0.1, 20000)),
      sailingFactor: optional(inRange(0.1, 10)),
      headway: fc.oneof(inRange(0.1, 10).map((headwayFactor) => ({ headwayFactor })), inRange(0.01, 168).map((departuresPerWeek) => ({ departuresPerWeek })), fc.constant({})),
      cancellationProbability: optional(inRange(0, 0.99)),
      // Mostly the changes that fit the link's mode; sometimes the others (the factory refuses them).
      fits: fc.nat(4).map((k) => k > 0),
    })
    .map((o) => () => {
      const mode = net.linkById.get(o.link ?? '')?.mode;
      const service = o.fits ? mode === 'ferry' || mode === 'sea' : mode === 'rail' || mode === 'road';
      return adjustLink(
        strip({
          link: o.link ?? 'none',
          directions: o.directions,
          ...(service ? { sailingFactor: o.sailingFactor, ...o.headway, cancellationProbability: o.cancellationProbability } : { ...o.moving, distanceKm: o.distanceKm }),
        }),
      );
    });
  const close = fc.record({ link: someLink, directions: dirs }).map((o) => () => closeLink({ link: o.link ?? 'none', directions: o.directions }));
  const add = fc
    .record({
      id: fc.constantFrom('new-1', 'new-2', s.links[0] ?? 'new-3'),
      from: pick(s.nodes),
      to: pick(s.nodes),
      road: fc.boolean(),
      both: fc.boolean(),
      country: optional(fc.constantFrom(...COUNTRIES)),
      waters: optional(fc.constant('Caspian Sea')),
      profiles: optional(fc.constantFrom(['truck'], ['reefer'], ['no-such-profile'])),
      source: fc.constantFrom(undefined, { ref: s.sources[0] ?? 'R1' }, { ref: 'no-such-source' }, { estimate: 'new' }),
      structure: optional(fc.constantFrom(...s.structures, 'new-bridge')),
    })
    .map((o) => () =>
      addLink({
        link: strip({
          id: o.id,
          from: o.from ?? 'x',
          to: o.to ?? 'y',
          mode: o.road ? ('road' as const) : ('ferry' as const),
          distanceKm: 100,
          ...(o.road ? { speedKmh: 60 } : { service: { headwayHours: { type: 'fixed', value: 24 }, sailingHours: { type: 'fixed', value: 12 }, cancellationProbability: 0.1, source: o.source } }),
          country: o.country,
          waters: o.waters,
          profiles: o.profiles,
          source: o.source,
          bidirectional: o.both,
          ...(o.structure !== undefined && o.road ? { structures: [{ id: o.structure, kind: 'bridge', name: 'new', closureProbability: 0, source: o.source }] } : {}),
        }) as LinkSpec,
      }),
    );
  // A patch: figures of stages, links and services set or scaled, some beyond what validates (a
  // probability above 1, a distribution where a number is), which the patch must refuse.
  const places = [
    ...s.stages.flatMap((x) => [
      { node: x.node, stage: x.stage, field: 'durationHours' },
      { node: x.node, stage: x.stage, field: 'probability' },
    ]),
    ...net.spec.links.flatMap((l) => [
      { link: l.id, field: 'distanceKm' },
      { link: l.id, field: 'speedKmh' },
      ...(l.service !== undefined ? [{ link: l.id, service: true as const, field: 'cancellationProbability' }, { link: l.id, service: true as const, field: 'sailingHours' }] : []),
    ]),
  ];
  const patch = fc
    .array(
      fc.record({
        at: pick(places),
        how: fc.oneof(
          between(0, 3).map((factor) => ({ factor })),
          between(0, 1.5).map((set) => ({ set })),
          figures(true).dist.map((set) => ({ set })),
        ),
        source: fc.constantFrom(undefined, { estimate: 'patched' }, { ref: s.sources[0] ?? 'R1' }, { ref: 'no-such-source' }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((cs) => () => patchFigures({ changes: cs.map((c) => strip({ ...(c.at ?? { node: 'none', field: 'lat' }), ...c.how, source: c.source })) as never }));
  // The generic factories weigh more: they carry most of the checks that keep a result valid.
  return fc.oneof(
    { weight: 1, arbitrary: customs },
    { weight: 1, arbitrary: scanners },
    { weight: 1, arbitrary: bridges },
    { weight: 1, arbitrary: ports },
    { weight: 2, arbitrary: stage },
    { weight: 4, arbitrary: link },
    { weight: 2, arbitrary: close },
    { weight: 2, arbitrary: add },
    { weight: 2, arbitrary: patch },
  );
}

/** Build the measures that the factories accept (an option combination they reject is left out). */
export function build(thunks: readonly (() => Measure)[]): Measure[] {
  return thunks.flatMap((make) => {
    try {
      return [make()];
    } catch (e) {
      if (e instanceof InvalidMeasureError) return [];
      throw e;
    }
  });
}

