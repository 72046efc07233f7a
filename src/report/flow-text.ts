// Text and JSON renderings of queue-model results, for the CLI (`transcaspian flow`) and examples.
import type { FlowResult, ServerReport, VolumeSweep } from '../simulate/flow/types.js';
import { textTable as table } from './table.js';
import { requireFlowResult, requireSweep } from './check-input.js';

const num = (x: number | null | undefined, digits = 1): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const days = (h: number | null | undefined): string => (h === null || h === undefined || !Number.isFinite(h) ? '–' : (h / 24).toFixed(1));
const pct = (x: number | null): string => (x !== null && Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–');

/** The per-server table: capacity, load, waits, queues, saturation. */
export function serverTable(servers: readonly ServerReport[]): string {
  return table(
    [
      { header: 'server' },
      { header: 'c', align: 'right' },
      { header: 'capacity/wk', align: 'right' },
      { header: 'arrivals/wk', align: 'right' },
      { header: 'ρ', align: 'right' },
      { header: 'util', align: 'right' },
      { header: 'wait h', align: 'right' },
      { header: 'p95 wait h', align: 'right' },
      { header: 'queue', align: 'right' },
      { header: 'max', align: 'right' },
      { header: 'growth/wk', align: 'right' },
      { header: '' },
    ],
    servers.map((s) => [
      s.label,
      s.servers === null ? 'sched' : String(s.servers),
      s.capacityPerWeek === null ? '∞' : `${num(s.capacityPerWeek)}${s.kind === 'service' ? ' loads' : ''}`,
      num(s.arrivalsPerWeek),
      num(s.offeredLoad, 2),
      pct(s.utilisation.estimate),
      s.unstable ? 'unstable' : num(s.meanWaitHours?.estimate),
      s.unstable ? '–' : num(s.p95WaitHours),
      num(s.meanQueue.estimate),
      String(s.maxQueue),
      num(s.queueGrowthPerWeek.estimate, 2),
      s.unstable ? `UNSTABLE (utilisation ${num(s.utilisationFromRates, 2)} ≥ 1)` : s.saturated ? 'SATURATED' : '',
    ]),
  );
}

/**
 * A readable report of a `simulateFlow` result: what was run, today's volume and its sources, one
 * row per flow (throughput, transit days with the 95% interval of the mean, queueing against
 * service, backlog) and one row per server (capacity, offered load ρ, utilisation, waits, queue
 * lengths, growth, saturation).
 */
export function flowText(result: FlowResult): string {
  requireFlowResult(result);
  const head = [
    `Queue model of ${result.network} at ${result.volume}× today's volume: ${result.weeks} weeks after ${result.warmupWeeks} warm-up weeks, ${result.replications} replication(s), seed ${result.seed}${result.measures.length > 0 ? `, measures ${result.measures.join(', ')}` : ''}.`,
    ...(result.today !== null ? [`Today's volume (1×): ${result.today.description}`] : []),
    `Arrivals: Poisson per flow. Offered ${num(result.offeredPerWeek)} consignments/week (${Math.round(result.units.offeredPerWeek.teu)} TEU, ${Math.round(result.units.offeredPerWeek.wagons)} wagons, ${Math.round(result.units.offeredPerWeek.trucks)} trucks); delivered ${num(result.deliveredPerWeek)}/week; backlog at the end ${num(result.backlog.total)} (${num(result.backlog.waiting)} waiting, ${num(result.backlog.inService)} in service, ${num(result.backlog.moving)} moving).`,
  ];
  const flows = table(
    [
      { header: 'flow' },
      { header: 'offered/wk', align: 'right' },
      { header: 'delivered/wk', align: 'right' },
      { header: 'mean days', align: 'right' },
      { header: '95% CI', align: 'right' },
      { header: 'p50', align: 'right' },
      { header: 'p95', align: 'right' },
      { header: 'queue h', align: 'right' },
      { header: 'ferry wait h', align: 'right' },
      { header: 'service h', align: 'right' },
      { header: 'moving h', align: 'right' },
      { header: 'replaced h', align: 'right' },
      { header: 'backlog', align: 'right' },
    ],
    result.flows.map((f) => [
      f.route === null ? `${f.id} (no route)` : f.id,
      num(f.offeredPerWeek),
      num(f.deliveredPerWeek),
      f.unstableAt.length > 0 ? 'unstable' : days(f.meanHours?.estimate),
      f.unstableAt.length > 0 ? '–' : f.meanHours === null || f.meanHours.low === null ? 'n/a' : `${days(f.meanHours.low)}–${days(f.meanHours.high)}`,
      days(f.transit?.p50Hours),
      days(f.transit?.p95Hours),
      num(f.breakdown.byKind.queue),
      num(f.breakdown.byKind.departureWait),
      num(f.breakdown.byKind.service),
      num(f.breakdown.byKind.moving),
      num(f.replacedQueueHours),
      num(f.backlog),
    ]),
  );
  const saturated = result.servers.filter((s) => s.saturated && !s.unstable);
  const unstable = result.servers.filter((s) => s.unstable);
  return [
    ...head,
    '',
    'Flows (transit of consignments delivered in the window; "replaced h": today\'s capacity queue stages dropped, Monte Carlo hours)',
    flows,
    '',
    'Servers (stages with servers; ferries and feeders in vessel loads)',
    serverTable(result.servers),
    '',
    ...(unstable.length > 0
      ? [
          `Unstable (utilisation ≥ 1): ${unstable.map((s) => `${s.label} (${num(s.utilisationFromRates, 2)})`).join('; ')}. Its queue grows without bound, so no mean wait or transit time is given for it or the flows through it (a run would only show them growing with its length).`,
        ]
      : []),
    saturated.length === 0 ? (unstable.length === 0 ? 'No server saturates.' : 'No other server saturates.') : `Saturated: ${saturated.map((s) => s.label).join('; ')}.`,
    '',
    ...result.notes.map((n) => `- ${n}`),
  ].join('\n');
}

/** The JSON form of a `simulateFlow` result: everything, with non-finite numbers as `null`. */
export function flowJson(result: FlowResult): Record<string, unknown> {
  requireFlowResult(result);
  return JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
}

/**
 * A readable report of a `volumeSweep`: today's volume, the mean transit days of each flow at each
 * factor (without and with the measures), and every server's utilisation at each factor with the
 * factor at which it saturates.
 */
export function sweepText(sweep: VolumeSweep): string {
  requireSweep(sweep);
  const f = sweep.factors;
  const withM = sweep.withMeasures;
  const flowRows: string[][] = [];
  sweep.baseline[0]?.flows.forEach((flow, i) => {
    const cell = (r: FlowResult): string => {
      const f = r.flows[i]!;
      return f.unstableAt.length > 0 ? 'unstable' : days(f.meanHours?.estimate);
    };
    flowRows.push([flow.id, ...sweep.baseline.map(cell)]);
    if (withM !== null) flowRows.push([`  with measures`, ...withM.map(cell)]);
  });
  const flows = table([{ header: 'mean transit days' }, ...f.map((x) => ({ header: `${x}×`, align: 'right' as const }))], flowRows);
  const serverRows: string[][] = [];
  for (const row of sweep.saturation) {
    serverRows.push([row.label, ...row.utilisation.baseline.map(pct), row.saturatesAt.baseline === null ? '–' : `${row.saturatesAt.baseline}×`]);
    if (row.utilisation.withMeasures !== null) {
      serverRows.push(['  with measures', ...row.utilisation.withMeasures.map(pct), row.saturatesAt.withMeasures === null ? '–' : `${row.saturatesAt.withMeasures}×`]);
    }
  }
  const servers = table(
    [{ header: 'server utilisation' }, ...f.map((x) => ({ header: `${x}×`, align: 'right' as const })), { header: 'saturates at', align: 'right' }],
    serverRows,
  );
  return [
    `Volume sweep ${f.map((x) => `${x}×`).join(', ')} of today's volume${sweep.measures.length > 0 ? `, without and with ${sweep.measures.join(', ')}` : ''}.`,
    ...(sweep.today !== null ? [`Today's volume (1×): ${sweep.today.description}`] : []),
    '',
    flows,
    '',
    servers,
  ].join('\n');
}

/** The JSON form of a `volumeSweep`: everything, with non-finite numbers as `null`. */
export function sweepJson(sweep: VolumeSweep): Record<string, unknown> {
  requireSweep(sweep);
  return JSON.parse(JSON.stringify(sweep)) as Record<string, unknown>;
}
