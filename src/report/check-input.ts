// Checks of what the report functions are given (`renderReport`, `reportJson`, `samplesCsv`, …): a
// wrong value is an `InvalidArgumentError` naming it, never a TypeError from deep in a renderer.
// They check the fields the renderers read; the values come from the library's own functions.
import { requireArray, requireShape } from '../arguments.js';
import { requireNetwork } from '../network/network.js';
import { requireComparison } from '../simulate/check-results.js';
import type { FlowResult, VolumeSweep } from '../simulate/flow/types.js';
import type { ReportInput, ReportTrip } from './model.js';

/** `trip` if it has the shape of a `ReportTrip` (a `Scenario` from `runScenario`, with a title or not). */
export function requireTrip(trip: unknown, field = 'trip'): ReportTrip {
  const t = requireShape<ReportTrip>(trip, field, 'a ReportTrip (a Scenario from runScenario or reportTrip)', { options: 'object' });
  if (t.comparison !== null) requireComparison(t.comparison, `${field}.comparison`);
  return t;
}

/** `input` if it has the shape of a `ReportInput`: a Network, an array of measures, an array of trips. */
export function requireReportInput(input: unknown, field = 'input'): ReportInput {
  const i = requireShape<ReportInput>(input, field, 'a ReportInput { network, measures, trips }', { measures: 'array', trips: 'array' });
  requireNetwork(i.network, `${field}.network`);
  requireArray(i.measures, `${field}.measures`, 'an array of measures', (m, f) => requireShape(m, f, 'a measure', { id: 'string', parameters: 'array' }));
  requireArray(i.trips, `${field}.trips`, 'an array of ReportTrips', (t, f) => requireTrip(t, f));
  return i;
}

/** `result` if it has the shape of a `FlowResult` (from `simulateFlow`). */
export function requireFlowResult(result: unknown, field = 'result'): FlowResult {
  const r = requireShape<FlowResult>(result, field, 'a FlowResult from simulateFlow', { flows: 'array', servers: 'array', breakdown: 'object', backlog: 'object', units: 'object' });
  requireReference(r.today, `${field}.today`, 'a FlowResult from simulateFlow');
  return r;
}

/** A result's `today`: the network's reference volume, or null when its document declares no traffic. */
function requireReference(today: unknown, field: string, expected: string): void {
  if (today !== null) requireShape(today, field, `the reference volume or null (${expected})`);
}

/** `sweep` if it has the shape of a `VolumeSweep` (from `volumeSweep`). */
export function requireSweep(sweep: unknown, field = 'sweep'): VolumeSweep {
  const s = requireShape<VolumeSweep>(sweep, field, 'a VolumeSweep from volumeSweep', { factors: 'array', baseline: 'array', saturation: 'array', measures: 'array' });
  requireReference(s.today, `${field}.today`, 'a VolumeSweep from volumeSweep');
  s.baseline.forEach((r, i) => requireFlowResult(r, `${field}.baseline[${i}]`));
  return s;
}
