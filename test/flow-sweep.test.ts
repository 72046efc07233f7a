// volumeSweep on the shipped network, with and without the Japan 2025 package; and the capacity
// fields of the network document (servers, waitCause, vessels, returnHours).
import { describe, expect, it } from 'vitest';
import { japan2025, middleCorridor, validateNetwork } from '../src/index.js';
import { DEFAULT_FACTORS, referenceVolume, volumeSweep } from '../src/simulate/flow/index.js';
import { sweepJson, sweepText } from '../src/report/flow-text.js';
import { toyDoc } from './fixtures.js';

const network = middleCorridor();

describe('volumeSweep', () => {
  const sweep = volumeSweep(network, { seed: 1, weeks: 39, replications: 3, measures: japan2025().measures });
  const row = (id: string) => sweep.saturation.find((r) => r.id === id)!;

  it('runs 1× to 3× today\'s stated volume, without and with the measures', () => {
    expect(sweep.factors).toEqual(DEFAULT_FACTORS);
    expect(sweep.today).toEqual(referenceVolume(network));
    expect(sweep.baseline.map((r) => r.volume)).toEqual([1, 1.5, 2, 2.5, 3]);
    expect(sweep.withMeasures!.map((r) => r.measures)).toEqual(DEFAULT_FACTORS.map(() => ['customs-streamlining', 'xray-scanners', 'kyrgyz-bridges', 'aktau-customs']));
  });

  it('finds the Caspian crossing saturating first, and nothing saturated today', () => {
    expect(sweep.baseline[0]!.saturated).toEqual([]);
    const feeder = row('service|aktau-alat-feeder');
    expect(feeder.saturatesAt.baseline).not.toBeNull();
    expect(feeder.saturatesAt.baseline!).toBeGreaterThan(1);
    expect(feeder.saturatesAt.baseline!).toBeLessThanOrEqual(2);
    expect(sweep.saturation[0]!.id).toMatch(/^service\|/);
    // Utilisation rises with volume until the feeder is full.
    const u = feeder.utilisation.baseline;
    expect(u[0]!).toBeLessThan(u[1]!);
    expect(u[4]!).toBeGreaterThan(0.97);
    // Border gauge changes keep up with corridor traffic alone.
    expect(row('stage|dostyk|gauge-change-block').saturatesAt.baseline).toBeNull();
  });

  it('shows scanners mattering more at volume: the inspection servers\' load falls, the ferries\' does not', () => {
    const aktau = row('stage|aktau|kz-inspection');
    aktau.utilisation.baseline.forEach((u, i) => expect(aktau.utilisation.withMeasures![i]!).toBeLessThan(0.3 * u!));
    const waitSaved = aktau.meanWaitHours.baseline.map((w, i) => w! - aktau.meanWaitHours.withMeasures![i]!);
    expect(waitSaved[waitSaved.length - 1]!).toBeGreaterThan(waitSaved[0]!);
    const feeder = row('service|aktau-alat-feeder');
    expect(feeder.saturatesAt.withMeasures).toBe(feeder.saturatesAt.baseline);
  });

  it('renders text and JSON', () => {
    const text = sweepText(sweep);
    expect(text).toMatch(/Aktau–Alat container feeder/);
    expect(text).toMatch(/with measures/);
    expect(JSON.parse(JSON.stringify(sweepJson(sweep)))).toEqual(sweepJson(sweep));
  });

  it('checks its factors', () => {
    expect(() => volumeSweep(network, { seed: 1, factors: [] })).toThrow(/factors/);
    expect(() => volumeSweep(network, { seed: 1, factors: [1, -2] })).toThrow(/factors\[1\]/);
  });
});

describe('capacity fields of the network document', () => {
  it('the shipped dataset has servers, wait causes and a sourced feeder fleet', () => {
    const withServers = network.nodes.flatMap((n) => (n.stages ?? []).filter((s) => s.servers !== undefined).map((s) => ({ n, s })));
    expect(withServers.length).toBeGreaterThanOrEqual(25);
    for (const { s } of withServers) {
      expect(Number.isInteger(s.servers)).toBe(true);
      expect(JSON.stringify(s.source)).toMatch(/servers \d/);
    }
    const dostyk = network.nodeById.get('dostyk')!.stages!.find((s) => s.id === 'gauge-change-block')!;
    expect(dostyk.servers).toBe(3);
    expect(JSON.stringify(dostyk.source)).toMatch(/S79/);
    const causes = network.nodes.flatMap((n) => (n.stages ?? []).filter((s) => s.waitCause !== undefined && s.waitCause !== 'undeclared').map((s) => `${n.id}/${s.id}=${s.waitCause}`));
    expect(causes.sort()).toEqual(['dostyk/wind-stoppage=weather', 'irkeshtam/closed-days=schedule', 'istanbul/marmaray-window=schedule', 'torugart/closed-days=schedule']);
    // The surveyed capacity waits the models replace are those whose capacity the network declares.
    const replaced = network.nodes.flatMap((n) => (n.stages ?? []).filter((s) => s.kind === 'queue' && (s.waitCause ?? 'capacity') === 'capacity').map((s) => `${n.id}/${s.id}`));
    expect(replaced.sort()).toEqual(['akhalkalaki/queue', 'aktau/truck-queue', 'aktau/vessel-space-queue', 'altynkol/transhipment-queue-wagon', 'dostyk/transhipment-queue-wagon', 'kuryk/ferry-slot-queue', 'kuryk/truck-queue']);
    const feeder = network.linkById.get('aktau-alat-feeder')!.service!;
    expect(feeder.vessels).toBe(6);
    expect(feeder.returnHours).toBeDefined();
    expect(JSON.stringify(feeder.source)).toMatch(/vessels 6.*S82|S82.*vessels 6/);
  });

  it('validation: servers a positive integer, waitCause only on queue stages, vessels with returnHours', () => {
    const doc = toyDoc();
    const b = doc['nodes'].find((n: { id: string }) => n.id === 'b');
    b.stages[0].servers = 1.5;
    b.stages[1].waitCause = 'weather';
    const ferry = doc['links'].find((l: { id: string }) => l.id === 'pq-ferry');
    ferry.service.vessels = 3;
    const problems = validateNetwork(doc);
    const at = (pointer: string) => problems.find((p) => p.pointer === pointer);
    expect(at('/nodes/1/stages/0/servers')).toBeDefined();
    expect(at('/nodes/1/stages/1/waitCause')?.code).toBe('conflicting_fields');
    expect(at('/links/4/service/returnHours')?.code).toBe('missing_field');

    const fixed = toyDoc();
    fixed['nodes'][1].stages[0].servers = 2;
    fixed['links'][4].service.vessels = 3;
    fixed['links'][4].service.returnHours = { type: 'fixed', value: 40 };
    expect(validateNetwork(fixed)).toEqual([]);
    delete fixed['links'][4].service.vessels;
    expect(validateNetwork(fixed).map((p) => [p.pointer, p.code])).toEqual([['/links/4/service/vessels', 'missing_field']]);
  });
});
