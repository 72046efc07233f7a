// A study's comparison table — every alternative of every trip against the reference (the first
// alternative) — as text for the terminal, as JSON and as CSV.
import type { Interval } from '../simulate/compare.js';
import { requireStudyResult } from '../simulate/study/check-result.js';
import type { StudyAlternativeResult, StudyResult } from '../simulate/study/merge.js';
import { toCsv, type CsvValue } from './export.js';
import { fmtDays, textTable } from './table.js';

const signedDays = (h: number): string => `${h >= 0 ? '+' : '−'}${Math.abs(h / 24).toFixed(2)}`;
const interval = (i: Interval): string => `${signedDays(i.estimate)} [${i.low === null || i.high === null ? 'n/a' : `${signedDays(i.low)}, ${signedDays(i.high)}`}]`;

/** The comparison table as text: one table per trip, one row per alternative (days; changes against the reference with 95% intervals). */
export function studyText(r: StudyResult): string {
  requireStudyResult(r);
  const s = r.study;
  const name = (id: string): string => s.names[id] ?? id;
  const out = [
    s.title,
    `${s.alternatives.length} alternatives × ${s.trips.length} trips, ${s.runs.toLocaleString('en-US')} runs each, seed ${s.seed}, ${s.policy} routes; changes against "${s.alternatives[0]!.id}" on common random numbers (95% intervals), in days.`,
  ];
  for (const t of r.trips) {
    out.push('', `${t.title ?? t.id}: ${name(t.origin)} → ${name(t.destination)} (${t.profile})`);
    const within = t.withinDays;
    const rows = t.alternatives.map((a) => {
      const res = a.result;
      if (res === null) return [a.id, 'no route', '', '', '', '', '', ...(within !== undefined ? [''] : [])];
      const c = a.comparison;
      return [
        a.id,
        fmtDays(res.summary.meanHours),
        fmtDays(res.summary.p50Hours),
        fmtDays(res.summary.p90Hours),
        fmtDays(res.summary.p95Hours),
        c === undefined ? '' : interval(c.difference.meanHours),
        c === undefined ? '' : interval(c.difference.p90Hours),
        ...(within !== undefined ? [`${(res.probabilityWithin(within) * 100).toFixed(1)}%`] : []),
      ];
    });
    out.push(
      textTable(
        [
          { header: 'alternative' },
          { header: 'mean', align: 'right' },
          { header: 'p50', align: 'right' },
          { header: 'p90', align: 'right' },
          { header: 'p95', align: 'right' },
          { header: 'Δ mean', align: 'right' },
          { header: 'Δ p90', align: 'right' },
          ...(within !== undefined ? [{ header: `≤ ${within} d`, align: 'right' as const }] : []),
        ],
        rows,
      ),
    );
  }
  return out.join('\n');
}

function alternativeJson(a: StudyAlternativeResult): Record<string, unknown> {
  const r = a.result;
  const head = { id: a.id, ...(a.title !== undefined ? { title: a.title } : {}), measures: a.measures };
  if (r === null) return { ...head, noRoute: true };
  const c = a.comparison;
  return {
    ...head,
    summary: r.summary,
    route: { nodes: r.route.nodes, links: r.route.links, distanceKm: r.route.distanceKm, expectedHours: r.route.totalHours },
    routes: r.routes,
    byCountry: r.byCountry,
    byCategory: r.byCategory,
    ...(r.maxHours !== undefined ? { maxHours: r.maxHours } : {}),
    ...(c !== undefined
      ? { difference: c.difference, byCountryDelta: c.byCountry, byCategoryDelta: c.byCategory.delta, ...(c.within !== undefined ? { within: c.within } : {}) }
      : {}),
  };
}

/** The comparison as JSON: the study's settings, and per trip every alternative's summary, routes, breakdowns and changes against the reference. */
export function studyJson(r: StudyResult): Record<string, unknown> {
  requireStudyResult(r);
  const s = r.study;
  return {
    format: 'transcaspian/study-result@1',
    title: s.title,
    digest: r.digest,
    runs: s.runs,
    seed: s.seed,
    policy: s.policy,
    reference: s.alternatives[0]!.id,
    trips: r.trips.map((t) => ({
      id: t.id,
      ...(t.title !== undefined ? { title: t.title } : {}),
      origin: t.origin,
      destination: t.destination,
      profile: t.profile,
      ...(t.withinDays !== undefined ? { withinDays: t.withinDays } : {}),
      alternatives: t.alternatives.map(alternativeJson),
    })),
  };
}

/** The comparison as CSV (RFC 4180): one row per trip and alternative; hours, changes against the reference with their intervals. */
export function studyCsv(r: StudyResult): string {
  requireStudyResult(r);
  const rows: CsvValue[][] = [
    [
      'trip',
      'alternative',
      'measures',
      'meanHours',
      'p50Hours',
      'p90Hours',
      'p95Hours',
      'deltaMeanHours',
      'deltaMeanLow',
      'deltaMeanHigh',
      'deltaP50Hours',
      'deltaP50Low',
      'deltaP50High',
      'deltaP90Hours',
      'deltaP90Low',
      'deltaP90High',
      'deltaP95Hours',
      'deltaP95Low',
      'deltaP95High',
      'withinDays',
      'probabilityWithin',
      'route',
    ],
  ];
  for (const t of r.trips) {
    for (const a of t.alternatives) {
      const res = a.result;
      const d = a.comparison?.difference;
      const iv = (i: Interval | undefined): CsvValue[] => (i === undefined ? [null, null, null] : [i.estimate, i.low, i.high]);
      rows.push([
        t.id,
        a.id,
        a.measures.join(' + '),
        res?.summary.meanHours ?? null,
        res?.summary.p50Hours ?? null,
        res?.summary.p90Hours ?? null,
        res?.summary.p95Hours ?? null,
        ...iv(d?.meanHours),
        ...iv(d?.p50Hours),
        ...iv(d?.p90Hours),
        ...iv(d?.p95Hours),
        t.withinDays ?? null,
        t.withinDays !== undefined && res !== null ? res.probabilityWithin(t.withinDays) : null,
        res === null ? 'no route' : res.route.nodes.join(' > '),
      ]);
    }
  }
  return toCsv(rows);
}
