// Discounted cash flows of a package: net present value, benefit–cost ratio and economic internal
// rate of return, as development banks appraise projects. Year 0 carries the investment; years 1 … n
// the benefits (growing with volume) less the running costs. Flows are real (constant prices), so
// the discount rate is real too.
import { requireArray, requireShape } from '../arguments.js';
import { InvalidArgumentError } from '../errors.js';

/** The flows of an appraisal, USD per year. */
export interface CashFlows {
  /** Year 0 … `years`: −investment, then benefit − running cost. */
  readonly net: readonly number[];
  /** Year 0 … `years`: 0, then the benefit. */
  readonly benefits: readonly number[];
  /** Year 0 … `years`: the investment, then the running cost. */
  readonly costs: readonly number[];
}

/** Inputs of `cashFlows`. */
export interface CashFlowInputs {
  /** The first year's benefit, USD. */
  readonly annualBenefitUsd: number;
  /** Spent in year 0, USD (≥ 0). */
  readonly investmentUsd: number;
  /** Spent in each year 1 … `years`, USD (≥ 0). */
  readonly runningUsdPerYear: number;
  /** Years of benefits (an integer ≥ 1). */
  readonly years: number;
  /** Growth of the benefit per year (volume growth): year t's benefit is the first's × (1 + g)^(t−1). */
  readonly growthPerYear: number;
}

function finite(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) throw new InvalidArgumentError(field, value, `a finite number >= ${min}`);
  return value;
}

/** `flows` as an array of finite USD figures. */
function requireFlows(flows: unknown, field: string): readonly number[] {
  return requireArray(flows, field, 'an array of USD per year (finite numbers)', (v, f) => finite(f, v, -Infinity));
}

/** Year-by-year flows: investment in year 0, benefits growing from year 1, running costs every year from 1. */
export function cashFlows(inputs: CashFlowInputs): CashFlows {
  requireShape(inputs, 'inputs', 'an object { annualBenefitUsd, investmentUsd, runningUsdPerYear, years, growthPerYear }');
  const benefit = finite('annualBenefitUsd', inputs.annualBenefitUsd, -Infinity);
  const investment = finite('investmentUsd', inputs.investmentUsd, 0);
  const running = finite('runningUsdPerYear', inputs.runningUsdPerYear, 0);
  const growth = finite('growthPerYear', inputs.growthPerYear, -0.99);
  const years = inputs.years;
  if (!Number.isInteger(years) || years < 1 || years > 200) throw new InvalidArgumentError('years', years, 'an integer from 1 to 200');
  const benefits = [0];
  const costs = [investment];
  const net = [-investment];
  for (let t = 1; t <= years; t++) {
    const b = benefit * (1 + growth) ** (t - 1);
    benefits.push(b);
    costs.push(running);
    net.push(b - running);
  }
  return { net, benefits, costs };
}

/** Present value at `rate` of flows in years 0, 1, 2, …: Σ flow_t / (1 + rate)^t. */
export function presentValue(flows: readonly number[], rate: number): number {
  requireFlows(flows, 'flows');
  finite('discountRate', rate, -0.99);
  let pv = 0;
  for (let t = 0; t < flows.length; t++) pv += flows[t]! / (1 + rate) ** t;
  return pv;
}

/** Benefit–cost ratio: PV(benefits) / PV(costs); `null` when the costs' present value is 0. */
export function benefitCostRatio(flows: CashFlows, rate: number): number | null {
  requireShape(flows, 'flows', 'CashFlows from cashFlows', { benefits: 'array', costs: 'array' });
  const pvc = presentValue(flows.costs, rate);
  return pvc > 0 ? presentValue(flows.benefits, rate) / pvc : null;
}

/**
 * Economic internal rate of return: the rate at which the net flows' present value is 0, found by
 * bisection on (−0.99, 10] to 1e-10. `null` when it has no root there (no investment, or benefits
 * that never repay it). With an investment first and net benefits after, the root is unique.
 */
export function internalRateOfReturn(net: readonly number[]): number | null {
  requireFlows(net, 'net');
  let lo = -0.99;
  let hi = 10;
  const f = (r: number): number => presentValue(net, r);
  let flo = f(lo);
  const fhi = f(hi);
  if (!Number.isFinite(flo) || !Number.isFinite(fhi) || flo === 0 || Math.sign(flo) === Math.sign(fhi)) return flo === 0 ? lo : null;
  for (let i = 0; i < 200 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    const fm = f(mid);
    if (fm === 0) return mid;
    if (Math.sign(fm) === Math.sign(flo)) {
      lo = mid;
      flo = fm;
    } else {
      hi = mid;
    }
  }
  return (lo + hi) / 2;
}
