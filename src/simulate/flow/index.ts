// The queue model (DESIGN §8): flows of consignments through servers and ferries with capacities.
export { simulateFlow, FLOW_DEFAULTS, SATURATED_UTILISATION } from './simulate-flow.js';
export { FLOW_EVENT_BUDGET } from './budget.js';
export { volumeSweep, DEFAULT_FACTORS } from './sweep.js';
export { networkFlows, referenceVolume } from './demand.js';
export type {
  ConsignmentSize,
  FlowSpec,
  TodayVolume,
  FlowOptions,
  TimeKindHours,
  FlowBreakdown,
  ReplacedQueue,
  FlowReport,
  ServerReport,
  FlowBalance,
  FlowResult,
  SweepOptions,
  SaturationRow,
  VolumeSweep,
} from './types.js';
