import { describe, expect, it } from 'vitest';
import { InvalidNetworkError, parseNetwork, validateNetwork, type ProblemCode } from '../src/index.js';
import { toyDoc } from './fixtures.js';

/** Validate a broken copy of the toy network; expect exactly one problem with this code and pointer. */
function expectProblem(mutate: (d: Record<string, any>) => void, code: ProblemCode, pointer: string): void {
  const doc = toyDoc();
  mutate(doc);
  const problems = validateNetwork(doc);
  expect(problems.map((p) => `${p.code} ${p.pointer}`)).toContain(`${code} ${pointer}`);
  let thrown: unknown;
  try {
    parseNetwork(doc);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InvalidNetworkError);
  expect((thrown as InvalidNetworkError).problems.some((p) => p.code === code && p.pointer === pointer)).toBe(true);
}

describe('validateNetwork', () => {
  it('validateNetwork(toy) finds no problem and parseNetwork indexes it', () => {
    expect(validateNetwork(toyDoc())).toEqual([]);
    const n = parseNetwork(toyDoc());
    expect(n.nodes).toHaveLength(6);
    expect(n.links).toHaveLength(12); // six bidirectional links
    expect(n.linkById.get('pq-ferry:reverse')?.from).toBe('q');
    // The index by id is made on first use, and is a Map like any other.
    const fresh = parseNetwork(toyDoc());
    expect(fresh.linkById).toBeInstanceOf(Map);
    expect(fresh.linkById.size).toBe(12);
    expect([...parseNetwork(toyDoc()).linkById.keys()]).toEqual(n.links.map((l) => l.id));
    expect(new Map(parseNetwork(toyDoc()).linkById)).toEqual(new Map(n.links.map((l) => [l.id, l])));
  });

  it('reports invalid JSON text as invalid_json', () => {
    const problems = validateNetwork('{"nodes": [');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('invalid_json');
    expect(() => parseNetwork('{oops')).toThrow(InvalidNetworkError);
  });

  it('reports an empty network', () => expectProblem((d) => (d.nodes = []), 'empty_network', '/nodes'));
  it('reports duplicate node ids', () => expectProblem((d) => (d.nodes[1].id = 'a'), 'duplicate_id', '/nodes/1/id'));
  it('reports a link id that collides with a generated reverse id', () =>
    expectProblem((d) => d.links.push({ ...d.links[5], id: 'ab-rail:reverse', bidirectional: false }), 'duplicate_id', '/links/6/id'));
  it('reports duplicate link ids in order, the generated reverse ids included, with or without explicit ":reverse" ids in the document', () => {
    // Link 1 is bidirectional; its copies are added after it (then a one-way link with an explicit
    // reverse id, which makes validation keep every directed id instead of the document ids only).
    const duplicates = (explicitReverse: boolean, copies: { bidirectional: boolean }[]): string[] => {
      const doc = toyDoc();
      const base = doc.links[1];
      for (const c of copies) doc.links.push({ ...base, bidirectional: c.bidirectional });
      if (explicitReverse) doc.links.push({ ...doc.links[2], id: 'unrelated:reverse', bidirectional: false });
      return validateNetwork(doc).filter((p) => p.code === 'duplicate_id').map((p) => `${p.pointer} ${p.message.match(/would be "([^"]+)"/)![1]}`);
    };
    const id = toyDoc().links[1].id as string;
    for (const explicit of [false, true]) {
      expect(duplicates(explicit, [{ bidirectional: true }])).toEqual([`/links/6/id ${id}`, `/links/6/id ${id}:reverse`]);
      expect(duplicates(explicit, [{ bidirectional: false }, { bidirectional: true }])).toEqual([`/links/6/id ${id}`, `/links/7/id ${id}`, `/links/7/id ${id}:reverse`]);
    }
  });
  it('reports duplicate stage ids at a node', () => expectProblem((d) => (d.nodes[1].stages[1].id = 'customs'), 'duplicate_id', '/nodes/1/stages/1/id'));
  it('reports a link to an unknown node', () => expectProblem((d) => (d.links[0].to = 'nowhere'), 'unknown_node', '/links/0/to'));
  it('reports a self loop', () => expectProblem((d) => (d.links[0].to = 'a'), 'self_loop', '/links/0/to'));
  it('reports a negative distance', () => expectProblem((d) => (d.links[0].distanceKm = -5), 'not_positive', '/links/0/distanceKm'));
  it('reports a zero distance', () => expectProblem((d) => (d.links[0].distanceKm = 0), 'not_positive', '/links/0/distanceKm'));
  it('reports a zero speed', () => expectProblem((d) => (d.links[0].speedKmh = 0), 'not_positive', '/links/0/speedKmh'));
  it('reports a NaN distance', () => expectProblem((d) => (d.links[0].distanceKm = NaN), 'not_finite', '/links/0/distanceKm'));
  it('reports an infinite speed', () => expectProblem((d) => (d.links[0].speedKmh = Infinity), 'not_finite', '/links/0/speedKmh'));
  it('reports a negative duration', () =>
    expectProblem((d) => (d.nodes[1].stages[0].durationHours = { type: 'fixed', value: -1 }), 'negative', '/nodes/1/stages/0/durationHours/value'));
  it('reports a NaN duration', () =>
    expectProblem((d) => (d.nodes[1].stages[0].durationHours = { type: 'fixed', value: NaN }), 'not_finite', '/nodes/1/stages/0/durationHours/value'));
  it('reports a missing distance (never defaults it)', () => expectProblem((d) => delete d.links[0].distanceKm, 'missing_field', '/links/0/distanceKm'));
  it('reports a link with neither speed nor duration', () => expectProblem((d) => delete d.links[0].speedKmh, 'missing_field', '/links/0/speedKmh'));
  it('reports a link with both speed and duration', () =>
    expectProblem((d) => (d.links[0].durationHours = { type: 'fixed', value: 3 }), 'conflicting_fields', '/links/0/durationHours'));
  it('reports a ferry link without a service', () => expectProblem((d) => delete d.links[4].service, 'missing_service', '/links/4/service'));
  it('insteadOf names another stage of the node, not chained, once, within a probability of 1 together', () => {
    expectProblem((d) => (d.nodes[1].stages[1].insteadOf = 'nowhere'), 'invalid_value', '/nodes/1/stages/1/insteadOf');
    expectProblem((d) => (d.nodes[1].stages[1].insteadOf = 'exam'), 'invalid_value', '/nodes/1/stages/1/insteadOf');
    expectProblem((d) => {
      d.nodes[1].stages[0].insteadOf = 'exam';
      d.nodes[1].stages[2].insteadOf = 'customs';
    }, 'invalid_value', '/nodes/1/stages/2/insteadOf');
    expectProblem((d) => {
      d.nodes[1].stages[0].insteadOf = 'exam';
      d.nodes[1].stages[0].probability = 0.5;
      d.nodes[1].stages[2].insteadOf = 'exam';
      d.nodes[1].stages[2].probability = 0.1;
    }, 'invalid_value', '/nodes/1/stages/2/insteadOf');
    // customs (probability 1) instead of exam (0.25) would need 1.25 of one draw.
    expectProblem((d) => (d.nodes[1].stages[0].insteadOf = 'exam'), 'probability_out_of_range', '/nodes/1/stages/0/probability');
    const ok = toyDoc();
    ok.nodes[1].stages[0].insteadOf = 'exam';
    ok.nodes[1].stages[0].probability = 0.75;
    expect(validateNetwork(ok)).toEqual([]);
  });
  it('reports times beyond a million hours: durations, travel times, restrictions and headways (sums stay finite)', () => {
    expectProblem((d) => (d.nodes[1].stages[0].durationHours = { type: 'fixed', value: 1e300 }), 'invalid_value', '/nodes/1/stages/0/durationHours');
    expectProblem((d) => (d.links[0].speedKmh = 1e-300), 'invalid_value', '/links/0/speedKmh');
    expectProblem((d) => (d.links[0].structures = [{ id: 'br', name: 'bridge', kind: 'bridge', speedLimitKmh: 1e-310, restrictedKm: 1, closureProbability: 0 }]), 'invalid_value', '/links/0/structures/0/speedLimitKmh');
    expectProblem((d) => (d.links[4].service = { departuresPerWeek: 1e-6, sailingHours: { type: 'fixed', value: 20 }, cancellationProbability: 0 }), 'invalid_value', '/links/4/service/departuresPerWeek');
  });
  it('one unknown country on a node is one problem (its links are not also ambiguous)', () => {
    const doc = toyDoc();
    doc.nodes[1].country = 'XX';
    expect(validateNetwork(doc).map((p) => `${p.code} ${p.pointer}`)).toEqual(['unknown_country /nodes/1/country']);
  });
  it('reports a probability above 1', () => expectProblem((d) => (d.nodes[1].stages[1].probability = 1.5), 'probability_out_of_range', '/nodes/1/stages/1/probability'));
  it('reports a probability below 0', () => expectProblem((d) => (d.nodes[1].stages[1].probability = -0.1), 'probability_out_of_range', '/nodes/1/stages/1/probability'));
  it('reports a cancellation probability of 1', () =>
    expectProblem((d) => (d.links[4].service.cancellationProbability = 1), 'probability_out_of_range', '/links/4/service/cancellationProbability'));
  it('reports triangular with min > mode', () =>
    expectProblem((d) => (d.nodes[1].stages[1].durationHours = { type: 'triangular', min: 5, mode: 4, max: 6 }), 'triangular_order', '/nodes/1/stages/1/durationHours'));
  it('reports triangular with mode > max', () =>
    expectProblem((d) => (d.nodes[1].stages[1].durationHours = { type: 'triangular', min: 1, mode: 7, max: 6 }), 'triangular_order', '/nodes/1/stages/1/durationHours'));
  it('reports uniform with min > max', () =>
    expectProblem((d) => (d.nodes[1].stages[2].durationHours = { type: 'uniform', min: 3, max: 1 }), 'uniform_order', '/nodes/1/stages/2/durationHours'));
  it('reports lognormal with p90 < median', () =>
    expectProblem((d) => (d.nodes[2].stages[0].durationHours = { type: 'lognormal', median: 6, p90: 3 }), 'lognormal_order', '/nodes/2/stages/0/durationHours'));
  it('reports an empty empirical distribution', () =>
    expectProblem((d) => (d.nodes[1].stages[0].durationHours = { type: 'empirical', values: [] }), 'empty_distribution', '/nodes/1/stages/0/durationHours/values'));
  it('reports an unknown distribution type', () =>
    expectProblem((d) => (d.nodes[1].stages[0].durationHours = { type: 'gamma', shape: 2 }), 'unknown_distribution', '/nodes/1/stages/0/durationHours/type'));
  it('reports an unknown mode', () => expectProblem((d) => (d.links[0].mode = 'air'), 'unknown_mode', '/links/0/mode'));
  it('reports an unknown stage mode', () => expectProblem((d) => (d.nodes[1].stages[0].modes = ['rail', 'air']), 'unknown_mode', '/nodes/1/stages/0/modes/1'));
  it('reports an unknown node kind', () => expectProblem((d) => (d.nodes[0].kind = 'airport'), 'unknown_kind', '/nodes/0/kind'));
  it('reports an unknown country', () => expectProblem((d) => (d.nodes[0].country = 'XX'), 'unknown_country', '/nodes/0/country'));
  it('reports a lower-case country code (never coerced)', () => expectProblem((d) => (d.nodes[0].country = 'cn'), 'unknown_country', '/nodes/0/country'));
  it('reports an unknown profile on a link', () => expectProblem((d) => (d.links[4].profiles = ['truck', 'hovercraft']), 'unknown_profile', '/links/4/profiles/1'));
  it('reports an unknown category', () => expectProblem((d) => (d.nodes[1].stages[0].category = 'paperwork'), 'unknown_category', '/nodes/1/stages/0/category'));
  it('reports latitude out of range', () => expectProblem((d) => (d.nodes[0].lat = 91), 'latitude_out_of_range', '/nodes/0/lat'));
  it('reports longitude out of range', () => expectProblem((d) => (d.nodes[0].lon = -181), 'longitude_out_of_range', '/nodes/0/lon'));
  it('reports an unknown field (a typo is never ignored)', () => expectProblem((d) => (d.links[0].distanceKM = 3), 'unknown_field', '/links/0/distanceKM'));
  it('reports a wrong type', () => expectProblem((d) => (d.links[0].distanceKm = '3000'), 'wrong_type', '/links/0/distanceKm'));
  it('reports a link between countries with no country or waters', () => expectProblem((d) => delete d.links[0].country, 'ambiguous_country', '/links/0/country'));
  it('reports an unknown source reference', () => expectProblem((d) => (d.nodes[0].source = { ref: 'T9' }), 'unknown_source', '/nodes/0/source/ref'));
  it('requires sources only when asked', () => {
    expect(validateNetwork(toyDoc())).toEqual([]);
    const problems = validateNetwork(toyDoc(), { requireSources: true });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === 'missing_source')).toBe(true);
    expect(problems.map((p) => p.pointer)).toContain('/links/0/source');
  });

  it('collects every problem, not just the first', () => {
    const doc = toyDoc();
    doc.nodes[0].lat = 200;
    doc.links[0].distanceKm = -1;
    doc.links[1].to = 'nowhere';
    const codes = validateNetwork(doc).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['latitude_out_of_range', 'not_positive', 'unknown_node']));
  });

  it('gives each problem the received value and what was expected', () => {
    const doc = toyDoc();
    doc.links[0].speedKmh = -3;
    const [p] = validateNetwork(doc);
    expect(p).toMatchObject({ code: 'not_positive', path: ['links', 0, 'speedKmh'], received: -3 });
    expect(p!.expected).toMatch(/> 0/);
    expect(p!.message).toContain('links[0].speedKmh');
  });

  it('treats __proto__ and constructor as ordinary ids (no prototype pollution)', () => {
    const doc = toyDoc();
    doc.nodes[0].id = '__proto__';
    doc.nodes[1].id = 'constructor';
    for (const l of doc.links) {
      if (l.from === 'a') l.from = '__proto__';
      if (l.to === 'a') l.to = '__proto__';
      if (l.from === 'b') l.from = 'constructor';
      if (l.to === 'b') l.to = 'constructor';
    }
    const n = parseNetwork(JSON.stringify(doc));
    expect(n.nodeById.get('__proto__')?.name).toBe("Xi'an Test");
    expect(n.nodeById.get('constructor')?.kind).toBe('border');
    expect(({} as Record<string, unknown>)['name']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('name');
  });

  it('rejects a __proto__ key as an unknown field instead of following it', () => {
    const text = JSON.stringify(toyDoc()).replace('"id":"toy"', '"id":"toy","__proto__":{"polluted":true}');
    const problems = validateNetwork(text);
    expect(problems.map((p) => `${p.code} ${p.pointer}`)).toContain('unknown_field /__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws on hostile values', () => {
    const hostile = { get nodes(): never { throw new Error('boom'); }, id: 'x', title: 'x', links: [] };
    expect(validateNetwork(hostile).length).toBeGreaterThan(0);
    for (const v of [null, undefined, 42, 'null', [], () => 1, Symbol('s'), new Map()]) {
      expect(Array.isArray(validateNetwork(v))).toBe(true);
    }
  });

  it('returns a frozen network that does not share the input', () => {
    const doc = toyDoc();
    const n = parseNetwork(doc);
    doc.nodes[0].name = 'changed';
    expect(n.nodeById.get('a')!.name).toBe("Xi'an Test");
    expect(Object.isFrozen(n.spec.nodes[0])).toBe(true);
  });
});
