// Text and JSON renderings of a before/after comparison and its attribution per measure, and of a
// whole scenario (warnings, the effect under uncertain inputs first, then the comparison).
import type { Network } from '../network/network.js';
import { CATEGORIES } from '../network/types.js';
import type { Attribution } from '../simulate/attribute.js';
import { MONTH_NAMES } from '../simulate/by-month.js';
import type { Comparison, Interval, MonthDifference } from '../simulate/compare.js';
import type { SimulationResult } from '../simulate/montecarlo.js';
import type { Scenario } from '../simulate/scenario.js';
import { fmtDays, fmtHours, textTable } from './table.js';
import { uncertaintyJson, uncertaintyText } from './uncertainty-text.js';

/** The JSON summary of one simulation: `runs`, `meanHours`, quantiles, `byCountry`, `byCategory`. */
export function summaryJson(r: SimulationResult): Record<string, unknown> {
  return {
    ...r.summary,
    policy: r.policy,
    seed: r.seed,
    route: { nodes: r.route.nodes, links: r.route.links, expectedHours: r.route.totalHours },
    routes: r.routes,
    byCountry: r.byCountry,
    byCategory: r.byCategory,
    ...(r.maxHours !== undefined ? { maxHours: r.maxHours } : {}),
    congestion: r.congestion,
    ...(r.calendar !== undefined ? { calendar: calendarJson(r) } : {}),
    ...(r.byMonth !== undefined ? { byMonth: r.byMonth.map((m, i) => (m === null ? { month: i + 1, runs: 0 } : { month: m.month, ...m.summary })) } : {}),
  };
}

/** The calendar settings of a simulation as JSON: the departure window as dates, seasons and correlation. */
function calendarJson(r: SimulationResult): Record<string, unknown> {
  const c = r.calendar!;
  return {
    departure: { label: c.departure.label, from: new Date(c.departure.fromHours * 3.6e6).toISOString(), to: new Date(c.departure.toHours * 3.6e6).toISOString() },
    seasons: c.seasons,
    episodes: c.episodes,
    independent: c.independent,
    sigma: c.sigma,
  };
}

/**
 * What the runs assumed about waits at capacity-limited places, in words: the model at a volume
 * (with the places on the route, their utilisation and mean wait, and any that are unstable), or
 * the surveyed waits.
 */
export function congestionLines(r: SimulationResult, name: (id: string) => string = (id) => id): string[] {
  const c = r.congestion;
  if (c.mode === 'surveyed') return ['  Waits at capacity-limited places: the dataset\'s surveyed waits (congestion "surveyed").'];
  const teu = c.teuPerYear !== undefined ? ` (${Math.round(c.teuPerYear).toLocaleString('en-US')} TEU a year)` : '';
  const regime = c.regime === 'today' ? '' : `, regime ${c.regime}`;
  const lines = [`  Waits at capacity-limited places: from volume and capacity (congestion "model"${regime}), at ${+c.volume.toFixed(3)}× the ${c.year ?? 'reference'} volume${teu}.`];
  const shown = c.places.filter((p) => !p.stable || (p.meanWaitHours ?? 0) >= 0.5);
  if (shown.length > 0) {
    lines.push(
      `    ${shown
        .map((p) =>
          !p.stable
            ? `${p.label}: UNSTABLE (utilisation ${p.utilisation.toFixed(2)} ≥ 1)`
            : p.backlog !== undefined
              ? `${p.label}: OVERLOADED until ${p.backlog.until} (utilisation ${p.backlog.utilisationInWindow.toFixed(2)}, then ${p.utilisation.toFixed(2)}), mean wait ${fmtHours(p.meanWaitHours!)} h of which ${fmtHours(p.backlog.meanHours)} h backlog`
              : `${p.label}: utilisation ${p.utilisation.toFixed(2)}, mean wait ${fmtHours(p.meanWaitHours!)} h`,
        )
        .join('; ')}.`,
    );
  }
  if (c.avoided.length > 0) lines.push(`  Routed around places that are UNSTABLE at this volume (utilisation ≥ 1): ${c.avoided.join('; ')}.`);
  if (c.unstable.length > 0) {
    lines.push(`  UNSTABLE at this volume: ${c.unstable.map((id) => c.places.find((p) => p.id === id)?.label ?? name(id)).join('; ')}: the queue grows without bound, so no stationary wait exists there; the times above leave that wait out.`);
  }
  return lines;
}

