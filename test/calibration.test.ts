// Calibration cases (published end-to-end times: KTZ, TITR, Astana Times) on the shipped network, container-rail profile,
// expected times. The dataset's figures come from segment evidence; these end-to-end bands check them.
import { describe, expect, it } from 'vitest';
import { breakdown, fastestRoute, middleCorridor, validateNetwork } from '../src/index.js';
import { readFileSync } from 'node:fs';

const network = middleCorridor();
const days = (origin: string, destination: string): number =>
  fastestRoute(network, { origin, destination, profile: 'container-rail' })!.totalDays;

describe('calibration of the default network (published end-to-end times)', () => {
  it('Altynkol → Aktau takes 2.5–4 days (KTZ: 3,128 km in 3 days)', () => {
    const d = days('altynkol', 'aktau');
    expect(d).toBeGreaterThanOrEqual(2.5);
    expect(d).toBeLessThanOrEqual(4);
  });
  it('Altynkol → Baku (Absheron) takes 8–11 days (TITR schedule: 9 days)', () => {
    const d = days('altynkol', 'baku');
    expect(d).toBeGreaterThanOrEqual(8);
    expect(d).toBeLessThanOrEqual(11);
  });
  it("Xi'an → Tashkent takes 4–7 days (KTZ 2024: 5 days)", () => {
    const d = days('xian', 'tashkent');
    expect(d).toBeGreaterThanOrEqual(4);
    expect(d).toBeLessThanOrEqual(7);
  });
});

describe('the shipped dataset', () => {
  it('is valid with every figure sourced, and has at least 45 nodes', () => {
    expect(validateNetwork(readFileSync('data/middle-corridor.json', 'utf8'), { requireSources: true })).toEqual([]);
    expect(network.nodes.length).toBeGreaterThanOrEqual(45);
  });
  it('cites only sources with a title, organisation and year (or an explicit null)', () => {
    for (const s of network.sourceById.values()) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.organisation.length).toBeGreaterThan(0);
      expect(s.year === null || (s.year >= 1990 && s.year <= 2026)).toBe(true);
    }
  });
  it('routes a truck Kashgar → Bishkek by road and across the Caspian by ro-ro ferry to Baku', () => {
    const toBishkek = fastestRoute(network, { origin: 'kashgar', destination: 'bishkek', profile: 'truck' })!;
    expect(toBishkek.legs.every((l) => l.mode === 'road')).toBe(true);
    const toBaku = fastestRoute(network, { origin: 'kashgar', destination: 'baku', profile: 'truck' })!;
    expect(toBaku.legs.some((l) => l.mode === 'ferry')).toBe(true);
    expect(toBaku.nodes).toContain('bishkek');
    expect(breakdown(toBaku).byCountry.map((c) => c.country)).toEqual(expect.arrayContaining(['CN', 'KG', 'KZ', 'AZ']));
  });
  it('has the Naryn km 315 and Kok-Art km 564 bridges as structures on Bishkek–Osh road links', () => {
    const bridges = network.links.flatMap((l) => (l.structures ?? []).map((s) => ({ s, l })));
    const names = bridges.map(({ s }) => s.name).join(' | ');
    expect(names).toMatch(/Naryn/);
    expect(names).toMatch(/Kok-Art/);
    expect(bridges.every(({ l }) => l.mode === 'road')).toBe(true);
    const r = fastestRoute(network, { origin: 'bishkek', destination: 'osh', profile: 'truck' })!;
    expect(r.parts.filter((p) => p.structureId !== undefined).length).toBeGreaterThanOrEqual(2);
  });
  it('routes the comparison corridors: Northern (via Russia), Southern (via Iran) and sea via Suez', () => {
    for (const id of ['malaszewicze', 'tehran']) {
      expect(fastestRoute(network, { origin: 'xian', destination: id, profile: 'container-rail' }), id).not.toBeNull();
    }
    expect(network.links.some((l) => l.mode === 'sea' && /suez/i.test(`${l.id} ${l.name ?? ''} ${l.waters ?? ''}`))).toBe(true);
  });
});
