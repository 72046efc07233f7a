// Issue 5: long runs show progress on stderr when it is a terminal, and nothing when it is not.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../src/cli/run.js';
import { toySpec } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'transcaspian-progress-'));
const network = join(dir, 'toy.json');
writeFileSync(network, JSON.stringify(toySpec()));
const measures = join(dir, 'measures.json');
writeFileSync(
  measures,
  JSON.stringify([
    { kind: 'adjust-stage', options: { id: 'customs', node: 'b', kind: 'customs', durationFactor: 0.5 } },
    { kind: 'adjust-stage', options: { id: 'gauge', node: 'b', kind: 'gauge-change', durationFactor: 0.5 } },
  ]),
);
const args = ['report', '--network', network, '--from', 'a', '--to', 'z', '--measures', measures, '--runs', '200', '--out', join(dir, 'r.html')];
const wasTTY = process.stderr.isTTY;

function runWithTTY(isTTY: boolean): string {
  Object.defineProperty(process.stderr, 'isTTY', { value: isTTY, configurable: true });
  const written: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    expect(run(args, { out: () => {}, err: () => {} })).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return written.join('');
}

describe('report progress', () => {
  afterEach(() => Object.defineProperty(process.stderr, 'isTTY', { value: wasTTY, configurable: true }));

  it('on a terminal, stderr shows the comparison and each of the 2^n measure subsets', () => {
    const text = runWithTTY(true);
    expect(text).toContain('before/after comparison');
    for (let k = 1; k <= 4; k++) expect(text).toContain(`measure subset ${k}/4`);
  });

  it('when stderr is not a terminal, nothing is written to it', () => {
    expect(runWithTTY(false)).toBe('');
  });
});
