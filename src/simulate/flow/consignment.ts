// A consignment of the queue model: the flow it belongs to, where it is on the flow's steps, what it
// is doing, and the hours it has spent so far by kind of time and category. Replications keep them
// in one array and refer to them by index (events carry the index).
import { CATEGORIES } from '../../network/types.js';
import { TIME_KINDS } from './plan.js';

/** One consignment on its way through the steps of its flow. */
export interface Consignment {
  readonly flow: number;
  /** Index within its flow: the run number of its draws. */
  readonly k: number;
  readonly created: number;
  step: number;
  /** `MOVING_STATE`, `WAITING_STATE`, `SERVICE_STATE` or `DELIVERED_STATE`. */
  state: number;
  /** When it joined the current queue. */
  joined: number;
  /** Service hours drawn for the current server step. */
  serviceHours: number;
  /** Crossing: share of a vessel still to load, parts loaded and not yet landed, whether the last part has sailed and when. */
  remaining: number;
  parts: number;
  sailed: boolean;
  lastDeparture: number;
  /** Hours so far by kind of time (`TIME_KINDS` order) and by category (`CATEGORIES` order). */
  readonly kinds: Float64Array;
  readonly categories: Float64Array;
}

// What a consignment is doing (`Consignment.state`).
/** On its way through delays (travel, stages without servers). */
export const MOVING_STATE = 0;
/** In a server's or a service's queue; on a crossing, also while its parts are at sea (`sailed` once the last has left). */
export const WAITING_STATE = 1;
/** Served by one of a stage's servers. */
export const SERVICE_STATE = 2;
/** Done with its last step. */
export const DELIVERED_STATE = 3;

/** Consignment number `k` of flow `flow`, arriving at `now`, at its first step. */
export function newConsignment(flow: number, k: number, now: number): Consignment {
  return {
    flow,
    k,
    created: now,
    step: 0,
    state: MOVING_STATE,
    joined: now,
    serviceHours: 0,
    remaining: 0,
    parts: 0,
    sailed: false,
    lastDeparture: 0,
    kinds: new Float64Array(TIME_KINDS.length),
    categories: new Float64Array(CATEGORIES.length),
  };
}

/** Add `hours` to the consignment's time of kind `kind` and of category `category`. */
export function addTime(c: Consignment, kind: number, category: number, hours: number): void {
  c.kinds[kind]! += hours;
  c.categories[category]! += hours;
}
