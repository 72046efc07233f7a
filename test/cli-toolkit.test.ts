// The planner's toolkit on the command line: --via and the --avoid flags, route --alternatives,
// criticality (text, JSON, HTML), report --alternatives; and the usage errors they raise.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIN_JOB_TRIPS } from '../src/cli/main-job.js';
import { run } from '../src/cli/run.js';
import { alternativeRoutes, criticality, fastestRoute, middleCorridor } from '../src/index.js';

function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), write: () => {}, readStdin: () => '', env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'transcaspian-toolkit-'));
const corridor = ['--from', 'xian', '--to', 'constanta', '--avoid-countries', 'RU,BY,IR'];

describe('--via, --avoid-nodes, --avoid-links', () => {
  it('route passes the waypoints in order and keeps out of avoided nodes and links, as fastestRoute does', () => {
    const viaPoti = JSON.parse(cli('route', ...corridor, '--via', 'poti', '--json').out);
    expect(viaPoti.nodes).toContain('poti');
    expect(viaPoti.totalHours).toBe(fastestRoute(middleCorridor(), { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, via: ['poti'] })!.totalHours);
    const noAktau = JSON.parse(cli('route', ...corridor, '--avoid-nodes', 'aktau', '--json').out);
    expect(noAktau.nodes).not.toContain('aktau');
    const noFerry = JSON.parse(cli('route', '--from', 'kashgar', '--to', 'baku', '--profile', 'truck', '--avoid-links', 'aktau-alat-ferry', '--json').out);
    expect(noFerry.links).not.toContain('aktau-alat-ferry');
    expect(noFerry.links).not.toContain('aktau-alat-ferry:reverse');
  });

  it('simulate runs through the waypoints', () => {
    const r = JSON.parse(cli('simulate', ...corridor, '--via', 'poti', '--measures', 'none', '--runs', '200', '--json').out);
    expect(r.before.route.nodes).toContain('poti');
  });

  it('bad places exit 1 naming the field; empty lists are usage errors', () => {
    const r = cli('route', ...corridor, '--via', 'nowhere-at-all');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/via/);
    expect(cli('route', ...corridor, '--avoid-links', 'no-such-link').code).toBe(1);
    expect(cli('route', ...corridor, '--via', ',').code).toBe(2);
  });
});

describe('route --alternatives', () => {
  it('lists the routes alternativeRoutes gives, as text and JSON', () => {
    const json = JSON.parse(cli('route', ...corridor, '--alternatives', '3', '--json').out) as { rank: number; totalHours: number; difference: number }[];
    const expected = alternativeRoutes(middleCorridor(), { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } }, { k: 3 });
    expect(json.map((a) => a.totalHours)).toEqual(expected.map((a) => a.route.totalHours));
    expect(json.map((a) => a.rank)).toEqual([1, 2, 3]);
    const text = cli('route', ...corridor, '--alternatives', '3', '--min-difference', '0.5').out;
    expect(text).toMatch(/3 routes that differ/);
    expect(cli('route', ...corridor, '--alternatives', '0').code).toBe(2);
    expect(cli('route', ...corridor, '--min-difference', '0.5').code).toBe(2);
    expect(cli('route', ...corridor, '--alternatives', '2', '--min-difference', '2').code).toBe(2);
  });
});

describe('transcaspian criticality', () => {
  it('ranks every link against the four trips of npm start, as criticality does', () => {
    const r = cli('criticality', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { elements: { id: string; noRouteTrips: number; addedHours: number }[] };
    const network = middleCorridor();
    expect(json.elements).toHaveLength(network.spec.links.length);
    const trips = MAIN_JOB_TRIPS.map(({ origin, destination, profile, avoid }) => ({ origin, destination, profile, ...(avoid !== undefined ? { avoid } : {}) }));
    expect(json.elements.map((e) => e.id)).toEqual(criticality(network, trips).elements.map((e) => e.id));
    const text = cli('criticality', '--top', '5').out;
    expect(text.split('\n').filter((l) => /^\s+\d+\s/.test(l))).toHaveLength(5);
  });

  it('takes a single trip with its places, closes nodes, and writes the HTML map', () => {
    const one = JSON.parse(cli('criticality', '--from', 'kashgar', '--to', 'baku', '--profile', 'truck', '--elements', 'nodes', '--json').out);
    expect(one.trips).toHaveLength(1);
    expect(one.elements[0].kind).toBe('node');
    const file = join(dir, 'critical.html');
    expect(cli('criticality', '--out', file).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('data-chart="criticality-map"');
    expect(html).toContain('Which links matter most');
    expect(cli('criticality', '--via', 'poti').code).toBe(2);
    expect(cli('criticality', '--elements', 'bridges').code).toBe(2);
    expect(cli('criticality', '--out', join(dir, 'x.txt')).code).toBe(2);
  });
});

describe('report --alternatives', () => {
  it('shows the alternatives on a map (HTML) and lists them (JSON)', () => {
    const html = join(dir, 'alternatives.html');
    expect(cli('report', '--out', html, '--alternatives', '3', '--runs', '200', '--measures', 'none').code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('data-chart="t1-alternatives"');
    const json = join(dir, 'alternatives.json');
    expect(cli('report', '--out', json, '--alternatives', '2', '--runs', '200', '--measures', 'none').code).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).trips[0].alternatives).toHaveLength(2);
  });
});
