// Appraisal in money: discounting against hand computations, the annual benefit's parts, the Shapley
// split adding up to it, ranges that hold the value, and the Time/Cost–Distance data along the route.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  adjustStage,
  alongRoute,
  appraise,
  benefitCostRatio,
  cashFlows,
  internalRateOfReturn,
  japan2025,
  middleCorridor,
  presentValue,
  routeCost,
  runScenario,
  shapleyValues,
  simulate,
  timeCostDistance,
  valueOfTime,
  renderReport,
  reportJson,
} from '../src/index.js';
import { tripEconomics } from '../src/economics/trip-economics.js';

const network = middleCorridor();
const trip = { origin: 'xian', destination: 'constanta', profile: 'container-rail', avoid: { countries: ['RU', 'BY', 'IR'] }, runs: 600, seed: 11 } as const;
const scenario = runScenario(network, japan2025().measures, trip);

describe('discounting', () => {
  it('NPV, BCR and EIRR equal a hand computation on a small case', () => {
    // Invest 100 in year 0; benefits 50 a year growing 10%, running cost 10 a year, 3 years, at 10%.
    const f = cashFlows({ annualBenefitUsd: 50, investmentUsd: 100, runningUsdPerYear: 10, years: 3, growthPerYear: 0.1 });
    [-100, 40, 45, 50.5].forEach((x, t) => expect(f.net[t]).toBeCloseTo(x, 12));
    const npv = -100 + 40 / 1.1 + 45 / 1.21 + 50.5 / 1.331;
    expect(presentValue(f.net, 0.1)).toBeCloseTo(npv, 10);
    const bcr = (50 / 1.1 + 55 / 1.21 + 60.5 / 1.331) / (100 + 10 / 1.1 + 10 / 1.21 + 10 / 1.331);
    expect(benefitCostRatio(f, 0.1)).toBeCloseTo(bcr, 12);
    const eirr = internalRateOfReturn(f.net)!;
    expect(presentValue(f.net, eirr)).toBeCloseTo(0, 6);
    expect(npv).toBeCloseTo(11.495, 3);
    expect(eirr).toBeGreaterThan(0.1); // NPV > 0 at 10%, so the EIRR is above 10%
  });

  it('EIRR is the root of NPV whenever an investment is repaid (random flows), and null without one', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.integer({ min: 1, max: 40 }), (investment, ratio, years) => {
        const f = cashFlows({ annualBenefitUsd: (investment * ratio) / years + 1, investmentUsd: investment, runningUsdPerYear: 0, years, growthPerYear: 0 });
        const r = internalRateOfReturn(f.net);
        if (r === null) return presentValue(f.net, -0.99) < 0 || presentValue(f.net, 10) > 0;
        return Math.abs(presentValue(f.net, r)) <= 1e-6 * investment;
      }),
      { numRuns: 200 },
    );
    expect(internalRateOfReturn([0, 5, 5])).toBeNull();
    expect(() => cashFlows({ annualBenefitUsd: 1, investmentUsd: -1, runningUsdPerYear: 0, years: 1, growthPerYear: 0 })).toThrow(InvalidArgumentError);
  });

  it('shapleyValues: efficiency, symmetry, and an additive game gives each player its own part', () => {
    const v = (mask: number): number => (mask & 1 ? 3 : 0) + (mask & 2 ? 5 : 0) + (mask & 4 ? -2 : 0);
    expect(shapleyValues(3, v)).toEqual([3, 5, -2]);
    const glove = (mask: number): number => ((mask & 1) && (mask & 6) ? 1 : 0);
    const phi = shapleyValues(3, glove);
    expect(phi[0]! + phi[1]! + phi[2]!).toBeCloseTo(1, 12);
    expect(phi[1]).toBeCloseTo(phi[2]!, 12);
  });
});

