// The queue model's event budget. A flow of `perWeek: 1e9`, or a service with `departuresPerWeek:
// 1e9`, asks for more events than any machine can handle in a lifetime; instead of running forever,
// a run whose expected events exceed the budget is refused before it starts, with a typed error
// naming the field that asks for them, and a run that passes the estimate but overruns the budget
// anyway is stopped the same way.
import { InvalidArgumentError } from '../../errors.js';
import { meanOf } from '../../network/distribution.js';
import type { Plan } from './plan.js';

/** Events one replication may handle by default: about 15 s at the model's 1.3 million events/s, 300 times a year at 3× today. */
export const FLOW_EVENT_BUDGET = 20_000_000;

/** A source of events: the field that sets its rate, the value there, and how many events it asks for. */
export interface EventSource {
  readonly field: string;
  readonly received: number;
  readonly events: number;
}

/**
 * The expected events of one replication over `horizonHours`, per source: each flow's arrivals times
 * the events each consignment makes (one per step, plus arriving and landing), and each service's
 * calls (one per headway).
 */
export function eventSources(plan: Plan, volume: number, horizonHours: number): EventSource[] {
  const sources: EventSource[] = [];
  plan.flows.forEach((f, i) => {
    if (f.route === null) return;
    const arrivals = f.perHour * (f.scales ? volume : 1) * horizonHours;
    sources.push({ field: `flows[${i}].perWeek`, received: f.flow.perWeek, events: arrivals * (f.steps.length + 2) });
  });
  for (const s of plan.services) {
    const mean = meanOf(s.headway);
    const field = s.spec.headwayHours !== undefined ? `links[${s.link.id}].service.headwayHours` : `links[${s.link.id}].service.departuresPerWeek`;
    const received = s.spec.headwayHours !== undefined ? mean : (s.spec.departuresPerWeek as number);
    sources.push({ field, received, events: mean > 0 ? horizonHours / mean : Infinity });
  }
  return sources;
}

/** The error for a run over `budget` events, naming the largest source. */
export function overBudget(sources: readonly EventSource[], budget: number, expected: number): InvalidArgumentError {
  const top = sources.reduce((a, b) => (b.events > a.events ? b : a));
  return new InvalidArgumentError(
    top.field,
    top.received,
    `a rate that keeps a replication within its budget of ${budget.toLocaleString('en-US')} events (this run asks for about ${expected.toExponential(1)}, most of them from ${top.field}); ` +
      'lower it, the volume or the weeks, or raise the eventBudget option',
  );
}

/** Refuse a run whose expected events exceed `budget` per replication. */
export function checkEventBudget(plan: Plan, volume: number, horizonHours: number, budget: number): void {
  const sources = eventSources(plan, volume, horizonHours);
  const expected = sources.reduce((a, s) => a + s.events, 0);
  if (sources.length > 0 && !(expected <= budget)) throw overBudget(sources, budget, expected);
}
