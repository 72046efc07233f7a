// A linear scale with nice ticks (d3-array's `ticks` and `nice`), enough for the report's charts
// without pulling in d3-scale.
import { nice, ticks } from 'd3-array';

/** A linear map from a domain to a range, with its ticks. */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  ticks(count: number): number[];
}

/**
 * A linear scale from `domain` to `range`. With `niceDomain`, the domain is widened to round tick
 * values. A zero-width domain is widened by one unit each side so the scale stays defined.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number], niceDomain = true, tickHint = 8): LinearScale {
  let [d0, d1] = domain;
  if (!(Number.isFinite(d0) && Number.isFinite(d1))) [d0, d1] = [0, 1];
  if (d0 === d1) [d0, d1] = [d0 - 1, d1 + 1];
  if (niceDomain) [d0, d1] = nice(d0, d1, tickHint);
  const [r0, r1] = range;
  const k = (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as LinearScale;
  Object.defineProperties(scale, {
    domain: { value: [d0, d1] as const },
    range: { value: [r0, r1] as const },
    ticks: { value: (count: number) => ticks(d0, d1, count) },
  });
  return scale;
}
