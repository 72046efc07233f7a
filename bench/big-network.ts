// A generated big network document, as JSON text: a jittered grid of `nodes` nodes across eight
// countries, each joined to its right and lower neighbours, then random chords up to two rows away,
// every link bidirectional so that the directed arcs number `arcs`; one node in 50 has a customs
// stage. Seeded (a linear congruential generator: the text is the same on every machine), plain
// nodes and links as an export from a GIS or a generator would write them.

const COUNTRIES = ['KZ', 'UZ', 'KG', 'TM', 'AZ', 'GE', 'TR', 'CN'] as const;

/** The document of a generated network with `nodes` nodes and about `arcs` directed arcs. */
export function bigNetworkText(nodes: number, arcs: number, seed = 1): string {
  let s = seed >>> 0;
  const rnd = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  const side = Math.ceil(Math.sqrt(nodes));
  const countryOf = (i: number): string => COUNTRIES[Math.floor(((i % side) / side) * COUNTRIES.length)]!;
  const parts: string[] = ['{"id":"big","title":"Generated big network","nodes":['];
  for (let i = 0; i < nodes; i++) {
    const r = Math.floor(i / side);
    const c = i % side;
    const lat = 35 + (r / side) * 15 + rnd() * 0.01;
    const lon = 40 + (c / side) * 40 + rnd() * 0.01;
    const country = countryOf(i);
    const stage =
      i % 50 === 0
        ? `,"stages":[{"id":"s","name":"checks","kind":"customs","category":"customs","country":"${country}","durationHours":{"type":"triangular","min":1,"mode":2,"max":5},"modes":["rail","road"],"probability":0.5}]`
        : '';
    parts.push(`${i > 0 ? ',' : ''}{"id":"n${i}","name":"Node ${i}","kind":"hub","country":"${country}","lat":${lat.toFixed(5)},"lon":${lon.toFixed(5)}${stage}}`);
  }
  parts.push('],"links":[');
  const links = arcs / 2;
  for (let k = 0; k < links; k++) {
    let a: number;
    let b: number;
    if (k < nodes * 2 - 2 * side) {
      // The grid: link k joins node k/2 to its right (even k) or lower (odd k) neighbour.
      a = Math.floor(k / 2);
      b = k % 2 === 0 ? a + 1 : a + side;
      if (b >= nodes || (k % 2 === 0 && (a + 1) % side === 0)) {
        a = Math.floor(rnd() * nodes);
        b = (a + 1 + Math.floor(rnd() * 5)) % nodes;
      }
    } else {
      a = Math.floor(rnd() * nodes);
      b = Math.min(nodes - 1, a + 1 + Math.floor(rnd() * side * 2));
      if (b === a) b = (a + 1) % nodes;
    }
    const mode = k % 3 === 0 ? 'road' : 'rail';
    const country = countryOf(a) === countryOf(b) ? '' : `,"country":"${countryOf(a)}"`;
    parts.push(`${k > 0 ? ',' : ''}{"id":"l${k}","from":"n${a}","to":"n${b}","mode":"${mode}","distanceKm":${(10 + rnd() * 90).toFixed(1)},"speedKmh":${(30 + rnd() * 50).toFixed(1)}${country},"bidirectional":true}`);
  }
  parts.push(']}');
  return parts.join('');
}
