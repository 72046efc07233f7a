// Small hand-built networks for unit tests (the default dataset has its own calibration tests).
import { InvalidArgumentError, type NetworkSpec } from '../src/index.js';

/** A three-country toy corridor with a rail line, a ferry and a road alternative. */
export function toySpec(): NetworkSpec {
  return {
    format: 'transcaspian/network@1',
    id: 'toy',
    title: 'Toy corridor',
    sources: [{ id: 'T1', title: 'Toy source', organisation: 'Test', year: 2024 }],
    nodes: [
      { id: 'a', name: "Xi'an Test", kind: 'terminal', country: 'CN', lat: 34, lon: 109, source: { ref: 'T1' } },
      {
        id: 'b',
        name: 'Border B',
        kind: 'border',
        country: 'KZ',
        lat: 44,
        lon: 80,
        stages: [
          { id: 'customs', name: 'customs', kind: 'customs', category: 'customs', country: 'KZ', durationHours: { type: 'fixed', value: 4 }, modes: ['rail', 'road'] },
          { id: 'exam', name: 'physical exam', kind: 'inspection', category: 'customs', country: 'KZ', durationHours: { type: 'triangular', min: 2, mode: 4, max: 6 }, probability: 0.25, modes: ['rail', 'road'] },
          { id: 'gauge', name: 'gauge change', kind: 'gauge-change', category: 'border', country: 'KZ', durationHours: { type: 'uniform', min: 1, max: 3 }, modes: ['rail'] },
        ],
      },
      {
        id: 'p',
        name: 'Port Constanța',
        aliases: ['Port P'],
        kind: 'port',
        country: 'KZ',
        lat: 43.6,
        lon: 51.2,
        stages: [
          { id: 'tranship', name: 'rail to ferry', kind: 'handling', category: 'handling', country: 'KZ', durationHours: { type: 'lognormal', median: 6, p90: 12 }, modes: ['rail', 'ferry', 'road'], when: 'transfer' },
        ],
      },
      { id: 'q', name: 'Port Q', kind: 'port', country: 'AZ', lat: 40, lon: 49.4 },
      { id: 'z', name: 'Zed', kind: 'terminal', country: 'AZ', lat: 40.4, lon: 49.8 },
      { id: 'island', name: 'Island', kind: 'hub', country: 'AZ', lat: 40, lon: 50 },
    ],
    links: [
      { id: 'ab-rail', from: 'a', to: 'b', mode: 'rail', distanceKm: 3000, speedKmh: 50, country: 'CN', bidirectional: true },
      { id: 'ab-road', from: 'a', to: 'b', mode: 'road', distanceKm: 3100, speedKmh: 60, country: 'CN', bidirectional: true },
      { id: 'bp-rail', from: 'b', to: 'p', mode: 'rail', distanceKm: 2900, speedKmh: 58, bidirectional: true },
      { id: 'bp-road', from: 'b', to: 'p', mode: 'road', distanceKm: 2800, durationHours: { type: 'triangular', min: 40, mode: 48, max: 70 }, bidirectional: true },
      {
        id: 'pq-ferry',
        from: 'p',
        to: 'q',
        mode: 'ferry',
        distanceKm: 450,
        waters: 'Caspian Sea',
        service: { headwayHours: { type: 'uniform', min: 24, max: 96 }, sailingHours: { type: 'triangular', min: 18, mode: 20, max: 24 }, cancellationProbability: 0.1 },
        bidirectional: true,
      },
      { id: 'qz-rail', from: 'q', to: 'z', mode: 'rail', distanceKm: 70, speedKmh: 35, bidirectional: true },
    ],
  };
}

/** A deep, mutable copy of the toy spec, for tests that break it. */
export function toyDoc(): Record<string, any> {
  return structuredClone(toySpec()) as unknown as Record<string, any>;
}

/** The field an `InvalidArgumentError` thrown by `f` names; fails the test if `f` throws nothing or something else. */
export function invalidField(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidArgumentError) return e.field;
    throw e;
  }
  throw new Error('expected an InvalidArgumentError');
}

/**
 * The toy document with a calendar (2025), a corridor state (σ 0.8, ranged 0.4–1.2) and one
 * correlated storm closure at `node` (`startsPerMonth`, durations 12–120 h, utilisation 0.5) whose
 * start rates (×0.5–2) and utilisation (0.4–0.6) are ranged.
 */
export function stormyToyDoc(node: string, startsPerMonth: number[]): Record<string, any> {
  const d = toyDoc();
  d.calendar = { referenceYear: 2025 };
  d.correlation = { sigma: 0.8, source: { estimate: 'σ 0.8', range: { field: 'sigma', min: 0.4, max: 1.2, reason: 'r' } } };
  d.episodes = [
    {
      id: 'storm',
      name: 'Storm',
      at: { node },
      effect: { type: 'closure' },
      occurrence: { type: 'process', startsPerMonth, durationHours: { type: 'triangular', min: 12, mode: 36, max: 120 } },
      correlated: true,
      utilisation: 0.5,
      source: { estimate: 'e', range: [{ field: 'occurrence.startsPerMonth', factor: [0.5, 2], reason: 'r' }, { field: 'utilisation', min: 0.4, max: 0.6, reason: 'r' }] },
    },
  ];
  return d;
}
