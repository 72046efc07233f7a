// The HTML report and the exports: self-contained HTML with every chart, escaping, the assumptions
// table; CSV (RFC 4180) round trips; GeoJSON validity and route order; the `report` command.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { adjustLink, adjustStage, installScanners, japan2025 } from '../src/measures/index.js';
import type { Measure } from '../src/measures/types.js';
import { middleCorridor } from '../src/network/load.js';
import { parseNetwork } from '../src/network/network.js';
import type { NetworkSpec } from '../src/network/types.js';
import { breakdownCsv, breakdownCsvPath, csvField, networkGeoJson, reportJson, samplesCsv, toCsv } from '../src/report/export.js';
import { renderReport } from '../src/report/html/render.js';
import { reportTrip, type ReportProgress } from '../src/report/trip.js';
import { toySpec } from './fixtures.js';

const EVIL = '<script>alert(1)</script>';
const WATERS = 'Caspian, "the" Sea';

/** The toy corridor with hostile names: a node named like a script tag, a sea with a comma and quotes. */
function hostileToySpec(): NetworkSpec {
  const spec = structuredClone(toySpec()) as unknown as { nodes: { id: string; name: string }[]; links: { id: string; waters?: string }[] };
  spec.nodes.find((n) => n.id === 'b')!.name = `Border "B" & ${EVIL}`;
  spec.links.find((l) => l.id === 'pq-ferry')!.waters = WATERS;
  return spec as unknown as NetworkSpec;
}

function toyMeasures(): Measure[] {
  return [
    adjustStage({ id: 'customs', node: 'b', stage: 'customs', durationFactor: 0.5 }),
    installScanners({ id: 'scanners', nodes: ['b'] }),
    adjustLink({ id: 'faster-ferry', link: 'pq-ferry', headwayFactor: 0.5 }),
  ];
}

const toy = parseNetwork(hostileToySpec());
const measures = toyMeasures();
const options = { origin: 'a', destination: 'z', profile: 'container-rail', runs: 1500, seed: 17 } as const;
const trip = reportTrip(toy, measures, options, { title: 'The main line & more' });
const html = renderReport({ network: toy, measures, trips: [trip], measuresArg: 'measures.json' });

/** The `<svg …data-chart="name"…>…</svg>` element of a chart (the first one). */
function chartSvg(doc: string, name: string): string {
  const start = doc.search(new RegExp(`<svg[^>]*data-chart="${name}"`));
  if (start < 0) return '';
  const end = doc.indexOf('</svg>', start);
  return doc.slice(start, end + '</svg>'.length);
}

