// Cold chain: can a perishable consignment make its time limit, and with what probability, before
// and after the Japan 2025 package? A reefer truck from Tashkent to Baku with a 5-day limit.
// Run: npx tsx examples/05-cold-chain.ts
import { BUILT_IN_PROFILES, applyMeasures, compare, japan2025, middleCorridor } from 'transcaspian';

const network = middleCorridor();
// A perishable on a truck: the truck profile (same id, so the ferries that carry trucks carry it)
// with the perishable's limit as `maxHours`.
const truck = BUILT_IN_PROFILES.find((p) => p.id === 'truck')!;
const reefer = { ...truck, name: 'Refrigerated truck, 5-day limit', maxHours: 120 };
const after = applyMeasures(network, japan2025().measures);

for (const origin of ['tashkent', 'dushanbe', 'bishkek']) {
  const c = compare(network, after, { origin, destination: 'baku', profile: reefer, runs: 5000, seed: 3 });
  if (c === null) {
    console.log(`${origin}: no route`);
    continue;
  }
  const m = c.maxHours!;
  console.log(
    `${origin.padEnd(9)} → Baku: p50 ${(c.before.summary.p50Hours / 24).toFixed(1)} → ${(c.after.summary.p50Hours / 24).toFixed(1)} days; ` +
      `within ${m.hours} h: ${(m.before * 100).toFixed(1)}% → ${(m.after * 100).toFixed(1)}%`,
  );
}
const reeferNodes = network.nodes.filter((n) => n.reefer === true).map((n) => n.name);
console.log(`\nNodes with refrigerated handling in the dataset: ${reeferNodes.length > 0 ? reeferNodes.join(', ') : 'none recorded'}`);
