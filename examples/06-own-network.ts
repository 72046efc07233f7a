// Build and validate your own network document; every problem is reported at once, with its path.
// Run: npx tsx examples/06-own-network.ts
import { InvalidNetworkError, fastestRoute, parseNetwork, validateNetwork } from 'transcaspian';

const doc = {
  id: 'mini',
  title: 'A two-port mini network',
  nodes: [
    { id: 'kuryk', name: 'Kuryk', kind: 'port', country: 'KZ', lat: 43.18, lon: 51.66 },
    { id: 'alat', name: 'Alat', kind: 'port', country: 'AZ', lat: 39.95, lon: 49.42,
      stages: [{ id: 'customs', name: 'customs', kind: 'customs', category: 'customs', country: 'AZ', durationHours: { type: 'lognormal', median: 3, p90: 10 }, modes: ['ferry'] }] },
    { id: 'baku', name: 'Baku', kind: 'terminal', country: 'AZ', lat: 40.4, lon: 49.85 },
  ],
  links: [
    { id: 'ferry', from: 'kuryk', to: 'alat', mode: 'ferry', distanceKm: 470, waters: 'Caspian Sea',
      service: { headwayHours: { type: 'triangular', min: 24, mode: 72, max: 168 }, sailingHours: { type: 'uniform', min: 20, max: 22 }, cancellationProbability: 0.05 } },
    { id: 'rail', from: 'alat', to: 'baku', mode: 'rail', distanceKm: 70, speedKmh: 35 },
  ],
};

const route = fastestRoute(parseNetwork(doc), { origin: 'Kuryk', destination: 'Baku', profile: 'wagon' });
console.log(`Kuryk → Baku: ${route?.totalHours.toFixed(1)} h expected`);
for (const p of route?.parts ?? []) console.log(`  ${p.label.padEnd(40)} ${p.category.padEnd(8)} ${p.hours.toFixed(1)} h`);

// Break it in three ways: every problem comes back, each with a code and a JSON pointer.
const broken = structuredClone(doc) as any;
broken.links[1].distanceKm = -70;
broken.links[0].service.cancellationProbability = 1.2;
broken.nodes[1].stages[0].durationHours = { type: 'triangular', min: 5, mode: 2, max: 9 };
for (const p of validateNetwork(broken)) console.log(`${p.pointer}: ${p.code} (expected ${p.expected})`);
try {
  parseNetwork(broken);
} catch (e) {
  if (e instanceof InvalidNetworkError) console.log(`parseNetwork threw InvalidNetworkError with ${e.problems.length} problems`);
}
