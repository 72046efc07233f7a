// Corridor choice: a multinomial logit over the corridor alternatives (Middle, Northern, Southern,
// sea) on generalized cost per TEU, U_j = ASC_j − λ · GC_j, P_j = exp U_j / Σ exp U_k (the form
// Nodus and the China Railway Express–sea studies use, with cost, time and reliability folded into
// GC by the values of time and reliability). λ is set from the literature's price elasticity at the
// reference alternative (ε = −λ · money_ref · (1 − P_ref)); the constants ASC_j are calibrated so the
// baseline reproduces the observed shares exactly. A package changes the alternatives' GC (each trip
// simulated before and after on common random numbers), hence the shares, the TEU diverted a year and
// the reference corridor's gain, with the range the parameters' ranges imply.
import { requireArray } from '../arguments.js';
import { InvalidArgumentError, InvalidTableError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import type { Measure } from '../measures/types.js';
import { requireNetwork, type Network } from '../network/network.js';
import { makeProblem } from '../network/validate.js';
import { simulate, type SimulationResult } from '../simulate/montecarlo.js';
import type { CostTables } from './cost-tables.js';
import { checkCorridorAlternatives, chinaEuropeCorridors } from './corridor-tables.js';
import type { CorridorAlternativeSpec, CorridorAlternativesSpec } from './corridor-types.js';
import { simulationCost } from './cost-distribution.js';
import { ECONOMIC_PARAMETERS } from './parameters.js';
import { tablesFor } from './route-cost.js';
import { numberOption, reliabilityOf, spreadHours, valueOfTime, type ReliabilityOptions, type ValueOfTimeOptions } from './value-of-time.js';

/** Options of `corridorChoice`. */
export interface CorridorChoiceOptions {
  /** The alternatives (default: `chinaEuropeCorridors()`). */
  readonly alternatives?: CorridorAlternativesSpec;
  /** The package whose effect on the shares is wanted ("after"); default none. */
  readonly measures?: readonly Measure[];
  /** Monte Carlo runs per alternative, before and after (default 2,000). */
  readonly runs?: number;
  /** Seed (default 1): the same for every alternative, before and after. */
  readonly seed?: number;
  readonly valueOfTime?: ValueOfTimeOptions;
  readonly reliability?: ReliabilityOptions;
  /** Elasticity of the reference alternative's share with respect to its money cost (default −1; range −1.5 to −0.5). */
  readonly priceElasticity?: number;
  /** Fit the constants to the observed shares (default true; every alternative with a route then needs `observedTeuPerYear`). */
  readonly calibrate?: boolean;
  /** TEU a year of the whole market, for diverted volumes (default: the observed volumes' sum). */
  readonly marketTeuPerYear?: number;
  readonly costs?: CostTables;
}

/** An alternative's generalized cost and share, before or after the package. */
export interface CorridorState {
  readonly meanHours: number;
  readonly p90Hours: number;
  readonly spreadHours: number;
  readonly moneyUsdPerTeu: number;
  readonly generalizedUsdPerTeu: number;
  readonly share: number;
  /** The route on expected times (node ids). */
  readonly nodes: readonly string[];
}

/** One alternative of the choice. */
export interface CorridorAlternativeResult {
  readonly id: string;
  readonly title: string;
  /** Its observed share of the market, when observed. */
  readonly observedShare?: number;
  /** Its alternative-specific constant. */
  readonly asc: number;
  /** `null` when it has no route (share 0). */
  readonly before: CorridorState | null;
  readonly after: CorridorState | null;
  /** after − before. */
  readonly shareChange: number;
  /** `shareChange × marketTeuPerYear`, when the market is known. */
  readonly divertedTeuPerYear: number | null;
  /** Own elasticities of its share at the baseline: with respect to its generalized cost, money, and transit time. */
  readonly elasticities: { readonly generalizedCost: number; readonly money: number; readonly time: number };
}

/** The result of `corridorChoice`. */
export interface CorridorChoice {
  readonly reference: string;
  /** λ, per USD of generalized cost per TEU. */
  readonly costCoefficientPerUsd: number;
  readonly priceElasticity: number;
  readonly calibrated: boolean;
  readonly valueOfTimeUsdPerTeuHour: number;
  readonly valueOfReliabilityUsdPerTeuHour: number;
  readonly marketTeuPerYear: number | null;
  readonly alternatives: readonly CorridorAlternativeResult[];
  /** The reference alternative's share before and after, the after share's range, and the TEU it gains a year. */
  readonly referenceShare: { readonly before: number; readonly after: number; readonly afterLow: number; readonly afterHigh: number };
  readonly referenceGainTeuPerYear: { readonly value: number; readonly low: number; readonly high: number } | null;
}

/** Multinomial logit shares of utilities (log-sum-exp stabilised); `-Infinity` utility gets 0. */
export function logitShares(utilities: readonly number[]): number[] {
  requireArray(utilities, 'utilities', 'an array of utilities (numbers or -Infinity)', (u, f) => {
    if (typeof u !== 'number' || Number.isNaN(u) || u === Infinity) throw new InvalidArgumentError(f, u, 'a finite number or -Infinity');
  });
  if (!utilities.some(Number.isFinite)) throw new InvalidArgumentError('utilities', utilities, 'at least one finite utility (shares of nothing are undefined)');
  const max = Math.max(...utilities.filter(Number.isFinite));
  const e = utilities.map((u) => (Number.isFinite(u) ? Math.exp(u - max) : 0));
  const sum = e.reduce((x, y) => x + y, 0);
  return e.map((x) => x / sum);
}

interface Simulated {
  readonly before: SimulationResult | null;
  readonly after: SimulationResult | null;
}

interface Evaluated {
  readonly money: number;
  readonly hours: number;
  readonly spread: number;
  readonly p90: number;
  readonly nodes: readonly string[];
}

function evaluate(network: Network, r: SimulationResult | null, costs: CostTables, spreadKind: 'p90-p50' | 'sd'): Evaluated | null {
  if (r === null) return null;
  return { money: simulationCost(network, r, { costs }).meanUsdPerTeu, hours: r.summary.meanHours, spread: spreadHours(r.summary, spreadKind), p90: r.summary.p90Hours, nodes: r.route.nodes };
}

/**
 * Corridor shares before and after a package, by a multinomial logit on generalized cost per TEU
 * (money + value of time × mean hours + value of reliability × spread, each alternative's trip
 * simulated with the same seed before and after). The cost coefficient λ makes the reference
 * alternative's money elasticity equal `priceElasticity` at its baseline share; with `calibrate`
 * (default) the constants reproduce the observed shares exactly at the baseline. Returns per
 * alternative its constant, states before and after (GC parts, share, route), share change, TEU
 * diverted a year and own elasticities; and the reference's share after with its range over the
 * corners of the varied parameters (price elasticity, value of time, reliability ratio). An
 * alternative without a route has share 0 (`null` states).
 */
export function corridorChoice(network: Network, options: CorridorChoiceOptions = {}): CorridorChoice {
  requireNetwork(network);
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const spec = options.alternatives ?? chinaEuropeCorridors();
  checkCorridorAlternatives(network, spec);
  const costs = tablesFor(network, options.costs !== undefined ? { costs: options.costs } : {});
  const runs = options.runs ?? 2000;
  const seed = options.seed ?? 1;
  const p = ECONOMIC_PARAMETERS;
  const elasticity = numberOption('priceElasticity', options.priceElasticity, p.priceElasticity.default, -20, -1e-6);
  const vot = valueOfTime(options.valueOfTime);
  const rel = reliabilityOf(options.reliability);
  const calibrate = options.calibrate ?? true;
  const measures = options.measures ?? [];
  const after = measures.length > 0 ? applyMeasures(network, measures) : network;

  const sims: Simulated[] = spec.alternatives.map((alt) => {
    const o = { origin: alt.origin, destination: alt.destination, profile: alt.profile, runs, seed, ...(alt.avoidCountries !== undefined ? { avoid: { countries: alt.avoidCountries } } : {}) };
    const before = simulate(network, o);
    return { before, after: measures.length > 0 ? simulate(after, o) : before };
  });
  const before = sims.map((s) => evaluate(network, s.before, costs, rel.spread));
  const afterStates = sims.map((s) => evaluate(after, s.after, costs, rel.spread));
  const refIndex = spec.alternatives.findIndex((a) => a.id === spec.reference);
  if (before[refIndex] === null) throw new InvalidArgumentError('alternatives.reference', spec.reference, 'a reference alternative with a route on the network');

  const observedTotal = spec.alternatives.reduce((t, a, j) => t + (before[j] !== null ? (a.observedTeuPerYear ?? 0) : 0), 0);
  if (calibrate) {
    spec.alternatives.forEach((a: CorridorAlternativeSpec, j) => {
      if (before[j] !== null && !(a.observedTeuPerYear !== undefined && a.observedTeuPerYear > 0)) {
        throw new InvalidTableError('corridors', [makeProblem('missing_field', ['alternatives', j, 'observedTeuPerYear'], a.observedTeuPerYear, 'an observed volume > 0 for every alternative with a route, to calibrate to (or calibrate: false)')]);
      }
    });
  }
  const observed = spec.alternatives.map((a, j) => (before[j] !== null && a.observedTeuPerYear !== undefined && observedTotal > 0 ? a.observedTeuPerYear / observedTotal : undefined));
  const market = options.marketTeuPerYear !== undefined ? numberOption('marketTeuPerYear', options.marketTeuPerYear, 0, 0, 1e12) : observedTotal > 0 ? observedTotal : null;

  const gc = (e: Evaluated | null, v: number, ratio: number): number => (e === null ? NaN : e.money + v * e.hours + ratio * v * e.spread);

  /** The model at one set of parameters: λ, constants, shares before and after. */
  const solve = (eps: number, v: number, ratio: number) => {
    const gcBefore = before.map((e) => gc(e, v, ratio));
    const gcAfter = afterStates.map((e) => gc(e, v, ratio));
    const moneyRef = before[refIndex]!.money;
    let asc = spec.alternatives.map(() => 0);
    let lambda: number;
    if (calibrate) {
      const sRef = observed[refIndex]!;
      lambda = -eps / (moneyRef * (1 - sRef));
      // Exact calibration: ASC_j − λ GC_j − (ASC_ref − λ GC_ref) = ln(S_j / S_ref), with ASC_ref = 0.
      asc = before.map((e, j) => (e === null ? 0 : Math.log(observed[j]! / sRef) + lambda * (gcBefore[j]! - gcBefore[refIndex]!)));
    } else {
      // λ depends on the reference's share, which depends on λ: a fixed point (a few steps suffice).
      lambda = -eps / moneyRef;
      for (let k = 0; k < 100; k++) {
        const pRef = logitShares(gcBefore.map((g) => (Number.isNaN(g) ? -Infinity : -lambda * g)))[refIndex]!;
        const next = -eps / (moneyRef * (1 - pRef));
        if (Math.abs(next - lambda) <= 1e-15 * lambda) break;
        lambda = next;
      }
    }
    const utility = (g: number, j: number): number => (Number.isNaN(g) ? -Infinity : asc[j]! - lambda * g);
    return {
      lambda,
      asc,
      gcBefore,
      gcAfter,
      sharesBefore: logitShares(gcBefore.map(utility)),
      sharesAfter: logitShares(gcAfter.map(utility)),
    };
  };

  const base = solve(elasticity, vot.usdPerTeuHour, rel.ratio);
  const corners: number[] = [];
  for (const eps of [elasticity, Math.min(elasticity, p.priceElasticity.min), Math.max(elasticity, p.priceElasticity.max)]) {
    for (const v of [vot.usdPerTeuHour, vot.range[0], vot.range[1]]) {
      for (const ratio of [rel.ratio, rel.range[0], rel.range[1]]) corners.push(solve(eps, v, ratio).sharesAfter[refIndex]!);
    }
  }

  const state = (e: Evaluated | null, g: number, share: number): CorridorState | null =>
    e === null ? null : { meanHours: e.hours, p90Hours: e.p90, spreadHours: e.spread, moneyUsdPerTeu: e.money, generalizedUsdPerTeu: g, share, nodes: e.nodes };
  const alternatives = spec.alternatives.map((alt, j): CorridorAlternativeResult => {
    const pj = base.sharesBefore[j]!;
    const e = before[j];
    const change = base.sharesAfter[j]! - pj;
    const own = (x: number): number => (e === null ? 0 : -base.lambda * x * (1 - pj));
    return {
      id: alt.id,
      title: alt.title,
      ...(observed[j] !== undefined ? { observedShare: observed[j] } : {}),
      asc: base.asc[j]!,
      before: state(e ?? null, base.gcBefore[j]!, pj),
      after: state(afterStates[j] ?? null, base.gcAfter[j]!, base.sharesAfter[j]!),
      shareChange: change,
      divertedTeuPerYear: market === null ? null : change * market,
      elasticities: {
        generalizedCost: own(base.gcBefore[j] ?? 0),
        money: own(e?.money ?? 0),
        time: own(vot.usdPerTeuHour * (e?.hours ?? 0)),
      },
    };
  });
  const refBefore = base.sharesBefore[refIndex]!;
  const refAfter = base.sharesAfter[refIndex]!;
  const low = Math.min(refAfter, ...corners);
  const high = Math.max(refAfter, ...corners);
  return {
    reference: spec.reference,
    costCoefficientPerUsd: base.lambda,
    priceElasticity: elasticity,
    calibrated: calibrate,
    valueOfTimeUsdPerTeuHour: vot.usdPerTeuHour,
    valueOfReliabilityUsdPerTeuHour: rel.ratio * vot.usdPerTeuHour,
    marketTeuPerYear: market,
    alternatives,
    referenceShare: { before: refBefore, after: refAfter, afterLow: low, afterHigh: high },
    referenceGainTeuPerYear: market === null ? null : { value: (refAfter - refBefore) * market, low: (low - refBefore) * market, high: (high - refBefore) * market },
  };
}
