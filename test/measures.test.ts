// Measures: each factory's effect on a small hand-built corridor, the errors they throw, the Japan
// 2025 package, and properties (cut-only measures never add time; transforms are pure; results validate).
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidMeasureError } from '../src/errors.js';
import { meanOf } from '../src/network/distribution.js';
import { parseNetwork, type Network } from '../src/network/network.js';
import type { Distribution, LinkSpec, NetworkSpec, StageSpec, StructureSpec } from '../src/network/types.js';
import { deepFreeze } from '../src/network/validate.js';
import {
  addLink,
  adjustLink,
  adjustStage,
  applyMeasures,
  closeLink,
  createMeasure,
  improvePortCustoms,
  installScanners,
  japan2025,
  JAPAN2025_MEASURE_IDS,
  replaceBridges,
  scaleDistribution,
  streamlineCustoms,
  type Measure,
} from '../src/measures/index.js';

// ---------------------------------------------------------------------------------------------
// Fixture: a corridor touching the five Central Asian countries plus CN and AZ.

const stage = (id: string, kind: StageSpec['kind'], country: string, durationHours: Distribution, extra: Partial<StageSpec> = {}): StageSpec => ({
  id,
  name: id,
  kind,
  category: kind === 'customs' || kind === 'inspection' ? 'customs' : kind === 'queue' ? 'waiting' : 'handling',
  country,
  durationHours,
  modes: ['rail', 'road', 'ferry', 'sea'],
  ...extra,
});

const bridge = (id: string, extra: Partial<StructureSpec> = {}): StructureSpec => ({ id, kind: 'bridge', name: id, closureProbability: 0, ...extra });

function corridorSpec(): NetworkSpec {
  return {
    id: 'measures-fixture',
    title: 'Measures fixture',
    nodes: [
      { id: 'xian', name: "Xi'an", kind: 'terminal', country: 'CN', lat: 34.4, lon: 109 },
      {
        id: 'dostyk',
        name: 'Dostyk',
        kind: 'border',
        country: 'KZ',
        lat: 45.25,
        lon: 82.48,
        stages: [
          stage('customs-cn', 'customs', 'CN', { type: 'fixed', value: 3 }),
          stage('exam-cn', 'inspection', 'CN', { type: 'lognormal', median: 3, p90: 6 }, { probability: 0.2 }),
          stage('customs-kz', 'customs', 'KZ', { type: 'triangular', min: 2, mode: 4, max: 9 }),
          stage('exam-kz', 'inspection', 'KZ', { type: 'triangular', min: 2, mode: 4, max: 6 }, { probability: 0.3 }),
          stage('queue', 'queue', 'KZ', { type: 'uniform', min: 5, max: 30 }),
          stage('gauge', 'gauge-change', 'KZ', { type: 'uniform', min: 1, max: 3 }, { modes: ['rail'] }),
          stage('handling', 'handling', 'KZ', { type: 'fixed', value: 1 }),
          stage('docs', 'documents', 'KZ', { type: 'fixed', value: 0.5 }),
        ],
      },
      {
        id: 'aktau',
        name: 'Port of Aktau',
        kind: 'port',
        country: 'KZ',
        lat: 43.61,
        lon: 51.22,
        stages: [
          stage('customs', 'customs', 'KZ', { type: 'lognormal', median: 6, p90: 12 }),
          stage('exam', 'inspection', 'KZ', { type: 'fixed', value: 3 }, { probability: 0.1 }),
          stage('exam-scan', 'handling', 'KZ', { type: 'fixed', value: 0.2 }),
          stage('handling', 'handling', 'KZ', { type: 'triangular', min: 2, mode: 3, max: 6 }, { when: 'transfer' }),
          stage('queue', 'queue', 'KZ', { type: 'empirical', values: [2, 4, 30] }),
        ],
      },
      { id: 'almaty', name: 'Almaty', kind: 'hub', country: 'KZ', lat: 43.25, lon: 76.95, stages: [stage('inland-customs', 'customs', 'KZ', { type: 'fixed', value: 2 }), stage('inland-exam', 'inspection', 'KZ', { type: 'fixed', value: 4 }, { probability: 0.5 })] },
      { id: 'baku', name: 'Port of Baku', kind: 'port', country: 'AZ', lat: 39.95, lon: 49.42, stages: [stage('customs', 'customs', 'AZ', { type: 'fixed', value: 5 }), stage('exam', 'inspection', 'AZ', { type: 'fixed', value: 3 }, { probability: 0.4 })] },
      { id: 'bishkek', name: 'Bishkek', kind: 'hub', country: 'KG', lat: 42.87, lon: 74.6 },
      { id: 'osh', name: 'Osh', kind: 'hub', country: 'KG', lat: 40.53, lon: 72.8, stages: [stage('customs', 'customs', 'KG', { type: 'empirical', values: [1, 2, 3] })] },
      {
        id: 'dusti',
        name: 'Dusti',
        kind: 'border',
        country: 'TJ',
        lat: 38.5,
        lon: 68.2,
        stages: [stage('customs', 'customs', 'TJ', { type: 'uniform', min: 1, max: 2 }), stage('exam', 'inspection', 'TJ', { type: 'fixed', value: 4 }), stage('exam-uz', 'inspection', 'UZ', { type: 'fixed', value: 2 }, { probability: 0.25 })],
      },
      { id: 'dushanbe', name: 'Dushanbe', kind: 'hub', country: 'TJ', lat: 38.56, lon: 68.77 },
      { id: 'tashkent', name: 'Tashkent', kind: 'terminal', country: 'UZ', lat: 41.3, lon: 69.25, stages: [stage('customs', 'customs', 'UZ', { type: 'fixed', value: 2 })] },
      { id: 'turkmenbashi', name: 'Turkmenbashi', kind: 'port', country: 'TM', lat: 40, lon: 53, stages: [stage('customs', 'customs', 'TM', { type: 'fixed', value: 4 }), stage('queue', 'queue', 'TM', { type: 'fixed', value: 12 })] },
    ],
    links: [
      { id: 'xian-dostyk', from: 'xian', to: 'dostyk', mode: 'rail', distanceKm: 3300, speedKmh: 45, country: 'CN', bidirectional: true },
      { id: 'dostyk-almaty', from: 'dostyk', to: 'almaty', mode: 'rail', distanceKm: 850, speedKmh: 50, bidirectional: true },
      { id: 'almaty-aktau', from: 'almaty', to: 'aktau', mode: 'rail', distanceKm: 2900, durationHours: { type: 'triangular', min: 50, mode: 60, max: 80 }, bidirectional: true },
      {
        id: 'aktau-baku',
        from: 'aktau',
        to: 'baku',
        mode: 'ferry',
        distanceKm: 450,
        waters: 'Caspian Sea',
        service: { headwayHours: { type: 'uniform', min: 24, max: 96 }, sailingHours: { type: 'triangular', min: 18, mode: 20, max: 24 }, cancellationProbability: 0.1 },
        bidirectional: true,
      },
      { id: 'turkmenbashi-baku', from: 'turkmenbashi', to: 'baku', mode: 'ferry', distanceKm: 300, waters: 'Caspian Sea', service: { departuresPerWeek: 7, sailingHours: { type: 'fixed', value: 10 }, cancellationProbability: 0.05 } },
      { id: 'almaty-bishkek', from: 'almaty', to: 'bishkek', mode: 'road', distanceKm: 240, speedKmh: 60, country: 'KZ', bidirectional: true, structures: [bridge('kz-bridge', { weightLimitTonnes: 30, speedLimitKmh: 20, restrictedKm: 1 })] },
      {
        id: 'bishkek-osh',
        from: 'bishkek',
        to: 'osh',
        mode: 'road',
        distanceKm: 600,
        speedKmh: 50,
        bidirectional: true,
        structures: [
          bridge('naryn-km315', { builtYear: 1974, weightLimitTonnes: 20, overweightDetourHours: { type: 'fixed', value: 10 }, restrictedKm: 2, speedLimitKmh: 20, closureProbability: 0.02, closureDelayHours: { type: 'uniform', min: 5, max: 48 } }),
          bridge('kok-art-km564', { weightLimitTonnes: 30 }),
          { id: 'too-ashuu', kind: 'tunnel', name: 'Too-Ashuu tunnel', closureProbability: 0.01, closureDelayHours: { type: 'fixed', value: 2 }, speedLimitKmh: 30, restrictedKm: 3 },
        ],
      },
      { id: 'osh-dusti', from: 'osh', to: 'dusti', mode: 'road', distanceKm: 400, speedKmh: 40, country: 'TJ', structures: [bridge('tj-bridge', { weightLimitTonnes: 25, overweightDetourHours: { type: 'fixed', value: 6 } })] },
      { id: 'dusti-dushanbe', from: 'dusti', to: 'dushanbe', mode: 'road', distanceKm: 60, durationHours: { type: 'fixed', value: 1.5 } },
      { id: 'dushanbe-tashkent', from: 'dushanbe', to: 'tashkent', mode: 'rail', distanceKm: 500, speedKmh: 30, country: 'TJ' },
      { id: 'tashkent-turkmenbashi', from: 'tashkent', to: 'turkmenbashi', mode: 'rail', distanceKm: 1400, speedKmh: 35, country: 'UZ' },
    ],
  };
}

