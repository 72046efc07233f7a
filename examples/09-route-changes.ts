// How many what-ifs a second can a planner try? A route planner compiles the trips once; each
// change (one stage's duration or one link's speed scaled by a seeded factor) is put in force by
// re-weighting, the four trips of `npm start` are re-routed, and the change is taken back. The same
// variants through the plain path (applyMeasures, then fastestRoute) and every link closed in turn
// (criticality) are timed too. This script is what bench/RESULTS.md and the README quote.
// Run: npx tsx examples/09-route-changes.ts [--json]
import { adjustLink, adjustStage, applyMeasures, criticality, fastestRoute, middleCorridor, routePlanner, type Measure, type RouteOptions } from 'transcaspian';

const network = middleCorridor();
const trips: RouteOptions[] = [
  { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } },
  { origin: 'kashgar', destination: 'baku', profile: 'truck' },
  { origin: 'dushanbe', destination: 'aktau', profile: 'truck' },
  { origin: 'dushanbe', destination: 'bishkek', profile: 'truck', avoid: { countries: ['UZ', 'KZ'] } },
];

// 1,000 seeded variants (a linear congruential generator: the same variants on every run).
let state = 2026;
const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const stages = network.nodes.flatMap((n) => (n.stages ?? []).map((s) => ({ node: n.id, stage: s.id })));
const roads = network.spec.links.filter((l) => l.speedKmh !== undefined);
const variants: Measure[] = Array.from({ length: 1000 }, (_, i) => {
  const factor = 0.5 + next();
  if (next() < 0.5) {
    const s = stages[Math.floor(next() * stages.length)]!;
    return adjustStage({ id: `variant-${i}`, node: s.node, stage: s.stage, durationFactor: factor });
  }
  return adjustLink({ id: `variant-${i}`, link: roads[Math.floor(next() * roads.length)]!.id, speedFactor: factor });
});

/**
 * Items per CPU-second of `run(items)` (this process's CPU time, which other processes on the
 * machine disturb less than wall time): the median and range of `repeats` rounds after `warmups`
 * rounds. The process's CPU time includes V8's compiler threads, which keep optimizing for the
 * first few thousand route changes: the planner's rounds are timed once it runs at its steady pace.
 */
function perSecond(items: number, repeats: number, run: () => void, warmups = 1): { median: number; min: number; max: number } {
  for (let w = 0; w < warmups; w++) run();
  const rates: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    rates.push(items / ((c.user + c.system) / 1e6));
  }
  rates.sort((a, b) => a - b);
  return { median: rates[Math.floor(repeats / 2)]!, min: rates[0]!, max: rates[repeats - 1]! };
}

const planner = routePlanner(network, trips);
// The planner's hours are fastestRoute's on the changed network, to the last bit.
for (const m of variants.slice(0, 100)) {
  planner.apply([m]);
  const after = applyMeasures(network, [m]);
  trips.forEach((t, i) => {
    if (planner.hours(i) !== (fastestRoute(after, t)?.totalHours ?? null)) throw new Error(`${m.id}, trip ${i}: the planner and fastestRoute disagree`);
  });
  planner.restore();
}

const plannerRate = perSecond(
  variants.length,
  9,
  () => {
    for (const m of variants) {
      planner.apply([m]);
      for (let i = 0; i < trips.length; i++) planner.hours(i);
      planner.restore();
    }
  },
  5,
);
const plainRate = perSecond(variants.length, 3, () => {
  for (const m of variants) fastestRoute(applyMeasures(network, [m]), trips[0]!);
});
const t0 = performance.now();
const critical = criticality(network, trips);
const firstMs = performance.now() - t0;
const criticalityMs = perSecond(1, 7, () => criticality(network, trips));

const result = {
  variants: variants.length,
  trips: trips.length,
  plannerChangesPerSecond: plannerRate,
  applyMeasuresFastestRoutePerSecond: plainRate,
  criticality: { links: critical.elements.length, firstMs, ms: { median: 1000 / criticalityMs.median, min: 1000 / criticalityMs.max, max: 1000 / criticalityMs.min } },
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  const k = (r: { median: number; min: number; max: number }): string => `${Math.round(r.median).toLocaleString('en-US')} per CPU-second (${Math.round(r.min).toLocaleString('en-US')}–${Math.round(r.max).toLocaleString('en-US')})`;
  console.log(`${variants.length} seeded variants of one stage's or link's time, ${trips.length} trips re-routed per change:`);
  console.log(`  routePlanner (apply, re-route ${trips.length} trips, restore): ${k(plannerRate)}`);
  console.log(`  applyMeasures → fastestRoute (one trip):              ${k(plainRate)}`);
  console.log(`criticality: ${critical.elements.length} links × ${trips.length} trips in ${result.criticality.ms.median.toFixed(1)} CPU-ms (first call, compiling included: ${firstMs.toFixed(1)} ms wall)`);
  const top = critical.elements[0]!;
  console.log(`  most critical: ${top.name} (${top.noRouteTrips} trips without a route, +${top.addedDays.toFixed(1)} days for the others)`);
}
