import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, run, volumeFactor } from '../src/cli/run.js';
import { toySpec } from './fixtures.js';
import { middleCorridor } from '../src/index.js';

function cli(...argv: string[]): { code: number; out: string; err: string } {
  return cliWith({}, ...argv);
}

/** The CLI with standard input (`stdin`) and an environment of its own; `written` collects `--out -`. */
function cliWith(options: { stdin?: string; env?: Record<string, string> }, ...argv: string[]): { code: number; out: string; err: string; written: string } {
  const out: string[] = [];
  const err: string[] = [];
  const written: string[] = [];
  const code = run(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    write: (t) => written.push(t),
    readStdin: (maxBytes) => {
      if (options.stdin === undefined) throw new Error('the test gave no standard input');
      if (Buffer.byteLength(options.stdin) > maxBytes) throw new Error('over the cap');
      return options.stdin;
    },
    env: options.env ?? {},
  });
  return { code, out: out.join('\n'), err: err.join('\n'), written: written.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'transcaspian-cli-'));
const toyFile = join(dir, 'toy.json');
writeFileSync(toyFile, JSON.stringify(toySpec()));

describe('transcaspian route', () => {
  it('route prints a table with legs, stages and the per-country breakdown', () => {
    const r = cli('route', '--network', toyFile, '--from', 'xian test', '--to', 'z');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Xi'an Test → Zed \(container-rail\): [\d.]+ days/);
    expect(r.out).toContain('Where the time goes');
    expect(r.out).toContain('Caspian Sea');
  });

  it('route --json gives origin, destination, profile, totals, nodes, legs and breakdown', () => {
    const r = cli('route', '--network', toyFile, '--from', 'a', '--to', 'z', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ origin: 'a', destination: 'z', profile: 'container-rail', nodes: ['a', 'b', 'p', 'q', 'z'] });
    expect(j.totalDays).toBeCloseTo(j.totalHours / 24, 12);
    expect(j.legs).toHaveLength(4);
    expect(j.breakdown.byCountry.map((c: { country: string }) => c.country)).toEqual(['CN', 'KZ', 'Caspian Sea', 'AZ']);
    expect(Object.keys(j.breakdown.byCategory)).toEqual(['moving', 'border', 'customs', 'handling', 'waiting']);
  });

  it('user errors exit 1 with one line and no stack trace', () => {
    const r = cli('route', '--network', toyFile, '--from', 'a', '--to', 'Zedd');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^transcaspian: destination: no node matches "Zedd"; did you mean "Zed \(z\)"/);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\bat \w+ \(/);
    const none = cli('route', '--network', toyFile, '--from', 'a', '--to', 'z', '--profile', 'truck');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no route/);
    expect(cli('route', '--network', toyFile, '--from', 'a', '--to', 'z', '--profile', 'barge').code).toBe(1);
    expect(cli('route', '--network', join(dir, 'missing.json'), '--from', 'a', '--to', 'z').code).toBe(1);
  });

  it('usage errors exit 2', () => {
    expect(cli('route', '--from', 'a').code).toBe(2);
    expect(cli('route', '--frm', 'a', '--to', 'b').code).toBe(2);
    expect(cli('teleport').code).toBe(2);
    expect(cli().code).toBe(2);
    expect(cli('--help').code).toBe(0);
    expect(cli('route', '--from', 'a', '--to', 'z', '--network', toyFile, 'extra').code).toBe(2);
    expect(cli('simulate', '--from', 'a', '--to', 'z', '--runs', 'lots').code).toBe(2);
    expect(cli('simulate', '--from', 'a', '--to', 'z', '--policy', 'psychic').code).toBe(2);
  });
});

describe('transcaspian validate', () => {
  it('validate exits 0 for a valid file and 1 with every problem for an invalid one', () => {
    expect(cli('validate', toyFile).code).toBe(0);
    const bad = toySpec() as unknown as Record<string, any>;
    const broken = structuredClone(bad);
    broken.nodes[0].lat = 100;
    broken.links[0].distanceKm = -1;
    const badFile = join(dir, 'bad.json');
    writeFileSync(badFile, JSON.stringify(broken));
    const r = cli('validate', badFile);
    expect(r.code).toBe(1);
    expect(r.out).toContain('/nodes/0/lat: latitude_out_of_range');
    expect(r.out).toContain('/links/0/distanceKm: not_positive');
    expect(r.err).toContain('2 problems');
    writeFileSync(badFile, '{ not json');
    expect(cli('validate', badFile).out).toContain('invalid_json');
    expect(cli('validate', toyFile, '--require-sources').code).toBe(1);
  });
});