const NETWORK = parseNetwork(corridorSpec());

function stageAt(net: Network, node: string, id: string): StageSpec {
  const s = net.nodeById.get(node)?.stages?.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no stage ${node}/${id}`);
  return s;
}

/** Expected hours of every stage, by `node/stage`. */
function stageHours(net: Network): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of net.nodes) for (const s of n.stages ?? []) out.set(`${n.id}/${s.id}`, (s.probability ?? 1) * meanOf(s.durationHours));
  return out;
}

/** Expected hours at a node for a consignment through it (every stage counted). */
function nodeHours(net: Network, node: string): number {
  let h = 0;
  for (const s of net.nodeById.get(node)?.stages ?? []) h += (s.probability ?? 1) * meanOf(s.durationHours);
  return h;
}

/** Expected hours to travel a link for a consignment of `weightTonnes`; Infinity when it may not pass. */
function linkHours(net: Network, id: string, weightTonnes: number): number {
  const l = net.linkById.get(id);
  if (l === undefined) return Infinity;
  let h = 0;
  let speed: number | undefined;
  if (l.service !== undefined) {
    const headway = l.service.headwayHours !== undefined ? meanOf(l.service.headwayHours) : 168 / l.service.departuresPerWeek!;
    h += headway / (1 - l.service.cancellationProbability) + meanOf(l.service.sailingHours);
  } else if (l.speedKmh !== undefined) {
    speed = l.speedKmh;
    h += l.distanceKm / l.speedKmh;
  } else {
    h += meanOf(l.durationHours!);
    speed = l.distanceKm / meanOf(l.durationHours!);
  }
  for (const s of l.structures ?? []) {
    if (s.weightLimitTonnes !== undefined && weightTonnes > s.weightLimitTonnes) {
      if (s.overweightDetourHours === undefined) return Infinity;
      h += meanOf(s.overweightDetourHours);
    }
    if (s.speedLimitKmh !== undefined && s.restrictedKm !== undefined && speed !== undefined && s.speedLimitKmh < speed) {
      h += s.restrictedKm / s.speedLimitKmh - s.restrictedKm / speed;
    }
    if (s.closureProbability > 0) h += s.closureProbability * meanOf(s.closureDelayHours!);
  }
  return h;
}

const WEIGHTS = [20, 40, 90];

function catchError(fn: () => unknown): InvalidMeasureError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InvalidMeasureError) return e;
    throw e;
  }
  throw new Error('expected an InvalidMeasureError, nothing was thrown');
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

// ---------------------------------------------------------------------------------------------

describe('scaleDistribution(d, f)', () => {
  it('scales the mean by exactly f for every distribution type, and f = 0 gives fixed 0', () => {
    const ds: Distribution[] = [
      { type: 'fixed', value: 3 },
      { type: 'uniform', min: 1, max: 5 },
      { type: 'triangular', min: 1, mode: 2, max: 9 },
      { type: 'lognormal', median: 4, p90: 10 },
      { type: 'empirical', values: [1, 2, 7] },
    ];
    for (const d of ds) {
      expect(meanOf(scaleDistribution(d, 0.7))).toBeCloseTo(0.7 * meanOf(d), 12);
      expect(scaleDistribution(d, 1)).toBe(d);
      expect(scaleDistribution(d, 0)).toEqual({ type: 'fixed', value: 0 });
    }
  });

  it('gives fixed 0 for a lognormal whose scaled median underflows (it would not validate)', () => {
    expect(scaleDistribution({ type: 'lognormal', median: 0.1, p90: 0.2 }, 5e-324)).toEqual({ type: 'fixed', value: 0 });
  });
});

describe('streamlineCustoms(options)', () => {
  const m = streamlineCustoms({ countries: ['KZ'], proceduralCut: 0.4, inspectionRateCut: 0.25 });
  const after = applyMeasures(NETWORK, [m]);

  it('cuts the mean of every customs stage of the countries by exactly the factor', () => {
    for (const [node, id] of [['dostyk', 'customs-kz'], ['aktau', 'customs'], ['almaty', 'inland-customs']] as const) {
      expect(meanOf(stageAt(after, node, id).durationHours)).toBeCloseTo(0.6 * meanOf(stageAt(NETWORK, node, id).durationHours), 12);
    }
  });

  it('scales the probability of inspection stages of the countries, leaving their durations', () => {
    expect(stageAt(after, 'dostyk', 'exam-kz').probability).toBeCloseTo(0.3 * 0.75, 12);
    expect(stageAt(after, 'dostyk', 'exam-kz').durationHours).toEqual(stageAt(NETWORK, 'dostyk', 'exam-kz').durationHours);
    expect(stageAt(after, 'almaty', 'inland-exam').probability).toBeCloseTo(0.5 * 0.75, 12);
  });

  it('leaves queue, gauge-change, handling, documents stages and other countries\' stages identical', () => {
    for (const [node, id] of [['dostyk', 'queue'], ['dostyk', 'gauge'], ['dostyk', 'handling'], ['dostyk', 'docs'], ['aktau', 'queue'], ['aktau', 'handling'], ['dostyk', 'customs-cn'], ['dostyk', 'exam-cn'], ['baku', 'customs'], ['osh', 'customs']] as const) {
      expect(stageAt(after, node, id)).toEqual(stageAt(NETWORK, node, id));
    }
  });

  it('treats an omitted probability as 1 and inspectionRateCut 0 as no change', () => {
    const tj = applyMeasures(NETWORK, [streamlineCustoms({ countries: ['TJ'], inspectionRateCut: 0.5 })]);
    expect(stageAt(tj, 'dusti', 'exam').probability).toBe(0.5);
    const none = applyMeasures(NETWORK, [streamlineCustoms({ countries: ['TJ'], inspectionRateCut: 0 })]);
    expect(stageAt(none, 'dusti', 'exam')).toEqual(stageAt(NETWORK, 'dusti', 'exam'));
  });

  it('honours nodes and exceptNodes', () => {
    const only = applyMeasures(NETWORK, [streamlineCustoms({ countries: ['KZ'], nodes: ['dostyk'] })]);
    expect(stageAt(only, 'aktau', 'customs')).toEqual(stageAt(NETWORK, 'aktau', 'customs'));
    expect(meanOf(stageAt(only, 'dostyk', 'customs-kz').durationHours)).toBeCloseTo(0.7 * meanOf(stageAt(NETWORK, 'dostyk', 'customs-kz').durationHours), 12);
    const except = applyMeasures(NETWORK, [streamlineCustoms({ countries: ['KZ'], exceptNodes: ['aktau'] })]);
    expect(stageAt(except, 'aktau', 'customs')).toEqual(stageAt(NETWORK, 'aktau', 'customs'));
    expect(stageAt(except, 'aktau', 'exam')).toEqual(stageAt(NETWORK, 'aktau', 'exam'));
  });

  it('documents its defaults as assumptions with ranges', () => {
    const d = streamlineCustoms({ countries: ['KZ'] });
    const byName = new Map(d.parameters.map((p) => [p.name, p]));
    expect(byName.get('proceduralCut')).toMatchObject({ value: 0.3, default: 0.3, min: 0.2, max: 0.5 });
    expect(byName.get('inspectionRateCut')).toMatchObject({ value: 0.2, default: 0.2, min: 0, max: 0.5 });
    for (const p of d.parameters) expect(p.assumption).toMatch(/\[S\d/);
    expect(d.sources.length).toBeGreaterThan(0);
  });
});

describe('installScanners(options)', () => {
  it('saves p(1 − f)(T − Ts) at every inspection in scope: the scan replaces the exam for the units not still examined', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 12, noNaN: true }),
        fc.integer({ min: 5, max: 20 }),
        fc.double({ min: 0.05, max: 0.15, noNaN: true }),
        (p, tPhys, scanMinutes, f) => {
          const spec = corridorSpec();
          const dostyk = spec.nodes[1]!;
          const stages = dostyk.stages!.map((s) => (s.id === 'exam-kz' ? { ...s, probability: p, durationHours: { type: 'lognormal' as const, median: tPhys, p90: tPhys * 2 } } : s));
          const net = parseNetwork({ ...spec, nodes: spec.nodes.map((n) => (n.id === 'dostyk' ? { ...n, stages } : n)) });
          const after = applyMeasures(net, [installScanners({ countries: ['KZ'], scanMinutes, stillExaminedShare: f })]);
          const T = meanOf(stageAt(net, 'dostyk', 'exam-kz').durationHours);
          const Ts = scanMinutes / 60;
          const saving = nodeHours(net, 'dostyk') - nodeHours(after, 'dostyk');
          expect(saving).toBeCloseTo(p * (1 - f) * (T - Ts), 9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('adds a scan stage before each inspection of the countries at border and port nodes, with unique ids', () => {
    const after = applyMeasures(NETWORK, [installScanners({ countries: ['KZ'] })]);
    const dostyk = after.nodeById.get('dostyk')!.stages!;
    const i = dostyk.findIndex((s) => s.id === 'exam-kz');
    expect(dostyk[i - 1]).toMatchObject({ id: 'exam-kz-scan', kind: 'scan', country: 'KZ', insteadOf: 'exam-kz', category: 'customs' });
    expect(meanOf(dostyk[i - 1]!.durationHours)).toBeCloseTo(10 / 60, 12);
    expect(dostyk[i]!.probability).toBeCloseTo(0.3 * 0.1, 12);
    // The two shares tile the exam's old one exactly: they share its draw.
    expect(dostyk[i]!.probability! + dostyk[i - 1]!.probability!).toBe(0.3);
    expect(dostyk[i]!.durationHours).toEqual(stageAt(NETWORK, 'dostyk', 'exam-kz').durationHours);
    // Aktau already has a stage called "exam-scan": the new one gets another id.
    const aktau = after.nodeById.get('aktau')!.stages!;
    expect(aktau.filter((s) => s.kind === 'scan').map((s) => s.id)).toEqual(['exam-scan-2']);
    expect(new Set(aktau.map((s) => s.id)).size).toBe(aktau.length);
    // China's inspection, the inland hub (not a border or port) and other kinds are untouched.
    expect(stageAt(after, 'dostyk', 'exam-cn')).toEqual(stageAt(NETWORK, 'dostyk', 'exam-cn'));
    expect(after.nodeById.get('almaty')).toEqual(NETWORK.nodeById.get('almaty'));
    expect(stageAt(after, 'dostyk', 'queue')).toEqual(stageAt(NETWORK, 'dostyk', 'queue'));
  });

  it('at named nodes acts on every inspection there (any node kind); an omitted probability is 1, split between exam and scan', () => {
    const after = applyMeasures(NETWORK, [installScanners({ nodes: ['dusti', 'almaty'] })]);
    expect(stageAt(after, 'dusti', 'exam-scan').probability! + stageAt(after, 'dusti', 'exam').probability!).toBe(1);
    expect(stageAt(after, 'dusti', 'exam').probability).toBeCloseTo(0.1, 12);
    expect(stageAt(after, 'dusti', 'exam-uz-scan').probability! + stageAt(after, 'dusti', 'exam-uz').probability!).toBe(0.25);
    // Installed twice, the scanners are not installed again.
    const twice = applyMeasures(after, [installScanners({ nodes: ['dusti', 'almaty'] })]);
    expect(twice.nodeById.get('dusti')).toEqual(after.nodeById.get('dusti'));
    expect(stageAt(after, 'almaty', 'inland-exam-scan').kind).toBe('scan');
    expect(after.nodeById.get('dostyk')).toEqual(NETWORK.nodeById.get('dostyk'));
  });
});

describe('replaceBridges(options)', () => {
  it('removes weight caps, detours and speed restrictions of the bridges in scope and sets closure probability', () => {
    const after = applyMeasures(NETWORK, [replaceBridges({ countries: ['KG'], residualClosureProbability: 0.005 })]);
    const structures = after.linkById.get('bishkek-osh')!.structures!;
    const naryn = structures.find((s) => s.id === 'naryn-km315')!;
    expect(naryn).not.toHaveProperty('weightLimitTonnes');
    expect(naryn).not.toHaveProperty('overweightDetourHours');
    expect(naryn).not.toHaveProperty('speedLimitKmh');
    expect(naryn).not.toHaveProperty('restrictedKm');
    expect(naryn).not.toHaveProperty('builtYear');
    expect(naryn.closureProbability).toBe(0.005);
    const kokArt = structures.find((s) => s.id === 'kok-art-km564')!;
    expect(kokArt).not.toHaveProperty('weightLimitTonnes');
    expect(kokArt.closureProbability).toBe(0); // never raised above the old bridge's
    // Tunnels, and bridges outside the scope, are untouched.
    expect(structures.find((s) => s.id === 'too-ashuu')).toEqual(NETWORK.linkById.get('bishkek-osh')!.structures![2]);
    expect(after.linkById.get('osh-dusti')).toEqual(NETWORK.linkById.get('osh-dusti'));
    expect(after.linkById.get('almaty-bishkek')).toEqual(NETWORK.linkById.get('almaty-bishkek'));
    // Both directions of the bidirectional road change; heavy loads may now pass.
    expect(after.linkById.get('bishkek-osh:reverse')!.structures).toEqual(structures);
    expect(linkHours(NETWORK, 'bishkek-osh', 40)).toBe(Infinity);
    expect(linkHours(after, 'bishkek-osh', 40)).toBeLessThan(Infinity);
  });

  it('with the default residual 0 leaves no closure, and can target one structure', () => {
    const after = applyMeasures(NETWORK, [replaceBridges({ structures: ['naryn-km315'] })]);
    const structures = after.linkById.get('bishkek-osh')!.structures!;
    expect(structures[0]!.closureProbability).toBe(0);
    expect(structures[1]).toEqual(NETWORK.linkById.get('bishkek-osh')!.structures![1]);
  });
});

describe('improvePortCustoms(options)', () => {
  it('cuts customs at Aktau by default and nothing else', () => {
    const m = improvePortCustoms();
    expect(m.scope.nodes).toEqual(['aktau']);
    const after = applyMeasures(NETWORK, [m]);
    expect(meanOf(stageAt(after, 'aktau', 'customs').durationHours)).toBeCloseTo(0.7 * meanOf(stageAt(NETWORK, 'aktau', 'customs').durationHours), 12);
    for (const id of ['exam', 'exam-scan', 'handling', 'queue']) expect(stageAt(after, 'aktau', id)).toEqual(stageAt(NETWORK, 'aktau', id));
    expect(stageAt(after, 'dostyk', 'customs-kz')).toEqual(stageAt(NETWORK, 'dostyk', 'customs-kz'));
  });
});

describe('adjustStage, adjustLink, closeLink, addLink', () => {
  it('adjustStage scales or sets durations and probabilities of the stages selected', () => {
    const after = applyMeasures(NETWORK, [
      adjustStage({ node: 'dostyk', kind: 'queue', durationFactor: 0.5 }),
      adjustStage({ node: 'dostyk', stage: 'exam-kz', probability: 0.05 }),
      adjustStage({ node: 'aktau', stage: 'handling', durationHours: { type: 'fixed', value: 1 }, probabilityFactor: 0.5 }),
    ]);
    expect(stageAt(after, 'dostyk', 'queue').durationHours).toEqual({ type: 'uniform', min: 2.5, max: 15 });
    expect(stageAt(after, 'dostyk', 'exam-kz').probability).toBe(0.05);
    expect(stageAt(after, 'aktau', 'handling')).toMatchObject({ durationHours: { type: 'fixed', value: 1 }, probability: 0.5 });
  });

  it('adjustLink changes speed, durations and services, both directions or the named one', () => {
    const after = applyMeasures(NETWORK, [
      adjustLink({ link: 'dostyk-almaty', speedFactor: 2 }),
      adjustLink({ link: 'almaty-aktau', speedFactor: 2 }),
      adjustLink({ link: 'aktau-baku:reverse', directions: 'named', departuresPerWeek: 7, cancellationProbability: 0 }),
    ]);
    expect(after.linkById.get('dostyk-almaty')!.speedKmh).toBe(100);
    expect(after.linkById.get('dostyk-almaty:reverse')!.speedKmh).toBe(100);
    expect(meanOf(after.linkById.get('almaty-aktau')!.durationHours!)).toBeCloseTo(meanOf(NETWORK.linkById.get('almaty-aktau')!.durationHours!) / 2, 12);
    expect(after.linkById.get('aktau-baku')!.service).toEqual(NETWORK.linkById.get('aktau-baku')!.service);
    const rev = after.linkById.get('aktau-baku:reverse')!;
    expect(rev).toMatchObject({ from: 'baku', to: 'aktau', service: { departuresPerWeek: 7, cancellationProbability: 0 } });
    expect(rev.service).not.toHaveProperty('headwayHours');
  });

  it('a named-direction edit of a link with structures validates, and bridge measures still find both copies', () => {
    const after = applyMeasures(NETWORK, [adjustLink({ link: 'bishkek-osh:reverse', directions: 'named', speedFactor: 1.2 }), replaceBridges({ structures: ['naryn-km315'] })]);
    expect(after.linkById.get('bishkek-osh')!.speedKmh).toBe(50);
    expect(after.linkById.get('bishkek-osh:reverse')!.speedKmh).toBeCloseTo(60, 12);
    expect(after.linkById.get('bishkek-osh:reverse')!.structures!.map((s) => s.id)).toEqual(['naryn-km315:reverse', 'kok-art-km564:reverse', 'too-ashuu:reverse']);
    for (const id of ['bishkek-osh', 'bishkek-osh:reverse']) {
      expect(after.linkById.get(id)!.structures![0]).not.toHaveProperty('weightLimitTonnes');
      expect(after.linkById.get(id)!.structures![1]).toHaveProperty('weightLimitTonnes', 30);
    }
  });

  it('closeLink removes both directions by default, or only the named one', () => {
    const both = applyMeasures(NETWORK, [closeLink({ link: 'dostyk-almaty:reverse' })]);
    expect(both.linkById.has('dostyk-almaty')).toBe(false);
    expect(both.linkById.has('dostyk-almaty:reverse')).toBe(false);
    const reverseOnly = applyMeasures(NETWORK, [closeLink({ link: 'dostyk-almaty:reverse', directions: 'named' })]);
    expect(reverseOnly.linkById.get('dostyk-almaty')).toMatchObject({ from: 'dostyk', to: 'almaty', reversed: false });
    expect(reverseOnly.linkById.has('dostyk-almaty:reverse')).toBe(false);
    const forwardOnly = applyMeasures(NETWORK, [closeLink({ link: 'dostyk-almaty', directions: 'named' })]);
    expect(forwardOnly.linkById.has('dostyk-almaty')).toBe(false);
    expect(forwardOnly.linkById.get('dostyk-almaty:reverse')).toMatchObject({ from: 'almaty', to: 'dostyk' });
    expect(forwardOnly.links.length).toBe(NETWORK.links.length - 1);
  });

  it('addLink adds a link that later measures can act on', () => {
    const bypass: LinkSpec = { id: 'almaty-bypass', from: 'dostyk', to: 'aktau', mode: 'rail', distanceKm: 3600, speedKmh: 60, bidirectional: true };
    const after = applyMeasures(NETWORK, [addLink({ link: bypass }), adjustLink({ link: 'almaty-bypass', speedKmh: 70 })]);
    expect(after.linkById.get('almaty-bypass:reverse')).toMatchObject({ from: 'aktau', to: 'dostyk', speedKmh: 70 });
  });

  it('createMeasure(measure.definition) rebuilds a measure with the same effect', () => {
    const measures = [...japan2025().measures, adjustLink({ link: 'aktau-baku', headwayFactor: 0.5 }), closeLink({ link: 'osh-dusti' })];
    for (const m of measures) {
      const copy = createMeasure(JSON.parse(JSON.stringify(m.definition)));
      expect(copy.id).toBe(m.id);
      expect(copy.parameters).toEqual(m.parameters);
      expect(copy.transform(NETWORK.spec)).toEqual(m.transform(NETWORK.spec));
    }
  });
});

describe('errors', () => {
  const field = (fn: () => unknown): string => catchError(fn).field;

  it('a parameter outside its hard limits, NaN or of the wrong type names the parameter', () => {
    expect(field(() => streamlineCustoms({ countries: ['KZ'], proceduralCut: 1.2 }))).toBe('proceduralCut');
    expect(field(() => streamlineCustoms({ countries: ['KZ'], proceduralCut: -0.1 }))).toBe('proceduralCut');
    expect(field(() => streamlineCustoms({ countries: ['KZ'], proceduralCut: Number.NaN }))).toBe('proceduralCut');
    expect(field(() => streamlineCustoms({ countries: ['KZ'], inspectionRateCut: '0.2' as unknown as number }))).toBe('inspectionRateCut');
    expect(field(() => installScanners({ countries: ['KZ'], scanMinutes: 2000 }))).toBe('scanMinutes');
    expect(field(() => installScanners({ countries: ['KZ'], stillExaminedShare: Infinity }))).toBe('stillExaminedShare');
    expect(field(() => replaceBridges({ countries: ['KG'], residualClosureProbability: 1.5 }))).toBe('residualClosureProbability');
    expect(field(() => improvePortCustoms({ cut: 1.01 }))).toBe('cut');
    expect(field(() => adjustStage({ node: 'dostyk', durationFactor: -1 }))).toBe('durationFactor');
    expect(field(() => adjustLink({ link: 'x', speedFactor: 0 }))).toBe('speedFactor');
    const e = catchError(() => streamlineCustoms({ id: 'mine', countries: ['KZ'], proceduralCut: 1.6 }));
    expect(e).toMatchObject({ code: 'invalid_measure', measure: 'mine', received: 1.6 });
  });

  it('a parameter outside its plausible range but inside its hard limits is accepted with a warning', () => {
    const m = streamlineCustoms({ id: 'mine', countries: ['KZ'], proceduralCut: 0.6 });
    expect(m.parameters.find((p) => p.name === 'proceduralCut')).toMatchObject({ value: 0.6, min: 0.2, max: 0.5, hardMin: 0, hardMax: 1 });
    expect(m.warnings).toEqual([expect.stringMatching(/^mine: proceduralCut = 0\.6 is outside its plausible range 0\.2–0\.5/)]);
    expect(streamlineCustoms({ countries: ['KZ'], proceduralCut: 0.5 }).warnings).toEqual([]);
    expect(installScanners({ countries: ['KZ'], scanMinutes: 30 }).warnings).toHaveLength(1);
    expect(improvePortCustoms({ cut: 0.45 }).warnings).toHaveLength(1);
    // The recipe rebuilds the same warning, and a scenario collects them in package order.
    expect(createMeasure(m.definition).warnings).toEqual(m.warnings);
    const pkg = japan2025({ 'customs-streamlining': { proceduralCut: 0.6 }, 'aktau-customs': { cut: 0.1 } });
    expect(pkg.measures.flatMap((x) => x.warnings)).toEqual([expect.stringMatching(/^customs-streamlining: proceduralCut/), expect.stringMatching(/^aktau-customs: cut = 0\.1/)]);
    // Generic measures' settings have no plausible range apart from their limits: never a warning.
    expect(adjustStage({ node: 'dostyk', durationFactor: 9 }).warnings).toEqual([]);
  });

  it('a country that is not an ISO alpha-2 code, or a missing or empty list, names scope.countries', () => {
    expect(field(() => streamlineCustoms({ countries: ['XX'] }))).toBe('scope.countries');
    expect(field(() => streamlineCustoms({ countries: ['kz'] }))).toBe('scope.countries');
    expect(field(() => streamlineCustoms({ countries: [] }))).toBe('scope.countries');
    expect(field(() => streamlineCustoms({} as never))).toBe('scope.countries');
    expect(field(() => installScanners({ countries: ['Kazakhstan'] }))).toBe('scope.countries');
    expect(field(() => replaceBridges({ countries: ['ZZ'] }))).toBe('scope.countries');
  });

  it('an unknown option, a missing scope, conflicting or missing changes name the option', () => {
    expect(field(() => streamlineCustoms({ countries: ['KZ'], proceduralcut: 0.3 } as never))).toBe('proceduralcut');
    expect(field(() => installScanners({}))).toBe('scope');
    expect(field(() => replaceBridges({}))).toBe('scope');
    expect(field(() => adjustStage({ node: 'dostyk' }))).toBe('options');
    expect(field(() => adjustStage({ node: 'dostyk', durationFactor: 0.5, durationHours: { type: 'fixed', value: 1 } }))).toBe('durationHours');
    expect(field(() => adjustStage({ node: 'dostyk', durationHours: { type: 'uniform', min: 3, max: 1 } }))).toBe('durationHours');
    expect(field(() => adjustLink({ link: 'x', speedKmh: 50, speedFactor: 2 }))).toBe('speedFactor');
    expect(field(() => closeLink({ link: 'x', directions: 'one' as never }))).toBe('directions');
    expect(field(() => addLink({ link: { id: 'new', from: 'a', to: 'b', mode: 'rail', distanceKm: 10, speedKmh: -5 } }))).toBe('link.speedKmh');
    expect(field(() => addLink({ link: { id: 'new', from: 'a', to: 'b', mode: 'rail', distanceKm: 10 } }))).toBe('link.speedKmh');
  });

  it('a scope naming a country, node, link or structure absent from the network names the field when applied', () => {
    const apply = (m: Measure) => () => applyMeasures(NETWORK, [m]);
    const e = catchError(apply(streamlineCustoms({ countries: ['KZ', 'FR'] })));
    expect(e).toMatchObject({ field: 'scope.countries', received: 'FR' });
    expect(field(apply(streamlineCustoms({ countries: ['KZ'], nodes: ['nowhere'] })))).toBe('scope.nodes');
    expect(field(apply(streamlineCustoms({ countries: ['KZ'], exceptNodes: ['nowhere'] })))).toBe('scope.exceptNodes');
    expect(field(apply(installScanners({ nodes: ['nowhere'] })))).toBe('scope.nodes');
    expect(field(apply(installScanners({ countries: ['RU'] })))).toBe('scope.countries');
    expect(field(apply(replaceBridges({ links: ['nope'] })))).toBe('scope.links');
    expect(field(apply(replaceBridges({ links: ['dostyk-almaty'] })))).toBe('scope.links'); // rail, not road
    expect(field(apply(replaceBridges({ structures: ['too-ashuu'] })))).toBe('scope.structures'); // a tunnel
    expect(field(apply(replaceBridges({ countries: ['GE'] })))).toBe('scope.countries');
    expect(field(apply(improvePortCustoms({ nodes: ['dostyk'] })))).toBe('scope.nodes'); // a border, not a port
    expect(field(apply(adjustStage({ node: 'nowhere', durationFactor: 0.5 })))).toBe('node');
    expect(field(apply(adjustStage({ node: 'dostyk', stage: 'nope', durationFactor: 0.5 })))).toBe('stage');
    expect(field(apply(adjustStage({ node: 'xian', kind: 'customs', durationFactor: 0.5 })))).toBe('kind');
    expect(field(apply(adjustLink({ link: 'nope', speedFactor: 2 })))).toBe('link');
    expect(field(apply(adjustLink({ link: 'aktau-baku', speedFactor: 2 })))).toBe('speedFactor'); // a ferry has no speed
    expect(field(apply(closeLink({ link: 'nope' })))).toBe('link');
    expect(field(apply(addLink({ link: { id: 'dostyk-almaty', from: 'dostyk', to: 'almaty', mode: 'road', distanceKm: 800, speedKmh: 60 } })))).toBe('link.id');
    expect(field(apply(addLink({ link: { id: 'dostyk-almaty:reverse', from: 'almaty', to: 'dostyk', mode: 'road', distanceKm: 800, speedKmh: 60 } })))).toBe('link.id');
    expect(field(apply(addLink({ link: { id: 'x2', from: 'nowhere', to: 'almaty', mode: 'road', distanceKm: 800, speedKmh: 60 } })))).toBe('link.from');
    // With absentCountries: 'ignore', a country the network lacks is skipped.
    expect(() => applyMeasures(NETWORK, [streamlineCustoms({ countries: ['KZ', 'FR'], absentCountries: 'ignore' })])).not.toThrow();
  });

  it('japan2025 overrides are checked per measure id and parameter', () => {
    expect(catchError(() => japan2025({ foo: {} } as never))).toMatchObject({ measure: 'japan2025', field: 'overrides.foo' });
    expect(catchError(() => japan2025({ 'customs-streamlining': { proceduralCut: 1.9 } }))).toMatchObject({ measure: 'customs-streamlining', field: 'proceduralCut' });
    expect(catchError(() => japan2025({ 'xray-scanners': { countries: ['UZ'] } } as never))).toMatchObject({ measure: 'xray-scanners', field: 'countries' });
  });
});

describe('japan2025(overrides)', () => {
  const pkg = japan2025();

  it('has the announcement metadata, unique measure ids, and every default marked as an assumption', () => {
    expect(pkg).toMatchObject({ id: 'japan2025', announced: '2025-12-20' });
    expect(pkg.measures.map((m) => m.id)).toEqual([...JAPAN2025_MEASURE_IDS]);
    expect(new Set(pkg.measures.map((m) => m.id)).size).toBe(pkg.measures.length);
    expect(pkg.sources.map((s) => s.ref)).toEqual(expect.arrayContaining(['S1', 'S1b', 'S2j', 'S2k']));
    expect(pkg.notes.join(' ')).toMatch(/survey/i);
    expect(pkg.notes.join(' ')).toMatch(/maxHours/);
    for (const m of pkg.measures) {
      expect(m.parameters.length).toBeGreaterThan(0);
      for (const p of m.parameters) {
        expect(p.value).toBe(p.default);
        expect(p.min).toBeLessThanOrEqual(p.value);
        expect(p.value).toBeLessThanOrEqual(p.max);
        expect(p.assumption).toMatch(/Estimate/);
        expect(p.assumption).toMatch(/\[S\d/);
      }
    }
    expect(pkg.measures[0]!.scope.countries).toEqual(['KZ', 'KG', 'TJ', 'TM', 'UZ']);
    expect(pkg.measures[1]!.scope.countries).toEqual(['KZ', 'TJ']);
    expect(pkg.measures[2]!.scope.countries).toEqual(['KG']);
    expect(pkg.measures[3]!.scope.nodes).toEqual(['aktau']);
  });

  it('applies at the places the sources name, cutting Aktau customs once, not twice', () => {
    const after = applyMeasures(NETWORK, pkg.measures);
    expect(meanOf(stageAt(after, 'aktau', 'customs').durationHours)).toBeCloseTo(0.7 * meanOf(stageAt(NETWORK, 'aktau', 'customs').durationHours), 12);
    for (const [node, id] of [['dostyk', 'customs-kz'], ['osh', 'customs'], ['dusti', 'customs'], ['tashkent', 'customs'], ['turkmenbashi', 'customs']] as const) {
      expect(meanOf(stageAt(after, node, id).durationHours)).toBeCloseTo(0.7 * meanOf(stageAt(NETWORK, node, id).durationHours), 12);
    }
    expect(stageAt(after, 'dostyk', 'exam-kz-scan').kind).toBe('scan');
    expect(stageAt(after, 'dusti', 'exam-scan').kind).toBe('scan');
    expect(stageAt(after, 'aktau', 'exam-scan-2').kind).toBe('scan');
    expect(after.nodeById.get('dusti')!.stages!.some((s) => s.id === 'exam-uz-scan')).toBe(false); // Uzbek inspection: no Japanese scanner
    expect(after.nodeById.get('baku')).toEqual(NETWORK.nodeById.get('baku'));
    expect(after.linkById.get('bishkek-osh')!.structures![0]).not.toHaveProperty('weightLimitTonnes');
    expect(after.linkById.get('osh-dusti')).toEqual(NETWORK.linkById.get('osh-dusti'));
  });

  it('overrides change the parameters of one measure only', () => {
    const o = japan2025({ 'aktau-customs': { cut: 0.4 }, 'xray-scanners': { scanMinutes: 5 } });
    expect(o.measures[3]!.parameters[0]!.value).toBe(0.4);
    expect(o.measures[1]!.parameters.find((p) => p.name === 'scanMinutes')!.value).toBe(5);
    expect(o.measures[0]!.parameters).toEqual(pkg.measures[0]!.parameters);
  });

  it('applies to a network that models only part of Central Asia, but needs the node aktau', () => {
    const spec = corridorSpec();
    const partial = parseNetwork({ ...spec, nodes: spec.nodes.filter((n) => ['xian', 'dostyk', 'almaty', 'aktau', 'baku'].includes(n.id)), links: spec.links.filter((l) => ['xian-dostyk', 'dostyk-almaty', 'almaty-aktau', 'aktau-baku'].includes(l.id)) });
    expect(() => applyMeasures(partial, pkg.measures)).not.toThrow();
    const noAktau = parseNetwork({ ...spec, nodes: spec.nodes.filter((n) => n.id === 'dostyk'), links: [] });
    expect(catchError(() => applyMeasures(noAktau, pkg.measures)).field).toBe('scope.exceptNodes');
  });
});

describe('applyMeasures(network, measures)', () => {
  it('returns the network itself for no measures and rejects what is not a measure', () => {
    expect(applyMeasures(NETWORK, [])).toBe(NETWORK);
    expect(() => applyMeasures(NETWORK, [{} as Measure])).toThrow(/measures\[0\]/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const distArb: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 0, max: 40, noNaN: true }).map((value) => ({ type: 'fixed' as const, value })),
  fc.tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true })).map(([a, b]) => ({ type: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })).map(([a, b, c]) => {
    const [min, mode, max] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return { type: 'triangular' as const, min, mode, max };
  }),
  fc.tuple(fc.double({ min: 0.1, max: 20, noNaN: true }), fc.double({ min: 1, max: 4, noNaN: true })).map(([m, f]) => ({ type: 'lognormal' as const, median: m, p90: m * f })),
  fc.array(fc.double({ min: 0, max: 30, noNaN: true }), { minLength: 1, maxLength: 5 }).map((values) => ({ type: 'empirical' as const, values })),
);

/** The fixture with every stage's distribution and probability drawn at random. */
const networkArb: fc.Arbitrary<Network> = fc
  .array(fc.tuple(distArb, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined })), { minLength: 40, maxLength: 40 })
  .map((draws) => {
    const spec = corridorSpec();
    let k = 0;
    const nodes = spec.nodes.map((n) => ({
      ...n,
      ...(n.stages === undefined
        ? {}
        : {
            stages: n.stages.map((s) => {
              const [durationHours, probability] = draws[k++ % draws.length]!;
              const { probability: _p, ...rest } = s;
              return probability === undefined ? { ...rest, durationHours } : { ...rest, durationHours, probability };
            }),
          }),
    }));
    return parseNetwork({ ...spec, nodes });
  });

const COUNTRIES = ['KZ', 'KG', 'TJ', 'TM', 'UZ', 'CN', 'AZ'];
const STAGE_NODES = ['dostyk', 'aktau', 'almaty', 'baku', 'osh', 'dusti', 'tashkent', 'turkmenbashi'];
const ROAD_RAIL_LINKS = ['xian-dostyk', 'dostyk-almaty', 'almaty-aktau', 'almaty-bishkek', 'bishkek-osh', 'osh-dusti', 'dusti-dushanbe', 'dushanbe-tashkent', 'tashkent-turkmenbashi'];

/** Measures that only cut time (factors ≤ 1, speeds up, bridges replaced). */
const cutMeasureArb: fc.Arbitrary<Measure> = fc.oneof(
  fc.record({
    countries: fc.subarray(COUNTRIES, { minLength: 1 }),
    proceduralCut: fc.double({ min: 0.2, max: 0.5, noNaN: true }),
    inspectionRateCut: fc.double({ min: 0, max: 0.5, noNaN: true }),
  }).map((o) => streamlineCustoms(o)),
  fc.record({ nodes: fc.subarray(['aktau', 'baku', 'turkmenbashi'], { minLength: 1 }), cut: fc.double({ min: 0.2, max: 0.4, noNaN: true }) }).map((o) => improvePortCustoms(o)),
  fc.record({ countries: fc.subarray(['KZ', 'KG', 'TJ'], { minLength: 1 }), residualClosureProbability: fc.double({ min: 0, max: 0.01, noNaN: true }) }).map((o) => replaceBridges(o)),
  fc.record({ node: fc.constantFrom(...STAGE_NODES), durationFactor: fc.double({ min: 0, max: 1, noNaN: true }), probabilityFactor: fc.double({ min: 0, max: 1, noNaN: true }) }).map((o) => adjustStage(o)),
  fc.record({ link: fc.constantFrom(...ROAD_RAIL_LINKS), speedFactor: fc.double({ min: 1, max: 10, noNaN: true }) }).map((o) => adjustLink(o)),
  fc.record({ sailingFactor: fc.double({ min: 0.1, max: 1, noNaN: true }), headwayFactor: fc.double({ min: 0.1, max: 1, noNaN: true }) }).map((o) => adjustLink({ link: 'aktau-baku', ...o })),
);

/** Any shipped measure, including those that restructure (scanners, closures, new links). */
const anyMeasureArb: fc.Arbitrary<Measure> = fc.oneof(
  cutMeasureArb,
  fc.record({ countries: fc.subarray(COUNTRIES, { minLength: 1 }), scanMinutes: fc.double({ min: 5, max: 20, noNaN: true }), stillExaminedShare: fc.double({ min: 0.05, max: 0.15, noNaN: true }) }).map((o) => installScanners(o)),
  fc.record({ link: fc.constantFrom('dostyk-almaty', 'dostyk-almaty:reverse', 'aktau-baku', 'osh-dusti'), directions: fc.constantFrom('both' as const, 'named' as const) }).map((o) => closeLink(o)),
  fc.constant(addLink({ link: { id: 'new-road', from: 'dostyk', to: 'tashkent', mode: 'road', distanceKm: 1500, speedKmh: 55, country: 'KZ', bidirectional: true } })),
  fc.constant(japan2025().measures[0]!),
  fc.record({ link: fc.constantFrom('bishkek-osh', 'bishkek-osh:reverse', 'almaty-bishkek:reverse'), speedFactor: fc.double({ min: 0.5, max: 2, noNaN: true }) }).map((o) => adjustLink({ ...o, directions: 'named' })),
  fc.constantFrom('naryn-km315', 'kok-art-km564').map((s) => replaceBridges({ structures: [s] })),
);

describe('properties', { timeout: 60_000 }, () => {
  it('any combination of cut-only measures never increases a stage\'s expected hours or a link\'s time', () => {
    fc.assert(
      fc.property(networkArb, fc.array(cutMeasureArb, { minLength: 1, maxLength: 6 }), (net, measures) => {
        const after = applyMeasures(net, measures);
        const before = stageHours(net);
        for (const [key, h] of stageHours(after)) {
          const b = before.get(key);
          expect(b).toBeDefined();
          expect(h <= b! || close(h, b!)).toBe(true);
        }
        for (const n of net.nodes) {
          for (const s of n.stages ?? []) {
            const a = stageAt(after, n.id, s.id);
            expect(meanOf(a.durationHours) <= meanOf(s.durationHours) || close(meanOf(a.durationHours), meanOf(s.durationHours))).toBe(true);
            expect((a.probability ?? 1) <= (s.probability ?? 1)).toBe(true);
          }
        }
        expect(after.links.map((l) => l.id)).toEqual(net.links.map((l) => l.id));
        for (const l of net.links) {
          for (const w of WEIGHTS) {
            const b = linkHours(net, l.id, w);
            const a = linkHours(after, l.id, w);
            expect(a <= b || close(a, b)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('transforms are pure: a deep-frozen input is accepted and left unchanged', () => {
    fc.assert(
      fc.property(networkArb, fc.array(anyMeasureArb, { minLength: 1, maxLength: 5 }), (net, measures) => {
        const input = deepFreeze(structuredClone(net.spec));
        const snapshot = JSON.stringify(input);
        let spec = input;
        for (const m of measures) {
          try {
            spec = deepFreeze(m.transform(spec));
          } catch (e) {
            // Closing an already closed link is a scope error; purity still holds for what ran.
            expect(e).toBeInstanceOf(InvalidMeasureError);
            break;
          }
        }
        expect(JSON.stringify(input)).toBe(snapshot);
      }),
      { numRuns: 100 },
    );
  });

  it('the result of any sequence of shipped measures validates', () => {
    fc.assert(
      fc.property(networkArb, fc.array(anyMeasureArb, { minLength: 1, maxLength: 6 }), (net, measures) => {
        // Two closures of the same link, or an added link added twice, are scope errors, not invalid networks.
        try {
          const after = applyMeasures(net, measures);
          expect(after.nodes.length).toBe(net.nodes.length);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidMeasureError);
          expect(['link', 'link.id']).toContain((e as InvalidMeasureError).field);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('the Japan 2025 package never increases a stage\'s mean duration or probability on random stage figures', () => {
    fc.assert(
      fc.property(networkArb, (net) => {
        const after = applyMeasures(net, japan2025().measures);
        for (const n of net.nodes) {
          for (const s of n.stages ?? []) {
            const a = stageAt(after, n.id, s.id);
            expect(meanOf(a.durationHours) <= meanOf(s.durationHours) || close(meanOf(a.durationHours), meanOf(s.durationHours))).toBe(true);
            expect((a.probability ?? 1) <= (s.probability ?? 1)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The shipped dataset, when it exists (it is being written alongside this module).

describe.runIf(existsSync('data/middle-corridor.json'))('the default dataset', () => {
  it('applyMeasures(middle corridor, japan2025) validates and never increases a stage\'s mean duration or probability', () => {
    const net = parseNetwork(readFileSync('data/middle-corridor.json', 'utf8'), { requireSources: true });
    const after = applyMeasures(net, japan2025().measures);
    expect(() => parseNetwork(after.spec, { requireSources: true })).not.toThrow();
    for (const n of net.nodes) {
      for (const s of n.stages ?? []) {
        const a = stageAt(after, n.id, s.id);
        expect(meanOf(a.durationHours)).toBeLessThanOrEqual(meanOf(s.durationHours) * (1 + 1e-12));
        expect(a.probability ?? 1).toBeLessThanOrEqual(s.probability ?? 1);
      }
    }
  });
});
