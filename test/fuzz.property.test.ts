// The fuzz harness of issue 12 (item 4): generated networks, valid and mutated, through the public
// API and the CLI. It checks that only typed errors are thrown; that results hold no NaN, Infinity
// or negative hours; that the same seed gives the same result; that a shortening measure never
// lengthens a paired run; and that `fastestRoute` costs what a simple Dijkstra finds on the same
// expanded graph. npm test runs FUZZ_CASES (over 2,000) cases in all; FUZZ_RUNS=<n> scales the total
// to about n (e.g. FUZZ_RUNS=100000 npx vitest run test/fuzz.property.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adjustLink,
  adjustStage,
  applyMeasures,
  fastestRoute,
  installScanners,
  InvalidMeasureError,
  parseNetwork,
  simulate,
  streamlineCustoms,
  TranscaspianError,
  validateNetwork,
  type Measure,
  type Network,
  type NetworkSpec,
} from '../src/index.js';
import { run } from '../src/cli/run.js';
import { expand } from '../src/route/expand.js';
import { richNetworkArb } from './rich-networks.js';

/** Cases per property in npm test; their sum is the harness's size. */
const BASE = { mutated: 900, routes: 500, simulations: 300, paired: 200, cli: 150 } as const;
const FUZZ_CASES = Object.values(BASE).reduce((a, b) => a + b, 0);
const requested = Number(process.env['FUZZ_RUNS'] ?? FUZZ_CASES);
const scale = Number.isFinite(requested) && requested > FUZZ_CASES ? requested / FUZZ_CASES : 1;
const runs = (name: keyof typeof BASE): number => Math.round(BASE[name] * scale);
const TIMEOUT = 600_000 * scale;

const profileArb = fc.constantFrom('container-rail', 'wagon', 'truck');

/** A value a mutation writes: wrong types, extremes, special numbers, hostile strings. */
const garbageArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, '', '__proto__', 'constructor', '\u001b[2J', NaN, Infinity, -Infinity, -0, -1, 0, 1e308, 5e-324, 1e-300, 2 ** 53, [], {}),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.integer(), { maxLength: 3 }),
);

type Json = Record<string, unknown> | unknown[];

