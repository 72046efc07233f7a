// Checks of the parts the study functions are given (`mergeStudyParts`, `studyPartJson`): a wrong
// value is an `InvalidArgumentError` naming it, never a TypeError from deep inside. The values come
// from `runStudy` or `parseStudyPart`.
import { requireArray, requireShape } from '../../arguments.js';
import type { StudyPart } from './run.js';

/** `value` if it has the shape of a `StudyPart` (from `runStudy` or `parseStudyPart`). */
export function requireStudyPart(value: unknown, field = 'part'): StudyPart {
  const expected = 'a StudyPart from runStudy or parseStudyPart';
  const p = requireShape<StudyPart>(value, field, expected, { digest: 'string', shard: 'object', unitCount: 'number', study: 'object', units: 'array' });
  requireShape(p.shard, `${field}.shard`, expected, { index: 'number', count: 'number' });
  requireArray(p.units, `${field}.units`, expected, (u, f) => {
    const unit = requireShape<StudyPart['units'][number]>(u, f, 'a unit output of a StudyPart', { unit: 'object', samples: 'samples', blocks: 'array', routes: 'object' });
    requireShape(unit.unit, `${f}.unit`, 'a study unit', { index: 'number', alternative: 'number', trip: 'number', fromRun: 'number', toRun: 'number' });
  });
  return p;
}
