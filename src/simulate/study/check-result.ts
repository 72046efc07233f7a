// Checks of the result the study tables and report are given (`studyText`, `studyJson`,
// `studyCsv`, `renderStudyReport`): a wrong value is an `InvalidArgumentError` naming it, never a
// TypeError from deep inside a renderer. The values come from `mergeStudyParts`.
import { requireArray, requireShape } from '../../arguments.js';
import { requireSimulation } from '../check-results.js';
import type { StudyResult } from './merge.js';

/** `value` if it has the shape of a `StudyResult` (from `mergeStudyParts`). */
export function requireStudyResult(value: unknown, field = 'result'): StudyResult {
  const expected = 'a StudyResult from mergeStudyParts';
  const r = requireShape<StudyResult>(value, field, expected, { study: 'object', digest: 'string', trips: 'array' });
  requireShape(r.study, `${field}.study`, expected, { title: 'string', runs: 'number', seed: 'number', trips: 'array', alternatives: 'array', names: 'object' });
  requireArray(r.trips, `${field}.trips`, expected, (t, f) => {
    const trip = requireShape<StudyResult['trips'][number]>(t, f, 'a trip of a StudyResult', { id: 'string', origin: 'string', destination: 'string', profile: 'string', alternatives: 'array' });
    requireArray(trip.alternatives, `${f}.alternatives`, expected, (a, g) => {
      const alt = requireShape<StudyResult['trips'][number]['alternatives'][number]>(a, g, 'an alternative of a StudyResult', { id: 'string', measures: 'array' });
      if (alt.result !== null) requireSimulation(alt.result, `${g}.result`);
    });
  });
  return r;
}
