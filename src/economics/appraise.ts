// Appraisal of a package of measures in money, as a development bank reads it: the annual benefit at
// a volume (hours saved × consignments × value of time, plus the value of the narrower spread, plus
// any change in what shippers pay), split among the measures by Shapley values, and — given the
// investment and running costs — NPV, benefit–cost ratio and EIRR over the horizon. Every figure
// comes with the range its parameters' plausible ranges imply (the corners of the box of varied
// parameters; each figure is monotone in each of them), and the Monte Carlo interval of the hours
// saved is shown beside it.
import { InvalidArgumentError } from '../errors.js';
import { applyMeasures } from '../measures/apply.js';
import type { Network } from '../network/network.js';
import { resolveProfile } from '../network/network.js';
import type { ProfileSpec } from '../network/types.js';
import type { Route } from '../route/fastest.js';
import type { Interval } from '../simulate/compare.js';
import { referenceVolume } from '../simulate/flow/demand.js';
import { requireScenario } from '../simulate/check-results.js';
import type { Scenario } from '../simulate/scenario.js';
import { shapleyValues } from '../stats/shapley.js';
import type { Summary } from '../stats/summary.js';
import type { CostTables } from './cost-tables.js';
import { simulationCost } from './cost-distribution.js';
import { benefitCostRatio, cashFlows, internalRateOfReturn, presentValue } from './discounting.js';
import type { EmissionTables } from './emission-tables.js';
import { ECONOMIC_PARAMETERS } from './parameters.js';
import { assembleCost, hourlyRate, pathCostItems, tablesFor } from './route-cost.js';
import { emissionTablesFor, pathEmissionItems, assembleEmissions } from './route-emissions.js';
import { numberOption, reliabilityOf, spreadHours, valueOfTime, type ReliabilityOptions, type SpreadMeasure, type ValueOfTime, type ValueOfTimeOptions } from './value-of-time.js';

/** What the package costs: spent once (year 0) and every year of the horizon. */
export interface PackageCosts {
  /** USD, year 0. */
  readonly investmentUsd: number;
  /** USD a year, years 1 … `years` (default 0). */
  readonly runningUsdPerYear?: number;
}

/** Options of `appraise`. Every number has a default and a plausible range (`ECONOMIC_PARAMETERS`). */
export interface AppraisalOptions {
  /**
   * TEU a year that gain the trip's savings (default: the network's reference volume, its document's
   * `traffic.teuPerYear`: 66,300 TEU in 2025 on the shipped network; required when it declares none).
   */
  readonly volumeTeuPerYear?: number;
  readonly valueOfTime?: ValueOfTimeOptions;
  readonly reliability?: ReliabilityOptions;
  /** Years of benefits (default 20). */
  readonly years?: number;
  /** Real discount rate (default 0.09). */
  readonly discountRate?: number;
  /** Volume growth a year (default 0). */
  readonly volumeGrowthPerYear?: number;
  /** The package's investment and running costs: without them there is no NPV, BCR or EIRR. */
  readonly costs?: PackageCosts;
  /** Cost and emission tables (default: the shipped ones). */
  readonly tables?: { readonly costs?: CostTables; readonly emissions?: EmissionTables };
}

