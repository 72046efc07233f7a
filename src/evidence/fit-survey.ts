// The time survey as an input: a Time Release Study–style survey's records fitted, per place and
// stage, to a duration distribution (a lognormal by its median and 90th percentile, the form surveys
// report, or the observed values themselves), with the sample size and the goodness of fit; and the
// patch (a `patchFigures` measure) that puts the survey's figures into a network with their
// provenance (the survey in the sources table; n, dates and fit on each stage).
import { InvalidArgumentError } from '../errors.js';
import { Z90 } from '../network/distribution.js';
import { findNode } from '../network/lookup.js';
import type { Network } from '../network/network.js';
import type { Distribution } from '../network/types.js';
import { patchFigures } from '../measures/patch-figures.js';
import type { FigureChange, Measure } from '../measures/types.js';
import { normalGoodness } from '../stats/goodness-of-fit.js';
import type { SurveyRecord } from './survey-records.js';

/** Options of `fitSurvey`. */
export interface SurveyFitOptions {
  /** Id of the survey in the network's sources table (default `time-survey`). */
  readonly id?: string;
  /** Title of the survey (default `Time survey`). */
  readonly title?: string;
  /** Who ran it (default `time survey`). */
  readonly organisation?: string;
  /** Publication year (default: the year of the last record's end, else null). */
  readonly year?: number | null;
  /** `auto` (default): a lognormal where it fits (Anderson–Darling p ≥ 0.05 on the logs, at least 8 records, all durations above 0), else the observed values; or always one of them. */
  readonly distribution?: 'auto' | 'lognormal' | 'empirical';
  /** A place and stage with fewer records is not fitted (listed in `skipped`); default 5. */
  readonly minRecords?: number;
  /** The network the survey describes: nodes may then be names or aliases, and each place, stage and country is checked. */
  readonly network?: Network;
}

/** The fit of one place and stage. */
export interface StageFit {
  readonly node: string;
  readonly stage: string;
  readonly country: string;
  /** Records, and distinct consignments among them. */
  readonly n: number;
  readonly consignments: number;
  /** First start and last end among the records with times (ISO dates), when any. */
  readonly from?: string;
  readonly to?: string;
  /** The lognormal fitted by maximum likelihood on the logs (median e^μ, p90 e^(μ + 1.2816σ)); absent when a duration is 0. */
  readonly lognormal?: { readonly median: number; readonly p90: number; readonly mu: number; readonly sigma: number };
  /** Anderson–Darling (A*², p-value) and Kolmogorov–Smirnov distance of the lognormal fit; absent with it. */
  readonly goodness?: { readonly andersonDarling: number; readonly p: number; readonly ks: number };
  /** What the patch sets: the lognormal, or the observed values (`empirical`). */
  readonly distribution: Distribution;
  readonly chosen: 'lognormal' | 'empirical';
  /** The sample median and its distribution-free 90% interval (order statistics), hours. */
  readonly median: number;
  readonly medianInterval: readonly [number, number];
  /** The network's distribution before, when a network was given. */
  readonly previous?: Distribution;
}

/** The result of `fitSurvey`. */
export interface SurveyFit {
  readonly records: number;
  readonly stages: readonly StageFit[];
  /** Places and stages with too few records to fit. */
  readonly skipped: readonly { readonly node: string; readonly stage: string; readonly n: number }[];
  /** The patch: each fitted stage's duration set to its fit, citing the survey (added to the sources table). */
  readonly measure: Measure;
}

/** The distribution-free 90% interval of a median from sorted values (binomial order statistics). */
function medianInterval(sorted: Float64Array): [number, number] {
  const n = sorted.length;
  const half = 1.6448536269514722 * Math.sqrt(n) / 2;
  const lo = Math.max(0, Math.floor(n / 2 - half));
  const hi = Math.min(n - 1, Math.ceil(n / 2 + half) - 1);
  return [sorted[lo]!, sorted[hi]!];
}

function sampleMedian(sorted: Float64Array): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

const round = (x: number, digits = 4): number => Number(x.toPrecision(digits));

/**
 * Fit a survey's records per place and stage (records grouped by `node` and `stage`): the lognormal
 * by maximum likelihood on the log durations, its Anderson–Darling and Kolmogorov–Smirnov figures,
 * the sample median with a 90% interval, and the distribution the patch sets (see
 * `options.distribution`). With `options.network`, nodes are found by id, name or alias and each
 * stage must exist at its node and belong to the record's country (`InvalidArgumentError` naming the
 * record). The patch cites the survey (`options.id`, added to the sources table) on each stage with
 * n, the dates and the fit, and a range of the duration from the median's interval.
 */
