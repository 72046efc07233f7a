// One big-network measurement in a process of its own, so that its peak memory is its own:
// `tsx bench/big-network-run.ts <file.json> <nodes>` reads the document, parses and validates it
// (parseNetwork), routes corner to corner twice (the first call expands and compiles the graph),
// and prints JSON: wall and CPU milliseconds of each step, the route found, and the peak resident
// set size. Only public exports of the built package are used.
import { readFileSync } from 'node:fs';
import { fastestRoute, parseNetwork } from 'transcaspian';

const [file, nodesArg] = process.argv.slice(2);
const nodes = Number(nodesArg);

function timed<T>(run: () => T): { value: T; wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const c = process.cpuUsage(c0);
  return { value, wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

const read = timed(() => readFileSync(file!, 'utf8'));
const parse = timed(() => parseNetwork(read.value));
const network = parse.value;
const first = timed(() => fastestRoute(network, { origin: 'n0', destination: `n${nodes - 1}`, profile: 'container-rail' }));
const second = timed(() => fastestRoute(network, { origin: `n${nodes >> 1}`, destination: `n${nodes - 7}`, profile: 'container-rail' }));
process.stdout.write(
  `${JSON.stringify({
    megabytes: read.value.length / 1e6,
    nodes: network.nodes.length,
    links: network.links.length,
    readMs: read.wallMs,
    parse: { wallMs: parse.wallMs, cpuMs: parse.cpuMs },
    firstRoute: { wallMs: first.wallMs, cpuMs: first.cpuMs, hours: first.value?.totalHours ?? null, stops: first.value?.nodes.length ?? null },
    secondRoute: { wallMs: second.wallMs, cpuMs: second.cpuMs },
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