describe('transcaspian simulate', () => {
  it('simulate --json on a user network with a measures file gives before, after, difference and attribution', () => {
    const measuresFile = join(dir, 'measures.json');
    writeFileSync(measuresFile, JSON.stringify([{ kind: 'adjust-stage', options: { id: 'faster-customs', node: 'b', kind: 'customs', durationFactor: 0.5 } }]));
    const r = cli('simulate', '--network', toyFile, '--from', 'a', '--to', 'z', '--measures', measuresFile, '--runs', '500', '--seed', '9', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['runs', 'meanHours', 'p5Hours', 'p50Hours', 'p90Hours', 'p95Hours', 'p99Hours', 'byCountry', 'byCategory']) {
      expect(j.before).toHaveProperty(k);
      expect(j.after).toHaveProperty(k);
    }
    expect(j.before.runs).toBe(500);
    expect(j.difference.meanHours.estimate).toBeCloseTo(-2, 9); // customs at b: 4 h → 2 h
    expect(j.difference.meanHours.low).toBeLessThanOrEqual(j.difference.meanHours.estimate);
    expect(j.attribution).toEqual([expect.objectContaining({ id: 'faster-customs' })]);
    expect(j.attribution[0].meanHours).toBeCloseTo(2, 9);
    // Same seed, same output.
    expect(cli('simulate', '--network', toyFile, '--from', 'a', '--to', 'z', '--measures', measuresFile, '--runs', '500', '--seed', '9', '--json').out).toBe(r.out);
    // A network without traffic: the surveyed waits, and no congestion model to ask for.
    expect(j.before.congestion.mode).toBe('surveyed');
    const model = cli('simulate', '--network', toyFile, '--from', 'a', '--to', 'z', '--measures', 'none', '--runs', '50', '--congestion', 'model');
    expect(model.code).toBe(1);
    expect(model.err).toMatch(/declares no traffic/);
  });

  it('simulate --volume and --congestion: the model at a volume, the places on the route, unstable ones named; surveyed waits on request', () => {
    const base = ['simulate', '--from', 'xian', '--to', 'baku', '--avoid-countries', 'RU,BY,IR,TM', '--measures', 'none', '--runs', '200'];
    const today = cli(...base, '--volume', '1');
    expect(today.code).toBe(0);
    expect(today.out).toContain('from volume and capacity (congestion "model"), at 1× the 2025 volume (66,300 TEU a year)');
    expect(today.out).toMatch(/Aktau–Alat container feeder: utilisation 0\.7\d, mean wait/);
    // At 1.5× the feeder is unstable: the trains take the Kuryk rail ferry instead.
    const surge = cli(...base, '--volume', '99450teu', '--json');
    expect(surge.code).toBe(0);
    const j = JSON.parse(surge.out);
    expect(j.before.congestion.volume).toBeCloseTo(1.5, 12);
    expect(j.before.congestion.avoided).toContain('service|aktau-alat-feeder');
    expect(j.before.congestion.unstable).toEqual([]);
    expect(j.before.route.links).toContain('kuryk-alat-ferry');
    // At 2× the Kuryk ferries are unstable too: the trip goes round both (by sea to Constanța), and the text says so.
    expect(cli(...base, '--volume', '2').out).toMatch(/Routed around places that are UNSTABLE at this volume \(utilisation ≥ 1\): service\|kuryk-alat-ferry; service\|aktau-alat-feeder/);
    expect(cli(...base, '--congestion', 'surveyed').out).toContain('the dataset\'s surveyed waits (congestion "surveyed")');
    expect(cli(...base, '--congestion', 'maybe').code).toBe(2);
    expect(cli(...base, '--volume', '-1').code).toBe(2);
  }, 60_000);
});

