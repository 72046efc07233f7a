// One source for each vocabulary: the const arrays, the JSON Schema generated from the zod schema and
// the report's legends agree, and every problem code is raised by some document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  DISTRIBUTION_TYPES,
  EPISODE_EFFECTS,
  EPISODE_OCCURRENCES,
  MODES,
  NODE_KINDS,
  PROBLEM_CODES,
  SOURCE_CONFIDENCES,
  STAGE_KINDS,
  STAGE_WHEN_VALUES,
  STRUCTURE_KINDS,
  WAIT_CAUSES,
  networkJsonSchema,
  validateNetwork,
  type ProblemCode,
  type ValidateOptions,
} from '../src/index.js';
import { COUNTRY_CODES } from '../src/network/countries.js';
import { mapLegendSvg } from '../src/report/html/map.js';
import { MODE_STYLES, NODE_KIND_LABELS } from '../src/report/html/palette.js';

type Doc = Record<string, any>;

/** A valid document small enough to read at a glance: a rail link and a ferry between two countries. */
function smallDoc(): Doc {
  return {
    id: 'small',
    title: 'Small',
    sources: [{ id: 'S1', title: 'Source', organisation: 'Org', year: 2024 }],
    nodes: [
      {
        id: 'a', name: 'A', kind: 'terminal', country: 'KZ', lat: 43, lon: 51,
        stages: [{ id: 'c', name: 'customs', kind: 'customs', category: 'customs', country: 'KZ', durationHours: { type: 'fixed', value: 2 }, modes: ['rail'] }],
      },
      { id: 'b', name: 'B', kind: 'port', country: 'KZ', lat: 44, lon: 50 },
      { id: 'c', name: 'C', kind: 'port', country: 'AZ', lat: 40, lon: 49 },
    ],
    links: [
      { id: 'ab', from: 'a', to: 'b', mode: 'rail', distanceKm: 100, speedKmh: 50 },
      {
        id: 'bc', from: 'b', to: 'c', mode: 'ferry', distanceKm: 450, waters: 'Caspian Sea',
        service: { departuresPerWeek: 3, sailingHours: { type: 'fixed', value: 20 }, cancellationProbability: 0.1 },
      },
    ],
  };
}

interface Case {
  /** The input to validate, made from a fresh small document. */
  readonly input: (d: Doc) => unknown;
  readonly options?: ValidateOptions;
}
const stage = (d: Doc): Doc => d.nodes[0].stages[0];
const broken = (change: (d: Doc) => void): Case => ({ input: (d) => (change(d), d) });

/** One small invalid document per problem code. */
const CASES = {
  invalid_json: { input: () => '{"nodes": [' },
  wrong_type: broken((d) => (d.title = 5)),
  missing_field: broken((d) => delete d.title),
  unknown_field: broken((d) => (d.colour = 'red')),
  empty_network: broken((d) => (d.nodes = [])),
  duplicate_id: broken((d) => (d.nodes[1].id = 'a')),
  invalid_id: broken((d) => (d.links[0].id = '')),
  unknown_node: broken((d) => (d.links[0].to = 'x')),
  unknown_link: broken((d) => {
    d.calendar = { referenceYear: 2025 };
    d.episodes = [{ id: 'e', name: 'E', at: { link: 'zz' }, effect: { type: 'closure' }, occurrence: { type: 'windows', recurring: [{ from: '01-01', to: '01-02' }] } }];
  }),
  unknown_source: broken((d) => (d.nodes[0].source = { ref: 'S9' })),
  unknown_mode: broken((d) => (d.links[0].mode = 'air')),
  unknown_kind: broken((d) => (d.nodes[0].kind = 'airport')),
  unknown_country: broken((d) => (d.nodes[0].country = 'XX')),
  unknown_profile: broken((d) => (d.links[0].profiles = ['hovercraft'])),
  unknown_category: broken((d) => (stage(d).category = 'paperwork')),
  unknown_distribution: broken((d) => (stage(d).durationHours = { type: 'gamma', shape: 2 })),
  invalid_value: broken((d) => (stage(d).when = 'sometimes')),
  not_finite: broken((d) => (d.links[0].distanceKm = Infinity)),
  not_positive: broken((d) => (d.links[0].distanceKm = 0)),
  negative: broken((d) => (stage(d).durationHours = { type: 'fixed', value: -1 })),
  probability_out_of_range: broken((d) => (stage(d).probability = 2)),
  latitude_out_of_range: broken((d) => (d.nodes[0].lat = 91)),
  longitude_out_of_range: broken((d) => (d.nodes[0].lon = 181)),
  triangular_order: broken((d) => (stage(d).durationHours = { type: 'triangular', min: 3, mode: 1, max: 4 })),
  uniform_order: broken((d) => (stage(d).durationHours = { type: 'uniform', min: 3, max: 1 })),
  lognormal_order: broken((d) => (stage(d).durationHours = { type: 'lognormal', median: 5, p90: 2 })),
  empty_distribution: broken((d) => (stage(d).durationHours = { type: 'empirical', values: [] })),
  self_loop: broken((d) => (d.links[0].to = 'a')),
  conflicting_fields: broken((d) => (d.links[0].durationHours = { type: 'fixed', value: 2 })),
  missing_service: broken((d) => delete d.links[1].service),
  ambiguous_country: broken((d) => delete d.links[1].waters),
  missing_source: { input: (d) => d, options: { requireSources: true } },
  range_order: broken((d) => (stage(d).source = { estimate: 'x', range: { field: 'durationHours', factor: [2, 0.5], reason: 'r' } })),
  outside_range: broken((d) => (d.links[0].source = { estimate: 'x', range: { field: 'distanceKm', min: 120, max: 150, reason: 'r' } })),
  missing_range: { input: (d) => ((d.links[0].source = { estimate: 'about 100 km' }), d), options: { requireRanges: true } },
} satisfies Record<ProblemCode, Case>;

