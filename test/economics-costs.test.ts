// Money per consignment: the shipped tables and their fits, costs adding up along a route and by
// country, routing by money and generalized cost against a Dijkstra on the same weights, the value
// of time, and table validation.
import { readFileSync } from 'node:fs';
import { fsum } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COST_CATEGORIES,
  InvalidArgumentError,
  InvalidTableError,
  cheapestRoute,
  costTablesJsonSchema,
  fastestRoute,
  middleCorridor,
  middleCorridorCosts,
  parseCostTables,
  parseNetwork,
  routeCost,
  validateCostTables,
  valueOfTime,
  type CostTablesSpec,
  type Mode,
  type NetworkSpec,
} from '../src/index.js';
import { objectiveWeights } from '../src/economics/objective-route.js';
import { resolveTrip } from '../src/route/trip.js';
import { networkArb } from './arbitraries.js';
import { toySpec } from './fixtures.js';
import { graphologyCost } from './oracles.js';

const network = middleCorridor();
const tables = middleCorridorCosts();

/** Cost tables for any network: a rate per km for every mode, charges at some nodes, a ferry tariff, an hourly charge. */
function tablesFor(spec: NetworkSpec, seed: number): CostTablesSpec {
  const r = (k: number): number => ((seed * 9301 + k * 49297) % 233280) / 233280;
  const modes: Mode[] = ['rail', 'road', 'ferry', 'sea'];
  return {
    format: 'transcaspian/costs@1',
    id: 'random',
    title: 'random',
    currency: 'USD',
    priceYear: 2024,
    lineHaul: modes.map((mode, k) => ({ mode, usdPerKm: { usd: r(k) * 2, per: (['teu', 'feu', 'tonne', 'unit'] as const)[k % 4]! } })),
    nodeCharges: spec.nodes.flatMap((n, k) => [
      { id: 'c1', node: n.id, name: 'charge', category: 'border' as const, country: n.country, modes: ['rail', 'road'] as Mode[], amount: { usd: r(10 + k) * 500, per: 'unit' as const } },
      { id: 'c2', node: n.id, name: 'transfer', category: 'handling' as const, country: n.country, modes: ['ferry'] as Mode[], when: 'transfer' as const, amount: { usd: r(20 + k) * 300, per: 'teu' as const } },
    ]),
    services: spec.links.filter((l) => l.mode === 'ferry').slice(0, 1).map((l) => ({ link: l.id, amount: { usd: 700, per: 'unit' as const } })),
    timeCharges: [{ id: 'hire', name: 'hire', usdPerHour: { usd: r(30) * 5, per: 'unit' } }],
  };
}

describe('shipped cost tables', () => {
  it('parse with a source on every figure, and data/costs.schema.json is the schema generated from zod', () => {
    expect(validateCostTables(readFileSync('data/costs.json', 'utf8'), { requireSources: true })).toEqual([]);
    expect(JSON.parse(readFileSync('data/costs.schema.json', 'utf8'))).toEqual(costTablesJsonSchema());
  });

  it('every fit lands in its published band (tariffs and charges on the expected-time route)', () => {
    const fits = tables.spec.fits ?? [];
    expect(fits.map((f) => f.id)).toEqual(['middle-corridor', 'northern-route', 'sea-by-month']);
    for (const f of fits) {
      const route = fastestRoute(network, { origin: f.origin, destination: f.destination, profile: f.profile, ...(f.avoidCountries ? { avoid: { countries: f.avoidCountries } } : {}) });
      expect(route, f.id).not.toBeNull();
      const c = routeCost(network, route!);
      const perBand = f.band.per === 'feu' ? (c.fixedUsd / c.teu) * 2 : c.fixedUsd;
      expect(perBand, f.id).toBeGreaterThanOrEqual(f.band.low);
      expect(perBand, f.id).toBeLessThanOrEqual(f.band.high);
    }
  });

  it('the sea tariff spans the band by month: its range ends are the band ends', () => {
    const sea = tables.tariffsByLink.get('lianyungang-constanta-sea')![0]!;
    expect(sea.amount).toMatchObject({ usd: 3000, per: 'feu', range: [1500, 5000] });
    const route = fastestRoute(network, { origin: 'lianyungang', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['KZ', 'RU', 'BY', 'IR', 'TM'] } })!;
    const sailing = routeCost(network, route).items.find((i) => i.category === 'sailing')!;
    expect(sailing.range).toEqual([1500, 5000]);
  });

  it('the Middle Corridor is dearer per TEU than the Northern route, and trucks pay CPMM line-haul per tonne-km', () => {
    const mc = routeCost(network, fastestRoute(network, { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } })!);
    const north = routeCost(network, fastestRoute(network, { origin: 'xian', destination: 'duisburg', profile: 'container-rail' })!);
    expect(mc.fixedUsd).toBeGreaterThan(north.fixedUsd);
    const truck = routeCost(network, fastestRoute(network, { origin: 'dushanbe', destination: 'bishkek', profile: 'truck', avoid: { countries: ['UZ', 'KZ'] } })!);
    const road = truck.items.filter((i) => i.category === 'line-haul');
    for (const it of road) expect(it.usd).toBeCloseTo(0.0945 * 20 * it.distanceKm!, 9);
    expect(truck.items.filter((i) => i.category === 'border').map((i) => i.usd)).toEqual([208]);
  });
});