describe('transcaspian start (the main job)', () => {
  it('start prints before/after days and attribution for each trip and writes the HTML report', () => {
    const out = join(dir, 'main-job.html');
    const r = cli('start', '--out', out, '--draws', '8');
    expect(r.code).toBe(0);
    expect(r.out.indexOf('Effect of the measures')).toBeLessThan(r.out.indexOf('route before'));
    expect(r.out).toContain("Xi'an → Constanța (container-rail, planned, 5000 runs, seed 2025)");
    expect(r.out).toContain('Kashgar → Baku (truck');
    expect(r.out).toContain('Dushanbe → Aktau (truck');
    for (const id of ['customs-streamlining', 'xray-scanners', 'kyrgyz-bridges', 'aktau-customs']) expect(r.out).toContain(id);
    expect(r.out).toMatch(/before\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+/);
    expect(r.out).toContain('Money (USD of 2024) and CO2e (well-to-wheel) per TEU');
    expect(r.out).toMatch(/Annual benefit at 66,300 TEU a year/);
    expect(r.out).toContain('What the package does to the corridors’ shares');
    expect(r.out).toContain(`Report (map, distributions, per-country breakdown, attribution, money, CO2e, Time/Cost–Distance charts, appraisal, corridor shares, published figures, the links that matter most, assumptions): ${out}`);
    expect(r.out).toMatch(/Model against published figures: \d+ of \d+ evaluable targets inside their bands/);
    expect(readFileSync(out, 'utf8')).toContain('Model against published figures');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
  }, 120_000);
});

