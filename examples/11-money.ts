// Money, emissions and appraisal: what a consignment costs and emits on the Middle Corridor, the
// cheapest route against the fastest, the Japan 2025 package's benefit in money with its range and
// per measure, NPV with a hypothetical budget, and what the package does to the corridor's share.
// Run: npx tsx examples/11-money.ts
import { appraise, cheapestRoute, corridorChoice, japan2025, middleCorridor, routeCost, routeEmissions, runScenario } from 'transcaspian';

const network = middleCorridor();
const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } } as const;

// Money and CO2e per TEU on the fastest route, and the route that minimises money instead.
const fastest = cheapestRoute(network, { ...trip, minimise: 'time' })!;
const cheapest = cheapestRoute(network, { ...trip, minimise: 'money' })!;
const co2 = routeEmissions(network, fastest.route);
console.log(`Fastest: ${fastest.route.totalDays.toFixed(1)} d, $${fastest.cost.usdPerTeu.toFixed(0)} per TEU, ${co2.kgCo2ePerTeu.toFixed(0)} kg CO2e per TEU`);
console.log(`Cheapest: ${cheapest.route.totalDays.toFixed(1)} d, $${cheapest.cost.usdPerTeu.toFixed(0)} per TEU via ${cheapest.route.nodes.slice(1, -1).join(', ')}`);
const byCategory = routeCost(network, fastest.route).byCategory;
console.log('Money per FEU by category:', Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, Math.round(v)])));

// The package's benefit a year at today's volume, its range, and an NPV with a hypothetical $50M budget.
const scenario = runScenario(network, japan2025().measures, { ...trip, runs: 2000, seed: 1 });
const a = appraise(scenario, { costs: { investmentUsd: 50e6, runningUsdPerYear: 1e6 } });
const m = (x: number): string => `$${(x / 1e6).toFixed(1)}M`;
console.log(`\nAnnual benefit at ${a.volumeTeuPerYear} TEU: ${m(a.annualBenefit.totalUsd)} (range ${m(a.annualBenefitRange.low)} to ${m(a.annualBenefitRange.high)})`);
for (const x of a.byMeasure ?? []) console.log(`  ${x.id.padEnd(22)} ${m(x.totalUsd)}`);
console.log(`NPV ${m(a.investment!.npvUsd.value)} (range ${m(a.investment!.npvUsd.low)} to ${m(a.investment!.npvUsd.high)}); CO2e: ${a.emissions.note}`);

// What the package does to the Middle Corridor's share of China–Europe containers.
const c = corridorChoice(network, { measures: japan2025().measures, runs: 1000 });
const r = c.referenceShare;
console.log(`\nMiddle Corridor share ${(r.before * 100).toFixed(3)}% → ${(r.after * 100).toFixed(3)}%: ${Math.round(c.referenceGainTeuPerYear!.value)} TEU a year`);