describe('PROBLEM_CODES', () => {
  it('the small document is valid, so each case below breaks exactly what it names', () => {
    expect(validateNetwork(smallDoc())).toEqual([]);
  });

  it('the table has one document per code, no more and no fewer', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it.each(PROBLEM_CODES.map((code) => [code]))('validateNetwork raises %s for its document', (code) => {
    const c: Case = CASES[code];
    const problems = validateNetwork(c.input(smallDoc()), c.options);
    expect(problems.map((p) => p.code)).toContain(code);
    for (const p of problems) expect(p.message).toContain(`: ${p.code}: expected ${p.expected}`);
  });

  it('the README lists exactly PROBLEM_CODES, in order', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('### `validateNetwork('), readme.indexOf('### `PROBLEM_CODES'));
    const list = section.split('\n\n').find((para) => /^`[a-z_]+`(,\s`[a-z_]+`)+\.$/.test(para.trim()));
    expect(list, 'a paragraph listing the codes').toBeDefined();
    expect([...list!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1])).toEqual([...PROBLEM_CODES]);
  });
});

describe('vocabularies', () => {
  const schema = networkJsonSchema() as Doc;
  const at = (pointer: string): Doc => pointer.split('/').slice(1).reduce((o, k) => o[k], schema);
  const stageProps = '/properties/nodes/items/properties/stages/items/properties';
  const linkProps = '/properties/links/items/properties';

  it('the JSON Schema (generated from the zod schema) lists each vocabulary as its const array does', () => {
    const expected: [string, readonly string[]][] = [
      ['/properties/sources/items/properties/confidence/enum', SOURCE_CONFIDENCES],
      ['/properties/profiles/items/properties/modes/items/enum', MODES],
      ['/properties/nodes/items/properties/kind/enum', NODE_KINDS],
      [`${stageProps}/kind/enum`, STAGE_KINDS],
      [`${stageProps}/category/enum`, CATEGORIES],
      [`${stageProps}/modes/items/enum`, MODES],
      [`${stageProps}/when/enum`, STAGE_WHEN_VALUES],
      [`${stageProps}/waitCause/enum`, WAIT_CAUSES],
      [`${linkProps}/mode/enum`, MODES],
      [`${linkProps}/structures/items/properties/kind/enum`, STRUCTURE_KINDS],
    ];
    for (const [pointer, values] of expected) expect(at(pointer), pointer).toEqual([...values]);
    const types = (at(`${stageProps}/durationHours/oneOf`) as Doc[]).map((o) => o.properties.type.const);
    expect(types).toEqual([...DISTRIBUTION_TYPES]);
  });

  it('every enum and tagged union (distributions, episode effects and occurrences) in the JSON Schema is one of the const arrays (none written by hand)', () => {
    const tagged = [DISTRIBUTION_TYPES, EPISODE_EFFECTS, EPISODE_OCCURRENCES].map((v) => JSON.stringify(v));
    const known = [MODES, NODE_KINDS, STAGE_KINDS, CATEGORIES, STAGE_WHEN_VALUES, WAIT_CAUSES, STRUCTURE_KINDS, SOURCE_CONFIDENCES, COUNTRY_CODES].map((v) => JSON.stringify(v));
    let enums = 0;
    let unions = 0;
    const walk = (v: unknown, pointer: string): void => {
      if (typeof v !== 'object' || v === null) return;
      const o = v as Doc;
      if (Array.isArray(o.enum)) {
        enums++;
        expect(known, pointer).toContain(JSON.stringify(o.enum));
      }
      if (Array.isArray(o.oneOf) && o.oneOf.every((x: Doc) => x.properties?.type?.const !== undefined)) {
        unions++;
        expect(tagged, pointer).toContain(JSON.stringify(o.oneOf.map((x: Doc) => x.properties.type.const)));
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${pointer}/${k}`);
    };
    walk(schema, '');
    expect(enums).toBeGreaterThanOrEqual(13);
    expect(unions).toBeGreaterThanOrEqual(7);
  });

  it('the map legend lists every node kind and mode, in NODE_KINDS and MODES order', () => {
    const svg = mapLegendSvg(24, 'legend');
    const labels = [...NODE_KINDS.map((k) => NODE_KIND_LABELS[k]), ...MODES.map((m) => MODE_STYLES[m].label)];
    const positions = labels.map((l) => svg.indexOf(`>${l}</text>`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
