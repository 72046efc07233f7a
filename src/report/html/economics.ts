// The money side of a trip in the HTML report: time, money and CO2e per TEU before and after, money
// per country and category, CO2e per country, the Time/Cost–Distance chart with its p10–p90 bands,
// and the appraisal of the package (annual benefit with its range, the split per measure, NPV, BCR,
// EIRR); and, for the whole report, what the package does to the corridors' shares.
import type { Appraisal } from '../../economics/appraise.js';
import type { CorridorChoice } from '../../economics/corridor-choice.js';
import { COST_CATEGORIES } from '../../economics/cost-types.js';
import type { TripEconomics } from '../../economics/trip-economics.js';
import type { Comparison } from '../../simulate/compare.js';
import { escapeHtml } from './escape.js';
import { fixed, percent, signed } from './format.js';
import { placeName } from './names.js';
import { timeCostDistanceSvg } from './time-cost-distance.js';

function usd(x: number): string {
  return `$${fixed(x, 0).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function signedInt(x: number): string {
  const t = Math.round(Math.abs(x)).toLocaleString('en-US');
  return t === '0' ? '0' : `${x < 0 ? '−' : '+'}${t}`;
}

function millions(x: number): string {
  const m = fixed(Math.abs(x) / 1e6, 1);
  return `${x < 0 && m !== '0.0' ? '−' : ''}$${m}M`;
}

function perTeuTable(c: Comparison, e: TripEconomics): string {
  const row = (label: string, b: string, a: string, d: string): string => `<tr><th>${label}</th><td class="num">${b}</td><td class="num">${a}</td><td class="num">${d}</td></tr>`;
  const mb = e.money.before;
  const ma = e.money.after;
  const eb = e.emissions.before;
  const ea = e.emissions.after;
  return `<table class="per-teu"><thead><tr><th>Per TEU</th><th class="num">before</th><th class="num">after</th><th class="num">change</th></tr></thead><tbody>${[
    row('transit time, mean days', fixed(c.before.summary.meanHours / 24, 2), fixed(c.after.summary.meanHours / 24, 2), signed((c.after.summary.meanHours - c.before.summary.meanHours) / 24, 2)),
    row('money, mean USD', usd(mb.meanUsdPerTeu), usd(ma.meanUsdPerTeu), signed(ma.meanUsdPerTeu - mb.meanUsdPerTeu, 2)),
    row('money, p90 USD', usd(mb.summary.p90Usd / mb.teu), usd(ma.summary.p90Usd / ma.teu), signed((ma.summary.p90Usd - mb.summary.p90Usd) / ma.teu, 2)),
    row('CO2e, kg (well-to-wheel)', fixed(eb.kgCo2ePerTeu, 0), fixed(ea.kgCo2ePerTeu, 0), signed(ea.kgCo2ePerTeu - eb.kgCo2ePerTeu, 1)),
  ].join('')}</tbody></table>`;
}

function moneyByCountry(e: TripEconomics): string {
  const countries = [...new Set([...e.money.before.byCountry.map((c) => c.country), ...e.money.after.byCountry.map((c) => c.country)])];
  const rows = countries.map((country) => {
    const b = e.money.before.byCountry.find((x) => x.country === country);
    const a = e.money.after.byCountry.find((x) => x.country === country);
    const teu = e.money.before.teu;
    const cells = COST_CATEGORIES.map((k) => `<td class="num">${fixed((b?.byCategory[k] ?? 0) / teu, 0)}</td>`).join('');
    return `<tr><td>${escapeHtml(placeName(country))}</td>${cells}<td class="num">${fixed((b?.usd ?? 0) / teu, 0)}</td><td class="num">${fixed((a?.usd ?? 0) / teu, 0)}</td><td class="num">${signed(((a?.usd ?? 0) - (b?.usd ?? 0)) / teu, 2)}</td></tr>`;
  });
  return `<table class="wide money-by-country"><thead><tr><th>Country</th>${COST_CATEGORIES.map((k) => `<th class="num">${escapeHtml(k)}</th>`).join('')}<th class="num">before</th><th class="num">after</th><th class="num">change</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function emissionsByCountry(e: TripEconomics): string {
  const teu = e.emissions.before.teu;
  const rows = e.emissions.before.byCountry.map((c) => {
    const a = e.emissions.after.byCountry.find((x) => x.country === c.country);
    return `<tr><td>${escapeHtml(placeName(c.country))}</td><td class="num">${fixed(c.kgCo2e / teu, 0)}</td><td class="num">${fixed((a?.kgCo2e ?? 0) / teu, 0)}</td></tr>`;
  });
  const legs = e.emissions.before.items
    .filter((i) => i.kind === 'leg')
    .map((i) => `<tr><td>${escapeHtml(i.label)}</td><td>${escapeHtml(i.basis)}</td><td class="num">${fixed(i.distanceKm ?? 0, 0)}</td><td class="num">${fixed((i.kgCo2ePerTeuKm ?? 0) * 1000, 0)}</td><td class="num">${fixed(i.kgCo2e / teu, 0)}</td></tr>`);
  return (
    `<table class="emissions-by-country"><thead><tr><th>Country or sea</th><th class="num">before, kg CO2e/TEU</th><th class="num">after</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `<details><summary>CO2e per leg before the measures</summary><table class="wide emission-legs"><thead><tr><th>Leg</th><th>intensity</th><th class="num">km</th><th class="num">g CO2e per TEU-km</th><th class="num">kg CO2e per TEU</th></tr></thead><tbody>${legs.join('')}</tbody></table></details>`
  );
}

function appraisalHtml(a: Appraisal): string {
  const v = a.valueOfTime;
  const out: string[] = [];
  out.push(
    `<p>At <strong>${Math.round(a.volumeTeuPerYear).toLocaleString('en-US')} TEU a year</strong>, each gaining what this trip gains (${fixed(a.perTeu.hoursSaved, 2)} h per TEU; 95% interval ${a.monteCarlo.hoursSaved.low === null || a.monteCarlo.hoursSaved.high === null ? 'n/a' : `${fixed(a.monteCarlo.hoursSaved.low, 2)} to ${fixed(a.monteCarlo.hoursSaved.high, 2)} h`}), the package is worth <strong>${millions(a.annualBenefit.totalUsd)} a year</strong> (range ${millions(a.annualBenefitRange.low)} to ${millions(a.annualBenefitRange.high)}): time ${millions(a.annualBenefit.timeUsd)}, reliability ${millions(a.annualBenefit.reliabilityUsd)}, money ${millions(a.annualBenefit.moneyUsd)}.${a.monteCarlo.annualBenefitUsd !== null && a.monteCarlo.annualBenefitUsd.low !== null && a.monteCarlo.annualBenefitUsd.high !== null ? ` The simulation’s own error: ${millions(a.monteCarlo.annualBenefitUsd.low)} to ${millions(a.monteCarlo.annualBenefitUsd.high)} (95%; the spread, a difference of quantiles, is the noisier part).` : ''} Value of time $${fixed(v.usdPerTeuHour, 1)} per TEU-hour (range $${fixed(v.range[0], 1)}–${fixed(v.range[1], 1)})${v.cargoValueUsdPerTeu !== undefined ? `: cargo worth $${v.cargoValueUsdPerTeu.toLocaleString('en-US')} per TEU, ${fixed(v.dailyShare! * 100, 2)}% of it a day (Hummels &amp; Schaur 2013: 0.6–2.1%)` : ''}; reliability valued at ${fixed(a.reliability.ratio, 2)} × that on ${escapeHtml(a.reliability.spread)}.</p>`,
  );
  if (a.byMeasure !== undefined) {
    const rows = a.byMeasure.map((m) => `<tr><td class="nowrap"><code>${escapeHtml(m.id)}</code></td><td class="num">${millions(m.totalUsd)}</td><td class="num">${millions(m.timeUsd)}</td><td class="num">${millions(m.reliabilityUsd)}</td><td class="num">${millions(m.moneyUsd)}</td></tr>`);
    rows.push(`<tr><th>All measures</th><td class="num"><strong>${millions(a.annualBenefit.totalUsd)}</strong></td><td class="num">${millions(a.annualBenefit.timeUsd)}</td><td class="num">${millions(a.annualBenefit.reliabilityUsd)}</td><td class="num">${millions(a.annualBenefit.moneyUsd)}</td></tr>`);
    out.push(`<table class="benefit-by-measure"><thead><tr><th>Measure</th><th class="num">benefit a year</th><th class="num">time</th><th class="num">reliability</th><th class="num">money</th></tr></thead><tbody>${rows.join('')}</tbody></table>`);
    out.push('<p class="note">Exact Shapley values in money over the same subsets as the hours saved: they add up to the package’s benefit.</p>');
  }
  const inv = a.investment;
  if (inv !== undefined) {
    const r = (x: number | null): string => (x === null ? 'n/a' : fixed(x, 2));
    const pc = (x: number | null): string => (x === null ? 'n/a' : percent(x));
    out.push(
      `<table class="investment"><tbody><tr><th>Investment; running cost a year</th><td class="num">${millions(inv.investmentUsd)}; ${millions(inv.runningUsdPerYear)}</td><td></td></tr><tr><th>NPV (${a.years} years at ${percent(a.discountRate)})</th><td class="num">${millions(inv.npvUsd.value)}</td><td class="num">${millions(inv.npvUsd.low)} to ${millions(inv.npvUsd.high)}</td></tr><tr><th>Benefit–cost ratio</th><td class="num">${r(inv.benefitCostRatio.value)}</td><td class="num">${r(inv.benefitCostRatio.low)} to ${r(inv.benefitCostRatio.high)}</td></tr><tr><th>EIRR</th><td class="num">${pc(inv.eirr.value)}</td><td class="num">${pc(inv.eirr.low)} to ${pc(inv.eirr.high)}</td></tr></tbody></table>`,
    );
  } else {
    out.push('<p class="note">No investment or running costs were given, so there is no NPV, benefit–cost ratio or EIRR.</p>');
  }
  return out.join('\n');
}

/** The "Money, emissions and appraisal" part of a trip's section. */
export function tripEconomicsHtml(c: Comparison, e: TripEconomics, prefix: string): string {
  const charts = timeCostDistanceSvg(e.timeCostDistance, prefix);
  return [
    '<h3>Money, emissions and appraisal</h3>',
    perTeuTable(c, e),
    `<p class="note">Money per TEU: tariffs and charges of the route (USD of 2024, <code>data/costs.json</code>) plus charges per hour that follow each run’s time. CO2e: well-to-wheel, ISO 14083 / GLEC style (<code>data/emissions.json</code>). ${escapeHtml(e.appraisal.emissions.note)}</p>`,
    '<h4>Money per TEU by country and category (USD, mean of the runs; before, then the totals before and after)</h4>',
    moneyByCountry(e),
    '<h4>CO2e per TEU by country</h4>',
    emissionsByCountry(e),
    '<h4>Time/Cost–Distance chart</h4>',
    '<p class="note">The UNESCAP chart: cumulative time and cost against the distance travelled. Slopes are legs; vertical steps are stops (borders and ports named). Lines are medians; bands run from p10 to p90 of the runs.</p>',
    `<figure>${charts.time}</figure>`,
    `<figure>${charts.cost}</figure>`,
    '<h4>Appraisal of the package</h4>',
    appraisalHtml(e.appraisal),
  ].join('\n');
}

/** The report's "What the package does to the corridor's share" section. */
export function corridorChoiceHtml(c: CorridorChoice): string {
  const rows = c.alternatives.map(
    (a) =>
      `<tr><td>${escapeHtml(a.title)}</td><td class="num">${a.before === null ? '—' : fixed(a.before.meanHours / 24, 1)}</td><td class="num">${a.before === null ? '—' : usd(a.before.moneyUsdPerTeu)}</td><td class="num">${a.before === null ? '—' : usd(a.before.generalizedUsdPerTeu)}</td><td class="num">${a.observedShare === undefined ? '—' : `${fixed(a.observedShare * 100, 3)}%`}</td><td class="num">${a.before === null ? '0' : fixed(a.before.share * 100, 3)}%</td><td class="num">${a.after === null ? '0' : fixed(a.after.share * 100, 3)}%</td><td class="num">${a.divertedTeuPerYear === null ? '—' : signedInt(a.divertedTeuPerYear)}</td><td class="num">${fixed(a.elasticities.generalizedCost, 2)}</td></tr>`,
  );
  const r = c.referenceShare;
  const g = c.referenceGainTeuPerYear;
  return [
    '<section class="corridor-choice" id="corridor-choice">',
    '<h2>What the package does to the corridor’s share</h2>',
    `<p>${escapeHtml(c.reference)}: share <strong>${fixed(r.before * 100, 3)}% → ${fixed(r.after * 100, 3)}%</strong> (range ${fixed(r.afterLow * 100, 3)}% to ${fixed(r.afterHigh * 100, 3)}%)${g !== null ? `, <strong>${signedInt(g.value)} TEU a year</strong> (range ${signedInt(g.low)} to ${signedInt(g.high)}) of a ${Math.round(c.marketTeuPerYear!).toLocaleString('en-US')} TEU market` : ''}.</p>`,
    `<table class="wide corridors"><thead><tr><th>Corridor</th><th class="num">days</th><th class="num">USD/TEU</th><th class="num">generalized cost, USD/TEU</th><th class="num">observed</th><th class="num">share before</th><th class="num">after</th><th class="num">TEU a year</th><th class="num">elasticity</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<p class="note">A multinomial logit on generalized cost per TEU (money + value of time × mean hours + value of reliability × spread), each corridor’s trip simulated before and after the measures with the same seed. Cost coefficient ${fixed(c.costCoefficientPerUsd * 1000, 3)} per $1,000, set so that the ${escapeHtml(c.reference)} corridor’s money elasticity is ${fixed(c.priceElasticity, 2)} (Oum, Waters &amp; Yong’s survey of freight price elasticities); constants ${c.calibrated ? 'calibrated to the observed 2024 volumes' : 'not calibrated'}. The range varies the elasticity (−1.5 to −0.5), the value of time and the reliability ratio. Elasticity: of each corridor’s share with respect to its own generalized cost.</p>`,
    '</section>',
  ].join('\n');
}
