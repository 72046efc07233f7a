// Checks of the Study the study functions are given (`runStudy`, `studyUnits`): a wrong value is an
// `InvalidArgumentError` naming it, never a TypeError from deep inside. They check the fields the
// functions read; the values come from `loadStudy` or `parseStudy`.
import { requireArray, requireShape } from '../../arguments.js';
import { InvalidArgumentError } from '../../errors.js';
import { requireNetwork } from '../../network/network.js';
import type { Study } from './load.js';

/** `value` if it holds what `studyUnits` reads: alternatives and trips (arrays), runs and blockRuns (whole numbers, blockRuns ≥ 1). */
export function requireStudyCounts(value: unknown, field = 'study'): Pick<Study, 'alternatives' | 'trips' | 'runs' | 'blockRuns'> {
  const s = requireShape<Pick<Study, 'alternatives' | 'trips' | 'runs' | 'blockRuns'>>(value, field, 'a Study from loadStudy or parseStudy', { alternatives: 'array', trips: 'array', runs: 'number', blockRuns: 'number' });
  if (!(Number.isSafeInteger(s.runs) && s.runs >= 0)) throw new InvalidArgumentError(`${field}.runs`, s.runs, 'a whole number of runs');
  if (!(Number.isSafeInteger(s.blockRuns) && s.blockRuns >= 1)) throw new InvalidArgumentError(`${field}.blockRuns`, s.blockRuns, 'a whole number of runs >= 1');
  return s;
}

/** `value` if it has the shape of a `Study` (from `loadStudy` or `parseStudy`). */
export function requireStudy(value: unknown, field = 'study'): Study {
  requireStudyCounts(value, field);
  const s = requireShape<Study>(value, field, 'a Study from loadStudy or parseStudy', { title: 'string', seed: 'number', digest: 'string', network: 'object' });
  requireNetwork(s.network, `${field}.network`);
  requireArray(s.trips, `${field}.trips`, 'the trips of a Study', (t, f) => requireShape(t, f, 'a study trip', { id: 'string', options: 'object' }));
  requireArray(s.alternatives, `${field}.alternatives`, 'the alternatives of a Study', (a, f) => requireShape(a, f, 'a study alternative', { id: 'string', measures: 'array', labels: 'array' }));
  return s;
}
