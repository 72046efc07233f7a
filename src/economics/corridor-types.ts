// The corridor alternatives document (`data/corridors.json`): the routes China–Europe freight chooses
// among (Middle, Northern, Southern, sea), each as a trip on the network, with the volume each carried
// (for calibrating the choice model to observed shares) and its source.
import type { ProvenanceSpec, SourceSpec } from '../network/types.js';

/** One alternative: a trip from the origin region to the corridor's European gateway. */
export interface CorridorAlternativeSpec {
  readonly id: string;
  readonly title: string;
  readonly origin: string;
  readonly destination: string;
  readonly profile: string;
  /** Countries the trip avoids (what makes it this corridor). */
  readonly avoidCountries?: readonly string[];
  /** TEU a year it carried (both directions), for calibration; omitted: not observed. */
  readonly observedTeuPerYear?: number;
  readonly source?: ProvenanceSpec;
  readonly notes?: string;
}

/** A corridor alternatives document (`transcaspian/corridors@1`). */
export interface CorridorAlternativesSpec {
  readonly $schema?: string;
  readonly format: 'transcaspian/corridors@1';
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** The year the observed volumes describe. */
  readonly year: number;
  /** The alternative whose share a package is judged by (the Middle Corridor), and whose money elasticity sets the cost coefficient. */
  readonly reference: string;
  readonly sources?: readonly SourceSpec[];
  readonly alternatives: readonly CorridorAlternativeSpec[];
}
