// Big documents: validation keeps the first MAX_PROBLEMS problems in document order and counts the
// rest (never holding or printing hundreds of thousands); a network parsed from text is the same as
// one parsed from the value (the text path skips the defensive copy).
import { describe, expect, it } from 'vitest';
import { InvalidNetworkError, MAX_PROBLEMS, parseNetwork, validateNetwork } from '../src/index.js';
import { run } from '../src/cli/run.js';
import { toySpec } from './fixtures.js';

/** The toy network with `bad` extra links, each with a negative distance (one problem each). */
function withBadLinks(bad: number): string {
  const spec = toySpec();
  const links = [...spec.links, ...Array.from({ length: bad }, (_, i) => ({ id: `bad-${i}`, from: 'a', to: 'b', mode: 'rail' as const, distanceKm: -1, speedKmh: 50, country: 'CN' }))];
  return JSON.stringify({ ...spec, links });
}

describe('validation of big documents', () => {
  it('parseNetwork keeps the first 1,000 problems in document order and counts them all', () => {
    const text = withBadLinks(2500);
    try {
      parseNetwork(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidNetworkError);
      const err = e as InvalidNetworkError;
      expect(err.problemCount).toBe(2500);
      expect(err.problems).toHaveLength(MAX_PROBLEMS);
      expect(err.problems.map((p) => p.pointer)).toEqual(validateNetwork(text).slice(0, MAX_PROBLEMS).map((p) => p.pointer));
      expect(err.message).toContain('2500 problems');
    }
    expect(validateNetwork(text)).toHaveLength(2500);
    expect(validateNetwork(text, { maxProblems: 10 })).toHaveLength(10);
    expect(() => validateNetwork(text, { maxProblems: 0 })).toThrow(/maxProblems/);
  });

  it('transcaspian validate prints the first 1,000 and how many more', () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(['validate', '-'], { out: (t) => out.push(t), err: (t) => err.push(t), write: () => {}, readStdin: () => withBadLinks(1500), env: {} });
    expect(code).toBe(1);
    expect(out).toHaveLength(MAX_PROBLEMS + 1);
    expect(out[out.length - 1]).toMatch(/and 500 more/);
    expect(err.join('')).toMatch(/1500 problems/);
  });

  it('a network parsed from its text equals one parsed from the value', () => {
    const spec = toySpec();
    expect(parseNetwork(JSON.stringify(spec)).spec).toEqual(parseNetwork(spec).spec);
    expect(parseNetwork(JSON.stringify(spec)).links).toEqual(parseNetwork(spec).links);
  });
});

describe('plain nodes and links skip the schema', () => {
  it('whatever the plain checks accept, the schema accepts (random and extreme elements)', async () => {
    const fc = (await import('fast-check')).default;
    const { isPlainLink, isPlainNode } = await import('../src/network/plain-elements.js');
    const { linkSchema, nodeSchema } = await import('../src/network/schema.js');
    const value = fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.constantFrom('', 'a', 'rail', 'road', 'ferry', 'sea', 'hub', 'port', 'KZ', 'XX', 'kz'),
      fc.double(),
      fc.constantFrom(0, -0, 1, -1, 90, 90.0000001, -180, 180.5, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, Number.NaN),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.array(fc.integer(), { maxLength: 2 }),
    );
    const linkKeys = ['id', 'from', 'to', 'mode', 'distanceKm', 'speedKmh', 'country', 'bidirectional', 'name', 'service', 'notes'];
    const nodeKeys = ['id', 'name', 'kind', 'country', 'lat', 'lon', 'stages', 'aliases'];
    const validLink = { id: 'l', from: 'a', to: 'b', mode: 'road', distanceKm: 12.5, speedKmh: 60, country: 'KZ', bidirectional: true, name: 'x' };
    const validNode = { id: 'n', name: 'N', kind: 'port', country: 'AZ', lat: 40, lon: 50 };
    // A valid element with some fields replaced, removed or added: near the boundary, where a check could be too lax.
    const element = (valid: Record<string, unknown>, keys: string[]) =>
      fc.tuple(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 2 }), fc.subarray(Object.keys(valid), { maxLength: 2 })).map(([changes, dropped]) => {
        const out: Record<string, unknown> = { ...valid, ...changes };
        for (const k of dropped) delete out[k];
        return out;
      });
    let accepted = 0;
    fc.assert(
      fc.property(element(validLink, linkKeys), element(validNode, nodeKeys), (link, node) => {
        if (isPlainLink(link)) {
          accepted++;
          expect(linkSchema.safeParse(link).success).toBe(true);
        }
        if (isPlainNode(node)) {
          accepted++;
          expect(nodeSchema.safeParse(node).success).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
    // Extreme but valid plain elements.
    const link = { id: 'l', from: 'a', to: 'b', mode: 'rail', distanceKm: 1e308, speedKmh: Number.MIN_VALUE, country: 'KZ', bidirectional: true, name: '' };
    const node = { id: 'n', name: 'N', kind: 'hub', country: 'AZ', lat: -90, lon: 180 };
    for (const [plain, schema, x] of [[isPlainLink, linkSchema, link], [isPlainNode, nodeSchema, node]] as const) {
      expect(plain(x)).toBe(true);
      expect(schema.safeParse(x).success).toBe(true);
      expect(plain({ ...x, notes: 'x' })).toBe(false);
    }
    // The property was exercised: many near-boundary elements were plain.
    expect(accepted).toBeGreaterThan(300);
  });
});
