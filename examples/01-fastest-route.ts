// The fastest route from Xi'an to Constanța, and where the time goes (per country and category).
// Run: npx tsx examples/01-fastest-route.ts
import { breakdown, fastestRoute, middleCorridor, type Route } from 'transcaspian';

const network = middleCorridor();
const name = (id: string): string => network.nodeById.get(id)?.name ?? id;

function show(title: string, route: Route | null): void {
  if (route === null) {
    console.log(`${title}: no route`);
    return;
  }
  console.log(`${title}: ${route.totalDays.toFixed(1)} days, ${Math.round(route.distanceKm)} km`);
  console.log(`  ${route.nodes.map(name).join(' → ')}`);
  for (const c of breakdown(route).byCountry) {
    const cats = Object.entries(c.byCategory)
      .filter(([, h]) => h > 0.05)
      .map(([k, h]) => `${k} ${h.toFixed(1)} h`)
      .join(', ');
    console.log(`  ${c.country.padEnd(12)} ${(c.hours / 24).toFixed(1).padStart(5)} days  (${cats})`);
  }
  console.log('');
}

// Names are matched case- and accent-insensitively: "xian" finds Xi'an, "constanta" finds Constanța.
show('Fastest of all (any country)', fastestRoute(network, { origin: 'xian', destination: 'constanta', profile: 'container-rail' }));
show(
  'Middle Corridor (avoiding Russia, Belarus and Iran)',
  fastestRoute(network, { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] } }),
);
show('A truck from Kashgar to Baku', fastestRoute(network, { origin: 'Kashgar', destination: 'baku', profile: 'truck' }));
