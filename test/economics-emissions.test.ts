// CO2e per consignment: known legs equal intensity × distance × load, hubs at mode and gauge changes,
// sums by country and mode, the shipped tables, and a measure that shortens waits changing nothing.
import { readFileSync } from 'node:fs';
import { fsum } from 'd3-array';
import { describe, expect, it } from 'vitest';
import {
  InvalidTableError,
  applyMeasures,
  emissionTablesJsonSchema,
  fastestRoute,
  japan2025,
  middleCorridor,
  middleCorridorEmissions,
  parseEmissionTables,
  routeEmissions,
  validateEmissionTables,
} from '../src/index.js';

const network = middleCorridor();
const tables = middleCorridorEmissions();

function leg(origin: string, destination: string, profile: string, avoid: string[] = []) {
  const route = fastestRoute(network, { origin, destination, profile, avoid: { countries: avoid } })!;
  return { route, e: routeEmissions(network, route) };
}

describe('shipped emission tables', () => {
  it('parse with a source on every figure, and data/emissions.schema.json is the schema generated from zod', () => {
    expect(validateEmissionTables(readFileSync('data/emissions.json', 'utf8'), { requireSources: true })).toEqual([]);
    expect(JSON.parse(readFileSync('data/emissions.schema.json', 'utf8'))).toEqual(emissionTablesJsonSchema());
    expect(tables.spec.basis).toBe('well-to-wheel');
  });
});

describe('routeEmissions', () => {
  it('CO2e of a known leg = intensity × distance × load: a container ship per TEU-km, a truck per tonne-km, a ferry per tonne-km', () => {
    const sea = leg('lianyungang', 'constanta', 'container-rail', ['KZ', 'RU', 'BY', 'IR', 'TM']);
    expect(sea.route.links).toEqual(['lianyungang-constanta-sea']);
    expect(sea.e.kgCo2e).toBeCloseTo(0.0804 * 17_000 * 2, 9);
    expect(sea.e.kgCo2ePerTeu).toBeCloseTo(0.0804 * 17_000, 9);

    const truck = leg('dushanbe', 'bishkek', 'truck');
    for (const it of truck.e.items) expect(it.kgCo2e).toBeCloseTo(0.064 * it.distanceKm! * 20, 9);
    expect(truck.e.kgCo2e).toBeCloseTo(0.064 * truck.route.distanceKm * 20, 9);

    const ferry = leg('turkmenbashi', 'alat', 'truck');
    expect(ferry.route.links).toEqual(['turkmenbashi-alat-ferry']);
    expect(ferry.e.kgCo2e).toBeCloseTo(0.125 * 300 * 20, 9);
  });

  it('rail: a diesel link at the diesel intensity, an electrified share at the country grid', () => {
    const xian = leg('xian', 'constanta', 'container-rail', ['RU', 'BY', 'IR']);
    const byLink = new Map(xian.e.items.filter((i) => i.linkId !== undefined).map((i) => [i.linkId!, i]));
    // Beyneu–Aktau runs on diesel (RailTech 2019): 0.31 kg per TEU-km × 420 km × 2 TEU.
    expect(byLink.get('beyneu-aktau')!.kgCo2e).toBeCloseTo(0.31 * 420 * 2, 9);
    expect(byLink.get('beyneu-aktau')!.basis).toBe('diesel');
    // Georgia: 80% electric at 131 g per kWh × 0.415 kWh per TEU-km, 20% diesel.
    const ge = byLink.get('tbilisi-poti')!;
    expect(ge.kgCo2ePerTeuKm).toBeCloseTo(0.8 * 0.415 * 0.131 + 0.2 * 0.31, 12);
    expect(ge.kgCo2e).toBeCloseTo(ge.kgCo2ePerTeuKm! * 310 * 2, 9);
    // Kazakhstan's dirtier grid makes its electric share dearer than Georgia's.
    expect(byLink.get('dostyk-aktogay')!.kgCo2ePerTeuKm!).toBeGreaterThan(ge.kgCo2ePerTeuKm!);
  });

  it('hubs count at mode changes and gauge changes only, and everything adds up by country and by mode', () => {
    const { route, e } = leg('xian', 'constanta', 'container-rail', ['RU', 'BY', 'IR']);
    const hubs = e.items.filter((i) => i.kind === 'hub').map((i) => i.nodeId);
    // A gauge change at Dostyk; rail → sea at Aktau, sea → rail at Alat, rail → sea at Poti.
    expect(hubs).toEqual(['dostyk', 'aktau', 'alat', 'poti']);
    for (const h of e.items.filter((i) => i.kind === 'hub')) expect(h.kgCo2e).toBe(15 * 2);
    expect(e.items.filter((i) => i.kind === 'leg').map((i) => i.linkId)).toEqual(route.links);
    expect(fsum(e.byCountry, (c) => c.kgCo2e)).toBeCloseTo(e.kgCo2e, 9);
    expect(fsum(Object.values(e.byMode))).toBeCloseTo(e.kgCo2e, 9);
    expect(e.range[0]).toBeLessThan(e.kgCo2e);
    expect(e.range[1]).toBeGreaterThan(e.kgCo2e);
  });

  it('a package that only shortens waits changes nothing (same route, same CO2e)', () => {
    const options = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } } as const;
    const after = applyMeasures(network, japan2025().measures);
    const b = routeEmissions(network, fastestRoute(network, options)!);
    const a = routeEmissions(after, fastestRoute(after, options)!);
    expect(a.kgCo2e).toBe(b.kgCo2e);
  });

  it('tables without a default hub, or naming a link the network lacks, are refused', () => {
    const doc = structuredClone(tables.spec) as unknown as { hubs: unknown[]; railLinks: { link: string }[] };
    const noHub = { ...doc, hubs: [] };
    expect(validateEmissionTables(noHub).map((p) => `${p.code} ${p.pointer}`)).toContain('missing_field /hubs');
    doc.railLinks[0]!.link = 'nowhere';
    const bad = parseEmissionTables(doc);
    const route = fastestRoute(network, { origin: 'xian', destination: 'aktau', profile: 'container-rail' })!;
    expect(() => routeEmissions(network, route, { emissions: bad })).toThrow(InvalidTableError);
  });
});