describe('transcaspian flow', () => {
  it('--volume takes a factor, containers or tonnes a year (divided by the reference year\'s 66,300 TEU and 4.77 Mt)', () => {
    const network = middleCorridor();
    expect(volumeFactor('3', network)).toBe(3);
    expect(volumeFactor('132600teu', network)).toBeCloseTo(2, 12);
    expect(volumeFactor('9.54Mt', network)).toBeCloseTo(2, 12);
    expect(volumeFactor('4770000t', network)).toBeCloseTo(1, 12);
    expect(() => volumeFactor('0', network)).toThrow(UsageError);
    expect(() => volumeFactor('2 boxes', network)).toThrow(UsageError);
  });
  it('flow --volume --json reports servers, flows and today\'s volume; same seed, same output', () => {
    const r = cli('flow', '--volume', '1.5', '--weeks', '10', '--replications', '2', '--seed', '4', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(JSON.stringify(j)).toContain('66,300');
    expect(cli('flow', '--volume', '1.5', '--weeks', '10', '--replications', '2', '--seed', '4', '--json').out).toBe(r.out);
  });
  it('flow --sweep prints where servers saturate; bad flags are usage errors', () => {
    const r = cli('flow', '--sweep', '--factors', '1,3', '--weeks', '8', '--replications', '1');
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(0);
    expect(cli('flow', '--volume', '-1').code).toBe(2);
    expect(cli('flow', '--volume', 'lots').code).toBe(2);
    expect(cli('flow', '--volume', '5kg').code).toBe(2);
    expect(cli('flow', '--sweep', '--factors', '1,x').code).toBe(2);
  });
});

describe('transcaspian schema', () => {
  it('data/network.schema.json is the schema generated from the zod source (run `npm run schema` after changing it)', () => {
    const r = cliWith({}, 'schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync('data/network.schema.json', 'utf8'))).toEqual(JSON.parse(r.written));
  });
});

// Issue 12, item 3: the command line behaves like the tools people already use.
describe('the CLI contract', () => {
  const commands = ['route', 'simulate', 'report', 'flow', 'validate', 'schema', 'start'];

  it('--version and -V print the version; --help, help <command> and <command> --help print help', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    for (const flag of ['--version', '-V']) expect(cli(flag)).toMatchObject({ code: 0, out: version, err: '' });
    const overview = cli('--help');
    for (const c of commands) expect(overview.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    for (const c of commands) {
      const own = cli(c, '--help');
      expect(own, c).toMatchObject({ code: 0, err: '' });
      expect(own.out).toMatch(new RegExp(`^Usage: transcaspian ${c}\\b`));
      expect(own.out).toContain('Options:');
      expect(cli('help', c).out).toBe(own.out);
      expect(cli(c, '-h').out).toBe(own.out);
    }
    expect(cli('route', '--help').out).toContain('--avoid-countries RU,BY');
    expect(cli('simulate', '--help').out).toMatch(/--measures <japan2025\|none\|file\.json\|->\s+The measures, stacked/);
    expect(cli('help', 'teleport').code).toBe(2);
  });

  it('usage errors exit 2 with one line on stderr naming the flag, and no stack trace', () => {
    for (const [args, message] of [
      [['route', '--from', 'a', '--from', 'b', '--to', 'z'], /--from given twice \("a" and "b"\)/],
      [['route', '--from=a', '--to', 'z', '--to=y'], /--to given twice/],
      [['flow', '--sweep', '--volume', '2'], /--volume and --sweep exclude each other/],
      [['flow', '--factors', '1,2'], /--factors needs --sweep/],
      [['route', '--frm', 'a', '--to', 'z'], /unknown option "--frm"; did you mean --from\?/],
      [['route', '--from', 'a', '--to'], /--to needs a value/],
      [['route', '--json=yes', '--from', 'a', '--to', 'z'], /--json takes no value/],
      [['simulate', '--from', 'a', '--to', 'z', '--measures', 'none', '--measures', 'japan2025'], /"none" cannot be combined/],
      [['start', '--out', 'summary.txt'], /expected a file ending in \.html/],
      [['start', '--out', '-'], /expected a file ending in \.html/],
      [['report', '--from', 'a', '--out', 'x.html'], /--from needs --to/],
      [['report', '--network', toyFile, '--from', 'a', '--to', 'z', '--out', '-', '--format', 'csv'], /csv writes two files/],
      [['simulate', '--network', '-', '--measures', '-', '--from', 'a', '--to', 'z'], /cannot both read standard input/],
      [['validate'], /missing <file\.json\|->/],
      [['rout'], /unknown command "rout"; did you mean route\?/],
    ] as const) {
      const r = cliWith({ stdin: JSON.stringify(toySpec()) }, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.err).not.toMatch(/\bat \S+ \(/);
    }
  });

  it('"-" reads standard input (--network, --measures, validate) and writes standard output (--out)', () => {
    const stdin = JSON.stringify(toySpec());
    expect(cliWith({ stdin }, 'route', '--network', '-', '--from', 'a', '--to', 'z', '--json').out).toBe(cli('route', '--network', toyFile, '--from', 'a', '--to', 'z', '--json').out);
    expect(cliWith({ stdin }, 'validate', '-')).toMatchObject({ code: 0, out: 'standard input: valid' });
    const recipes = JSON.stringify([{ kind: 'adjust-stage', options: { id: 'faster-customs', node: 'b', kind: 'customs', durationFactor: 0.5 } }]);
    const viaStdin = cliWith({ stdin: recipes }, 'simulate', '--network', toyFile, '--from', 'a', '--to', 'z', '--measures', '-', '--runs', '50', '--json');
    expect(viaStdin.code).toBe(0);
    expect(JSON.parse(viaStdin.out).difference.meanHours.estimate).toBeCloseTo(-2, 9);
    const schema = cliWith({}, 'schema', '--out', '-');
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.written)).toEqual(JSON.parse(readFileSync('data/network.schema.json', 'utf8')));
    const geo = cliWith({}, 'report', '--network', toyFile, '--from', 'a', '--to', 'z', '--measures', 'none', '--format', 'geojson', '--out', '-');
    expect(geo).toMatchObject({ code: 0, out: '' });
    expect(JSON.parse(geo.written).type).toBe('FeatureCollection');
  });

  it('input files are read with a size cap that TRANSCASPIAN_MAX_FILE_MB raises', () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ ...toySpec(), title: 'x'.repeat(2 * 1048576) }));
    const capped = cliWith({ env: { TRANSCASPIAN_MAX_FILE_MB: '1' } }, 'validate', big);
    expect(capped.code).toBe(1);
    expect(capped.err).toMatch(/larger than the cap of 1,048,576 bytes \(1 MiB\); raise it with TRANSCASPIAN_MAX_FILE_MB=<MiB>$/);
    expect(cliWith({ env: { TRANSCASPIAN_MAX_FILE_MB: '3' } }, 'validate', big).code).toBe(0);
    expect(cliWith({ env: { TRANSCASPIAN_MAX_FILE_MB: 'lots' } }, 'validate', big).code).toBe(2);
  });

  it('--measures may be repeated or comma-separated; the measures are stacked in order', () => {
    const one = join(dir, 'one.json');
    const two = join(dir, 'two.json');
    writeFileSync(one, JSON.stringify([{ kind: 'adjust-stage', options: { id: 'customs-half', node: 'b', kind: 'customs', durationFactor: 0.5 } }]));
    writeFileSync(two, JSON.stringify([{ kind: 'adjust-stage', options: { id: 'customs-half-again', node: 'b', kind: 'customs', durationFactor: 0.5 } }]));
    const common = ['simulate', '--network', toyFile, '--from', 'a', '--to', 'z', '--runs', '50', '--json'];
    const repeated = cli(...common, '--measures', one, '--measures', two);
    expect(repeated.code).toBe(0);
    const j = JSON.parse(repeated.out);
    expect(j.attribution.map((m: { id: string }) => m.id)).toEqual(['customs-half', 'customs-half-again']);
    expect(j.difference.meanHours.estimate).toBeCloseTo(-3, 9); // 4 h → 2 h → 1 h
    expect(cli(...common, '--measures', `${one},${two}`).out).toBe(repeated.out);
  });

  it('country codes and profile ids are case-insensitive, like node names', () => {
    const lower = cli('route', '--from', 'xian', '--to', 'constanta', '--avoid-countries', 'ru,by,ir', '--profile', 'CONTAINER-RAIL', '--json');
    expect(lower.code).toBe(0);
    expect(lower.out).toBe(cli('route', '--from', 'xian', '--to', 'constanta', '--avoid-countries', 'RU,BY,IR', '--json').out);
    expect(cli('route', '--from', 'xian', '--to', 'constanta', '--avoid-countries', 'xx').code).toBe(1);
  });

  it('control characters in echoed values are escaped', () => {
    const r = cli('route', '--network', toyFile, '--from', 'a', '--to', '\u001b[2J\rz\u202e');
    expect(r.code).toBe(1);
    expect(r.err).toContain('"\\x1b[2J\\x0dz\\u202e"');
    expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    const u = cli('route', '--from\u0007', 'a');
    expect(u.code).toBe(2);
    expect(u.err).toContain('"--from\\x07"');
  });

  it('an invalid network prints one line (the first problem and how many more); --verbose lists them all', () => {
    const broken = structuredClone(toySpec()) as unknown as Record<string, any>;
    broken.nodes[0].lat = 100;
    broken.links[0].distanceKm = -1;
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const r = cli('route', '--network', file, '--from', 'a', '--to', 'z');
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`^transcaspian: invalid network \\(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\): (nodes\\.0\\.lat|links\\[0\\]\\.distanceKm): .*; and 1 more problem \\(--verbose or transcaspian validate .* lists them\\)$`));
    const v = cli('route', '--network', file, '--from', 'a', '--to', 'z', '--verbose');
    expect(v.code).toBe(1);
    expect(v.err.split('\n')).toHaveLength(3);
    expect(v.err).toContain('distanceKm: not_positive');
  });

  it('validate --json prints the problems as JSON', () => {
    const broken = structuredClone(toySpec()) as unknown as Record<string, any>;
    broken.links[0].distanceKm = -1;
    const file = join(dir, 'broken-json.json');
    writeFileSync(file, JSON.stringify(broken));
    const r = cli('validate', '--json', file);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file, valid: false });
    expect(j.problems).toEqual([expect.objectContaining({ code: 'not_positive', pointer: '/links/0/distanceKm', received: -1 })]);
    expect(JSON.parse(cli('validate', '--json', toyFile).out)).toEqual({ file: toyFile, valid: true, problemCount: 0, problems: [] });
  });

  it('report without --from/--to reports the Middle Corridor avoiding RU, BY and IR, like start', () => {
    const out = join(dir, 'default.json');
    expect(cli('report', '--runs', '20', '--measures', 'none', '--out', out).code).toBe(0);
    const trip = JSON.parse(readFileSync(out, 'utf8')).trips[0];
    expect(trip).toMatchObject({ origin: 'xian', destination: 'constanta' });
    expect(JSON.stringify(trip)).not.toMatch(/"(moscow|brest|minsk)"/i);
    expect(trip.before.route.nodes).toContain('aktau');
  });

  it('start takes --runs, --seed and --json', () => {
    const out = join(dir, 'start.html');
    const r = cli('start', '--runs', '40', '--seed', '3', '--draws', '0', '--json', '--out', out);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ runs: 40, seed: 3, report: out });
    expect(j.trips).toHaveLength(4);
    expect(j.trips[0].before.runs).toBe(40);
    expect(readFileSync(out, 'utf8')).toContain('<svg');
  }, 60_000);
});

