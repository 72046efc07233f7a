// Rebuilding a measure from its JSON recipe `{ kind, options }` (scenario files, `measure.definition`).
import { InvalidMeasureError } from '../errors.js';
import { addLink } from './add-link.js';
import { patchFigures } from './patch-figures.js';
import { adjustLink } from './adjust-link.js';
import { adjustStage } from './adjust-stage.js';
import { closeLink } from './close-link.js';
import { improvePortCustoms } from './improve-port-customs.js';
import { installScanners } from './install-scanners.js';
import { replaceBridges } from './replace-bridges.js';
import { streamlineCustoms } from './streamline-customs.js';
import type { Measure, MeasureDefinition, MeasureKind } from './types.js';

/** Every measure kind, in the order of DESIGN §5. */
export const MEASURE_KINDS: readonly MeasureKind[] = Object.freeze([
  'streamline-customs',
  'install-scanners',
  'replace-bridges',
  'improve-port-customs',
  'adjust-stage',
  'adjust-link',
  'close-link',
  'add-link',
  'patch-figures',
]);

/**
 * Build a measure from a recipe `{ kind, options }`, e.g. a scenario file's entry or another
 * measure's `definition` (which rebuilds an equal measure). Throws `InvalidMeasureError` for an
 * unknown kind (field `kind`) or bad options.
 */
export function createMeasure(definition: MeasureDefinition): Measure {
  const d = definition as { kind?: unknown; options?: unknown } | null;
  if (typeof d !== 'object' || d === null) throw new InvalidMeasureError('createMeasure', 'definition', definition, 'an object { kind, options }');
  const options = d.options as never;
  switch (d.kind) {
    case 'streamline-customs':
      return streamlineCustoms(options);
    case 'install-scanners':
      return installScanners(options);
    case 'replace-bridges':
      return replaceBridges(options);
    case 'improve-port-customs':
      return improvePortCustoms(options);
    case 'adjust-stage':
      return adjustStage(options);
    case 'adjust-link':
      return adjustLink(options);
    case 'close-link':
      return closeLink(options);
    case 'add-link':
      return addLink(options);
    case 'patch-figures':
      return patchFigures(options);
    default:
      throw new InvalidMeasureError('createMeasure', 'kind', d.kind, `one of ${MEASURE_KINDS.join(', ')}`);
  }
}
