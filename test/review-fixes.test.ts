// Regression tests for defects found in review: each failed before its fix.
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  compare,
  fastestRoute,
  findNode,
  foldName,
  middleCorridor,
  parseNetwork,
  simulate,
  simulateParallel,
  validateNetwork,
  type NetworkSpec,
} from '../src/index.js';
import { run } from '../src/cli/run.js';
import { expandedGraph } from '../src/route/graph-cache.js';
import { toyDoc, toySpec } from './fixtures.js';

function cli(...argv: string[]): { code: number; err: string } {
  const err: string[] = [];
  const code = run(argv, { out: () => {}, err: (t) => err.push(t) });
  return { code, err: err.join('\n') };
}

describe('review fixes', () => {
  it('ids containing "|" never make two random elements share draws', () => {
    // Before the fix both stages had the key stage|a|b|c and Monte Carlo drew 10 h for both.
    const spec: NetworkSpec = {
      id: 'pipes',
      title: 'pipes',
      nodes: [
        { id: 'o', name: 'O', kind: 'terminal', country: 'KZ', lat: 0, lon: 0 },
        { id: 'a|b', name: 'AB', kind: 'hub', country: 'KZ', lat: 0, lon: 1, stages: [{ id: 'c', name: 'c', kind: 'queue', category: 'waiting', country: 'KZ', durationHours: { type: 'fixed', value: 10 }, modes: ['rail'] }] },
        { id: 'a', name: 'A', kind: 'hub', country: 'KZ', lat: 0, lon: 2, stages: [{ id: 'b|c', name: 'bc', kind: 'queue', category: 'waiting', country: 'KZ', durationHours: { type: 'fixed', value: 100 }, modes: ['rail'] }] },
        { id: 'd', name: 'D', kind: 'terminal', country: 'KZ', lat: 0, lon: 3 },
      ],
      links: [
        { id: 'l1', from: 'o', to: 'a|b', mode: 'rail', distanceKm: 100, speedKmh: 50 },
        { id: 'l2', from: 'a|b', to: 'a', mode: 'rail', distanceKm: 100, speedKmh: 50 },
        { id: 'l3', from: 'a', to: 'd', mode: 'rail', distanceKm: 100, speedKmh: 50 },
      ],
    };
    const n = parseNetwork(spec);
    const expected = fastestRoute(n, { origin: 'o', destination: 'd', profile: 'wagon' })!.totalHours;
    expect(expected).toBe(116);
    for (const policy of ['planned', 'adaptive'] as const) {
      const r = simulate(n, { origin: 'o', destination: 'd', profile: 'wagon', runs: 50, seed: 1, policy })!;
      expect(r.summary.minHours).toBe(116);
      expect(r.summary.maxHours).toBe(116);
    }
  });

  it('validation rejects parameters whose expected times overflow, instead of failing later in routing', () => {
    const doc = toyDoc();
    doc.links[0].distanceKm = 1e308;
    doc.links[0].speedKmh = 1e-308;
    expect(validateNetwork(doc).map((p) => `${p.code} ${p.pointer}`)).toContain('not_finite /links/0/speedKmh');
    // Figures within a million hours whose second moment overflows (σ = ln(1e15) / 1.28): not_finite.
    const lognormal = toyDoc();
    lognormal.nodes[1].stages[0].durationHours = { type: 'lognormal', median: 1e-9, p90: 1e6 };
    expect(validateNetwork(lognormal).map((p) => `${p.code} ${p.pointer}`)).toContain('not_finite /nodes/1/stages/0/durationHours');
    // A figure beyond a million hours: invalid_value.
    lognormal.nodes[1].stages[0].durationHours = { type: 'lognormal', median: 1, p90: 1e300 };
    expect(validateNetwork(lognormal).map((p) => `${p.code} ${p.pointer}`)).toContain('invalid_value /nodes/1/stages/0/durationHours');
  });

  it('validation rejects structure fields that would be silently meaningless', () => {
    const doc = toyDoc();
    doc.links[3].structures = [
      { id: 's1', kind: 'bridge', name: 'long', restrictedKm: 5000, speedLimitKmh: 10, closureProbability: 0 },
      { id: 's2', kind: 'bridge', name: 'detour only', overweightDetourHours: { type: 'fixed', value: 5 }, closureProbability: 0 },
    ];
    doc.links[4].structures = [{ id: 's3', kind: 'bridge', name: 'at sea', restrictedKm: 1, speedLimitKmh: 5, closureProbability: 0 }];
    const found = validateNetwork(doc).map((p) => `${p.code} ${p.pointer}`);
    expect(found).toContain('invalid_value /links/3/structures/0/restrictedKm');
    expect(found).toContain('missing_field /links/3/structures/1/weightLimitTonnes');
    expect(found).toContain('conflicting_fields /links/4/structures/0/speedLimitKmh');
  });

  it('a document that changes between reads is validated once and returned as validated', () => {
    let reads = 0;
    const doc = toyDoc();
    const link = doc.links[0];
    Object.defineProperty(doc.links, 0, { enumerable: true, get: () => (++reads > 2 ? { ...link, to: 'nowhere', distanceKm: -5 } : link) });
    let network;
    try {
      network = parseNetwork(doc);
    } catch {
      network = null;
    }
    if (network !== null) {
      const l = network.linkById.get('ab-rail')!;
      expect(l.to).toBe('b');
      expect(l.distanceKm).toBe(3000);
    }
  });

  it('node names fold capitals such as Ł and Đ (MAŁASZEWICZE finds Małaszewicze)', () => {
    expect(foldName('Łódź')).toBe(foldName('Lodz'));
    expect(foldName('Đakovo')).toBe('dakovo');
    expect(findNode(middleCorridor(), 'MAŁASZEWICZE').id).toBe('malaszewicze');
  });

  it('the graph cache is keyed by what shapes the graph, and bounded', () => {
    const n = parseNetwork(toySpec());
    const base = { id: 'truck', name: 'truck', modes: ['road', 'ferry'] as const };
    const g1 = expandedGraph(n, { ...base, maxHours: 10 });
    const g2 = expandedGraph(n, { ...base, maxHours: 99 });
    expect(g2).toBe(g1);
    const r = simulate(n, { origin: 'a', destination: 'q', profile: { ...base, maxHours: 99 }, runs: 10, seed: 1 })!;
    expect(r.maxHours!.hours).toBe(99);
    const first = expandedGraph(n, { ...base, modes: ['road'] });
    for (let i = 0; i < 40; i++) expandedGraph(n, { ...base, id: `p${i}` });
    expect(expandedGraph(n, { ...base, modes: ['road'] })).not.toBe(first);
  });

  it('typed errors instead of TypeErrors for missing options and profile ids', async () => {
    const n = parseNetwork(toySpec());
    expect(() => compare(n, n, null as never)).toThrow(InvalidArgumentError);
    await expect(simulateParallel(n, null as never)).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(() => fastestRoute(n, { origin: 'a', destination: 'z', profile: { name: 'x', modes: ['rail'] } as never })).toThrow(InvalidArgumentError);
  });

  it('CLI: integer flags are decimal digits only; unwritable outputs are one-line errors', () => {
    expect(cli('simulate', '--from', 'a', '--to', 'z', '--runs', '0x10').code).toBe(2);
    expect(cli('simulate', '--from', 'a', '--to', 'z', '--seed', '1e3').code).toBe(2);
    const r = cli('schema', '--out', '/nonexistent-dir/x.json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^transcaspian: cannot write \/nonexistent-dir\/x.json/);
    expect(cli('start', '--out', '/nonexistent-dir/report.html').code).toBe(1);
  });
});