describe('appraise', () => {
  it('the annual benefit is hours × value of time + spread × value of reliability + money saved, times the volume', () => {
    const a = appraise(scenario, { volumeTeuPerYear: 10_000 });
    const c = scenario.comparison!;
    const vot = valueOfTime().usdPerTeuHour;
    const hours = c.before.summary.meanHours - c.after.summary.meanHours;
    const spread = c.before.summary.p90Hours - c.before.summary.p50Hours - (c.after.summary.p90Hours - c.after.summary.p50Hours);
    expect(a.perTeu.hoursSaved).toBeCloseTo(hours, 12);
    expect(a.annualBenefit.timeUsd).toBeCloseTo(hours * vot * 10_000, 6);
    expect(a.annualBenefit.reliabilityUsd).toBeCloseTo(spread * vot * 10_000, 6);
    expect(a.annualBenefit.moneyUsd).toBeCloseTo((a.money.beforeUsdPerTeu - a.money.afterUsdPerTeu) * 10_000, 6);
    expect(a.annualBenefit.totalUsd).toBeCloseTo(a.annualBenefit.timeUsd + a.annualBenefit.reliabilityUsd + a.annualBenefit.moneyUsd, 6);
    expect(a.volumeTeuPerYear).toBe(10_000);
    // Twice the volume, twice the benefit.
    expect(appraise(scenario, { volumeTeuPerYear: 20_000 }).annualBenefit.totalUsd).toBeCloseTo(2 * a.annualBenefit.totalUsd, 6);
    expect(appraise(scenario).volumeTeuPerYear).toBe(66_300);
  });

  it('the Shapley split in money adds up to the annual benefit, part by part', () => {
    const a = appraise(scenario);
    const sum = (k: 'timeUsd' | 'reliabilityUsd' | 'moneyUsd' | 'totalUsd'): number => a.byMeasure!.reduce((t, m) => t + m[k], 0);
    expect(a.byMeasure!.map((m) => m.id)).toEqual(japan2025().measures.map((m) => m.id));
    expect(sum('timeUsd')).toBeCloseTo(a.annualBenefit.timeUsd, 4);
    expect(sum('reliabilityUsd')).toBeCloseTo(a.annualBenefit.reliabilityUsd, 4);
    expect(sum('moneyUsd')).toBeCloseTo(a.annualBenefit.moneyUsd, 4);
    expect(sum('totalUsd')).toBeCloseTo(a.annualBenefit.totalUsd, 4);
    // The time part is the hours' Shapley value × value of time × volume (Shapley values are linear).
    const att = scenario.attribution!;
    a.byMeasure!.forEach((m, i) => expect(m.timeUsd).toBeCloseTo(att.measures[i]!.shapley.meanHours * a.valueOfTime.usdPerTeuHour * a.volumeTeuPerYear, 4));
  });

  it('with costs: NPV equals the discounted flows computed by hand; ranges hold the value; the benefit range is the daily share’s', () => {
    const a = appraise(scenario, { costs: { investmentUsd: 30e6, runningUsdPerYear: 0.5e6 }, years: 5, discountRate: 0.08 });
    const B = a.annualBenefit.totalUsd;
    let npv = -30e6;
    for (let t = 1; t <= 5; t++) npv += (B - 0.5e6) / 1.08 ** t;
    expect(a.investment!.npvUsd.value).toBeCloseTo(npv, 2);
    for (const r of [a.annualBenefitRange, a.investment!.npvUsd]) {
      expect(r.low).toBeLessThanOrEqual(r.value);
      expect(r.high).toBeGreaterThanOrEqual(r.value);
    }
    expect(a.investment!.benefitCostRatio.low!).toBeLessThanOrEqual(a.investment!.benefitCostRatio.value!);
    // The benefit's range: value of time from 0.6% to 2.1% of the cargo value a day, reliability ratio 0.5–1.5.
    const benefits: number[] = [];
    for (const share of [0.0135, 0.006, 0.021]) {
      for (const ratio of [1, 0.5, 1.5]) {
        const v = (54_500 * share) / 24;
        benefits.push((a.perTeu.hoursSaved * v + a.perTeu.spreadHoursSaved * ratio * v + a.perTeu.moneySavedUsd) * a.volumeTeuPerYear);
      }
    }
    expect(a.annualBenefitRange.low).toBeCloseTo(Math.min(...benefits), 4);
    expect(a.annualBenefitRange.high).toBeCloseTo(Math.max(...benefits), 4);
    expect(a.parameters.map((p) => p.name)).toEqual(['valueOfTimeUsdPerTeuHour', 'reliabilityRatio', 'discountRate', 'volumeGrowthPerYear']);
  });

  it('says honestly that a package shortening waits leaves CO2e unchanged; no measures, no benefit', () => {
    const a = appraise(scenario);
    expect(a.emissions.changeTonnesPerYear).toBe(0);
    expect(a.emissions.note).toMatch(/^Unchanged/);
    const none = appraise(runScenario(network, [], trip));
    expect(none.annualBenefit.totalUsd).toBe(0);
    expect(none.byMeasure).toBeUndefined();
  });

  it('rejects bad options with the field named', () => {
    expect(() => appraise(scenario, { discountRate: -0.1 })).toThrow(expect.objectContaining({ field: 'discountRate' }));
    expect(() => appraise(scenario, { years: 0 })).toThrow(expect.objectContaining({ field: 'years' }));
    expect(() => appraise(scenario, { costs: { investmentUsd: Number.NaN } })).toThrow(expect.objectContaining({ field: 'costs.investmentUsd' }));
    expect(() => appraise(scenario, { volumeTeuPerYear: -5 })).toThrow(expect.objectContaining({ field: 'volumeTeuPerYear' }));
  });
});

