// The built package as users get it: the `exports` map, ESM and CJS entry points, types, the bin.
// `npm test` builds with tsup before vitest runs, so dist/ is fresh.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: process.cwd() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(existsSync('dist/index.js'))('built package', () => {
  it('package.json exports list types first and the files exist', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.sideEffects).toBe(false);
    expect(Object.keys(pkg.exports['.'].import)[0]).toBe('types');
    expect(Object.keys(pkg.exports['.'].require)[0]).toBe('types');
    for (const f of [pkg.exports['.'].import.types, pkg.exports['.'].import.default, pkg.exports['.'].require.types, pkg.exports['.'].require.default, pkg.bin.transcaspian]) {
      expect(existsSync(f), f).toBe(true);
    }
  });

  it('imports as ESM and requires as CJS by its own name, and routes on the shipped data', () => {
    const code = "const r = t.fastestRoute(t.middleCorridor(), { origin: 'altynkol', destination: 'aktau', profile: 'container-rail' }); console.log(typeof t.parseNetwork, r.totalDays > 0);";
    const esm = node(['--input-type=module', '-e', `import * as t from 'transcaspian'; ${code}`]);
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('function true');
    const cjs = node(['-e', `const t = require('transcaspian'); ${code}`]);
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout.trim()).toBe('function true');
  });

  it('simulateParallel runs its workers from dist (ESM and CJS) with results equal to simulate', () => {
    const code =
      "const n = t.middleCorridor(); const o = { origin: 'altynkol', destination: 'aktau', profile: 'container-rail', runs: 9000, seed: 3 };" +
      ' t.simulateParallel(n, { ...o, threads: 2 }).then((r) => { const s = t.simulate(n, o);' +
      ' console.log(r.samples.every((x, i) => Object.is(x, s.samples[i])), r.summary.meanHours === s.summary.meanHours); });';
    for (const args of [['--input-type=module', '-e', `import * as t from 'transcaspian'; ${code}`], ['-e', `const t = require('transcaspian'); ${code}`]]) {
      const r = node(args);
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe('true true');
    }
  });

  it('the bin runs from dist', () => {
    const r = node(['dist/cli.js', 'route', '--from', 'altynkol', '--to', 'aktau', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).origin).toBe('altynkol');
    expect(readFileSync('dist/cli.js', 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