export function fitSurvey(records: readonly SurveyRecord[], options: SurveyFitOptions = {}): SurveyFit {
  if (!Array.isArray(records) || records.length === 0) throw new InvalidArgumentError('records', records, 'a non-empty array of survey records');
  const { id = 'time-survey', title = 'Time survey', organisation = 'time survey', distribution = 'auto', minRecords = 5, network } = options;
  if (!['auto', 'lognormal', 'empirical'].includes(distribution)) throw new InvalidArgumentError('distribution', distribution, '"auto", "lognormal" or "empirical"');
  if (!Number.isInteger(minRecords) || minRecords < 3) throw new InvalidArgumentError('minRecords', minRecords, 'an integer >= 3');
  const groups = new Map<string, { node: string; stage: string; country: string; rows: SurveyRecord[] }>();
  records.forEach((r, i) => {
    if (!(typeof r.durationHours === 'number' && Number.isFinite(r.durationHours) && r.durationHours >= 0)) {
      throw new InvalidArgumentError(`records[${i}].durationHours`, r.durationHours, 'a finite number of hours >= 0');
    }
    let node = r.node;
    if (network !== undefined) {
      const spec = findNode(network, r.node, `records[${i}].node`);
      node = spec.id;
      const stage = (spec.stages ?? []).find((s) => s.id === r.stage);
      if (stage === undefined) throw new InvalidArgumentError(`records[${i}].stage`, r.stage, `the id of a stage at ${node} (${(spec.stages ?? []).map((s) => s.id).join(', ') || 'it has none'})`);
      if (stage.country !== r.country) throw new InvalidArgumentError(`records[${i}].country`, r.country, `the country of stage ${r.stage} at ${node} (${stage.country})`);
    }
    const key = `${node}\u0000${r.stage}`;
    const g = groups.get(key) ?? { node, stage: r.stage, country: r.country, rows: [] as SurveyRecord[] };
    if (g.country !== r.country) throw new InvalidArgumentError(`records[${i}].country`, r.country, `the country of the other records of ${node} ${r.stage} (${g.country})`);
    g.rows.push(r);
    groups.set(key, g);
  });

  const stages: StageFit[] = [];
  const skipped: { node: string; stage: string; n: number }[] = [];
  let lastEnd: string | undefined;
  for (const g of groups.values()) {
    const n = g.rows.length;
    if (n < minRecords) {
      skipped.push({ node: g.node, stage: g.stage, n });
      continue;
    }
    const sorted = Float64Array.from(g.rows, (r) => r.durationHours).sort();
    const positive = sorted[0]! > 0;
    let lognormal: StageFit['lognormal'];
    let goodness: StageFit['goodness'];
    if (positive) {
      const logs = Float64Array.from(sorted, Math.log);
      let mu = 0;
      for (const y of logs) mu += y;
      mu /= n;
      let ss = 0;
      for (const y of logs) ss += (y - mu) ** 2;
      const sigma = Math.sqrt(ss / (n - 1));
      if (sigma > 0) {
        lognormal = { median: Math.exp(mu), p90: Math.exp(mu + Z90 * sigma), mu, sigma };
        const g2 = normalGoodness(logs, mu, sigma);
        goodness = { andersonDarling: g2.a2, p: g2.p, ks: g2.ks };
      }
    }
    const fits = lognormal !== undefined && goodness !== undefined && (distribution === 'lognormal' || (distribution === 'auto' && n >= 8 && goodness.p >= 0.05));
    if (distribution === 'lognormal' && lognormal === undefined) {
      throw new InvalidArgumentError('distribution', distribution, `a choice that fits ${g.node} ${g.stage}: a lognormal needs durations above 0 that are not all equal`);
    }
    const times = g.rows.filter((r) => r.start !== undefined);
    const from = times.length > 0 ? times.map((r) => r.start!).sort()[0]!.slice(0, 10) : undefined;
    const to = times.length > 0 ? times.map((r) => r.end!).sort()[times.length - 1]!.slice(0, 10) : undefined;
    if (to !== undefined && (lastEnd === undefined || to > lastEnd)) lastEnd = to;
    const previous = network?.nodeById.get(g.node)?.stages?.find((s) => s.id === g.stage)?.durationHours;
    stages.push({
      node: g.node,
      stage: g.stage,
      country: g.country,
      n,
      consignments: new Set(g.rows.map((r) => r.consignment)).size,
      ...(from !== undefined ? { from, to: to! } : {}),
      ...(lognormal !== undefined ? { lognormal } : {}),
      ...(goodness !== undefined ? { goodness } : {}),
      distribution: fits ? { type: 'lognormal', median: round(lognormal!.median), p90: round(lognormal!.p90) } : { type: 'empirical', values: [...sorted].map((v) => round(v, 6)) },
      chosen: fits ? 'lognormal' : 'empirical',
      median: sampleMedian(sorted),
      medianInterval: medianInterval(sorted),
      ...(previous !== undefined ? { previous } : {}),
    });
  }
  if (stages.length === 0) throw new InvalidArgumentError('records', records.length, `at least ${minRecords} records for some place and stage`);
  const year = options.year !== undefined ? options.year : lastEnd !== undefined ? Number(lastEnd.slice(0, 4)) : null;
  const changes: FigureChange[] = stages.map((s) => {
    const dates = s.from !== undefined ? `, ${s.from} to ${s.to}` : '';
    const fit = s.chosen === 'lognormal' ? `lognormal fit, Anderson–Darling p = ${s.goodness!.p.toFixed(2)}` : `observed values${s.goodness !== undefined ? ` (a lognormal fits poorly: Anderson–Darling p = ${s.goodness.p.toFixed(3)})` : ''}`;
    const [lo, hi] = s.medianInterval;
    const ranged = s.median > 0 && lo > 0 && lo <= s.median && hi >= s.median;
    return {
      node: s.node,
      stage: s.stage,
      field: 'durationHours',
      set: s.distribution,
      source: {
        ref: id,
        note: `${s.n} records of ${s.consignments} consignments${dates}; ${fit}`,
        ...(ranged
          ? { range: { field: 'durationHours', factor: [round(Math.min(1, lo / s.median)), round(Math.max(1, hi / s.median))] as [number, number], reason: `90% interval of the median from the ${s.n} records (order statistics)` } }
          : {}),
      },
    };
  });
  const measure = patchFigures({
    id: `survey:${id}`,
    title: `Durations from ${title}`,
    addSources: [{ id, title, organisation, year, notes: `${records.length} records; ${stages.length} places and stages fitted${skipped.length > 0 ? `, ${skipped.length} with too few records` : ''}` }],
    changes,
  });
  return { records: records.length, stages, skipped, measure };
}