describe('alongRoute and timeCostDistance', () => {
  it('the last position is the planned simulation, run for run (its quantiles and mean)', () => {
    const along = alongRoute(network, trip)!;
    const sim = simulate(network, trip)!;
    const last = along.positions.at(-1)!;
    expect(last.p50Hours).toBeCloseTo(sim.summary.p50Hours, 9);
    expect(last.meanHours).toBeCloseTo(sim.summary.meanHours, 9);
    expect(last.expectedHours).toBeCloseTo(sim.route.totalHours, 9);
    expect(last.distanceKm).toBe(sim.route.distanceKm);
    for (let k = 1; k < along.positions.length; k++) {
      const [p, q] = [along.positions[k - 1]!, along.positions[k]!];
      expect(q.distanceKm).toBeGreaterThanOrEqual(p.distanceKm);
      expect(q.p10Hours).toBeGreaterThanOrEqual(p.p10Hours);
      expect(q.p90Hours).toBeGreaterThanOrEqual(p.p90Hours);
      expect(q.p10Hours).toBeLessThanOrEqual(q.p90Hours);
      if (q.kind === 'depart') expect(q.distanceKm).toBe(p.distanceKm); // a stop is a vertical step
    }
  });

  it('cumulative money ends at the route’s money; a measure cutting a wait lowers the time after that point only', () => {
    const aktau = adjustStage({ id: 'aktau-faster', node: 'aktau', stage: 'rail-to-quay', durationFactor: 0.5 });
    const s = runScenario(network, [aktau], trip, { attribution: false });
    const t = timeCostDistance(s);
    const last = t.before.points.at(-1)!;
    const cost = routeCost(network, s.comparison!.before.route);
    expect(last.fixedUsdPerTeu).toBeCloseTo(cost.fixedUsd / cost.teu, 9);
    expect(last.expectedUsdPerTeu).toBeCloseTo(cost.usdPerTeu, 9);
    const at = t.before.points.findIndex((p) => p.nodeId === 'aktau' && p.kind === 'depart');
    for (let k = 0; k < at; k++) expect(t.after.points[k]!.p50Hours).toBe(t.before.points[k]!.p50Hours);
    expect(t.after.points[at]!.meanHours).toBeLessThan(t.before.points[at]!.meanHours);
  });
});

describe('the report with economics', () => {
  it('shows money, CO2e, the Time/Cost–Distance chart and the appraisal per trip; JSON carries them without samples', () => {
    const economics = tripEconomics(scenario, { chartRuns: 300, costs: { investmentUsd: 1e7 } })!;
    const input = { network, measures: scenario.measures, trips: [{ ...scenario, economics }] };
    const html = renderReport(input);
    for (const text of ['Money, emissions and appraisal', 'data-chart="time-distance"', 'data-chart="cost-distance"', 'Benefit–cost ratio', 'Unchanged: the measures shorten waits']) expect(html).toContain(text);
    const j = reportJson(input) as { trips: { economics: { money: { before: Record<string, unknown> }; appraisal: { investment: unknown } } }[] };
    expect(j.trips[0]!.economics.appraisal.investment).toBeDefined();
    expect(j.trips[0]!.economics.money.before['samples']).toBeUndefined();
  });
});
