// Big networks: a generated document of 200,000 nodes and 1,000,000 directed arcs (targets: parse
// and validate ≤ 3 s, the first route ≤ 3 s, peak memory ≤ 1.5 GB) and one of 1,000,000 nodes and
// 4,000,000 arcs (it must run at all; figures recorded). Each document is written to a file, then
// measured in a child process of its own (bench/big-network-run.ts: read, parseNetwork, two
// fastestRoute calls): the 200,000-node one five times (its targets are judged on the median, which
// a shared machine's load moves by a second), the million-node one once (it takes minutes); the
// section reports medians and the largest peak.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigNetworkText } from './big-network.js';

interface Run {
  readonly megabytes: number;
  readonly nodes: number;
  /** Directed links (a bidirectional document link counts twice). */
  readonly links: number;
  readonly readMs: number;
  readonly parse: { readonly wallMs: number; readonly cpuMs: number };
  readonly firstRoute: { readonly wallMs: number; readonly cpuMs: number; readonly hours: number | null; readonly stops: number | null };
  readonly secondRoute: { readonly wallMs: number; readonly cpuMs: number };
  readonly peakRssMiB: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

function measure(file: string, nodes: number): Run {
  const r = spawnSync(process.execPath, [tsx, join(here, 'big-network-run.ts'), file, String(nodes)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`big-network-run failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Run;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const s = (ms: number): string => (ms / 1000).toFixed(2);

/** Run the section; returns its Markdown body. */
export function bigNetworkBench(options: { quick?: boolean } = {}): string {
  const q = options.quick === true;
  // BIG_NODES=200000 measures only that size (the million-node document takes minutes of a shared machine).
  const only = process.env['BIG_NODES'];
  const all = q ? [{ nodes: 20_000, arcs: 100_000, target: false }] : [{ nodes: 200_000, arcs: 1_000_000, target: true }, { nodes: 1_000_000, arcs: 4_000_000, target: false }];
  const sizes = only === undefined ? all : all.filter((x) => String(x.nodes) === only);
  const dir = join(here, '.build');
  mkdirSync(dir, { recursive: true });
  const rows: string[] = [];
  const verdicts: string[] = [];
  for (const size of sizes) {
    const file = join(dir, `big-${size.nodes}.json`);
    writeFileSync(file, bigNetworkText(size.nodes, size.arcs));
    process.stderr.write(`[bench] big network ${size.nodes} nodes\n`);
    const runs = Array.from({ length: q || !size.target ? 1 : 5 }, () => measure(file, size.nodes));
    const r0 = runs[0]!;
    const parse = median(runs.map((r) => r.parse.wallMs));
    const first = median(runs.map((r) => r.firstRoute.wallMs));
    const peak = Math.max(...runs.map((r) => r.peakRssMiB));
    rows.push(
      `| ${size.nodes.toLocaleString('en-US')} nodes, ${r0.links.toLocaleString('en-US')} directed links (${r0.megabytes.toFixed(0)} MB) | ${s(parse)} (${s(median(runs.map((r) => r.parse.cpuMs)))} CPU) | ${s(first)} (${s(median(runs.map((r) => r.firstRoute.cpuMs)))} CPU) | ${(median(runs.map((r) => r.secondRoute.wallMs))).toFixed(0)} ms | ${peak.toFixed(0)} MiB | ${r0.firstRoute.stops ?? 'no route'} stops, ${r0.firstRoute.hours === null ? '—' : `${r0.firstRoute.hours.toFixed(0)} h`} |`,
    );
    if (size.target) {
      const met = (ok: boolean): string => (ok ? 'met' : '**not met**');
      verdicts.push(`${size.nodes.toLocaleString('en-US')} nodes: parse and validate ≤ 3 s ${met(parse <= 3000)}, first route ≤ 3 s ${met(first <= 3000)}, peak ≤ 1.5 GB (1,430 MiB) ${met(peak <= 1430)}.`);
    }
  }
  return [
    `Generated documents (bench/big-network.ts: a jittered grid with chords, every link bidirectional, a customs stage on one node in 50), each measured in a process of its own (\`tsx bench/big-network-run.ts\`: read the file, \`parseNetwork\`, then \`fastestRoute\` corner to corner — the first call expands and compiles the graph — and a second route), ${q ? '1 run' : '5 runs of the 200,000-node document, 1 of the million-node one'}; wall seconds, median (CPU seconds in brackets); peak resident set size of the process, the largest of the runs (the document's text included).`,
    '',
    '| document | parse + validate, s | first route, s | second route | peak memory | route |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
    ...verdicts,
  ].join('\n');
}
