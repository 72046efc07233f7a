// Text and JSON renderings of the money side of a scenario: money and CO2e per TEU before and after,
// the appraisal (annual benefit with its range, the split per measure, NPV, BCR, EIRR) and the
// corridor choice (shares before and after, TEU diverted a year), as `transcaspian appraise` and
// `start` print them.
import type { Appraisal, Ranged } from '../economics/appraise.js';
import type { CorridorChoice } from '../economics/corridor-choice.js';
import type { TripEconomics } from '../economics/trip-economics.js';
import type { Comparison } from '../simulate/compare.js';
import { fmtDays, fmtInt, textTable } from './table.js';

/** USD in millions with one decimal: `$6.0M`. */
export function fmtMillions(usd: number): string {
  const m = (Math.abs(usd) / 1e6).toFixed(1);
  return usd < 0 && m !== '0.0' ? `-$${m}M` : `$${m}M`;
}

function rangeMillions(r: Ranged): string {
  return `${fmtMillions(r.value)} (range ${fmtMillions(r.low)} to ${fmtMillions(r.high)})`;
}

function signed(x: number, digits = 2): string {
  const t = x.toFixed(digits);
  return x > 0 && Number(t) !== 0 ? `+${t}` : t === `-${(0).toFixed(digits)}` ? (0).toFixed(digits) : t;
}

function percent(share: number, digits = 2): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** Time, money and CO2e per TEU before and after, as a table. */
export function perTeuText(c: Comparison, e: TripEconomics): string {
  const rows = (['before', 'after'] as const).map((side) => {
    const money = e.money[side];
    return [side, fmtDays(c[side].summary.meanHours), fmtInt(money.meanUsdPerTeu), fmtInt(money.summary.p90Usd / money.teu), fmtInt(e.emissions[side].kgCo2ePerTeu)];
  });
  return textTable(
    [{ header: 'per TEU' }, { header: 'mean days', align: 'right' }, { header: 'USD mean', align: 'right' }, { header: 'USD p90', align: 'right' }, { header: 'kg CO2e', align: 'right' }],
    rows,
    '    ',
  );
}

/** The appraisal in words and tables. */
export function appraisalText(a: Appraisal): string {
  const lines: string[] = [];
  const vot = a.valueOfTime;
  lines.push(
    `  Value of time $${vot.usdPerTeuHour.toFixed(1)} per TEU-hour (range $${vot.range[0].toFixed(1)}–${vot.range[1].toFixed(1)})${vot.cargoValueUsdPerTeu !== undefined ? `: cargo $${fmtInt(vot.cargoValueUsdPerTeu)} per TEU × ${(vot.dailyShare! * 100).toFixed(2)}% a day` : ''}; reliability ${a.reliability.ratio} × that on ${a.reliability.spread}.`,
  );
  lines.push(
    `  Per TEU: ${a.perTeu.hoursSaved.toFixed(2)} h saved (95% interval ${a.monteCarlo.hoursSaved.low === null || a.monteCarlo.hoursSaved.high === null ? 'n/a' : `${a.monteCarlo.hoursSaved.low.toFixed(2)} to ${a.monteCarlo.hoursSaved.high.toFixed(2)}`}), spread (${a.reliability.spread}) ${signed(-a.perTeu.spreadHoursSaved)} h, money ${signed(-a.perTeu.moneySavedUsd)} USD: a benefit of ${a.perTeu.benefitUsd.toFixed(2)} USD.`,
  );
  const b = a.annualBenefit;
  lines.push(
    `  Annual benefit at ${fmtInt(a.volumeTeuPerYear)} TEU a year: ${rangeMillions(a.annualBenefitRange)} = time ${fmtMillions(b.timeUsd)} + reliability ${fmtMillions(b.reliabilityUsd)} + money ${fmtMillions(b.moneyUsd)}.`,
  );
  const mc = a.monteCarlo.annualBenefitUsd;
  if (mc !== null && mc.low !== null && mc.high !== null) lines.push(`  Simulation error: the annual benefit's 95% interval from the runs is ${fmtMillions(mc.low)} to ${fmtMillions(mc.high)} (the spread, a difference of quantiles, is the noisier part).`);
  if (a.byMeasure !== undefined) {
    lines.push('  Benefit a year per measure (Shapley values in money):');
    lines.push(
      textTable(
        [{ header: 'measure' }, { header: 'total', align: 'right' }, { header: 'time', align: 'right' }, { header: 'reliability', align: 'right' }, { header: 'money', align: 'right' }],
        a.byMeasure.map((m) => [m.id, fmtMillions(m.totalUsd), fmtMillions(m.timeUsd), fmtMillions(m.reliabilityUsd), fmtMillions(m.moneyUsd)]),
        '    ',
      ),
    );
  }
  lines.push(`  CO2e per TEU: ${fmtInt(a.emissions.beforeKgCo2ePerTeu)} → ${fmtInt(a.emissions.afterKgCo2ePerTeu)} kg (well-to-wheel). ${a.emissions.note}`);
  const inv = a.investment;
  if (inv !== undefined) {
    const ratio = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));
    const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
    lines.push(
      `  Investment ${fmtMillions(inv.investmentUsd)}, running ${fmtMillions(inv.runningUsdPerYear)} a year, ${a.years} years at ${(a.discountRate * 100).toFixed(1)}%, volume growth ${(a.volumeGrowthPerYear * 100).toFixed(1)}% a year:`,
    );
    lines.push(`    NPV ${rangeMillions(inv.npvUsd)}`);
    lines.push(`    benefit–cost ratio ${ratio(inv.benefitCostRatio.value)} (range ${ratio(inv.benefitCostRatio.low)} to ${ratio(inv.benefitCostRatio.high)})`);
    lines.push(`    EIRR ${pct(inv.eirr.value)} (range ${pct(inv.eirr.low)} to ${pct(inv.eirr.high)})`);
  } else {
    lines.push('  No investment or running costs given: no NPV, benefit–cost ratio or EIRR (give --investment-usd).');
  }
  return lines.join('\n');
}

