// `transcaspian appraise`, `corridors` and `schema --document`: the money side on the command line,
// its JSON fields, and usage errors naming the flag.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { costTablesJsonSchema, middleCorridorCosts } from '../src/index.js';

function cli(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'transcaspian-money-'));

describe('transcaspian appraise', () => {
  it('prints money and CO2e per TEU, the annual benefit with its range, the split per measure, NPV/BCR/EIRR and the corridor shares', () => {
    const r = cli('appraise', '--runs', '400', '--choice-runs', '200', '--investment-usd', '60000000', '--running-usd', '1000000');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // With the seasons' disruption episodes (about 21 days without them).
    expect(r.out).toMatch(/before\s+26\.\d\s+1,7\d\d/);
    expect(r.out).toMatch(/Annual benefit at 66,300 TEU a year: \$[\d.]+M \(range \$[\d.]+M to \$[\d.]+M\)/);
    for (const id of ['customs-streamlining', 'xray-scanners', 'kyrgyz-bridges', 'aktau-customs']) expect(r.out).toContain(id);
    expect(r.out).toMatch(/NPV -?\$[\d.]+M/);
    expect(r.out).toContain('EIRR');
    expect(r.out).toMatch(/middle: share 0\.321% → /);
    expect(r.out).toContain('Unchanged: the measures shorten waits');
  }, 120_000);

  it('--json has the comparison, economics (money, emissions, appraisal, chart) and corridorChoice', () => {
    const r = cli('appraise', '--from', 'kashgar', '--to', 'baku', '--profile', 'truck', '--runs', '300', '--choice-runs', '0', '--volume-teu', '2000', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ origin: 'kashgar', destination: 'baku', profile: 'truck' });
    expect(j.economics.appraisal.volumeTeuPerYear).toBe(2000);
    expect(j.economics.money.before.meanUsdPerTeu).toBeGreaterThan(1000);
    expect(j.economics.emissions.before.kgCo2ePerTeu).toBeGreaterThan(100);
    expect(j.economics.timeCostDistance.before.points.length).toBeGreaterThan(3);
    expect(j.economics.appraisal.investment).toBeUndefined();
    expect(j.corridorChoice).toBeUndefined();
  }, 120_000);

  it('usage errors name the flag; --running-usd needs --investment-usd; a value of time given two ways conflicts', () => {
    for (const [args, message] of [
      [['--discount-rate', 'high'], /--discount-rate: expected a number/],
      [['--running-usd', '5'], /--running-usd/],
      [['--value-of-time-usd', '20', '--daily-share', '0.01'], /daily-share|value-of-time-usd/],
      [['--spread', 'iqr'], /--spread: expected p90-p50 or sd/],
      [['--years', '0'], /--years/],
    ] as const) {
      const r = cli('appraise', '--runs', '10', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
});

describe('transcaspian corridors', () => {
  it('prints each corridor’s share before and after and the Middle Corridor’s gain; --json the full result', () => {
    const r = cli('corridors', '--runs', '200');
    expect(r.code).toBe(0);
    for (const id of ['middle', 'northern', 'southern', 'sea']) expect(r.out).toContain(id);
    const j = JSON.parse(cli('corridors', '--runs', '200', '--measures', 'none', '--json').out);
    expect(j.reference).toBe('middle');
    for (const a of j.alternatives) expect(a.shareChange).toBe(0);
  }, 120_000);

  it('--costs reads cost tables from a file, and an invalid one fails with one line', () => {
    const good = join(dir, 'costs.json');
    writeFileSync(good, JSON.stringify(middleCorridorCosts().spec));
    expect(cli('corridors', '--runs', '100', '--measures', 'none', '--costs', good).code).toBe(0);
    const bad = join(dir, 'bad-costs.json');
    writeFileSync(bad, JSON.stringify({ ...middleCorridorCosts().spec, currency: 'EUR' }));
    const r = cli('corridors', '--runs', '100', '--costs', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^transcaspian: invalid costs table/);
  }, 120_000);
});

describe('transcaspian schema --document', () => {
  it('writes the JSON Schema of cost tables; an unknown document is a usage error', () => {
    const out = join(dir, 'costs.schema.json');
    expect(cli('schema', '--document', 'costs', '--out', out).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(costTablesJsonSchema());
    expect(cli('schema', '--document', 'tariffs').code).toBe(2);
  });
});

describe('transcaspian route --minimise', () => {
  const json = (...extra: string[]) => JSON.parse(cli('route', '--from', 'kashgar', '--to', 'baku', '--profile', 'truck', '--json', ...extra).out);

  it('money finds a route no dearer and no faster than the fastest, whose countries add up to its money', () => {
    const fastest = json('--minimise', 'time');
    const cheapest = json('--minimise', 'money');
    expect(fastest.nodes).toEqual(json().nodes);
    expect(cheapest.objective).toBe('money');
    expect(cheapest.moneyUsdPerTeu).toBeLessThan(fastest.moneyUsdPerTeu);
    expect(cheapest.totalHours).toBeGreaterThan(fastest.totalHours);
    expect(cheapest.nodes).not.toContain('turkmenbashi');
    expect(cheapest.objectiveValue).toBeCloseTo(cheapest.moneyUsdPerTeu, 6);
    const byCountry = cheapest.money.byCountry.reduce((s: number, c: { usd: number }) => s + c.usd, 0);
    expect(byCountry / cheapest.money.teu).toBeCloseTo(cheapest.moneyUsdPerTeu, 6);
    // A high value of time makes the generalized-cost route the fastest again.
    expect(json('--minimise', 'generalized-cost', '--value-of-time-usd', '1000').nodes).toEqual(fastest.nodes);
  });

  it('prints the money table after the route; the money flags need --minimise, which takes three values', () => {
    const r = cli('route', '--from', 'kashgar', '--to', 'baku', '--profile', 'truck', '--minimise', 'money');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Minimising money per TEU: \$[\d,]+ per TEU/);
    expect(r.out).toMatch(/\n\s+total\s+[\d,]+/);
    expect(cli('route', '--from', 'kashgar', '--to', 'baku', '--daily-share', '0.01').code).toBe(2);
    const bad = cli('route', '--from', 'kashgar', '--to', 'baku', '--minimise', 'cheap');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--minimise');
  });
});