/** The JSON form of a comparison and (optionally) an attribution, as `transcaspian simulate --json` prints it. */
export function comparisonJson(c: Comparison, attribution?: Attribution): Record<string, unknown> {
  return {
    origin: c.before.origin,
    destination: c.before.destination,
    profile: c.before.profile,
    before: summaryJson(c.before),
    after: summaryJson(c.after),
    difference: {
      ...c.difference,
      byCountry: c.byCountry,
      byCategory: c.byCategory.delta,
      ...(c.byMonth !== undefined
        ? { byMonth: c.byMonth.map((m, i) => (m === null ? { month: i + 1, runs: 0 } : { month: m.month, runs: m.runs, meanHours: m.meanHours, p50Hours: m.p50Hours, p90Hours: m.p90Hours, p95Hours: m.p95Hours })) }
        : {}),
    },
    ...(c.within !== undefined ? { within: c.within } : {}),
    ...(c.maxHours !== undefined ? { maxHours: c.maxHours } : {}),
    ...(attribution !== undefined
      ? {
          attribution: attribution.measures.map((m) => ({
            id: m.id,
            title: m.title,
            meanHours: m.shapley.meanHours,
            p50Hours: m.shapley.p50Hours,
            alone: m.alone,
            removed: m.removed,
          })),
          attributionTotal: attribution.total,
        }
      : {}),
  };
}

/** Routes listed one by one in the adaptive split; the rest are counted together. */
const MAX_ROUTES_SHOWN = 5;

function daysWithInterval(i: Interval): string {
  return `${(i.estimate / 24).toFixed(2)} [${i.low === null || i.high === null ? 'n/a' : `${(i.low / 24).toFixed(2)}, ${(i.high / 24).toFixed(2)}`}]`;
}

/** The months with runs, when the runs depart in more than one (else none: nothing to compare). */
export function monthsWithRuns(c: Comparison): MonthDifference[] {
  const months = (c.byMonth ?? []).filter((m): m is MonthDifference => m !== null);
  return months.length > 1 ? months : [];
}

/** The month whose runs have the highest p90 before the measures (the shipper's bad month), or `null` without months. */
export function worstMonth(c: Comparison): MonthDifference | null {
  let worst: MonthDifference | null = null;
  for (const m of monthsWithRuns(c)) if (worst === null || m.before.p90Hours > worst.before.p90Hours) worst = m;
  return worst;
}

/** One line on the worst month: its name, and p50 and p90 before → after, in days. */
export function worstMonthText(m: MonthDifference): string {
  const d = (h: number): string => fmtDays(h);
  return `worst month to depart (highest p90 before the measures): ${MONTH_NAMES[m.month - 1]} — p50 ${d(m.before.p50Hours)} → ${d(m.after.p50Hours)} d, p90 ${d(m.before.p90Hours)} → ${d(m.after.p90Hours)} d, p95 ${d(m.before.p95Hours)} → ${d(m.after.p95Hours)} d`;
}

/** The 12-row table by departure month: runs, before p5/p50/p90/p95, after p50/p90/p95, mean change. */
export function monthTableText(c: Comparison, indent = '    '): string {
  const rows = monthsWithRuns(c).map((m) => [
    MONTH_NAMES[m.month - 1]!,
    String(m.runs),
    fmtDays(m.before.p5Hours),
    fmtDays(m.before.p50Hours),
    fmtDays(m.before.p90Hours),
    fmtDays(m.before.p95Hours),
    fmtDays(m.after.p50Hours),
    fmtDays(m.after.p90Hours),
    fmtDays(m.after.p95Hours),
    (m.meanHours.estimate / 24).toFixed(2),
  ]);
  return textTable(
    [
      { header: 'departing' },
      { header: 'runs', align: 'right' },
      { header: 'p5', align: 'right' },
      { header: 'p50', align: 'right' },
      { header: 'p90', align: 'right' },
      { header: 'p95', align: 'right' },
      { header: 'after p50', align: 'right' },
      { header: 'after p90', align: 'right' },
      { header: 'after p95', align: 'right' },
      { header: 'mean change', align: 'right' },
    ],
    rows,
    indent,
  );
}

