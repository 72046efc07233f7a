// The C++ reference (reference.cpp): compiled with the machine's g++ at bench time into
// bench/.build/, only when g++ is present; fed the same graph and queries through a binary file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArcGraph } from './graphs.js';
import { summarise, type Timing } from './timing.js';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, '.build');
const source = join(here, 'reference.cpp');
const binary = join(buildDir, 'reference');

/** Compiler flags, reported with the results. */
export const CXX_FLAGS = ['-O3', '-std=c++17'];

/** The g++ version line, or null when g++ is not installed. */
export function gxxVersion(): string | null {
  const r = spawnSync('g++', ['--version'], { encoding: 'utf8' });
  if (r.error !== undefined || r.status !== 0) return null;
  return r.stdout.split('\n')[0]!.trim();
}

/** Compile reference.cpp if the binary is missing or older than the source. */
export function buildReference(): string {
  mkdirSync(buildDir, { recursive: true });
  if (!existsSync(binary) || statSync(binary).mtimeMs < statSync(source).mtimeMs) {
    execFileSync('g++', [...CXX_FLAGS, '-o', binary, source], { stdio: 'inherit' });
  }
  return binary;
}

/** What the reference measured, per query (p2p) and per tree (one-to-all). */
export interface ReferenceResult {
  readonly build: Timing;
  readonly p2p: Timing;
  readonly oneToAll: Timing;
  /** Σ least costs over the pairs (to check against the engine). */
  readonly p2pCostSum: number;
  /** Σ least costs of the last source's tree. */
  readonly treeCheck: number;
}

/** Write `graph`, `pairs` and `sources` in reference.cpp's input format; returns the path. */
export function writeGraphFile(graph: ArcGraph, pairs: readonly [number, number][], sources: readonly number[], name: string): string {
  const m = graph.from.length;
  const bytes = 8 + 8 + m * 16 + 4 + pairs.length * 8 + 4 + sources.length * 4;
  const buf = Buffer.alloc(bytes);
  let at = buf.write('TCSPGRF1', 0, 'latin1');
  at = buf.writeUInt32LE(graph.vertexCount, at);
  at = buf.writeUInt32LE(m, at);
  Buffer.from(graph.from.buffer, graph.from.byteOffset, m * 4).copy(buf, at);
  at += m * 4;
  Buffer.from(graph.to.buffer, graph.to.byteOffset, m * 4).copy(buf, at);
  at += m * 4;
  Buffer.from(graph.weights.buffer, graph.weights.byteOffset, m * 8).copy(buf, at);
  at += m * 8;
  at = buf.writeUInt32LE(pairs.length, at);
  for (const [s, t] of pairs) {
    at = buf.writeInt32LE(s, at);
    at = buf.writeInt32LE(t, at);
  }
  at = buf.writeUInt32LE(sources.length, at);
  for (const s of sources) at = buf.writeInt32LE(s, at);
  const file = join(buildDir, `${name}.bin`);
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(file, buf);
  return file;
}

/**
 * Run the reference on a graph file: `samples` timed rounds (after one warm-up) over its `pairs`
 * pairs and `sources` sources; timings are divided into per-query and per-tree figures.
 */
export function runReference(file: string, samples: number, pairs: number, sources: number): ReferenceResult {
  const out = execFileSync(binary, [file, String(samples)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out) as { buildMs: number[]; p2pMs: number[]; oneToAllMs: number[]; p2pCostSum: number; treeCheck: number };
  return {
    build: summarise(r.buildMs),
    p2p: summarise(r.p2pMs.map((x) => x / pairs)),
    oneToAll: summarise(r.oneToAllMs.map((x) => x / sources)),
    p2pCostSum: r.p2pCostSum,
    treeCheck: r.treeCheck,
  };
}

/** Pool the samples of several runs (interleaved with the engine's, so machine load falls on both). */
export function poolReference(runs: readonly ReferenceResult[]): ReferenceResult {
  const pool = (f: (r: ReferenceResult) => Timing) => summarise(runs.flatMap((r) => f(r).values));
  return { build: pool((r) => r.build), p2p: pool((r) => r.p2p), oneToAll: pool((r) => r.oneToAll), p2pCostSum: runs[0]!.p2pCostSum, treeCheck: runs[0]!.treeCheck };
}