describe('routeCost', () => {
  it('adds up along the route, by country and by category (shipped network, every main-job trip)', () => {
    for (const [origin, destination, profile, avoid] of [
      ['xian', 'constanta', 'container-rail', ['RU', 'BY', 'IR']],
      ['kashgar', 'baku', 'truck', []],
      ['dushanbe', 'aktau', 'truck', []],
      ['aktau', 'tbilisi', 'wagon', []],
    ] as const) {
      const route = fastestRoute(network, { origin, destination, profile, avoid: { countries: [...avoid] } })!;
      const c = routeCost(network, route);
      expect(c.usd).toBeCloseTo(fsum(c.items, (i) => i.usd), 9);
      expect(fsum(c.byCountry, (x) => x.usd)).toBeCloseTo(c.usd, 9);
      expect(fsum(COST_CATEGORIES, (k) => c.byCategory[k])).toBeCloseTo(c.usd, 9);
      for (const row of c.byCountry) expect(fsum(COST_CATEGORIES, (k) => row.byCategory[k])).toBeCloseTo(row.usd, 9);
      expect(c.usd).toBeCloseTo(c.fixedUsd + c.usdPerHour * route.totalHours, 9);
      expect(c.usdPerTeu).toBeCloseTo(c.usd / 2, 9);
      // Every link of the route is paid once: a line-haul or sailing item per leg.
      expect(c.items.filter((i) => i.linkId !== undefined).map((i) => i.linkId)).toEqual(route.links);
    }
  });

  it('a hand computation on the toy network: km × rate, the charges of the stops passed, hours × hourly charge', () => {
    const toy = parseNetwork(toySpec());
    const costs = parseCostTables({
      format: 'transcaspian/costs@1',
      id: 't',
      title: 't',
      currency: 'USD',
      priceYear: 2024,
      lineHaul: [
        { mode: 'rail', usdPerKm: { usd: 0.5, per: 'feu' } },
        { mode: 'rail', country: 'CN', usdPerKm: { usd: 0.25, per: 'feu' } },
      ],
      nodeCharges: [
        { id: 'gauge', node: 'b', name: 'gauge', category: 'border', country: 'KZ', modes: ['rail'], amount: { usd: 100, per: 'unit' } },
        { id: 'road-only', node: 'b', name: 'road', category: 'border', country: 'KZ', modes: ['road'], amount: { usd: 999, per: 'unit' } },
      ],
      timeCharges: [{ id: 'hire', name: 'hire', usdPerHour: { usd: 2, per: 'teu' } }],
    });
    const route = fastestRoute(toy, { origin: 'a', destination: 'p', profile: 'container-rail' })!;
    expect(route.links).toEqual(['ab-rail', 'bp-rail']);
    const c = routeCost(toy, route, { costs });
    // 3000 km in CN at 0.25 per FEU-km, 2900 km in KZ at the default 0.5; one FEU; the rail charge at b; 2 × 2 TEU per hour.
    expect(c.fixedUsd).toBeCloseTo(3000 * 0.25 + 2900 * 0.5 + 100, 9);
    expect(c.usdPerHour).toBe(4);
    expect(c.usd).toBeCloseTo(c.fixedUsd + 4 * route.totalHours, 9);
    expect(c.byCountry.map((x) => x.country)).toEqual(['CN', 'KZ']);
    expect(c.byCategory.border).toBe(100);
  });

  it('cannot price a link without a rate: InvalidTableError naming what is missing', () => {
    const toy = parseNetwork(toySpec());
    const costs = parseCostTables({ format: 'transcaspian/costs@1', id: 't', title: 't', currency: 'USD', priceYear: 2024, lineHaul: [{ mode: 'road', usdPerKm: { usd: 1, per: 'unit' } }] });
    const route = fastestRoute(toy, { origin: 'a', destination: 'p', profile: 'container-rail' })!;
    expect(() => routeCost(toy, route, { costs })).toThrow(InvalidTableError);
    expect(() => routeCost(toy, route, { costs })).toThrow(/rail rate for CN/);
  });
});