/** A readable report of a comparison, with the attribution per measure when given. */
export function comparisonText(network: Network, c: Comparison, attribution?: Attribution): string {
  const name = (id: string): string => network.nodeById.get(id)?.name ?? id;
  const b = c.before.summary;
  const a = c.after.summary;
  const lines: string[] = [];
  lines.push(`${name(c.before.origin)} → ${name(c.before.destination)} (${c.before.profile}, ${c.before.policy}, ${b.runs} ${b.runs === 1 ? 'run' : 'runs'}, seed ${c.before.seed})`);
  if (c.before.policy === 'adaptive') {
    // Each run takes its own fastest route on its own draws: show how the runs split.
    const split = (r: SimulationResult, label: string): void => {
      lines.push(`  routes ${label} (share of runs, re-routed on each run's draws):`);
      for (const x of r.routes.slice(0, MAX_ROUTES_SHOWN)) lines.push(`    ${(x.share * 100).toFixed(1).padStart(5)}%  ${x.nodes.map(name).join(' → ')}`);
      if (r.routes.length > MAX_ROUTES_SHOWN) {
        const rest = r.routes.slice(MAX_ROUTES_SHOWN).reduce((s, x) => s + x.share, 0);
        lines.push(`    ${(rest * 100).toFixed(1).padStart(5)}%  ${r.routes.length - MAX_ROUTES_SHOWN} other routes`);
      }
    };
    split(c.before, 'before');
    split(c.after, 'after');
  } else {
    lines.push(`  route before: ${c.before.route.nodes.map(name).join(' → ')}`);
    if (c.after.route.links.join() !== c.before.route.links.join()) lines.push(`  route after:  ${c.after.route.nodes.map(name).join(' → ')}`);
  }
  lines.push(...congestionLines(c.before, name));
  const afterUnstable = c.after.congestion.unstable.filter((id) => !c.before.congestion.unstable.includes(id));
  if (afterUnstable.length > 0) lines.push(`  UNSTABLE after the measures: ${afterUnstable.join('; ')}.`);
  lines.push('');
  lines.push(
    textTable(
      [{ header: 'days' }, { header: 'mean', align: 'right' }, { header: 'p50', align: 'right' }, { header: 'p90', align: 'right' }, { header: 'p95', align: 'right' }],
      [
        ['before', fmtDays(b.meanHours), fmtDays(b.p50Hours), fmtDays(b.p90Hours), fmtDays(b.p95Hours)],
        ['after', fmtDays(a.meanHours), fmtDays(a.p50Hours), fmtDays(a.p90Hours), fmtDays(a.p95Hours)],
      ],
    ),
  );
  const d = c.difference;
  lines.push('');
  lines.push(`  change after − before, days [95% Monte Carlo interval]: mean ${daysWithInterval(d.meanHours)}, p50 ${daysWithInterval(d.p50Hours)}, p90 ${daysWithInterval(d.p90Hours)}, p95 ${daysWithInterval(d.p95Hours)}`);
  if (c.within !== undefined) {
    lines.push(`  within ${c.within.days} days: ${(c.within.before * 100).toFixed(1)}% → ${(c.within.after * 100).toFixed(1)}%`);
  }
  if (c.maxHours !== undefined) {
    lines.push(`  within the profile's ${fmtHours(c.maxHours.hours)} h limit (cold chain): ${(c.maxHours.before * 100).toFixed(1)}% → ${(c.maxHours.after * 100).toFixed(1)}%`);
  }
  const cal = c.before.calendar;
  if (cal !== undefined) {
    const seasons = !cal.seasons ? 'seasons off' : cal.episodes === 0 ? 'no episodes in the network' : `${cal.episodes} episode processes`;
    const correlation = cal.sigma > 0 ? `correlated (σ ${cal.sigma})` : cal.independent ? 'independent' : 'no correlation';
    lines.push(`  departing ${cal.departure.label}; ${seasons}${cal.episodes > 0 ? `, ${correlation}` : ''}`);
  }
  if (monthsWithRuns(c).length > 0) {
    lines.push('');
    lines.push('  Days by departure month (before the measures, then after)');
    lines.push(monthTableText(c));
  }
  lines.push('');
  lines.push('  Mean hours per country, before → after');
  const rows = c.byCountry.map((row) => {
    const bc = c.before.byCountry.find((x) => x.country === row.country);
    const ac = c.after.byCountry.find((x) => x.country === row.country);
    const cats = CATEGORIES.map((k) => `${fmtHours(bc?.byCategory[k] ?? 0)}→${fmtHours(ac?.byCategory[k] ?? 0)}`);
    return [row.country, ...cats, fmtHours(row.beforeHours), fmtHours(row.afterHours), fmtHours(row.deltaHours)];
  });
  lines.push(
    textTable(
      [{ header: 'country' }, ...CATEGORIES.map((k) => ({ header: k, align: 'right' as const })), { header: 'before', align: 'right' }, { header: 'after', align: 'right' }, { header: 'change', align: 'right' }],
      rows,
      '    ',
    ),
  );
  if (attribution !== undefined) {
    lines.push('');
    lines.push(`  Hours saved per measure (Shapley over ${attribution.subsets} subsets; alone; removed from the package)`);
    lines.push(
      textTable(
        [{ header: 'measure' }, { header: 'Shapley mean', align: 'right' }, { header: 'Shapley p50', align: 'right' }, { header: 'alone mean', align: 'right' }, { header: 'removed mean', align: 'right' }],
        [
          ...attribution.measures.map((m) => [m.id, fmtHours(m.shapley.meanHours), fmtHours(m.shapley.p50Hours), fmtHours(m.alone.meanHours), fmtHours(m.removed.meanHours)]),
          ['package', fmtHours(attribution.total.meanHours), fmtHours(attribution.total.p50Hours), '', ''],
        ],
        '    ',
      ),
    );
  }
  return lines.join('\n');
}

