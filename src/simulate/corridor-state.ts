// The corridor state: one number per run and calendar month that makes a month bad or good for every
// correlated episode process at once (December 2024: Kuryk storm closures, the Dostyk/Altynkol
// acceptance restrictions and ferry repairs together). Month m of run r has the factor
// M = exp(σ z − σ²/2), z = Φ⁻¹ of the keyed draw ('corridor-state', run, m): lognormal with mean 1,
// so the expected number of episodes is what the data says, and only their co-occurrence changes.
import { exp } from './exp.js';
import { ElementStream, unitOf } from './random.js';
import { normalQuantile } from './sample.js';

// Module-local copies of imported functions (an imported binding can be a getter once transpiled).
const unit = unitOf;
const quantile = normalQuantile;
const expOf = exp;

/** The element key of the corridor state's draws. */
export const CORRIDOR_STATE_KEY = 'corridor-state';

/** The corridor-state factors of a simulation: `factor(mixedRun, month)`; 1 everywhere when `sigma` is 0. */
export class CorridorState {
  readonly seed: number;
  readonly sigma: number;
  private readonly stream: ElementStream;
  private readonly shift: number;
  constructor(seed: number, sigma: number) {
    this.seed = seed;
    this.sigma = sigma;
    this.stream = new ElementStream(seed, CORRIDOR_STATE_KEY);
    this.shift = (sigma * sigma) / 2;
  }

  /** The factor M of absolute month `month` for the run whose `mixRun` value is `mixedRun`. */
  factor(mixedRun: number, month: number): number {
    if (this.sigma === 0) return 1;
    return expOf(this.sigma * quantile(unit(this.stream.drawKey(month), mixedRun)) - this.shift);
  }
}
