import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, run, volumeFactor } from '../src/cli/run.js';
import { toySpec } from './fixtures.js';

function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
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
  });
});

describe('transcaspian start (the main job)', () => {
  it('start prints before/after days and attribution for each trip and writes the HTML report', () => {
    const out = join(dir, 'main-job.html');
    const r = cli('start', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xi'an → Constanța (container-rail, planned, 5000 runs, seed 2025)");
    expect(r.out).toContain('Kashgar → Baku (truck');
    expect(r.out).toContain('Dushanbe → Aktau (truck');
    for (const id of ['customs-streamlining', 'xray-scanners', 'kyrgyz-bridges', 'aktau-customs']) expect(r.out).toContain(id);
    expect(r.out).toMatch(/before\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+[\d.]+/);
    expect(r.out).toContain(`Report (map, distributions, per-country breakdown, attribution, assumptions): ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
  }, 120_000);
});

describe('transcaspian flow', () => {
  it('--volume takes a factor or tonnes a year (converted through today\'s 4.5 Mt)', () => {
    expect(volumeFactor('3')).toBe(3);
    expect(volumeFactor('13.5Mt')).toBeCloseTo(13.5 / 4.5, 12);
    expect(volumeFactor('9000000t')).toBeCloseTo(2, 12);
    expect(() => volumeFactor('0')).toThrow(UsageError);
  });
  it('flow --volume --json reports servers, flows and today\'s volume; same seed, same output', () => {
    const r = cli('flow', '--volume', '1.5', '--weeks', '10', '--replications', '2', '--seed', '4', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(JSON.stringify(j)).toContain('56,500');
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
    const r = cli('schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync('data/network.schema.json', 'utf8'))).toEqual(JSON.parse(r.out));
  });
});
