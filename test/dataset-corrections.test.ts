// The shipped dataset against the published figures its corrections rest on: each test names the
// source and fails if the figure drifts outside what that source allows.
import { describe, expect, it } from 'vitest';
import { applyMeasures, closeLink, fastestRoute, japan2025, middleCorridor, simulate, type Route } from '../src/index.js';

const network = middleCorridor();
const MIDDLE_CORRIDOR = { countries: ['RU', 'BY', 'IR'] };

/** Expected hours spent at the named nodes' stages on a route (the border pair's dwell). */
function hoursAt(route: Route, nodeIds: readonly string[]): number {
  return route.parts.filter((p) => p.kind === 'stage' && p.nodeId !== undefined && nodeIds.includes(p.nodeId)).reduce((s, p) => s + p.hours, 0);
}

function route(origin: string, destination: string, profile: string, avoid?: { countries: string[] }): Route {
  const r = fastestRoute(network, avoid === undefined ? { origin, destination, profile } : { origin, destination, profile, avoid });
  expect(r, `${origin} → ${destination} (${profile})`).not.toBeNull();
  return r!;
}

describe('China–Kazakhstan rail border (ADB CAREC CPMM 2022–2023)', () => {
  it('a wagonload train spends 80–130 h at Alashankou and Dostyk (Chinese side 30.5 h + Kazakh inbound 78.0 h)', () => {
    const r = route('urumqi', 'aktogay', 'wagon');
    expect(r.nodes).toEqual(['urumqi', 'alashankou', 'dostyk', 'aktogay']);
    const h = hoursAt(r, ['alashankou', 'dostyk']);
    expect(h).toBeGreaterThanOrEqual(80);
    expect(h).toBeLessThanOrEqual(130);
    expect(hoursAt(r, ['alashankou'])).toBeCloseTo(30.5, -1);
  });
  it('a block train crosses in well under half the wagonload time, and via Horgos–Altynkol too', () => {
    const wagon = hoursAt(route('urumqi', 'aktogay', 'wagon'), ['alashankou', 'dostyk']);
    const block = hoursAt(route('urumqi', 'aktogay', 'container-rail'), ['alashankou', 'dostyk']);
    expect(block).toBeLessThan(wagon / 2);
    expect(block).toBeGreaterThan(12);
    const viaHorgos = route('urumqi', 'almaty', 'wagon');
    expect(viaHorgos.nodes).toContain('altynkol');
    expect(hoursAt(viaHorgos, ['horgos', 'altynkol'])).toBeGreaterThanOrEqual(80);
  });
  it('puts the border time into queues, transhipment and traction, not customs (ASTANA-1: transit declarations in minutes)', () => {
    const r = route('urumqi', 'aktogay', 'wagon');
    const at = r.parts.filter((p) => p.kind === 'stage' && (p.nodeId === 'alashankou' || p.nodeId === 'dostyk'));
    const customs = at.filter((p) => p.category === 'customs').reduce((s, p) => s + p.hours, 0);
    const waiting = at.filter((p) => p.category === 'waiting').reduce((s, p) => s + p.hours, 0);
    expect(customs).toBeLessThan(5);
    expect(waiting).toBeGreaterThan(10 * customs);
    for (const n of ['dostyk', 'altynkol']) {
      const node = network.nodeById.get(n)!;
      for (const s of node.stages ?? []) if (s.kind === 'inspection') expect(s.probability ?? 1, `${n}/${s.id}`).toBeLessThanOrEqual(0.2);
    }
  });
});

describe('Azerbaijan–Georgia rail border and Georgian traction (TRACECA pilot 2023; Georgian Railway fleet)', () => {
  it('Böyük Kəsik–Gardabani takes 48 h or more for one train in ten (the 2023 pilot: more than 75 h)', () => {
    const r = route('alat', 'tbilisi', 'container-rail');
    expect(r.nodes).toEqual(['alat', 'beyuk-kesik', 'gardabani', 'tbilisi']);
    const movingHours = r.parts.filter((p) => p.category === 'moving').reduce((s, p) => s + p.hours, 0);
    const sim = simulate(network, { origin: 'alat', destination: 'tbilisi', profile: 'container-rail', runs: 4000, seed: 14 })!;
    const p90 = sim.sorted[Math.floor(0.9 * (sim.sorted.length - 1))]! - movingHours;
    expect(p90).toBeGreaterThanOrEqual(48);
    expect(p90).toBeLessThan(150);
    const waiting = r.parts.filter((p) => p.category === 'waiting' && (p.nodeId === 'gardabani' || p.nodeId === 'beyuk-kesik'));
    expect(waiting.reduce((s, p) => s + p.hours, 0)).toBeGreaterThan(20);
  });
});