// Issue 12, item 3: what the commands print.
describe('what the commands print', () => {
  it('--runs 1 (too few runs for an interval) prints n/a, and null in JSON', () => {
    const common = ['simulate', '--network', toyFile, '--from', 'a', '--to', 'z', '--runs', '1', '--measures', 'none'];
    const text = cli(...common);
    expect(text.code).toBe(0);
    expect(text.out).toContain('planned, 1 run, seed 1)');
    expect(text.out).toMatch(/mean 0\.00 \[n\/a\], p50 0\.00 \[n\/a\], p90 0\.00 \[n\/a\], p95 0\.00 \[n\/a\]/);
    const j = JSON.parse(cli(...common, '--json').out);
    for (const k of ['meanHours', 'p50Hours', 'p90Hours', 'p95Hours']) expect(j.difference[k]).toMatchObject({ low: null, high: null });
    // 20 runs: an interval for the mean and p50, none yet for p90 and p95.
    const twenty = JSON.parse(cli(...common.slice(0, -4), '--runs', '20', '--measures', 'none', '--json').out);
    expect(twenty.difference.meanHours.low).not.toBeNull();
    expect(twenty.difference.p50Hours.low).not.toBeNull();
    expect(twenty.difference.p95Hours.low).toBeNull();
  });

  it('route text lists a ferry wait once: the leg shows its sailing, the waits table the wait', () => {
    const r = cli('route', '--network', toyFile, '--from', 'a', '--to', 'z');
    expect(r.code).toBe(0);
    expect(r.out.match(/wait for ferry departure/g)).toHaveLength(1);
    const j = JSON.parse(cli('route', '--network', toyFile, '--from', 'a', '--to', 'z', '--json').out);
    const ferry = j.legs.find((l: { mode: string }) => l.mode === 'ferry');
    const sailing = ferry.parts.filter((p: { kind: string }) => p.kind === 'sailing').reduce((s: number, p: { hours: number }) => s + p.hours, 0);
    expect(r.out).toMatch(new RegExp(`ferry\\s+450\\s+${sailing.toFixed(1)}\\n`));
  });

  it('--policy adaptive text shows how the runs split between routes', () => {
    const r = cli('simulate', '--from', 'kashgar', '--to', 'baku', '--profile', 'truck', '--policy', 'adaptive', '--runs', '300', '--measures', 'none');
    expect(r.code).toBe(0);
    expect(r.out).toContain('routes before (share of runs');
    const shares = [...r.out.matchAll(/^\s+(\d+\.\d)%\s/gm)].map((m) => Number(m[1]));
    expect(shares.length).toBeGreaterThan(2);
    expect(shares.slice(0, shares.length / 2).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  });

  it('more than 10 measures: simulate still runs, says the attribution was skipped, and JSON has attribution null', () => {
    const many = join(dir, 'eleven.json');
    writeFileSync(many, JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ kind: 'adjust-stage', options: { id: `m${i}`, node: 'b', stage: 'customs', durationFactor: 0.95 } }))));
    const common = ['simulate', '--network', toyFile, '--from', 'a', '--to', 'z', '--runs', '50', '--measures', many];
    const text = cli(...common);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Note: hours saved per measure not computed: the exact Shapley attribution of 11 measures needs 2^11');
    const j = JSON.parse(cli(...common, '--json').out);
    expect(j.attribution).toBeNull();
    expect(j.attributionSkipped).toMatch(/11 measures/);
    expect(j.difference.meanHours.estimate).toBeLessThan(0);
  });

  it('a report of several files is all or nothing: written to temporaries, renamed only when all are written', () => {
    const out = mkdtempSync(join(tmpdir(), 'transcaspian-atomic-'));
    mkdirSync(join(out, 'r.breakdown.csv')); // the second file cannot be written there
    const r = cli('report', '--network', toyFile, '--from', 'a', '--to', 'z', '--runs', '20', '--measures', 'none', '--out', join(out, 'r.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^transcaspian: cannot write .*r\.breakdown\.csv: /);
    expect(readdirSync(out)).toEqual(['r.breakdown.csv']); // no r.csv, no temporaries
  });
});
