// simulateFlow: agreement with Monte Carlo at low volume, conservation, determinism, options and
// renderers, on the toy network and the shipped one.
import { describe, expect, it } from 'vitest';
import { installScanners, streamlineCustoms, InvalidArgumentError, middleCorridor, parseNetwork, simulate, UnknownNodeError, type NetworkSpec } from '../src/index.js';
import { networkFlows, referenceVolume, simulateFlow, type FlowSpec } from '../src/simulate/flow/index.js';
import { flowJson, flowText } from '../src/report/flow-text.js';
import { toySpec } from './fixtures.js';

const network = middleCorridor();
const TITR = { countries: ['RU', 'BY', 'IR', 'TM'] };

/** The toy corridor with servers at its border stages (no queue stages, an uncapacitated ferry). */
function toyWithServers(): NetworkSpec {
  const spec = structuredClone(toySpec()) as unknown as { nodes: { id: string; stages?: Record<string, unknown>[] }[] };
  const b = spec.nodes.find((n) => n.id === 'b')!;
  b.stages = b.stages!.map((s) => (s['id'] === 'gauge' ? { ...s, servers: 2 } : s['id'] === 'exam' ? { ...s, servers: 1 } : s));
  return spec as unknown as NetworkSpec;
}

describe('simulateFlow at low volume agrees with Monte Carlo', () => {
  // Tolerance 1% of the Monte Carlo mean: at one consignment a week servers are almost never busy,
  // so each consignment's time has Monte Carlo's distribution. Standard errors: ~0.16 h (MC, 40,000
  // runs) and ~0.5 h (flow, ~4,000 consignments) on ~187 h; measured difference 0.3 h (0.16%).
  it('toy network without queue stages: same mean transit time within 1%', () => {
    const toy = parseNetwork(toyWithServers());
    const mc = simulate(toy, { origin: 'a', destination: 'z', profile: 'wagon', runs: 40_000, seed: 3 })!;
    const r = simulateFlow(toy, {
      volume: 1,
      weeks: 200,
      seed: 3,
      replications: 20,
      flows: [{ id: 'w', name: 'wagons', origin: 'a', destination: 'z', profile: 'wagon', perWeek: 1, size: { wagons: 1 } }],
    });
    const f = r.flows[0]!;
    expect(f.replacedQueues).toEqual([]);
    expect(f.transit!.runs).toBeGreaterThan(3000);
    expect(Math.abs(f.meanHours!.estimate - mc.summary.meanHours) / mc.summary.meanHours).toBeLessThan(0.01);
    expect(Math.abs(f.transit!.p50Hours - mc.summary.p50Hours) / mc.summary.p50Hours).toBeLessThan(0.02);
    // The breakdown by kind adds up to the mean transit time.
    const kinds = Object.values(f.breakdown.byKind).reduce((a, b) => a + b, 0);
    expect(kinds).toBeCloseTo(f.transit!.meanHours, 6);
    const categories = Object.values(f.breakdown.byCategory).reduce((a, b) => a + b, 0);
    expect(categories).toBeCloseTo(f.transit!.meanHours, 6);
  }, 30_000);

  // On the shipped network Monte Carlo with its surveyed waits also counts today's capacity queue
  // stages, which the flow model replaces: the expected offset is exactly their expected hours
  // (`replacedQueueHours`). A one-wagon consignment never fills a ferry; with its fleet taken away,
  // the route's ferry (Kuryk–Alat) sails on its headway as in Monte Carlo.
  it('shipped network, wagon Xi\'an → Baku: flow mean = MC mean − replaced queue hours, within 1%', () => {
    const spec = structuredClone(network.spec) as unknown as { links: { id: string; service?: Record<string, unknown> }[] };
    const ferry = spec.links.find((l) => l.id === 'kuryk-alat-ferry')!.service!;
    for (const key of ['vessels', 'returnHours', 'departWhenFull', 'maxWaitHours']) delete ferry[key];
    // …and the estimate that gives the fleet's figures and their ranges.
    ferry['source'] = (ferry['source'] as { range?: { field: string } | { field: string }[] }[]).filter((p) => ![p.range ?? []].flat().some((r) => r.field === 'vessels'));
    const scheduled = parseNetwork(spec as unknown as NetworkSpec);
    // Seasons off: the queue model has no disruption episodes (storm closures, restrictions, holidays).
    const mc = simulate(scheduled, { origin: 'xian', destination: 'baku', profile: 'wagon', avoid: TITR, runs: 40_000, seed: 3, congestion: 'surveyed', seasons: false })!;
    const r = simulateFlow(scheduled, {
      volume: 1,
      weeks: 400,
      seed: 3,
      replications: 10,
      flows: [{ id: 'w', name: 'wagon', origin: 'xian', destination: 'baku', profile: 'wagon', avoid: TITR, perWeek: 1, size: { wagons: 1 } }],
    });
    const f = r.flows[0]!;
    expect(f.replacedQueues.map((q) => `${q.nodeId}/${q.stageId}`)).toEqual(['dostyk/transhipment-queue-wagon', 'kuryk/ferry-slot-queue']);
    const expected = mc.summary.meanHours - f.replacedQueueHours;
    expect(Math.abs(f.meanHours!.estimate - expected) / expected).toBeLessThan(0.01);
    // Weather and schedule waits are kept: the Dostyk wind stoppage is on this route.
    expect(f.breakdown.byKind.otherWait).toBeGreaterThan(0);
  }, 30_000);
});

