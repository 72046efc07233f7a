// Regimes (issue 13, item 6): the corridor of a period as volume against the capacity of that time.
// The same model gives today's times and the long 2022–23 ones (validation targets T7 and T8), by a
// mechanism whose parts each move the result: the Caspian feeder fleet of 2022, the traffic offered,
// the window until the fleet doubled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidNetworkError, middleCorridor, parseNetwork, regimeNetwork, simulate, validateNetwork, type NetworkSpec } from '../src/index.js';
import { congestionLines } from '../src/report/scenario-text.js';
import { backlogHours, backlogTable, overloadedModel } from '../src/simulate/congestion/overload.js';
import type { CongestionModel, PlaceWait } from '../src/simulate/congestion/model.js';
import { alongRoute } from '../src/simulate/along-route.js';
import { run as runCli } from '../src/cli/run.js';
import { invalidField } from './fixtures.js';

/** The CLI in process: exit code and what it printed. */
function run(argv: string[]): { code: number; out: string } {
  const out: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => out.push(t), write: (t) => out.push(t), readStdin: () => '', env: {} });
  return { code, out: out.join('\n') };
}

const network = middleCorridor();
const days = (h: number): number => h / 24;
// T7: Maersk's 2022 service as PortNews describes it: Khorgos, Aktau, the Caspian feeder to Baku,
// rail to Poti, the Black Sea feeder to Constanța (so not Dostyk, Kuryk, Batumi, Türkiye, or by sea).
const viaPoti = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR', 'TM', 'TR'], nodes: ['dostyk', 'kuryk', 'batumi', 'lianyungang'] } };
const toPoti = { origin: 'xian', destination: 'poti', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR', 'TM'], nodes: ['kuryk'] } };
const trip = { runs: 3000, seed: 5 } as const;

describe('the fluid backlog of an overload window', () => {
  it('grows at ρ − 1 in the window and clears at 1 − ρ\' after it', () => {
    // 1.25 for 100 h: 25 h of work at the old capacity; after it the capacity doubles (ρ' = 0.625),
    // so 12.5 h of the new, clearing at 0.375 an hour.
    expect(backlogHours(0, 1.25, 0.625, 100)).toBe(0);
    expect(backlogHours(40, 1.25, 0.625, 100)).toBeCloseTo(10, 12);
    expect(backlogHours(100, 1.25, 0.625, 100)).toBeCloseTo(12.5, 12);
    expect(backlogHours(120, 1.25, 0.625, 100)).toBeCloseTo(12.5 - 0.375 * 20, 12);
    expect(backlogHours(200, 1.25, 0.625, 100)).toBe(0);
    const t = backlogTable(1.25, 0.625, 100, 200);
    // Mean over the period: (∫0^100 0.25 t dt + ½ · 12.5 · 33.3) / 200.
    expect(t.meanHours).toBeCloseTo((0.125 * 100 ** 2 + 0.5 * 12.5 * (12.5 / 0.375)) / 200, 1);
  });

  it('more capacity, in the window or after it, never lengthens any arrival\'s wait', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (rho, rhoAfter, more, window, t) => {
          const base = backlogHours(t, rho, rhoAfter, window);
          expect(backlogHours(t, Math.max(1, rho / more), rhoAfter, window)).toBeLessThanOrEqual(base + 1e-9);
          expect(backlogHours(t, rho, rhoAfter / more, window)).toBeLessThanOrEqual(base + 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('regimes of the shipped network', () => {
  it('"today" is the document as it is: the same runs, bit for bit', () => {
    for (const policy of ['planned', 'adaptive'] as const) {
      const a = simulate(network, { ...toPoti, ...trip, policy })!;
      const b = simulate(network, { ...toPoti, ...trip, policy, regime: 'today' })!;
      expect(Buffer.from(b.samples.buffer).equals(Buffer.from(a.samples.buffer)), policy).toBe(true);
      expect(b.congestion.regime).toBe('today');
    }
    expect(regimeNetwork(network, 'today')).toBe(network);
  });

  it('2022–23 surge: Xi\'an → Constanța via Poti at 30–50 days (T7, Maersk 2022: about 40), Xi\'an → Poti at 1.8× today\'s or more (T8, KTZ: 53 days before 2023)', () => {
    const surge = simulate(network, { ...viaPoti, ...trip, regime: 'surge-2022-23' })!;
    expect(surge.route.nodes).toEqual(expect.arrayContaining(['aktau', 'alat', 'poti', 'constanta']));
    expect(days(surge.summary.p50Hours)).toBeGreaterThanOrEqual(30);
    expect(days(surge.summary.p50Hours)).toBeLessThanOrEqual(50);
    const feeder = surge.congestion.places.find((p) => p.id === 'service|aktau-alat-feeder')!;
    // Three feeders of 2022 against the traffic offered: overloaded until September 2022.
    expect(feeder.backlog!.utilisationInWindow).toBeGreaterThan(1);
    expect(feeder.utilisation).toBeLessThan(1);
    expect(feeder.backlog!.until).toBe('2022-09-01');

    // Today with the same model (the default without a volume or regime is the surveyed waits).
    const today = simulate(network, { ...toPoti, ...trip, congestion: 'model' })!;
    const then = simulate(network, { ...toPoti, ...trip, regime: 'surge-2022-23' })!;
    expect(days(today.summary.p50Hours)).toBeLessThan(17); // T2: Xi'an → Poti p50 12–17 d today
    expect(then.summary.p50Hours).toBeGreaterThanOrEqual(1.8 * today.summary.p50Hours);
  }, 60_000);

  it('the surge is its mechanism: a fourth feeder in 2022 shortens it, less traffic shortens it, and without the window the feeder is unstable', () => {
    const spec = structuredClone(network.spec) as unknown as { regimes: { id: string; volume: number; services: { link: string; vessels?: number }[]; overload?: unknown }[] };
    const surge = spec.regimes.find((r) => r.id === 'surge-2022-23')!;
    const variant = (edit: (r: typeof surge) => void): ReturnType<typeof parseNetwork> => {
      const s = structuredClone(spec);
      edit(s.regimes.find((r) => r.id === 'surge-2022-23')!);
      return parseNetwork(s);
    };
    const p50 = (n: ReturnType<typeof parseNetwork>): number => simulate(n, { ...toPoti, ...trip, regime: 'surge-2022-23' })!.summary.p50Hours;
    const base = p50(network);
    expect(p50(variant((r) => (r.services.find((x) => x.link === 'aktau-alat-feeder')!.vessels = 4)))).toBeLessThan(base);
    expect(p50(variant((r) => (r.volume = 0.65)))).toBeLessThan(base);
    const noWindow = simulate(variant((r) => delete r.overload), { ...toPoti, ...trip, regime: 'surge-2022-23' })!;
    expect([...noWindow.congestion.unstable, ...noWindow.congestion.avoided]).toContain('service|aktau-alat-feeder');
    expect(surge.overload).toBeDefined();
  }, 60_000);

  it('checks its input: an unknown regime, a regime with surveyed waits, a regime naming a link without a service or a date that is not one', () => {
    const field = invalidField;
    expect(field(() => simulate(network, { ...toPoti, ...trip, regime: 'surge-2008' }))).toBe('regime');
    expect(field(() => simulate(network, { ...toPoti, ...trip, regime: 'surge-2022-23', congestion: 'surveyed' }))).toBe('regime');
    expect(field(() => regimeNetwork(network, 'nope'))).toBe('regime');
    const spec = structuredClone(network.spec) as unknown as NetworkSpec & { regimes: { services: { link: string }[]; period: { to: string } }[] };
    spec.regimes[1]!.services[0]!.link = 'almaty-shu';
    spec.regimes[1]!.period.to = '2022-02-30';
    const codes = validateNetwork(spec).map((p) => `${p.code} ${p.path.join('.')}`);
    expect(codes).toEqual(expect.arrayContaining(['invalid_id regimes.1.services.0.link', 'invalid_value regimes.1.period.to']));
  });

  it('on the command line: --regime on simulate, and the text names the regime and the overloaded place', () => {
    const r = run(['simulate', '--from', 'xian', '--to', 'baku', '--avoid-countries', 'RU,BY,IR,TM', '--measures', 'none', '--runs', '500', '--regime', 'surge-2022-23']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/congestion "model", regime surge-2022-23\), at 0\.754× the 2025 volume/);
    expect(run(['simulate', '--help']).out).toMatch(/--regime <id>/);
    const lines = congestionLines(simulate(network, { ...toPoti, ...trip, regime: 'surge-2022-23' })!).join('\n');
    expect(lines).toMatch(/Aktau–Alat container feeder: OVERLOADED until 2022-09-01 \(utilisation 1\.\d\d, then 0\.\d\d\), mean wait [\d.,]+ h of which [\d.,]+ h backlog/);
  }, 60_000);
});

// Issue 13's note trips on the Middle Corridor (RU, BY, IR avoided).
const corridor = { profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } };
const noteTrips = [
  { origin: 'xian', destination: 'baku', ...corridor },
  { origin: 'altynkol', destination: 'poti', ...corridor },
  { origin: 'xian', destination: 'constanta', ...corridor },
];

describe('a regime is the corridor of its period, never a faster one', () => {
  it('the 2022–23 surge never makes a note trip faster than today (p50), whichever crossing or route it takes', () => {
    for (const t of noteTrips) {
      const today = simulate(network, { ...t, runs: 2000, seed: 3 })!;
      const surge = simulate(network, { ...t, runs: 2000, seed: 3, regime: 'surge-2022-23' })!;
      expect(surge.summary.p50Hours, `${t.origin} → ${t.destination}`).toBeGreaterThan(today.summary.p50Hours);
    }
  }, 120_000);

  it('the backlog is met at the other Caspian crossings (Kuryk, Turkmenbashi), so a trip cannot escape it there', () => {
    for (const [via, avoid] of [['kuryk', { countries: ['RU', 'BY', 'IR', 'TM'], nodes: ['aktau'] }], ['turkmenbashi', { countries: ['RU', 'BY', 'IR'], nodes: ['aktau', 'kuryk'] }]] as const) {
      const r = simulate(network, { origin: 'xian', destination: 'baku', profile: 'container-rail', avoid: { countries: [...avoid.countries], nodes: [...avoid.nodes] }, runs: 500, seed: 1, regime: 'surge-2022-23' })!;
      expect(r.route.nodes).toContain(via);
      const crossing = r.congestion.places.find((p) => p.id === `service|${via}-alat-ferry`)!;
      expect(crossing.backlog!.until, via).toBe('2022-09-01');
      expect(crossing.backlog!.meanHours).toBeGreaterThan(24 * 7);
    }
  }, 60_000);

  it('a shared crossing meets the largest backlog times its share; one with no place of its own gets one', () => {
    const table = backlogTable(1.3, 0.5, 100, 300);
    const place = (id: string, backlog?: PlaceWait['backlog']): PlaceWait => ({ id, kind: 'schedule', label: id, method: 'bulk-chain', utilisation: 0.5, stable: true, behindUnstable: [], meanWaitHours: 2, table: null, ...(backlog !== undefined ? { backlog } : {}) });
    const model = (places: PlaceWait[]): CongestionModel => ({ volume: 1, places, byId: new Map(places.map((p) => [p.id, p])) });
    const over = { ...place('service|a'), utilisation: 1.3, stable: false, meanWaitHours: null };
    const out = overloadedModel(model([over, place('service|b')]), model([place('service|a'), place('service|b')]), { overloadHours: 100, periodHours: 300, until: '2022-09-01' }, [
      { linkId: 'b', label: 'b', share: 0.5 },
      { linkId: 'c', label: 'c', share: 1 },
    ]);
    expect(out.byId.get('service|a')!.backlog!.meanHours).toBeCloseTo(table.meanHours, 9);
    expect(out.byId.get('service|b')!.backlog!.meanHours).toBeCloseTo(table.meanHours / 2, 9);
    expect(out.byId.get('service|b')!.meanWaitHours).toBeCloseTo(2 + table.meanHours / 2, 9);
    expect(out.byId.get('service|c')!.backlog!.meanHours).toBeCloseTo(table.meanHours, 9);
    const spec = structuredClone(network.spec) as unknown as NetworkSpec & { regimes: { overload?: { crossings: { link: string }[] } }[] };
    spec.regimes[1]!.overload!.crossings[0]!.link = 'almaty-shu';
    expect(validateNetwork(spec).map((p) => `${p.code} ${p.path.join('.')}`)).toContain('invalid_id regimes.1.overload.crossings.0.link');
  });

  it('the congestion model keeps the surveyed waits at capacities the network does not declare (waitCause "undeclared")', () => {
    // Alashankou's interchange queue and the Georgian locomotive queue have no servers or vessels
    // behind them: today with the model still waits there, as with the surveyed waits.
    const waiting = (r: NonNullable<ReturnType<typeof simulate>>, country: string): number => r.byCountry.find((c) => c.country === country)!.byCategory.waiting;
    const modelled = simulate(network, { ...toPoti, ...trip, congestion: 'model' })!;
    const surveyed = simulate(network, { ...toPoti, ...trip })!;
    for (const country of ['CN', 'GE']) {
      expect(waiting(modelled, country), country).toBeGreaterThan(0);
      // The same stages, drawn in a graph with the model's parts beside them: equal within 1%.
      expect(Math.abs(waiting(modelled, country) / waiting(surveyed, country) - 1), country).toBeLessThan(0.01);
    }
  }, 60_000);

  it("departures default to the regime's period (an explicit window wins), in simulate and alongRoute alike", () => {
    const surge = simulate(network, { ...toPoti, runs: 300, seed: 2, regime: 'surge-2022-23' })!;
    expect(surge.calendar!.departure.label).toBe('2022-03-01 to 2022-12-31');
    expect(Math.min(...surge.departureHours!)).toBeGreaterThanOrEqual(Date.UTC(2022, 2, 1) / 3.6e6);
    expect(Math.max(...surge.departureHours!)).toBeLessThan(Date.UTC(2023, 0, 1) / 3.6e6);
    expect(simulate(network, { ...toPoti, runs: 300, seed: 2, regime: 'surge-2022-23', departure: { month: 6, year: 2022 } })!.calendar!.departure.label).toBe('2022-06');
    expect(simulate(network, { ...toPoti, runs: 300, seed: 2, regime: 'today' })!.calendar!.departure.label).toBe('2025-01-01 to 2025-12-31');
    expect(simulate(network, { ...toPoti, runs: 300, seed: 2 })!.calendar!.departure.label).toBe('2025');
    // alongRoute walks the regime's trip: its last position is the simulation's samples.
    const along = alongRoute(network, { ...toPoti, runs: 300, seed: 2, regime: 'surge-2022-23' })!;
    expect(along.route.nodes).toEqual(surge.route.nodes);
    const last = along.positions[along.positions.length - 1]!;
    expect(last.meanHours).toBeCloseTo(surge.summary.meanHours, 6);
    expect(last.p50Hours).toBeCloseTo(surge.summary.p50Hours, 6);
  }, 60_000);

  it('the backlog follows each run\'s date: it builds through the window, peaks before September 2022 and is gone by November; with the seasons off it is drawn over the period', () => {
    const r = simulate(network, { ...toPoti, runs: 3000, seed: 4, regime: 'surge-2022-23' })!;
    const p50 = (month: number): number => r.byMonth![month - 1]!.summary.p50Hours;
    expect(p50(7)).toBeGreaterThan(p50(3) + 14 * 24);
    expect(p50(7)).toBeGreaterThan(2 * p50(11));
    expect(days(p50(11))).toBeLessThan(20);
    expect(r.calendar!.episodes).toBeGreaterThan(simulate(network, { ...toPoti, runs: 300, seed: 4 })!.calendar!.episodes);
    // Without episodes the runs have no dates to meet the window on: the backlog is a part drawn over the period.
    const flat = simulate(network, { ...toPoti, runs: 3000, seed: 4, regime: 'surge-2022-23', seasons: false })!;
    const today = simulate(network, { ...toPoti, runs: 3000, seed: 4, seasons: false })!;
    expect(flat.summary.meanHours).toBeGreaterThan(today.summary.meanHours + 14 * 24);
  }, 60_000);

  it("the report's GeoJSON route is the regime's: under the surge Xi'an → Constanța leaves the corridor for the sea", () => {
    const stops = (extra: string[]): string[] => {
      const r = run(['report', '--format', 'geojson', '--out', '-', '--from', 'xian', '--to', 'constanta', '--avoid-countries', 'RU,BY,IR', '--measures', 'none', ...extra]);
      expect(r.code).toBe(0);
      const features = (JSON.parse(r.out) as { features: { properties: { layer?: string; route?: string; nodeId?: string } }[] }).features;
      return features.filter((f) => f.properties.layer === 'route-stop' && f.properties.route === 'before').map((f) => f.properties.nodeId!);
    };
    expect(stops([])).toContain('poti');
    expect(stops(['--regime', 'surge-2022-23'])).toContain('lianyungang');
  }, 60_000);
});

// A regime's stage capacities (`stages`): the Altynkol transhipment at its 2022 rate (9–10 trains a
// day before the October 2022 doubling to 19–20, RailFreight.com 2022), and the overload window
// applied to any capacity-limited stage the period's traffic overloads.
describe("a regime's stage capacities", () => {
  const meanOf = (n: typeof network, node: string, stage: string): number => {
    const d = n.spec.nodes.find((x) => x.id === node)!.stages!.find((s) => s.id === stage)!.durationHours as { min: number; mode: number; max: number };
    return (d.min + d.mode + d.max) / 3;
  };
  const withoutStages = (): typeof network => {
    const spec = structuredClone(network.spec) as unknown as NetworkSpec & { regimes: { stages?: unknown }[] };
    for (const r of spec.regimes) delete r.stages;
    return parseNetwork(spec);
  };
  const viaAltynkol = { origin: 'xian', destination: 'poti', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR', 'TM'], nodes: ['dostyk', 'kuryk'] }, runs: 600, seed: 4 };

  it('the Altynkol transhipment holds a train twice as long under the surge only, and the surge trip through it is longer', () => {
    expect(meanOf(regimeNetwork(network, 'surge-2022-23'), 'altynkol', 'gauge-change-block')).toBeCloseTo(2 * meanOf(network, 'altynkol', 'gauge-change-block'), 9);
    expect(regimeNetwork(network, 'today')).toBe(network);
    const plain = withoutStages();
    const today = [simulate(network, viaAltynkol)!, simulate(plain, viaAltynkol)!];
    expect(today[0]!.route.nodes).toContain('altynkol');
    expect(today[0]!.summary.meanHours).toBe(today[1]!.summary.meanHours);
    const surge = simulate(network, { ...viaAltynkol, regime: 'surge-2022-23' })!;
    const surgePlain = simulate(plain, { ...viaAltynkol, regime: 'surge-2022-23' })!;
    // The same draws, each transhipment 1.25 h longer on average.
    expect(surge.summary.meanHours - surgePlain.summary.meanHours).toBeGreaterThan(0.8);
    expect(surge.summary.meanHours - surgePlain.summary.meanHours).toBeLessThan(1.7);
  }, 60_000);

  it('a stage the period overloads builds the window\'s backlog there, from volume against the period\'s capacity', () => {
    const spec = structuredClone(network.spec) as unknown as NetworkSpec & { regimes: { stages?: unknown[] }[] };
    // Alat's quay-to-rail handling at a quarter of its rate (utilisation 0.30 → 1.18): overloaded
    // in the window, the document's capacity after it.
    spec.regimes[1]!.stages = [{ node: 'alat', stage: 'quay-to-rail', durationFactor: 4, source: { estimate: 'test' } }];
    const r = simulate(parseNetwork(spec), { origin: 'xian', destination: 'baku', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR', 'TM'], nodes: ['kuryk', 'altynkol'] }, runs: 300, seed: 2, regime: 'surge-2022-23' })!;
    const place = r.congestion.places.find((p) => p.id === 'stage|alat|quay-to-rail')!;
    expect(place.backlog!.until).toBe('2022-09-01');
    expect(place.backlog!.utilisationInWindow).toBeCloseTo(4 * place.utilisation, 6);
    expect(place.backlog!.utilisationInWindow).toBeGreaterThan(1);
    expect(place.backlog!.meanHours).toBeGreaterThan(24);
  }, 60_000);

  it('a stage edit names a node, a stage with servers there and what it changes (typed problems naming the field)', () => {
    const spec = structuredClone(network.spec) as unknown as NetworkSpec & { regimes: { stages?: unknown[] }[] };
    spec.regimes[1]!.stages = [
      { node: 'nowhere', stage: 'gauge-change-block', servers: 1 },
      { node: 'altynkol', stage: 'kz-customs-block', servers: 1 },
      { node: 'altynkol', stage: 'gauge-change-block' },
      { node: 'altynkol', stage: 'gauge-change-block', durationFactor: 0 },
    ];
    const codes = validateNetwork(spec).map((p) => `${p.code} ${p.path.join('.')}`);
    expect(codes).toEqual(
      expect.arrayContaining(['invalid_id regimes.1.stages.0.node', 'invalid_id regimes.1.stages.1.stage', 'missing_field regimes.1.stages.2.servers', expect.stringMatching(/ regimes\.1\.stages\.3\.durationFactor$/)]),
    );
    expect(() => parseNetwork(spec)).toThrow(InvalidNetworkError);
    expect(() => parseNetwork(spec)).toThrow(/regimes\[1\]\.stages\[0\]\.node: invalid_id/);
  });
});
