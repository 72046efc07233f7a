// The Middle Corridor against the Northern route (via Russia), the Southern route (via Iran) and the
// sea route via Suez, from Xi'an to Constanța, on expected times and with Monte Carlo spread.
// Run: npx tsx examples/04-corridor-comparison.ts
import { breakdown, middleCorridor, simulate } from 'transcaspian';

const network = middleCorridor();
const corridors = [
  { label: 'Northern (via Russia, Belarus)', avoid: {} },
  { label: 'Southern (via Turkmenistan, Iran)', avoid: { countries: ['RU', 'BY', 'AZ', 'GE'] } },
  { label: 'Middle Corridor (Caspian, Caucasus)', avoid: { countries: ['RU', 'BY', 'IR'] } },
  { label: 'Sea via Suez', avoid: { countries: ['KZ', 'RU', 'BY', 'IR', 'TM'] } },
] as const;

console.log("Xi'an → Constanța, container (days; 4000 runs, seed 1)\n");
console.log('corridor                              expected    p50    p90    p95   countries');
for (const c of corridors) {
  const r = simulate(network, { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: c.avoid, runs: 4000, seed: 1 });
  if (r === null) {
    console.log(`${c.label.padEnd(36)} no route`);
    continue;
  }
  const d = (h: number): string => (h / 24).toFixed(1).padStart(6);
  const countries = breakdown(r.route).byCountry.map((x) => x.country).join(' ');
  console.log(`${c.label.padEnd(36)} ${d(r.route.totalHours)} ${d(r.summary.p50Hours)} ${d(r.summary.p90Hours)} ${d(r.summary.p95Hours)}   ${countries}`);
}
