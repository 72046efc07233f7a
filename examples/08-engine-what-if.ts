// Which stop on Xi'an → Baku hurts most if it holds trains for three days, and where does traffic
// divert? The engine entry point compiles the network once; each what-if re-weights a few arcs in
// place, re-routes, and restores the expected hours: no rebuilding, no new network.
// Run: npx tsx examples/08-engine-what-if.ts
import { middleCorridor } from 'transcaspian';
import { compile, createWorkspace, reweight, setArcWeight, shortestPath, type CompiledNetwork, type PathResult } from 'transcaspian/engine';

const HOLD_HOURS = 72;
const network = middleCorridor();
const compiled = compile(network, 'container-rail');
const ws = createWorkspace(compiled.csr);
// A trip leaves from any departure vertex of its origin and ends at any arrival vertex of its destination.
const from = compiled.graph.departures.get('xian')!;
const to = compiled.graph.arrivals.get('baku')!;

/** The nodes a path stops at (its pass-through arcs), in order. */
function stopsOf(c: CompiledNetwork, path: PathResult): string[] {
  return [...path.arcs].map((a) => c.arcs[a]!).flatMap((arc) => (arc.type === 'stop' ? [arc.node!.id] : []));
}
const name = (id: string): string => network.nodeById.get(id)?.name ?? id;

const base = shortestPath(compiled.csr, from, to, ws)!;
const stops = stopsOf(compiled, base);
console.log(`Xi'an → Baku by container train: ${(base.cost / 24).toFixed(1)} days on expected times`);
console.log(`  via ${stops.map(name).join(' → ')}\n`);
console.log(`A ${HOLD_HOURS}-hour hold at one stop at a time:`);
const width = Math.max(...stops.map((s) => name(s).length));
for (const nodeId of stops) {
  // Every pass through the node (whatever the arrival and departure modes) takes HOLD_HOURS longer.
  compiled.arcs.forEach((arc, i) => {
    if (arc.type === 'stop' && arc.node!.id === nodeId) setArcWeight(compiled.csr, i, arc.expectedHours + HOLD_HOURS);
  });
  const held = shortestPath(compiled.csr, from, to, ws)!;
  const diverted = !stopsOf(compiled, held).includes(nodeId);
  const extra = held.cost - base.cost;
  console.log(
    `  ${name(nodeId).padEnd(width)} +${extra.toFixed(1).padStart(5)} h  ${diverted ? `diverts: ${stopsOf(compiled, held).filter((s) => !stops.includes(s)).map(name).join(', ')}` : 'no way around'}`,
  );
  reweight(compiled, compiled.expectedHours); // back to the expected hours for the next what-if
}