/** An RFC 4180 parser: quoted fields with doubled quotes, CRLF or LF records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      // the LF ends the record
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('renderReport', () => {
  it('renderReport(input) is self-contained: no scripts, no external URLs, no @import', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed)\b/i);
    for (const m of html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)) expect(m[1]!.startsWith('#')).toBe(true);
    for (const m of html.matchAll(/url\(([^)]*)\)/gi)) expect(m[1]!.startsWith('#')).toBe(true);
  });

  it('renderReport(input) has the map before and after, its legend and every chart, each with drawn content', () => {
    const defs = html.slice(html.indexOf('<svg class="defs"'), html.indexOf('</svg>', html.indexOf('<svg class="defs"')));
    expect((defs.match(/<path d="M/g) ?? []).length).toBeGreaterThan(10); // the countries, drawn once
    expect(defs).toContain('>KAZAKHSTAN</text>');
    const map = chartSvg(html, 'map-before');
    expect(map).toContain('<use href="#t1-basemap"/>');
    expect((map.match(/<path d="M/g) ?? []).length).toBeGreaterThan(toy.links.length / 2); // links, route
    expect(map).toContain('class="route"');
    expect(map).toMatch(/<circle [^>]*r="\d/); // time at a node
    expect(chartSvg(html, 'map-after')).toContain('class="dwell"');
    expect(chartSvg(html, 'map-legend')).toMatch(/<rect|<path/);
    const dist = chartSvg(html, 'distribution');
    expect((dist.match(/<polyline/g) ?? []).length).toBe(2);
    expect(dist).toContain('p50');
    expect(dist).toContain('p90');
    expect(dist).toContain('(days)');
    const bars = chartSvg(html, 'breakdown');
    for (const cat of ['moving', 'border', 'customs', 'handling', 'waiting']) expect(bars).toContain(`>${cat}</text>`);
    expect((bars.match(/<rect /g) ?? []).length).toBeGreaterThan(8);
    const attr = chartSvg(html, 'attribution');
    for (const m of measures) expect(attr).toContain(`>${m.id}<`);
    expect(attr).toContain('package');
  });

  it('renderReport(input) escapes names from data files', () => {
    expect(html).not.toContain(EVIL);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Border &quot;B&quot; &amp; &lt;script&gt;');
    expect(html).toContain('The main line &amp; more');
  });

  it('renderReport(input) lists every measure parameter, the seed, runs, policy, trip and version', () => {
    const at = html.indexOf('id="assumptions"');
    expect(at).toBeGreaterThan(0);
    const section = html.slice(at);
    for (const m of measures) {
      expect(section).toContain(`<code>${m.id}</code>`);
      for (const p of m.parameters) {
        expect(section).toContain(`<code>${p.name}</code>`);
        expect(section).toContain(`<td class="num">${p.value}</td>`);
      }
    }
    expect(section).toContain('<td class="num seed">17</td>');
    expect(section).toContain('<td class="num">1500</td>');
    expect(section).toContain('planned');
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
    expect(section).toContain(`<span class="version">${version}</span>`);
    expect(section).toContain('--from a --to z --profile container-rail --measures measures.json --runs 1500 --seed 17 --policy planned');
  });

  it('renderReport(input) makes one section per trip, a trip without route included, with unique ids', () => {
    const none = reportTrip(toy, measures, { ...options, profile: 'truck' });
    expect(none.comparison).toBeNull();
    const doc = renderReport({ network: toy, measures, trips: [trip, none, trip] });
    expect((doc.match(/<section class="trip"/g) ?? []).length).toBe(3);
    expect(doc).toContain('No route from');
    expect((doc.match(/data-chart="distribution"/g) ?? []).length).toBe(2);
    const ids = [...doc.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of doc.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)) expect(ids).toContain(m[1] ?? m[2]);
  });

  it('renderReport(input) fits the maps to the trip by default, to the whole network with mapExtent: "network"', () => {
    const short = reportTrip(toy, [], { ...options, destination: 'b', runs: 50 });
    const viewBox = (doc: string): string => /data-chart="map-before" viewBox="([^"]+)"/.exec(doc)![1]!;
    const byRoute = renderReport({ network: toy, measures: [], trips: [short] });
    const byNetwork = renderReport({ network: toy, measures: [], trips: [short], mapExtent: 'network' });
    expect(byRoute).toContain('nothing to attribute');
    expect(viewBox(byRoute)).not.toBe(viewBox(byNetwork));
    const markers = (doc: string): number => (chartSvg(doc, 'map-before').match(/<title>[^<]*\((?:terminal|border crossing|port|hub \/ junction), /g) ?? []).length;
    expect(markers(byNetwork)).toBe(toy.nodes.length);
    expect(markers(byRoute)).toBeLessThan(toy.nodes.length); // nodes outside the map are not drawn
  });

  it('renderReport(input) gives the same file for the same inputs', () => {
    expect(renderReport({ network: toy, measures, trips: [trip], measuresArg: 'measures.json' })).toBe(html);
  });
});

describe('reportTrip', () => {
  it('reportTrip(network, measures, options, { onProgress }) reports 1 + 2^n steps and changes nothing', () => {
    const seen: ReportProgress[] = [];
    const watched = reportTrip(toy, measures, options, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen.every((p) => p.steps === 9)).toBe(true);
    expect(seen[8]!.label).toBe('measure subset 8/8');
    expect(watched.attribution).toEqual(trip.attribution);
    expect(watched.comparison!.difference).toEqual(trip.comparison!.difference);
  });

  it('more than 10 measures: the comparison runs, the exact attribution is skipped and the report says so', () => {
    const many = Array.from({ length: 11 }, (_, i) => adjustStage({ id: `m${i}`, node: 'b', stage: 'customs', durationFactor: 0.9 }));
    const t = reportTrip(toy, many, { ...options, runs: 50 });
    expect(t.comparison).not.toBeNull();
    expect(t.comparison!.difference.meanHours.estimate).toBeLessThan(0);
    expect(t.attribution).toBeUndefined();
    expect(t.attributionError).toBeUndefined();
    expect(t.attributionSkipped).toMatch(/11 measures needs 2\^11 = 2,048 simulations/);
    expect(renderReport({ network: toy, measures: many, trips: [t] })).toContain('No attribution: hours saved per measure not computed');
    expect(reportJson({ network: toy, measures: many, trips: [t] }).trips).toEqual([expect.objectContaining({ attributionSkipped: t.attributionSkipped })]);
  });
});

describe('CSV export', () => {
  it('csvField quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(null)).toBe('');
    const rows = [['name', 'value'], [WATERS, 1.5], ['x\r\ny', -2]];
    expect(parseCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(String)));
    expect(toCsv(rows).endsWith('\r\n')).toBe(true);
  });

  it('csvField neutralises cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      const field = csvField(cell);
      expect(field.startsWith(`"'`), cell).toBe(true);
      expect(parseCsv(`${field}\r\n`)).toEqual([[`'${cell}`]]);
    }
    expect(csvField(-2)).toBe('-2');
    expect(csvField('a-b')).toBe('a-b');
  });

  it('samplesCsv(comparison) round-trips every run exactly', () => {
    const c = trip.comparison!;
    const rows = parseCsv(samplesCsv(c));
    expect(rows[0]).toEqual(['run', 'beforeHours', 'afterHours']);
    expect(rows).toHaveLength(options.runs + 1);
    rows.slice(1).forEach((r, i) => {
      expect(Number(r[0])).toBe(i);
      expect(Number(r[1])).toBe(c.before.samples[i]);
      expect(Number(r[2])).toBe(c.after.samples[i]);
    });
  });

  it('breakdownCsv(comparison) has a row per country × category; a name with a comma and quotes round-trips', () => {
    const c = trip.comparison!;
    const rows = parseCsv(breakdownCsv(c));
    expect(rows[0]).toEqual(['country', 'category', 'beforeHours', 'afterHours', 'deltaHours']);
    expect(rows).toHaveLength(1 + c.byCountry.length * 5);
    const sea = rows.filter((r) => r[0] === WATERS);
    expect(sea.map((r) => r[1])).toEqual(['moving', 'border', 'customs', 'handling', 'waiting']);
    for (const d of c.byCountry) {
      const sum = (col: number): number => rows.filter((r) => r[0] === d.country).reduce((s, r) => s + Number(r[col]), 0);
      expect(sum(2)).toBeCloseTo(d.beforeHours, 9);
      expect(sum(3)).toBeCloseTo(d.afterHours, 9);
    }
    expect(breakdownCsvPath('out/x.csv')).toBe('out/x.breakdown.csv');
    expect(breakdownCsvPath('x.txt')).toBe('x.txt.breakdown.csv');
  });
});

describe('JSON export', () => {
  it('reportJson(input) holds the comparison, the attribution and the measures', () => {
    const j = JSON.parse(JSON.stringify(reportJson({ network: toy, measures, trips: [trip] })));
    expect(j.format).toBe('transcaspian/report@1');
    expect(j.measures.map((m: { id: string }) => m.id)).toEqual(measures.map((m) => m.id));
    expect(j.measures[0].definition.kind).toBe('adjust-stage');
    const t = j.trips[0];
    expect(t).toMatchObject({ origin: 'a', destination: 'z', profile: 'container-rail', runs: 1500, seed: 17, policy: 'planned' });
    expect(t.before.meanHours).toBeCloseTo(trip.comparison!.before.summary.meanHours, 9);
    expect(t.attribution.map((m: { id: string }) => m.id)).toEqual(measures.map((m) => m.id));
    expect(t.attributionDetail.subsets).toBe(8);
  });
});

describe('GeoJSON export', () => {
  const c = trip.comparison!;
  const fc = JSON.parse(JSON.stringify(networkGeoJson(toy, { before: c.before.route, after: c.after.route })));

  it('networkGeoJson(network, routes) is a FeatureCollection of Points and LineStrings in [lon, lat]', () => {
    expect(fc.type).toBe('FeatureCollection');
    const inRange = ([lon, lat]: number[]): boolean => lon! >= -180 && lon! <= 180 && lat! >= -90 && lat! <= 90;
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(typeof f.properties).toBe('object');
      if (f.geometry.type === 'Point') {
        expect(f.geometry.coordinates).toHaveLength(2);
        expect(inRange(f.geometry.coordinates)).toBe(true);
      } else {
        expect(f.geometry.type).toBe('LineString');
        expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
        for (const p of f.geometry.coordinates) expect(inRange(p)).toBe(true);
      }
    }
    const nodes = fc.features.filter((f: { properties: { layer: string } }) => f.properties.layer === 'node');
    expect(nodes).toHaveLength(toy.nodes.length);
    const a = nodes.find((f: { properties: { id: string } }) => f.properties.id === 'a');
    expect(a.geometry.coordinates).toEqual([109, 34]);
    expect(a.properties).toMatchObject({ name: "Xi'an Test", kind: 'terminal', country: 'CN' });
    const links = fc.features.filter((f: { properties: { layer: string } }) => f.properties.layer === 'link');
    expect(links.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(toySpec().links.map((l) => l.id));
    expect(links[0].properties).toMatchObject({ mode: 'rail', distanceKm: 3000, bidirectional: true });
  });

  it('networkGeoJson(network, routes) gives the route legs in travel order with hours before and after', () => {
    const legs = fc.features.filter((f: { properties: { layer: string; route: string } }) => f.properties.layer === 'route-leg' && f.properties.route === 'before');
    expect(legs.map((f: { properties: { linkId: string } }) => f.properties.linkId)).toEqual(c.before.route.links);
    expect(legs.map((f: { properties: { seq: number } }) => f.properties.seq)).toEqual(legs.map((_: unknown, i: number) => i + 1));
    const a = toy.nodeById.get('a')!;
    const z = toy.nodeById.get('z')!;
    expect(legs[0].geometry.coordinates[0]).toEqual([a.lon, a.lat]);
    expect(legs.at(-1).geometry.coordinates.at(-1)).toEqual([z.lon, z.lat]);
    for (let i = 1; i < legs.length; i++) expect(legs[i].geometry.coordinates[0]).toEqual(legs[i - 1].geometry.coordinates.at(-1));
    legs.forEach((f: { properties: { beforeHours: number; afterHours: number; mode: string } }, i: number) => {
      expect(f.properties.beforeHours).toBeCloseTo(c.before.route.legs[i]!.hours, 9);
      expect(typeof f.properties.afterHours).toBe('number');
      expect(f.properties.mode).toBe(c.before.route.legs[i]!.mode);
    });
    const ferry = legs.find((f: { properties: { linkId: string } }) => f.properties.linkId === 'pq-ferry');
    expect(ferry.properties.afterHours).toBeLessThan(ferry.properties.beforeHours);
    const stops = fc.features.filter((f: { properties: { layer: string } }) => f.properties.layer === 'route-stop');
    expect(stops.map((f: { properties: { nodeId: string } }) => f.properties.nodeId)).toEqual(c.before.route.stops.map((s) => s.nodeId));
  });
});

describe('transcaspian report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'transcaspian-report-'));
  const net = join(dir, 'toy.json');
  writeFileSync(net, JSON.stringify(hostileToySpec()));
  const recipes = join(dir, 'measures.json');
  writeFileSync(recipes, JSON.stringify(measures.map((m) => m.definition)));
  const cli = (...args: string[]): { code: number; out: string; err: string } => {
    const out: string[] = [];
    const err: string[] = [];
    const code = run(['report', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const base = ['--network', net, '--from', 'a', '--to', 'z', '--measures', recipes, '--runs', '300', '--seed', '5'];
  /** `base` with one flag's value replaced (a flag given twice is a usage error). */
  const baseWith = (flag: string, value: string): string[] => base.map((w, i) => (base[i - 1] === flag ? value : w));

  it('report writes HTML (the default format), JSON, CSV and GeoJSON', () => {
    const html = join(dir, 'r.html');
    const r = cli(...base, '--out', html);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`wrote ${html}`);
    const doc = readFileSync(html, 'utf8');
    expect(doc).toContain('data-chart="attribution"');
    expect(doc).toContain(`--measures ${recipes}`);
    expect(doc).toContain(`--network ${net}`);
    // The shipped cost tables describe the shipped network, not this one: the money sections are left out, saying why.
    expect(doc).toContain('No money, emissions or appraisal section');
    expect(doc).not.toContain('data-chart="time-distance"');

    const json = join(dir, 'r.json');
    expect(cli(...base, '--out', json).code).toBe(0);
    const j = JSON.parse(readFileSync(json, 'utf8'));
    expect(j.trips[0]).toMatchObject({ origin: 'a', destination: 'z', runs: 300, seed: 5 });
    expect(j.trips[0].attribution).toHaveLength(3);

    const csv = join(dir, 'r.csv');
    const c = cli(...base, '--out', csv);
    expect(c.code).toBe(0);
    expect(c.out).toBe(`wrote ${csv} and ${join(dir, 'r.breakdown.csv')}`);
    expect(parseCsv(readFileSync(csv, 'utf8'))).toHaveLength(301);
    expect(readFileSync(join(dir, 'r.breakdown.csv'), 'utf8')).toContain(`"Caspian, ""the"" Sea"`);

    const geo = join(dir, 'r.out');
    expect(cli(...base, '--out', geo, '--format', 'geojson').code).toBe(0);
    expect(JSON.parse(readFileSync(geo, 'utf8')).type).toBe('FeatureCollection');

    expect(cli(...baseWith('--measures', 'none'), '--out', join(dir, 'none.html')).code).toBe(0);
    expect(readFileSync(join(dir, 'none.html'), 'utf8')).toContain('nothing to attribute');
  });

  it('report exits 2 on usage errors', () => {
    for (const args of [
      [...base],
      [...base, '--out', ''],
      [...baseWith('--runs', 'lots'), '--out', join(dir, 'x.html')],
      [...baseWith('--seed', '-1'), '--out', join(dir, 'x.html')],
      [...base, '--out', join(dir, 'x.html'), '--format', 'pdf'],
      [...base, '--out', join(dir, 'x.html'), '--policy', 'psychic'],
      [...base, '--out', join(dir, 'x.html'), '--within-days', 'soon'],
      [...base, '--out', join(dir, 'x.html'), '--colour', 'red'],
      [...base, '--out', join(dir, 'x.html'), 'extra'],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^transcaspian report: .*\(see 'transcaspian report --help'\)$/);
      expect(r.err.split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('report exits 1 with one line when there is no route or the input is invalid', () => {
    const out = join(dir, 'none.html');
    const noRoute = cli(...base, '--profile', 'truck', '--out', join(dir, 'truck.html'));
    expect(noRoute.code).toBe(1);
    expect(noRoute.err).toBe('transcaspian: no route from "a" to "z" for profile "truck"');
    expect(existsSync(join(dir, 'truck.html'))).toBe(false);
    expect(cli(...base, '--profile', 'truck', '--out', join(dir, 'truck.geojson')).code).toBe(1);
    for (const args of [
      [...baseWith('--to', 'nowhere'), '--out', out],
      [...base, '--profile', 'barge', '--out', out],
      ['--network', net, '--from', 'a', '--to', 'z', '--runs', '10', '--out', out], // japan2025 needs the node aktau
      [...baseWith('--network', join(dir, 'missing.json')), '--out', out],
      [...base, '--out', join(dir, 'no-such-dir', 'r.html')],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(/^transcaspian: /);
      expect(r.err.split('\n')).toHaveLength(1);
    }
  });
});

/** Nodes in the shipped dataset (0 if it does not load): the corridor test needs the full dataset. */
const CORRIDOR_NODES = ((): number => {
  try {
    return middleCorridor().nodes.length;
  } catch {
    return 0;
  }
})();

describe.runIf(CORRIDOR_NODES >= 45)('report on the shipped corridor', () => {
  it('renderReport lists every parameter of the Japan 2025 package for xian → constanta', () => {
    const pkg = japan2025();
    const t = reportTrip(middleCorridor(), pkg.measures, { origin: 'xian', destination: 'constanta', profile: 'container-rail', runs: 300, seed: 1, volume: 1 });
    expect(t.comparison).not.toBeNull();
    const doc = renderReport({ network: middleCorridor(), measures: pkg.measures, package: pkg, trips: [t], measuresArg: 'japan2025' });
    for (const m of pkg.measures) for (const p of m.parameters) expect(doc).toContain(`<code>${p.name}</code>`);
    expect(chartSvg(doc, 'map-before')).toContain('class="route"');
    // The congestion model's assumptions: the volume and the places on the route.
    expect(doc).toContain('modelled from volume and capacity, 1× the 2025 volume, 66,300 TEU a year');
    expect(doc).toMatch(/<table class="wide places">.*Dostyk: Gauge change and station processing/s);
  }, 30_000);
});
