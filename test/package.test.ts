// The built package as users get it: the `exports` map, both entry points (`transcaspian` and
// `transcaspian/engine`) as ESM and CJS, their types, the bin, and the packed tarball as publint and
// are-the-types-wrong judge it. `npm test` builds with tsup before vitest runs, so dist/ is fresh.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ENTRY_POINTS = ['.', './engine'] as const;

function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', cwd: process.cwd() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Run `code` in Node with `t` bound to `transcaspian` and `e` to `transcaspian/engine`, once imported
 * as ESM and once required as CJS, by the package's own name; expect no stderr and print `expected`.
 */
function expectInBothFormats(code: string, expected: string): void {
  const esm = node(['--input-type=module', '-e', `import * as t from 'transcaspian'; import * as e from 'transcaspian/engine'; ${code}`]);
  const cjs = node(['-e', `const t = require('transcaspian'); const e = require('transcaspian/engine'); ${code}`]);
  for (const [format, r] of [['ESM', esm], ['CJS', cjs]] as const) {
    expect(r.stderr, format).toBe('');
    expect(r.stdout.trim(), format).toBe(expected);
  }
}

// Each test starts Node processes (and worker threads) that load the built bundle: seconds on a busy
// machine, so the tests get a minute, like the packed package's, rather than vitest's default 5 s.
describe.runIf(existsSync('dist/index.js'))('built package', { timeout: 60_000 }, () => {
  it('package.json exports list types first and the files exist, for both entry points', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.sideEffects).toBe(false);
    for (const entry of ENTRY_POINTS) {
      const e = pkg.exports[entry];
      expect(Object.keys(e.import)[0], entry).toBe('types');
      expect(Object.keys(e.require)[0], entry).toBe('types');
      for (const f of [e.import.types, e.import.default, e.require.types, e.require.default]) expect(existsSync(f), f).toBe(true);
    }
    expect(existsSync(pkg.bin.transcaspian)).toBe(true);
  });

  it('imports as ESM and requires as CJS by its own name, and routes on the shipped data', () => {
    expectInBothFormats(
      "const r = t.fastestRoute(t.middleCorridor(), { origin: 'altynkol', destination: 'aktau', profile: 'container-rail' }); console.log(typeof t.parseNetwork, r.totalDays > 0);",
      'function true',
    );
  });

  it('transcaspian/engine imports as ESM and requires as CJS, and compiles and routes the shipped network', () => {
    const code =
      "const c = e.compile(t.middleCorridor(), 'container-rail');" +
      " const p = e.shortestPath(c.csr, c.graph.departures.get('altynkol'), c.graph.arrivals.get('aktau'), e.createWorkspace(c.csr));" +
      " const r = t.fastestRoute(t.middleCorridor(), { origin: 'altynkol', destination: 'aktau', profile: 'container-rail' });" +
      ' console.log(Math.abs(p.cost - r.totalHours) < 1e-9, "compile" in t, "fastestRoute" in e);';
    expectInBothFormats(code, 'true false false');
  });

  it('both entry points share one copy of the error classes, so an engine error is an instance of the class transcaspian exports', () => {
    // Without code splitting each entry bundles its own errors.ts and `instanceof` fails across them.
    const code = 'try { e.buildCsr(2, [0], [1], [-1]); } catch (err) { console.log(err instanceof t.InvalidArgumentError, err instanceof t.TranscaspianError, err.field); }';
    expectInBothFormats(code, 'true true weights[0]');
  });

  it('simulateParallel runs its workers from dist (ESM and CJS) with results equal to simulate', () => {
    const code =
      "const n = t.middleCorridor(); const o = { origin: 'altynkol', destination: 'aktau', profile: 'container-rail', runs: 9000, seed: 3 };" +
      ' t.simulateParallel(n, { ...o, threads: 2 }).then((r) => { const s = t.simulate(n, o);' +
      ' console.log(r.samples.every((x, i) => Object.is(x, s.samples[i])), r.summary.meanHours === s.summary.meanHours); });';
    expectInBothFormats(code, 'true true');
  });

  it('the bin runs from dist', () => {
    const r = node(['dist/cli.js', 'route', '--from', 'altynkol', '--to', 'aktau', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).origin).toBe('altynkol');
    expect(readFileSync('dist/cli.js', 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});

// The tarball `npm pack` makes, linted as published. Packed once with --ignore-scripts: the `prepare`
// script would rebuild dist/ (and tsup's `clean` empty it) while other tests read it, so this packs
// what `npm test` has just built, which is what `npm publish` would pack after its own `prepare`.
describe.runIf(existsSync('dist/index.js'))('packed package', () => {
  let dir = '';
  let tarball = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'transcaspian-pack-'));
    const r = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    tarball = join(dir, (JSON.parse(r.stdout) as { filename: string }[])[0]!.filename);
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('publint finds no error, warning or suggestion (warnings count as errors)', async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, level: 'suggestion', strict: true });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  }, 60_000);

  it('are-the-types-wrong resolves both entry points under node16 (CJS and ESM) and bundler with no problem', () => {
    const manifest = createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json');
    const cli = join(dirname(manifest), (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { attw: string } }).bin.attw);
    const r = spawnSync(process.execPath, [cli, tarball, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const { analysis } = JSON.parse(r.stdout) as {
      analysis: {
        problems: { kind: string; entrypoint?: string; resolutionKind?: string }[];
        entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
      };
    };
    // node10 (TypeScript's `moduleResolution: "node"`) ignores `exports`: the root resolves through
    // `main` and `types`, a subpath cannot. It is the only problem accepted (README, Design choices).
    const accepted = (p: { kind: string; entrypoint?: string; resolutionKind?: string }): boolean =>
      p.kind === 'NoResolution' && p.resolutionKind === 'node10' && p.entrypoint !== '.';
    expect(analysis.problems.filter((p) => !accepted(p))).toEqual([]);
    const expected: Record<string, Record<string, string>> = {
      '.': { node10: 'index.d.ts', 'node16-cjs': 'index.d.cts', 'node16-esm': 'index.d.ts', bundler: 'index.d.ts' },
      './engine': { 'node16-cjs': 'engine.d.cts', 'node16-esm': 'engine.d.ts', bundler: 'engine.d.ts' },
    };
    for (const [entry, modes] of Object.entries(expected)) {
      for (const [mode, file] of Object.entries(modes)) {
        expect(analysis.entrypoints[entry]?.resolutions[mode]?.resolution?.fileName, `${entry} ${mode}`).toBe(`/node_modules/transcaspian/dist/${file}`);
      }
    }
  }, 60_000);
});