describe('simulateFlow on the shipped network', () => {
  const today = simulateFlow(network, { volume: 1, weeks: 52, seed: 1 });
  const triple = simulateFlow(network, { volume: 3, weeks: 52, seed: 1 });

  it('states the network\'s reference volume and its sources', () => {
    expect(today.today).toEqual(referenceVolume(network));
    expect(today.today!.year).toBe(2025);
    expect(today.today!.teuPerYear).toBe(66_300);
    const refs = [today.today!.source ?? []].flat().map((s) => ('ref' in s ? s.ref : 'estimate'));
    expect(refs).toEqual(expect.arrayContaining(['S-ADY-2025', 'S118', 'S116']));
    expect(today.arrivalProcess).toBe('poisson');
    // Containers offered ≈ 66,300 TEU a year.
    expect(today.units.offeredPerWeek.teu * (365.25 / 7)).toBeGreaterThan(60_000);
    expect(today.units.offeredPerWeek.teu * (365.25 / 7)).toBeLessThan(73_000);
  });

  it('conserves consignments: generated = delivered + waiting + in service + moving, every replication', () => {
    for (const r of [today, triple]) {
      expect(r.balance).toHaveLength(r.replications);
      for (const b of r.balance) expect(b.delivered + b.waiting + b.inService + b.moving).toBe(b.generated);
      const perFlow = r.flows.reduce((a, f) => a + f.backlog, 0);
      expect(perFlow).toBeCloseTo(r.backlog.total, 9);
    }
  });

  it('keeps up today and saturates the Caspian at three times today\'s volume', () => {
    expect(today.saturated).toEqual([]);
    expect(Math.abs(today.deliveredPerWeek - today.offeredPerWeek) / today.offeredPerWeek).toBeLessThan(0.05);
    expect(triple.saturated).toContain('service|aktau-alat-feeder');
    expect(triple.deliveredPerWeek).toBeLessThan(0.85 * triple.offeredPerWeek);
    expect(triple.backlog.total).toBeGreaterThan(10 * today.backlog.total);
    const feeder = (r: typeof today) => r.servers.find((s) => s.id === 'service|aktau-alat-feeder')!;
    expect(feeder(today).serviceMode).toBe('fleet');
    expect(feeder(today).servers).toBe(6);
    // At three times the volume the feeder is unstable: no mean wait, no transit time through it.
    expect(feeder(triple).utilisationFromRates).toBeGreaterThan(1.5);
    expect(feeder(triple).unstable).toBe(true);
    expect(feeder(triple).meanWaitHours).toBeNull();
    expect(triple.unstable).toContain('service|aktau-alat-feeder');
    expect(triple.flows.find((f) => f.id === 'block-train-baku')!.meanHours).toBeNull();
    expect(feeder(today).unstable).toBe(false);
    expect(feeder(triple).offeredLoad!).toBeGreaterThan(1.5);
  });

  it('says "unstable" at twice today\'s volume instead of a mean wait that grows with the run\'s length', () => {
    for (const weeks of [13, 52]) {
      const r = simulateFlow(network, { volume: 2, weeks, seed: 1, replications: 2 });
      const feeder = r.servers.find((s) => s.id === 'service|aktau-alat-feeder')!;
      expect(feeder.unstable).toBe(true);
      expect(feeder.meanWaitHours).toBeNull();
      expect(flowText(r)).toMatch(/UNSTABLE \(utilisation 1\.\d\d ≥ 1\)/);
      expect(flowText(r)).toMatch(/Unstable \(utilisation ≥ 1\): Aktau–Alat container feeder/);
    }
  });

  it('separates queueing from service, and replaces today\'s capacity queues', () => {
    const baku = today.flows.find((f) => f.id === 'block-train-baku')!;
    expect(baku.replacedQueues.map((q) => q.stageId)).toEqual(['vessel-space-queue']);
    expect(baku.breakdown.byKind.service).toBeGreaterThan(0);
    expect(baku.breakdown.byKind.departureWait).toBeGreaterThan(0);
    const tripleBaku = triple.flows.find((f) => f.id === 'block-train-baku')!;
    expect(tripleBaku.breakdown.byKind.departureWait).toBeGreaterThan(10 * baku.breakdown.byKind.departureWait);
    expect(tripleBaku.breakdown.byKind.service).toBeCloseTo(baku.breakdown.byKind.service, -1);
  });

  it('gives the same result for the same seed and a different one for another seed', () => {
    const again = simulateFlow(network, { volume: 1, weeks: 52, seed: 1 });
    expect(flowJson(again)).toEqual(flowJson(today));
    const other = simulateFlow(network, { volume: 1, weeks: 52, seed: 2 });
    expect(other.meanHours!.estimate).not.toBe(today.meanHours!.estimate);
    expect(other.events).not.toBe(today.events);
  });

  it('runs 52 weeks at three times today\'s volume in seconds', () => {
    const t = performance.now();
    simulateFlow(network, { volume: 3, weeks: 52, seed: 9, replications: 1 });
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it('renders a per-server table and a JSON form of everything', () => {
    const text = flowText(triple);
    expect(text).toMatch(/Aktau–Alat container feeder/);
    expect(text).toMatch(/UNSTABLE/);
    expect(text).toMatch(/66,300 TEU/);
    const json = flowJson(triple);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    expect((json['servers'] as unknown[]).length).toBe(triple.servers.length);
    expect(json['today']).toEqual(JSON.parse(JSON.stringify(referenceVolume(network))));
  });

  it('applies measures first: X-ray scanners take load off the Kazakh inspection servers', () => {
    const before = simulateFlow(network, { volume: 2, weeks: 26, seed: 4, replications: 2 });
    const after = simulateFlow(network, { volume: 2, weeks: 26, seed: 4, replications: 2, measures: [installScanners({ countries: ['KZ'] })] });
    expect(after.measures).toEqual(['install-scanners']);
    const util = (r: typeof before, id: string) => r.servers.find((s) => s.id === id)!.utilisation.estimate;
    for (const id of ['stage|aktau|kz-inspection', 'stage|korday|kz-inspection']) expect(util(after, id)).toBeLessThan(0.3 * util(before, id));
    // Inspections elsewhere are untouched.
    expect(util(after, 'stage|tsiteli-khidi|az-inspection')).toBeCloseTo(util(before, 'stage|tsiteli-khidi|az-inspection'), 1);
  });

  it('applies measures first: customs streamlining shortens service and sends fewer units to the inspection servers', () => {
    const before = simulateFlow(network, { volume: 1, weeks: 26, seed: 4, replications: 2 });
    const after = simulateFlow(network, { volume: 1, weeks: 26, seed: 4, replications: 2, measures: [streamlineCustoms({ countries: ['KZ'], proceduralCut: 0.5, inspectionRateCut: 0.5 })] });
    const service = (r: typeof before) => r.flows.find((f) => f.id === 'truck-tbilisi')!.breakdown.byKind.service;
    expect(service(after)).toBeLessThan(service(before) - 1);
    const arrivals = (r: typeof before) => r.servers.find((s) => s.id === 'stage|korday|kz-inspection')!.arrivalsPerWeek;
    expect(arrivals(after)).toBeLessThan(0.7 * arrivals(before));
  });
});

describe('simulateFlow rejects bad input with typed errors', () => {
  const base = { volume: 1, weeks: 4, seed: 1 };
  it('checks volume, weeks, warm-up, replications and seed', () => {
    for (const bad of [{ volume: 0 }, { volume: Number.NaN }, { weeks: 0 }, { weeks: 1.5 }, { warmupWeeks: -1 }, { replications: 0 }, { seed: -1 }]) {
      expect(() => simulateFlow(network, { ...base, ...bad })).toThrow(InvalidArgumentError);
    }
  });
  it('checks flows: ids, sizes, rates, and nodes that exist', () => {
    const ok = networkFlows(network)![0]!;
    const cases: unknown[] = [[], [{ ...ok, id: '' }], [ok, ok], [{ ...ok, perWeek: -1 }], [{ ...ok, size: { teu: 0 } }], [{ ...ok, size: { boxes: 1 } }]];
    for (const flows of cases) {
      expect(() => simulateFlow(network, { ...base, flows: flows as FlowSpec[] })).toThrow(InvalidArgumentError);
    }
    expect(() => simulateFlow(network, { ...base, flows: [{ ...ok, origin: 'atlantis' }] })).toThrow(UnknownNodeError);
  });
  it('needs the size of a consignment in the unit of every crossing on its route', () => {
    const flows: FlowSpec[] = [{ ...networkFlows(network)![0]!, size: { wagons: 45 } }];
    const e = (() => {
      try {
        simulateFlow(network, { ...base, flows });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(InvalidArgumentError);
    expect((e as InvalidArgumentError).field).toBe('flows[0].size.teu');
  });
  it('needs vessels for a service that departs when full', () => {
    const spec = structuredClone(toySpec()) as unknown as { links: { id: string; service?: Record<string, unknown> }[] };
    const ferry = spec.links.find((l) => l.id === 'pq-ferry')!;
    ferry.service = { ...ferry.service, departWhenFull: true, maxWaitHours: 48 };
    const toy = parseNetwork(spec);
    const flows: FlowSpec[] = [{ id: 'w', name: 'w', origin: 'a', destination: 'z', profile: 'wagon', perWeek: 1, size: { wagons: 1 } }];
    expect(() => simulateFlow(toy, { ...base, flows })).toThrow(/vessels and returnHours/);
  });
  it('a flow that delivers nothing reports zero deliveries and null statistics, never NaN', () => {
    const toy = parseNetwork(toySpec());
    const flows: FlowSpec[] = [
      { id: 'no-route', name: 'trucks a to z', origin: 'a', destination: 'z', profile: 'truck', perWeek: 5, size: { trucks: 1 } },
      { id: 'rare', name: 'almost never', origin: 'a', destination: 'z', profile: 'container-rail', perWeek: 1e-6, size: { teu: 2, wagons: 1 } },
    ];
    const r = simulateFlow(toy, { volume: 1, weeks: 2, seed: 1, replications: 2, flows });
    const nonFinite: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'number' && !Number.isFinite(v)) nonFinite.push(`${path} = ${v}`);
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(r, 'result');
    expect(nonFinite).toEqual([]);
    for (const f of r.flows) expect(f).toMatchObject({ deliveredPerWeek: 0, transit: null, meanHours: null });
    expect(r.meanHours).toBeNull();
    expect(flowText(r)).not.toMatch(/NaN|Infinity/);
  });
  it('a run beyond the event budget is refused at once, naming the flow or service that asks for it', () => {
    const field = (run: () => unknown): string => {
      try {
        run();
      } catch (e) {
        expect(e).toBeInstanceOf(InvalidArgumentError);
        return (e as InvalidArgumentError).field;
      }
      return 'no error';
    };
    const flows = networkFlows(network)!.map((f, i) => (i === 0 ? { ...f, perWeek: 1e9 } : f));
    expect(field(() => simulateFlow(network, { ...base, flows }))).toBe('flows[0].perWeek');
    const spec = structuredClone(network.spec) as unknown as { links: { id: string; service?: Record<string, unknown> }[] };
    const ferry = spec.links.find((l) => l.id === 'kuryk-alat-ferry')!;
    // A billion departures a week, and no provenance (its plausible ranges were about the headway).
    const { headwayHours: _h, source: _s, ...service } = ferry.service!;
    ferry.service = { ...service, departuresPerWeek: 1e9 };
    expect(field(() => simulateFlow(parseNetwork(spec), base))).toBe('links[kuryk-alat-ferry].service.departuresPerWeek');
    // A budget of its own: the corridor at today's volume needs more than a thousand events.
    expect(field(() => simulateFlow(network, { ...base, eventBudget: 1000 }))).toMatch(/^flows\[\d+\]\.perWeek$/);
    expect(field(() => simulateFlow(network, { ...base, eventBudget: 10 }))).toBe('eventBudget');
  });
});