/** Paths to every value of a document, objects and arrays included. */
function pathsOf(doc: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (typeof doc === 'object' && doc !== null) for (const [k, v] of Object.entries(doc)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** A network document with one to three mutations: a value replaced, a field deleted or added. */
const mutatedArb = richNetworkArb.chain((spec) => {
  const paths = pathsOf(spec).filter((p) => p.length > 0);
  const mutation = fc.record({ path: fc.constantFrom(...paths), kind: fc.constantFrom('replace', 'replace', 'delete', 'add'), value: garbageArb, key: fc.constantFrom('extra', 'distanceKM', '__proto__', 'id') });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    const doc = structuredClone(spec) as unknown as Json;
    for (const m of mutations) {
      let holder: unknown = doc;
      for (const k of m.path.slice(0, -1)) holder = (holder as Record<string | number, unknown> | undefined)?.[k];
      if (typeof holder !== 'object' || holder === null) continue;
      const last = m.path[m.path.length - 1]!;
      const h = holder as Record<string | number, unknown>;
      if (m.kind === 'replace') h[last] = m.value;
      else if (m.kind === 'delete') delete h[last];
      else if (typeof h[last] === 'object' && h[last] !== null) Object.defineProperty(h[last], m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
    return doc;
  });
});

/** Every number in a value (deeply), with its path. */
function numbersOf(v: unknown, path = '', out: [string, number][] = []): [string, number][] {
  if (typeof v === 'number') out.push([path, v]);
  else if (v instanceof Float64Array) v.forEach((x, i) => out.push([`${path}[${i}]`, x]));
  else if (Array.isArray(v)) v.forEach((x, i) => numbersOf(x, `${path}[${i}]`, out));
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) if (typeof x !== 'function') numbersOf(x, `${path}.${k}`, out);
  return out;
}

/** Fail on an error that is not one of the library's. */
function typedOnly(e: unknown): void {
  if (!(e instanceof TranscaspianError)) throw e;
}

/** A simple Dijkstra (array scan, no heap) over the expanded graph's expected hours, from any departure of the origin to any arrival of the destination. */
function dijkstraHours(network: Network, profile: string, origin: string, destination: string): number {
  const g = expand(network, network.profileById.get(profile)!);
  const n = g.vertices.length;
  const dist = new Array<number>(n).fill(Infinity);
  const done = new Array<boolean>(n).fill(false);
  for (const v of g.departures.get(origin) ?? []) dist[v] = 0;
  const targets = new Set(g.arrivals.get(destination) ?? []);
  for (;;) {
    let u = -1;
    for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
    if (u < 0) return Infinity;
    if (targets.has(u)) return dist[u]!;
    done[u] = true;
    for (const a of g.arcs) if (a.from === u && dist[u]! + a.expectedHours < dist[a.to]!) dist[a.to] = dist[u]! + a.expectedHours;
  }
}

/** A measure that only shortens durations, lowers probabilities or raises speeds, on `spec`. */
const shorteningArb = (spec: NetworkSpec): fc.Arbitrary<Measure> =>
  fc.oneof(
    fc.record({ link: fc.constantFrom(...spec.links.map((l) => l.id)), speedFactor: fc.double({ min: 1, max: 10, noNaN: true }) }).map((o) => adjustLink(o)),
    fc.record({ node: fc.constantFrom(...spec.nodes.map((x) => x.id)), durationFactor: fc.double({ min: 0, max: 1, noNaN: true }), probabilityFactor: fc.double({ min: 0, max: 1, noNaN: true }) }).map((o) => adjustStage(o)),
    fc.record({ countries: fc.subarray(['KZ', 'AZ', 'KG'], { minLength: 1 }), proceduralCut: fc.double({ min: 0.2, max: 0.5, noNaN: true }), inspectionRateCut: fc.double({ min: 0, max: 0.5, noNaN: true }) }).map((o) => streamlineCustoms({ ...o, absentCountries: 'ignore' })),
    fc.record({ countries: fc.subarray(['KZ', 'AZ', 'KG'], { minLength: 1 }), scanMinutes: fc.double({ min: 5, max: 20, noNaN: true }) }).map((o) => installScanners({ ...o, absentCountries: 'ignore' })),
  );

describe(`fuzz harness (${Math.round(FUZZ_CASES * scale)} cases)`, () => {
  it('mutated documents: validateNetwork never throws, parseNetwork throws only InvalidNetworkError, and they agree', () => {
    fc.assert(
      fc.property(mutatedArb, (doc) => {
        const problems = validateNetwork(doc);
        expect(Array.isArray(problems)).toBe(true);
        let parsed: Network | undefined;
        try {
          parsed = parseNetwork(doc);
        } catch (e) {
          typedOnly(e);
          expect((e as TranscaspianError).code).toBe('invalid_network');
        }
        expect(parsed === undefined).toBe(problems.length > 0);
        for (const p of problems) expect(p.message).toContain(p.code);
        // What validates also routes and simulates without an untyped error.
        if (parsed !== undefined) {
          try {
            simulate(parsed, { origin: 'n0', destination: `n${parsed.nodes.length - 1}`, profile: 'truck', runs: 20, seed: 1 });
          } catch (e) {
            typedOnly(e);
          }
        }
      }),
      { numRuns: runs('mutated') },
    );
  }, TIMEOUT);

  it('fastestRoute costs what a simple Dijkstra finds on the expanded graph', () => {
    fc.assert(
      fc.property(richNetworkArb, profileArb, (spec, profile) => {
        const network = parseNetwork(spec);
        const destination = `n${spec.nodes.length - 1}`;
        const route = fastestRoute(network, { origin: 'n0', destination, profile });
        const oracle = dijkstraHours(network, profile, 'n0', destination);
        if (route === null) expect(oracle).toBe(Infinity);
        else expect(Math.abs(route.totalHours - oracle)).toBeLessThanOrEqual(1e-9 * Math.max(1, oracle));
      }),
      { numRuns: runs('routes') },
    );
  }, TIMEOUT);

  it('simulate: no NaN, Infinity or negative hours, and the same seed gives the same result', () => {
    fc.assert(
      fc.property(richNetworkArb, profileArb, fc.constantFrom('planned', 'adaptive') as fc.Arbitrary<'planned' | 'adaptive'>, fc.nat(), (spec, profile, policy, seed) => {
        const network = parseNetwork(spec);
        const options = { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile, policy, runs: 40, seed };
        const r = simulate(network, options);
        if (r === null) return;
        const bad = numbersOf({ samples: r.samples, summary: r.summary, byCountry: r.byCountry, byCategory: r.byCategory, routes: r.routes }).filter(([, x]) => !Number.isFinite(x) || x < 0);
        expect(bad).toEqual([]);
        const again = simulate(network, options)!;
        expect(Buffer.from(again.samples.buffer).equals(Buffer.from(r.samples.buffer))).toBe(true);
      }),
      { numRuns: runs('simulations') },
    );
  }, TIMEOUT);

  it('a stack of shortening measures never lengthens a paired run (adaptive policy)', () => {
    fc.assert(
      fc.property(
        richNetworkArb.chain((spec) => fc.tuple(fc.constant(spec), fc.array(shorteningArb(spec), { minLength: 1, maxLength: 3 }))),
        profileArb,
        fc.nat(),
        ([spec, measures], profile, seed) => {
          const before = parseNetwork(spec);
          let after: Network;
          try {
            after = applyMeasures(before, measures);
          } catch (e) {
            if (e instanceof InvalidMeasureError) return;
            throw e;
          }
          const options = { origin: 'n0', destination: `n${spec.nodes.length - 1}`, profile, policy: 'adaptive' as const, runs: 40, seed };
          const b = simulate(before, options);
          if (b === null) return;
          const a = simulate(after, options)!;
          for (let i = 0; i < b.runs; i++) expect(a.samples[i]!).toBeLessThanOrEqual(b.samples[i]! * (1 + 1e-12) + 1e-9);
        },
      ),
      { numRuns: runs('paired') },
    );
  }, TIMEOUT);

  it('the CLI on mutated documents: exit 0 or 1, at most one line on stderr, no stack trace, no control characters', () => {
    fc.assert(
      fc.property(mutatedArb, profileArb, (doc, profile) => {
        const text = JSON.stringify(doc) ?? 'null';
        for (const argv of [['validate', '-'], ['route', '--network', '-', '--from', 'n0', '--to', 'n1', '--profile', profile]]) {
          const err: string[] = [];
          const code = run(argv, { out: () => {}, err: (t) => err.push(t), readStdin: () => text, env: {} });
          expect([0, 1]).toContain(code);
          expect(err.join('\n').split('\n').length).toBeLessThanOrEqual(1);
          expect(err.join('\n')).not.toMatch(/\n\s+at /);
          expect(err.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
        }
      }),
      { numRuns: runs('cli') },
    );
  }, TIMEOUT);
});