/**
 * A scenario as text: its warnings (parameters outside their plausible range), then the effect
 * under uncertain inputs when the two-level simulation ran (the headline), then `comparisonText`
 * (whose intervals are Monte Carlo error only) with the attribution, or a note saying why it was skipped.
 */
export function scenarioText(network: Network, s: Scenario): string {
  if (s.comparison === null) return '';
  const [title, ...rest] = comparisonText(network, s.comparison, s.attribution).split('\n');
  // The headline goes first, under the trip's title line.
  const body = s.uncertainty !== undefined ? [title!, uncertaintyText(s.uncertainty), '', ...rest] : [title!, ...rest];
  const note = s.attributionSkipped !== undefined ? ['', `  Note: ${s.attributionSkipped}.`] : [];
  return [...s.warnings.map((w) => `warning: ${w}`), ...body, ...note].join('\n');
}

/**
 * A scenario as JSON: `warnings` (when any), `uncertainty` (when it ran) first, then `comparisonJson`;
 * `attribution: null` and `attributionSkipped` when there were too many measures to attribute.
 */
export function scenarioJson(s: Scenario): Record<string, unknown> {
  if (s.comparison === null) return {};
  return {
    ...(s.warnings.length > 0 ? { warnings: s.warnings } : {}),
    ...(s.uncertainty !== undefined ? { uncertainty: uncertaintyJson(s.uncertainty) } : {}),
    ...comparisonJson(s.comparison, s.attribution),
    ...(s.attributionSkipped !== undefined ? { attribution: null, attributionSkipped: s.attributionSkipped } : {}),
  };
}