/** A figure with the range its parameters' ranges imply. */
export interface Ranged {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/** A figure that may not exist (a BCR without costs, an EIRR without a root), with its range. */
export interface MaybeRanged {
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** The benefit a year, in its three parts. */
export interface AnnualBenefit {
  /** Hours saved × volume × value of time. */
  readonly timeUsd: number;
  /** Spread narrowed × volume × value of reliability. */
  readonly reliabilityUsd: number;
  /** What shippers pay less (tariffs, charges, charges per hour) × volume. */
  readonly moneyUsd: number;
  readonly totalUsd: number;
}

/** One measure's share of the annual benefit (Shapley values in money). */
export interface MeasureBenefit extends AnnualBenefit {
  readonly id: string;
  readonly title: string;
}

/** The result of `appraise`. */
export interface Appraisal {
  readonly volumeTeuPerYear: number;
  readonly years: number;
  readonly discountRate: number;
  readonly volumeGrowthPerYear: number;
  readonly valueOfTime: ValueOfTime;
  readonly reliability: { readonly ratio: number; readonly spread: SpreadMeasure; readonly usdPerTeuHour: number };
  /** Per TEU: hours saved (mean), spread narrowed, money saved (before − after; positive is a saving). */
  readonly perTeu: { readonly hoursSaved: number; readonly spreadHoursSaved: number; readonly moneySavedUsd: number; readonly benefitUsd: number };
  /** The first year's benefit (volume × per-TEU benefit). */
  readonly annualBenefit: AnnualBenefit;
  /** The first year's total with the range of the varied parameters (value of time by its daily share, reliability ratio). */
  readonly annualBenefitRange: Ranged;
  /**
   * The simulation's error beside the parameters' range: the 95% interval of the mean hours saved and
   * the time benefit at its ends; with the `p90-p50` spread, a conservative interval of the spread
   * saved (the p90 and p50 differences' bootstrap intervals combined at their worst) and the annual
   * benefit at the ends of both. The spread, a difference of quantiles, is the noisier part.
   */
  readonly monteCarlo: {
    readonly hoursSaved: Interval;
    readonly timeBenefitUsd: Interval;
    readonly spreadHoursSaved: Interval | null;
    readonly annualBenefitUsd: Interval | null;
  };
  /** The Shapley split in money, when the scenario has an attribution. */
  readonly byMeasure?: readonly MeasureBenefit[];
  /** Money per TEU before and after (mean of the runs). */
  readonly money: { readonly beforeUsdPerTeu: number; readonly afterUsdPerTeu: number };
  /** Well-to-wheel CO2e per TEU before and after, and the change a year at the volume. */
  readonly emissions: {
    readonly beforeKgCo2ePerTeu: number;
    readonly afterKgCo2ePerTeu: number;
    readonly changeTonnesPerYear: number;
    /** Why the figure is what it is, in a sentence (e.g. that a package that shortens waits changes nothing). */
    readonly note: string;
  };
  /** With `costs`: present values, NPV, BCR and EIRR, each with its range. */
  readonly investment?: {
    readonly investmentUsd: number;
    readonly runningUsdPerYear: number;
    readonly presentValueBenefitsUsd: number;
    readonly presentValueCostsUsd: number;
    readonly npvUsd: Ranged;
    readonly benefitCostRatio: MaybeRanged;
    readonly eirr: MaybeRanged;
  };
  /** The parameters varied for the ranges, each with the value used and its range. */
  readonly parameters: readonly { readonly name: string; readonly value: number; readonly low: number; readonly high: number }[];
}

function money(network: Network, route: Route, summary: Summary, profile: ProfileSpec, tables: CostTables): number {
  // Charges per hour follow the mean of the runs; the mean hours per country do not matter for the total.
  const cost = assembleCost(profile, pathCostItems(network, route.links, profile, tables), hourlyRate(profile, tables), [{ country: '', hours: summary.meanHours }]);
  return cost.usdPerTeu;
}

interface Corner {
  /** Value of time, USD per TEU-hour. */
  readonly vot: number;
  readonly ratio: number;
  readonly rate: number;
  readonly growth: number;
}

/**
 * Appraise a scenario's package in money. The annual benefit at `volumeTeuPerYear` is the mean hours
 * saved per consignment × value of time per TEU-hour × TEU a year, plus the spread saved (p90 − p50 by
 * default) × value of reliability × TEU a year, plus the money per TEU saved × TEU a year (tariffs
 * change when the route does; charges per hour follow the time). With an attribution, the benefit is
 * split among the measures by exact Shapley values over the same subsets (each subset's money
 * computed on its own network). With `costs`, the flows are −investment in year 0 and benefit ×
 * (1 + growth)^(t−1) − running cost in years 1 … `years`, discounted at `discountRate`: NPV, BCR
 * (present benefits ÷ present costs) and EIRR (the rate at which NPV is 0). Ranges: every combination
 * of the ends of the varied parameters' ranges (the value of time's, from its daily share; the
 * reliability ratio; the discount rate; volume growth; each including the value used), min and max. Throws `InvalidArgumentError` naming
 * a bad option, or when the scenario has no comparison (no route).
 */
export function appraise(scenario: Scenario, options: AppraisalOptions = {}): Appraisal {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  requireScenario(scenario);
  const c = scenario.comparison;
  if (c === null || c === undefined) throw new InvalidArgumentError('scenario.comparison', c, 'a scenario with a route before and after (runScenario found none)');
  const p = ECONOMIC_PARAMETERS;
  const reference = referenceVolume(scenario.network)?.teuPerYear;
  if (options.volumeTeuPerYear === undefined && reference === undefined) {
    throw new InvalidArgumentError('volumeTeuPerYear', undefined, `a number of TEU a year: network ${scenario.network.id} declares no traffic to take its reference volume from`);
  }
  const volume = numberOption('volumeTeuPerYear', options.volumeTeuPerYear, reference ?? 0, 0, 1e9);
  const years = options.years ?? p.years.default;
  if (!Number.isInteger(years) || years < 1 || years > 100) throw new InvalidArgumentError('years', years, 'an integer from 1 to 100');
  const rate = numberOption('discountRate', options.discountRate, p.discountRate.default, 0, 1);
  const growth = numberOption('volumeGrowthPerYear', options.volumeGrowthPerYear, p.volumeGrowthPerYear.default, -0.5, 1);
  const vot = valueOfTime(options.valueOfTime);
  const rel = reliabilityOf(options.reliability);
  const costs = options.costs;
  if (costs !== undefined) {
    if (typeof costs !== 'object' || costs === null) throw new InvalidArgumentError('costs', costs, 'an object { investmentUsd, runningUsdPerYear? }');
    numberOption('costs.investmentUsd', costs.investmentUsd, 0, 0, 1e15);
    if (costs.investmentUsd === undefined) throw new InvalidArgumentError('costs.investmentUsd', undefined, 'a number of USD >= 0');
    numberOption('costs.runningUsdPerYear', costs.runningUsdPerYear, 0, 0, 1e15);
  }

  const network = scenario.network;
  const profile = resolveProfile(network, scenario.options.profile);
  const costTables = tablesFor(network, { ...(options.tables?.costs !== undefined ? { costs: options.tables.costs } : {}) });
  const emissionTables = emissionTablesFor(network, { ...(options.tables?.emissions !== undefined ? { emissions: options.tables.emissions } : {}) });
  const after = scenario.measures.length > 0 ? applyMeasures(network, scenario.measures) : network;

  // Per TEU: the three savings, before − after.
  const b = c.before.summary;
  const a = c.after.summary;
  const hoursSaved = b.meanHours - a.meanHours;
  const spreadSaved = spreadHours(b, rel.spread) - spreadHours(a, rel.spread);
  const moneyBefore = simulationCost(network, c.before, { costs: costTables, profile }).meanUsdPerTeu;
  const moneyAfter = simulationCost(after, c.after, { costs: costTables, profile }).meanUsdPerTeu;
  const moneySaved = moneyBefore - moneyAfter;

  const perTeuBenefit = (v: number, ratio: number): number => hoursSaved * v + spreadSaved * ratio * v + moneySaved;
  const annualBenefit: AnnualBenefit = {
    timeUsd: hoursSaved * vot.usdPerTeuHour * volume,
    reliabilityUsd: spreadSaved * rel.ratio * vot.usdPerTeuHour * volume,
    moneyUsd: moneySaved * volume,
    totalUsd: perTeuBenefit(vot.usdPerTeuHour, rel.ratio) * volume,
  };

  // The corners of the varied parameters' box.
  const vots = [vot.usdPerTeuHour, vot.range[0], vot.range[1]];
  const ratios = [rel.ratio, rel.range[0], rel.range[1]];
  const rates = [rate, Math.min(rate, p.discountRate.min), Math.max(rate, p.discountRate.max)];
  const growths = [growth, Math.min(growth, p.volumeGrowthPerYear.min), Math.max(growth, p.volumeGrowthPerYear.max)];
  const corners: Corner[] = [];
  for (const v of vots) for (const ratio of ratios) for (const r of rates) for (const g of growths) corners.push({ vot: v, ratio, rate: r, growth: g });
  const ranged = (f: (k: Corner) => number): Ranged => {
    const values = corners.map(f);
    return { value: f(corners[0]!), low: Math.min(...values), high: Math.max(...values) };
  };
  const maybeRanged = (f: (k: Corner) => number | null): MaybeRanged => {
    const values = corners.map(f).filter((x): x is number => x !== null);
    return { value: f(corners[0]!), low: values.length > 0 ? Math.min(...values) : null, high: values.length > 0 ? Math.max(...values) : null };
  };
  const annualBenefitRange = ranged((k) => perTeuBenefit(k.vot, k.ratio) * volume);

  const d = c.difference.meanHours;
  const votHour = vot.usdPerTeuHour;
  const d90 = c.difference.p90Hours;
  const d50 = c.difference.p50Hours;
  // An end is null when the simulation has too few runs to bound it; a sum with a null end is null.
  const lin = (x: number | null, y: number | null, f: (x: number, y: number) => number): number | null => (x === null || y === null ? null : f(x, y));
  // Spread saved = −(Δp90 − Δp50); its ends combine the two intervals at their worst.
  const spreadInterval =
    rel.spread === 'p90-p50'
      ? { estimate: spreadSaved, low: lin(d90.high, d50.low, (h, l) => -(h - l)), high: lin(d90.low, d50.high, (l, h) => -(l - h)) }
      : null;
  const vor = rel.ratio * votHour;
  const neg = (x: number | null, k: number): number | null => (x === null ? null : -x * k);
  const monteCarlo = {
    hoursSaved: { estimate: -d.estimate, low: neg(d.high, 1), high: neg(d.low, 1) },
    timeBenefitUsd: { estimate: -d.estimate * votHour * volume, low: neg(d.high, votHour * volume), high: neg(d.low, votHour * volume) },
    spreadHoursSaved: spreadInterval,
    annualBenefitUsd:
      spreadInterval === null
        ? null
        : {
            estimate: annualBenefit.totalUsd,
            low: lin(d.high, spreadInterval.low, (h, s) => (-h * votHour + s * vor + moneySaved) * volume),
            high: lin(d.low, spreadInterval.high, (l, s) => (-l * votHour + s * vor + moneySaved) * volume),
          },
  };

  // Shapley split in money: the annual benefit of each subset against the baseline, each subset's
  // money on its own network.
  let byMeasure: MeasureBenefit[] | undefined;
  const att = scenario.attribution;
  if (att !== undefined && att.bySubset.length === 2 ** scenario.measures.length) {
    const n = scenario.measures.length;
    const base = att.bySubset[0]!;
    const parts = att.bySubset.map((s, mask) => {
      const net = mask === 0 ? network : applyMeasures(network, scenario.measures.filter((_, i) => (mask >> i) & 1));
      return {
        time: (base.summary.meanHours - s.summary.meanHours) * votHour * volume,
        reliability: (spreadHours(base.summary, rel.spread) - spreadHours(s.summary, rel.spread)) * rel.ratio * votHour * volume,
        money: (money(network, base.route, base.summary, profile, costTables) - money(net, s.route, s.summary, profile, costTables)) * volume,
      };
    });
    const time = shapleyValues(n, (m) => parts[m]!.time);
    const reliability = shapleyValues(n, (m) => parts[m]!.reliability);
    const moneyShare = shapleyValues(n, (m) => parts[m]!.money);
    byMeasure = scenario.measures.map((m, i) => ({
      id: m.id,
      title: m.title,
      timeUsd: time[i]!,
      reliabilityUsd: reliability[i]!,
      moneyUsd: moneyShare[i]!,
      totalUsd: time[i]! + reliability[i]! + moneyShare[i]!,
    }));
  }

  // Emissions per TEU on the planned routes.
  const kgBefore = assembleEmissions(profile, pathEmissionItems(network, c.before.route.links, profile, emissionTables)).kgCo2ePerTeu;
  const kgAfter = assembleEmissions(profile, pathEmissionItems(after, c.after.route.links, profile, emissionTables)).kgCo2ePerTeu;
  const changeTonnesPerYear = ((kgAfter - kgBefore) * volume) / 1000;
  const sameRoute = c.before.route.links.join() === c.after.route.links.join();
  const note =
    kgAfter === kgBefore
      ? sameRoute
        ? 'Unchanged: the measures shorten waits and formalities on the same route; emissions follow distance and vehicles (idling at borders is not modelled).'
        : 'Unchanged: the route changes but its legs emit the same.'
      : `The route changes (${kgAfter < kgBefore ? 'fewer' : 'more'} kg CO2e per TEU): emissions follow distance, modes and vehicles.`;

  let investment: Appraisal['investment'];
  if (costs !== undefined) {
    const running = costs.runningUsdPerYear ?? 0;
    const flows = (k: Corner) => cashFlows({ annualBenefitUsd: perTeuBenefit(k.vot, k.ratio) * volume, investmentUsd: costs.investmentUsd, runningUsdPerYear: running, years, growthPerYear: k.growth });
    const f0 = flows(corners[0]!);
    investment = {
      investmentUsd: costs.investmentUsd,
      runningUsdPerYear: running,
      presentValueBenefitsUsd: presentValue(f0.benefits, rate),
      presentValueCostsUsd: presentValue(f0.costs, rate),
      npvUsd: ranged((k) => presentValue(flows(k).net, k.rate)),
      benefitCostRatio: maybeRanged((k) => benefitCostRatio(flows(k), k.rate)),
      eirr: maybeRanged((k) => internalRateOfReturn(flows(k).net)),
    };
  }

  const pr = (name: string, value: number, values: readonly number[]) => ({ name, value, low: Math.min(...values), high: Math.max(...values) });
  return {
    volumeTeuPerYear: volume,
    years,
    discountRate: rate,
    volumeGrowthPerYear: growth,
    valueOfTime: vot,
    reliability: { ratio: rel.ratio, spread: rel.spread, usdPerTeuHour: rel.ratio * vot.usdPerTeuHour },
    perTeu: { hoursSaved, spreadHoursSaved: spreadSaved, moneySavedUsd: moneySaved, benefitUsd: perTeuBenefit(vot.usdPerTeuHour, rel.ratio) },
    annualBenefit,
    annualBenefitRange,
    monteCarlo,
    ...(byMeasure !== undefined ? { byMeasure } : {}),
    money: { beforeUsdPerTeu: moneyBefore, afterUsdPerTeu: moneyAfter },
    emissions: { beforeKgCo2ePerTeu: kgBefore, afterKgCo2ePerTeu: kgAfter, changeTonnesPerYear, note },
    ...(investment !== undefined ? { investment } : {}),
    parameters: [
      pr('valueOfTimeUsdPerTeuHour', vot.usdPerTeuHour, vots),
      pr('reliabilityRatio', rel.ratio, ratios),
      ...(costs !== undefined ? [pr('discountRate', rate, rates), pr('volumeGrowthPerYear', growth, growths)] : []),
    ],
  };
}