/** The corridor choice: shares before and after, and the TEU diverted a year. */
export function corridorChoiceText(c: CorridorChoice): string {
  const rows = c.alternatives.map((a) => [
    a.id,
    a.before === null ? 'no route' : fmtDays(a.before.meanHours),
    a.before === null ? '' : fmtInt(a.before.moneyUsdPerTeu),
    a.before === null ? '' : fmtInt(a.before.generalizedUsdPerTeu),
    a.before === null ? '0' : percent(a.before.share, 3),
    a.after === null ? '0' : percent(a.after.share, 3),
    a.divertedTeuPerYear === null ? '' : fmtInt(a.divertedTeuPerYear),
    a.elasticities.generalizedCost.toFixed(2),
  ]);
  const r = c.referenceShare;
  const gain = c.referenceGainTeuPerYear;
  return [
    `  Corridor choice (multinomial logit on generalized cost per TEU; ${c.calibrated ? 'constants calibrated to the observed shares' : 'uncalibrated'}; λ = ${(c.costCoefficientPerUsd * 1000).toFixed(3)} per $1,000, from a money elasticity of ${c.priceElasticity} for ${c.reference}):`,
    textTable(
      [
        { header: 'corridor' },
        { header: 'days', align: 'right' },
        { header: 'USD/TEU', align: 'right' },
        { header: 'GC USD/TEU', align: 'right' },
        { header: 'share before', align: 'right' },
        { header: 'after', align: 'right' },
        { header: 'TEU/yr', align: 'right' },
        { header: 'GC elast.', align: 'right' },
      ],
      rows,
      '    ',
    ),
    `  ${c.reference}: share ${percent(r.before, 3)} → ${percent(r.after, 3)} (range ${percent(r.afterLow, 3)} to ${percent(r.afterHigh, 3)})${gain !== null ? `, ${gain.value >= 0 ? '+' : ''}${fmtInt(gain.value)} TEU a year (range ${fmtInt(gain.low)} to ${fmtInt(gain.high)}) of a ${fmtInt(c.marketTeuPerYear!)} TEU market` : ''}.`,
  ].join('\n');
}

/** The JSON of a trip's economics (no per-run samples). */
export function tripEconomicsJson(e: TripEconomics): Record<string, unknown> {
  const money = (d: TripEconomics['money']['before']) => ({ meanUsdPerTeu: d.meanUsdPerTeu, teu: d.teu, fixedUsd: d.fixedUsd, usdPerHour: d.usdPerHour, summary: d.summary, byCountry: d.byCountry, byCategory: d.byCategory });
  const co2 = (r: TripEconomics['emissions']['before']) => ({ kgCo2ePerTeu: r.kgCo2ePerTeu, kgCo2e: r.kgCo2e, range: r.range, byCountry: r.byCountry, byMode: r.byMode, items: r.items });
  return {
    money: { before: money(e.money.before), after: money(e.money.after) },
    emissions: { before: co2(e.emissions.before), after: co2(e.emissions.after) },
    appraisal: e.appraisal,
    timeCostDistance: e.timeCostDistance,
  };
}
