// The README is the API reference: every runtime export of the two built entry points has a `###`
// heading that names it, `transcaspian/engine`'s under "Engine" and `transcaspian`'s in the other API
// sections; and every function or constant a heading names is still exported by its entry point.
// The exports are listed by Node itself, importing and requiring the package by name, as users do.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The runtime export names of a package specifier, as ESM and as CJS (sorted). */
function exportsOf(specifier: string): { esm: string[]; cjs: string[] } {
  const list = (args: string[]): string[] => {
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as string[]).sort();
  };
  const s = JSON.stringify(specifier);
  return {
    esm: list(['--input-type=module', '-e', `import * as m from ${s}; console.log(JSON.stringify(Object.keys(m)))`]),
    cjs: list(['-e', `console.log(JSON.stringify(Object.keys(require(${s})).filter((k) => k !== '__esModule')))`]),
  };
}

interface Section {
  readonly title: string;
  /** The `###` headings of the section, without the hashes. */
  readonly headings: readonly string[];
}

/** The README's `##` sections with their `###` headings (fenced code skipped). */
function sections(markdown: string): Section[] {
  const out: { title: string; headings: string[] }[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    if (line.startsWith('## ')) out.push({ title: line.slice(3).trim(), headings: [] });
    else if (line.startsWith('### ') && out.length > 0) out[out.length - 1]!.headings.push(line.slice(4).trim());
  }
  return out;
}

/** The identifiers a heading names: each code span's leading identifier (`compile(network, …)` → `compile`). */
function named(heading: string): string[] {
  return [...heading.matchAll(/`([A-Za-z_$][\w$]*)[^`]*`/g)].map((m) => m[1]!);
}

/** Does a heading's code span read as a function signature or a constant (not a type or a field)? */
function signatures(heading: string): string[] {
  return [...heading.matchAll(/`([A-Za-z_$][\w$]*)(\(|`)/g)].filter((m) => m[2] === '(' || /^[A-Z][A-Z0-9_]+$/.test(m[1]!) || /^new$/.test(m[1]!)).map((m) => m[1]!);
}

const ENGINE_SECTION = 'Engine';
/** The API reference runs from "Networks" up to "Command line". */
function apiSections(all: readonly Section[]): Section[] {
  const start = all.findIndex((s) => s.title === 'Networks');
  const end = all.findIndex((s) => s.title === 'Command line');
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return all.slice(start, end);
}

describe.runIf(existsSync('dist/index.js') && existsSync('dist/engine.js'))('README documents every runtime export', () => {
  const readme = readFileSync('README.md', 'utf8');
  const api = apiSections(sections(readme));
  const engineSection = api.find((s) => s.title === ENGINE_SECTION);
  const planner = api.filter((s) => s.title !== ENGINE_SECTION);
  const main = exportsOf('transcaspian');
  const engine = exportsOf('transcaspian/engine');

  it('both entry points export the same names as ESM and as CJS, and no name from both', () => {
    expect(main.cjs).toEqual(main.esm);
    expect(engine.cjs).toEqual(engine.esm);
    expect(main.esm.filter((k) => engine.esm.includes(k))).toEqual([]);
    expect(engineSection?.headings.length).toBeGreaterThan(0);
  });

  it('every export of transcaspian has a ### heading naming it in a planner section of the API reference', () => {
    const documented = new Set(planner.flatMap((s) => s.headings.flatMap(named)));
    expect(main.esm.filter((k) => !documented.has(k)).map((k) => `transcaspian: ${k}`)).toEqual([]);
  });

  it('every export of transcaspian/engine has a ### heading naming it under "Engine"', () => {
    const documented = new Set((engineSection?.headings ?? []).flatMap(named));
    expect(engine.esm.filter((k) => !documented.has(k)).map((k) => `transcaspian/engine: ${k}`)).toEqual([]);
  });

  it('every function or constant a heading names is exported by the entry point of its section', () => {
    const stale = [
      ...planner.flatMap((s) => s.headings.flatMap(signatures).filter((k) => !main.esm.includes(k)).map((k) => `${s.title}: ${k}`)),
      ...(engineSection?.headings ?? []).flatMap(signatures).filter((k) => !engine.esm.includes(k)).map((k) => `${ENGINE_SECTION}: ${k}`),
    ];
    expect(stale).toEqual([]);
  });
});
