// The Japan 2025 package on the Middle Corridor: before/after on common random numbers, and which
// measure matters (Shapley attribution), for a container train from Xi'an to Constanța: one scenario.
// Run: npx tsx examples/02-japan-package.ts
import { japan2025, middleCorridor, runScenario } from 'transcaspian';

const network = middleCorridor();
const pkg = japan2025();
console.log(`${pkg.title}, announced ${pkg.announced}`);
for (const m of pkg.measures) {
  console.log(`- ${m.id}: ${m.title}`);
  for (const p of m.parameters) console.log(`    ${p.name} = ${p.value} ${p.unit} (range ${p.min}–${p.max})`);
}

const options = {
  origin: 'xian',
  destination: 'constanta',
  profile: 'container-rail',
  avoid: { countries: ['RU', 'BY', 'IR'] },
  runs: 5000,
  seed: 42,
  withinDays: 18,
} as const;
// The comparison and the attribution in one run; the attribution reuses the comparison's simulations.
const { comparison: c, attribution: a } = runScenario(network, pkg.measures, options);
if (c === null || a === undefined) throw new Error('no route');
const days = (h: number): string => (h / 24).toFixed(2);
console.log(`\np50 ${days(c.before.summary.p50Hours)} → ${days(c.after.summary.p50Hours)} days; p90 ${days(c.before.summary.p90Hours)} → ${days(c.after.summary.p90Hours)} days`);
const d = c.difference.p90Hours;
// The interval is null when there are too few runs for one (not here: 5,000 runs).
console.log(`p90 change: ${d.estimate.toFixed(1)} h (95% interval ${d.low?.toFixed(1) ?? 'n/a'} to ${d.high?.toFixed(1) ?? 'n/a'} h)`);
console.log(`within ${c.within!.days} days: ${(c.within!.before * 100).toFixed(1)}% → ${(c.within!.after * 100).toFixed(1)}%`);
for (const row of c.byCountry) if (Math.abs(row.deltaHours) > 0.01) console.log(`  ${row.country}: ${row.deltaHours.toFixed(2)} h`);

console.log(`\nHours saved (mean), Shapley over ${a.subsets} subsets; they add up to the package's ${a.total.meanHours.toFixed(2)} h:`);
for (const m of a.measures) console.log(`  ${m.id.padEnd(22)} ${m.shapley.meanHours.toFixed(2)} h (alone ${m.alone.meanHours.toFixed(2)} h)`);
