// Generates data/surveys/synthetic-kazakhstan-2026.csv: a SYNTHETIC time survey (not measured data)
// drawn from known parameters, so that a test can check that `fitSurvey` recovers them. Seeded with
// the library's counter-based streams: the same file on every run.
// Run: npx tsx test/synthetic-survey.ts
import { writeFileSync } from 'node:fs';
import { quantileOf } from '../src/simulate/sample.js';
import { ElementStream } from '../src/simulate/random.js';
import type { Distribution } from '../src/network/types.js';

/** The known parameters: place, stage, country, how many records and the distribution drawn from. */
export const SYNTHETIC_PARAMETERS: readonly { readonly node: string; readonly stage: string; readonly country: string; readonly n: number; readonly durationHours: Distribution }[] = [
  { node: 'dostyk', stage: 'kz-customs-block', country: 'KZ', n: 160, durationHours: { type: 'lognormal', median: 0.9, p90: 2.4 } },
  { node: 'altynkol', stage: 'kz-customs-block', country: 'KZ', n: 140, durationHours: { type: 'lognormal', median: 1.1, p90: 3 } },
  { node: 'aktau', stage: 'kz-port-customs', country: 'KZ', n: 120, durationHours: { type: 'lognormal', median: 2.5, p90: 7.5 } },
  // Not lognormal: the fit should say so and keep the observed values.
  { node: 'dostyk', stage: 'kz-inspection-block', country: 'KZ', n: 80, durationHours: { type: 'uniform', min: 1, max: 8 } },
  // Too few records to fit.
  { node: 'korday', stage: 'kz-customs', country: 'KZ', n: 4, durationHours: { type: 'lognormal', median: 0.75, p90: 2 } },
];

/** The survey window: two weeks from this time, as Time Release Studies usually run. */
const FIRST = Date.parse('2026-03-02T00:00:00Z');
const WINDOW_MS = 14 * 24 * 3_600_000;
const SEED = 2026;

/** The synthetic survey as CSV (header, then one record per consignment and stage). */
export function syntheticSurveyCsv(): string {
  const lines = ['consignment,country,node,stage,start,end'];
  let k = 0;
  for (const p of SYNTHETIC_PARAMETERS) {
    const stream = new ElementStream(SEED, `synthetic-survey|${p.node}|${p.stage}`);
    for (let i = 0; i < p.n; i++) {
      const hours = quantileOf(p.durationHours, stream.uniform(i, 0));
      const start = FIRST + Math.floor(stream.uniform(i, 1) * WINDOW_MS / 1000) * 1000;
      const end = start + Math.round(hours * 3600) * 1000;
      const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
      lines.push(`SYN-${String(++k).padStart(4, '0')},${p.country},${p.node},${p.stage},${iso(start)},${iso(end)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../data/surveys/synthetic-kazakhstan-2026.csv', import.meta.url), syntheticSurveyCsv());
  console.log('wrote data/surveys/synthetic-kazakhstan-2026.csv');
}