describe('Black Sea and the Türkiye path (operators prefer Poti/Batumi: World Bank 2023)', () => {
  it("routes Xi'an → Constanța on the Middle Corridor over Poti or Batumi, not Kars", () => {
    const r = route('xian', 'constanta', 'container-rail', MIDDLE_CORRIDOR);
    expect(r.nodes.some((n) => n === 'poti' || n === 'batumi')).toBe(true);
    expect(r.nodes).not.toContain('kars');
    expect(r.totalDays).toBeGreaterThanOrEqual(18);
    expect(r.totalDays).toBeLessThanOrEqual(25);
  });
  it('takes about a week Kars → Halkalı (2025 trains: 15 d Chengdu → Kars, 22 d Chongqing → Halkalı)', () => {
    const through = route('tbilisi', 'istanbul', 'container-rail');
    expect(through.nodes).toContain('kars');
    const karsToHalkaliDays = (through.totalHours - route('tbilisi', 'kars', 'container-rail').totalHours) / 24;
    expect(karsToHalkaliDays).toBeGreaterThanOrEqual(3);
    expect(karsToHalkaliDays).toBeLessThanOrEqual(11);
  });
  it('runs the container feeders about three times a month (2022)', () => {
    const feeder = network.links.find((l) => l.id === 'poti-constanta-feeder')!;
    expect(feeder.service!.departuresPerWeek! * (30.4 / 7)).toBeCloseTo(3, 0);
  });
});

describe('the Northern comparator (DHL 2024: Xi\'an → Małaszewicze 12–14 d; RailTech 2018: two to three days at Brest)', () => {
  it("takes 11–15 days Xi'an → Małaszewicze, two days or more of it waiting at Brest", () => {
    const r = route('xian', 'malaszewicze', 'container-rail');
    expect(r.nodes.slice(-2)).toEqual(['brest', 'malaszewicze']);
    expect(r.totalDays).toBeGreaterThanOrEqual(11);
    expect(r.totalDays).toBeLessThanOrEqual(15);
    const atBrest = r.parts.filter((p) => p.nodeId === 'brest' && p.category === 'waiting');
    expect(atBrest.reduce((s, p) => s + p.hours, 0)).toBeGreaterThanOrEqual(48);
    expect(atBrest.every((p) => p.country === 'BY')).toBe(true);
  });
});

describe("Kazakhstan's rail network (KTZ: Altynkol → Aktau 3,128 km; the Zhezkazgan–Beyneu line saves 1–3 days)", () => {
  it('runs Altynkol → Aktau over Arys–Kyzylorda–Shalkar–Beyneu at about the 3,128 km KTZ gives', () => {
    const r = route('altynkol', 'aktau', 'container-rail');
    expect(r.nodes).toEqual(expect.arrayContaining(['kyzylorda', 'shalkar', 'beyneu']));
    expect(r.distanceKm).toBeGreaterThan(3128 * 0.9);
    expect(r.distanceKm).toBeLessThan(3128 * 1.1);
  });
  it.each(['moyynty-zhezkazgan', 'zhezkazgan-beyneu', 'shymkent-kyzylorda', 'kyzylorda-shalkar'])('closing %s diverts overland within 3 days, never by sea round Europe', (closed) => {
    const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: MIDDLE_CORRIDOR };
    const before = fastestRoute(network, trip)!;
    const after = fastestRoute(applyMeasures(network, [closeLink({ link: closed })]), trip)!;
    expect(after).not.toBeNull();
    expect(after.nodes).not.toContain('lianyungang');
    expect(after.nodes).toContain('beyneu');
    expect(after.totalDays - before.totalDays).toBeGreaterThanOrEqual(0);
    expect(after.totalDays - before.totalDays).toBeLessThanOrEqual(3);
  });
});

describe('the named Japanese scanner site (JICA grant, December 2025: Spitamen customs post, Tajikistan)', () => {
  it('is a Tajik border node with a physical inspection that the package replaces by scans', () => {
    const before = network.nodeById.get('spitamen')!;
    expect(before.country).toBe('TJ');
    expect(before.kind).toBe('border');
    const pkg = japan2025();
    expect(pkg.measures.find((m) => m.id === 'xray-scanners')!.sources.map((s) => s.ref)).toContain('jica-2025-spitamen');
    expect(pkg.notes.join(' ')).toMatch(/Spitamen/);
    const after = applyMeasures(network, pkg.measures).nodeById.get('spitamen')!;
    expect((after.stages ?? []).some((s) => s.kind === 'scan')).toBe(true);
    expect((before.stages ?? []).some((s) => s.kind === 'scan')).toBe(false);
  });
});