describe('cheapestRoute', () => {
  it('minimising time gives fastestRoute; minimising money never costs more than the fastest; generalized cost lies between', () => {
    const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } } as const;
    const fastest = fastestRoute(network, trip)!;
    const byTime = cheapestRoute(network, trip)!;
    expect(byTime.route.links).toEqual(fastest.links);
    expect(byTime.objectiveValue).toBeCloseTo(fastest.totalHours, 9);
    const byMoney = cheapestRoute(network, { ...trip, minimise: 'money' })!;
    expect(byMoney.cost.usd).toBeLessThanOrEqual(byTime.cost.usd + 1e-9);
    expect(byMoney.objectiveValue).toBeCloseTo(byMoney.cost.usdPerTeu, 6);
    const byGc = cheapestRoute(network, { ...trip, minimise: 'generalized-cost' })!;
    expect(byGc.generalizedUsdPerTeu).toBeLessThanOrEqual(byMoney.generalizedUsdPerTeu + 1e-6);
    expect(byGc.generalizedUsdPerTeu).toBeLessThanOrEqual(byTime.generalizedUsdPerTeu + 1e-6);
    expect(() => cheapestRoute(network, { ...trip, minimise: 'distance' as 'time' })).toThrow(InvalidArgumentError);
  });

  it('generalized-cost routing equals a Dijkstra (graphology) on the generalized weights, and the route costs what its arcs weigh (random networks and tables)', () => {
    fc.assert(
      fc.property(networkArb, fc.integer({ min: 1, max: 1000 }), fc.constantFrom('truck', 'container-rail'), fc.constantFrom('money' as const, 'generalized-cost' as const), (spec, seed, profile, minimise) => {
        const net = parseNetwork(spec);
        const costs = parseCostTables(tablesFor(spec, seed));
        const options = { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile, costs, minimise, valueOfTime: { usdPerTeuHour: 7 + (seed % 40) } };
        const found = cheapestRoute(net, options);
        const trip = resolveTrip(net, options);
        const g = trip.graph;
        const w = objectiveWeights(net, g, minimise, costs, options.valueOfTime.usdPerTeuHour);
        const oracle = graphologyCost(g.vertices.length, g.arcs.map((a) => a.from), g.arcs.map((a) => a.to), w, trip.sources, trip.targets);
        if (found === null) return oracle === Infinity;
        expect(found.objectiveValue).toBeCloseTo(oracle, 6);
        const fromRoute = minimise === 'money' ? found.cost.usdPerTeu : found.generalizedUsdPerTeu;
        expect(fromRoute).toBeCloseTo(found.objectiveValue, 6);
        return true;
      }),
      { numRuns: 120 },
    );
  });
});

describe('valueOfTime', () => {
  it('is cargo value × daily share / 24, with the range of the daily share (Hummels & Schaur: 0.6–2.1% a day)', () => {
    const v = valueOfTime();
    expect(v.usdPerTeuHour).toBeCloseTo((54_500 * 0.0135) / 24, 12);
    expect(v.range[0]).toBeCloseTo((54_500 * 0.006) / 24, 12);
    expect(v.range[1]).toBeCloseTo((54_500 * 0.021) / 24, 12);
    expect(valueOfTime({ cargoValueUsdPerTeu: 100_000, dailyShare: 0.01 }).usdPerTeuHour).toBeCloseTo(100_000 * 0.01 / 24, 12);
    expect(valueOfTime({ usdPerTeuHour: 20 })).toEqual({ usdPerTeuHour: 20, range: [20, 20] });
  });

  it('rejects bad options with the field named', () => {
    expect(() => valueOfTime({ dailyShare: 2 })).toThrow(expect.objectContaining({ field: 'valueOfTime.dailyShare' }));
    expect(() => valueOfTime({ cargoValueUsdPerTeu: -1 })).toThrow(expect.objectContaining({ field: 'valueOfTime.cargoValueUsdPerTeu' }));
    expect(() => valueOfTime({ usdPerTeuHour: 20, rangeUsdPerTeuHour: [25, 30] })).toThrow(expect.objectContaining({ field: 'valueOfTime.rangeUsdPerTeuHour' }));
  });
});

describe('validateCostTables', () => {
  const base = (): Record<string, unknown> => structuredClone(tables.spec) as unknown as Record<string, unknown>;
  it('reports negative money, a range that does not hold the figure, unknown sources and duplicate charges, with codes and paths', () => {
    const doc = base() as { lineHaul: { usdPerKm: { usd: number; range?: number[] }; source?: unknown }[]; nodeCharges: unknown[] };
    doc.lineHaul[0]!.usdPerKm.usd = -1;
    doc.lineHaul[1]!.usdPerKm.range = [5, 6];
    doc.lineHaul[2]!.source = { ref: 'nope' };
    doc.nodeCharges.push(structuredClone(doc.nodeCharges[0]));
    const problems = validateCostTables(doc);
    const codes = problems.map((p) => `${p.code} ${p.pointer}`);
    expect(codes).toContain('negative /lineHaul/0/usdPerKm/usd');
    expect(codes).toContain('invalid_value /lineHaul/1/usdPerKm');
    expect(codes).toContain('unknown_source /lineHaul/2/source/ref');
    expect(codes).toContain(`duplicate_id /nodeCharges/${doc.nodeCharges.length - 1}/id`);
    expect(() => parseCostTables(doc)).toThrow(InvalidTableError);
  });

  it('tables naming a node the network lacks are refused when they meet it', () => {
    const doc = base() as { nodeCharges: { node: string }[] };
    doc.nodeCharges[0]!.node = 'atlantis';
    const costs = parseCostTables(doc);
    const route = fastestRoute(network, { origin: 'xian', destination: 'aktau', profile: 'container-rail' })!;
    expect(() => routeCost(network, route, { costs })).toThrow(expect.objectContaining({ code: 'invalid_table', table: 'costs' }));
  });
});
