// Every script in examples/ runs, using only the public API, and prints something: examples cannot rot.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const examples = readdirSync('examples').filter((f) => /^\d\d-.*\.ts$/.test(f)).sort();

describe('examples', () => {
  it('there are numbered examples', () => expect(examples.length).toBeGreaterThanOrEqual(5));
  for (const file of examples) {
    it(`examples/${file} runs and uses only the public API`, () => {
      const source = readFileSync(`examples/${file}`, 'utf8');
      for (const m of source.matchAll(/from '([^']+)'/g)) expect(['transcaspian', 'transcaspian/engine', 'node:fs', 'node:path']).toContain(m[1]);
      const r = spawnSync(process.execPath, [tsx, `examples/${file}`], { encoding: 'utf8', timeout: 120_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trim().length).toBeGreaterThan(0);
    }, 130_000);
  }
});
