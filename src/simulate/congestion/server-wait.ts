// The wait for a free server at a stage with c parallel servers (tracks, bays, lines) fed by Poisson
// arrivals: M/G/c, Erlang C's probability of waiting with the Allen–Cunneen correction (1 + c_s²)/2
// for the service time's squared coefficient of variation — exact for c = 1 (Pollaczek–Khinchine),
// within a few per cent for c > 1 at these loads. The Monte Carlo draws Erlang C's form: no wait, or
// an exponential wait with the mean that makes the total right.

/** The modelled wait at a server. */
export interface ServerWait {
  /** Offered load ρ = λ E[S] / c. */
  readonly utilisation: number;
  /** Probability that a consignment joining the stage waits; null when ρ ≥ 1. */
  readonly probabilityOfWait: number | null;
  /** Mean wait of a consignment joining the stage (hours); null when ρ ≥ 1. */
  readonly meanWaitHours: number | null;
}

/** Erlang C: the probability that an arrival waits in M/M/c with offered load `a` = λ/μ Erlangs, a < c. */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  // Erlang B by its stable recursion, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/**
 * The wait at a stage with `servers` servers, consignments arriving at `perHour` (Poisson), service
 * `serviceHours` (its mean and second moment): Erlang C / (cμ − λ) · (1 + c_s²) / 2.
 */
export function poissonServerWait(servers: number, perHour: number, meanServiceHours: number, secondMomentHours2: number): ServerWait {
  const rho = (perHour * meanServiceHours) / servers;
  if (!(perHour > 0) || !(meanServiceHours > 0)) return { utilisation: 0, probabilityOfWait: 0, meanWaitHours: 0 };
  if (rho >= 1) return { utilisation: rho, probabilityOfWait: null, meanWaitHours: null };
  const p = erlangC(servers, perHour * meanServiceHours);
  const cs2 = secondMomentHours2 / (meanServiceHours * meanServiceHours) - 1;
  return { utilisation: rho, probabilityOfWait: p, meanWaitHours: ((p / (servers / meanServiceHours - perHour)) * (1 + cs2)) / 2 };
}
