// A point estimate with its interval: what comparisons (paired differences) and the queue model
// (means across replications) report.

/** A point estimate with a 95% interval. */
export interface Interval {
  readonly estimate: number;
  /** The interval's ends; `null` when there are too few runs (or replications) for one. */
  readonly low: number | null;
  readonly high: number | null;
}
