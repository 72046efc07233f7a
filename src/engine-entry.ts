// The `transcaspian/engine` entry point: the numeric core (CSR graphs, shortest paths, bounds, Yen,
// timetables, batched searches) and the compiled mode-expanded graph that connects it to networks.
// It lives beside src/index.ts, not in src/engine/, because it re-exports src/route/compile.ts,
// which sits above the engine layer; like index.ts it only re-exports and nothing in src/ imports
// it. What this file does not export is internal.

export { buildCsr, reverseCsr, cloneCsrWeights, csrBytes, type Csr } from './engine/csr.js';
export { reweightCsr, setArcWeight, copyWeights, arcWeights } from './engine/weights.js';
export { createWorkspace, type Workspace } from './engine/workspace.js';
export type { PathResult } from './engine/path.js';
export { shortestPathTree, treePath, type ShortestPathTree } from './engine/dijkstra.js';
export { shortestPath } from './engine/shortest-path.js';
export { bidirectionalShortestPath } from './engine/bidirectional.js';
export { aStarShortestPath } from './engine/astar.js';
export { bidirectionalAStarShortestPath } from './engine/bidirectional-astar.js';
export { greatCircleLowerBounds, boundingSpeedKmh, haversineKm, EARTH_RADIUS_KM } from './engine/lower-bounds.js';
export { kShortestPaths } from './engine/yen.js';
export { buildTimetable, type Timetable, type ArcTiming } from './engine/timetable.js';
export { earliestArrival, type TimedPath } from './engine/earliest-arrival.js';
export { batchedShortestPathTrees, createBatchedWorkspace, sweepOrder, type BatchedTrees, type BatchedWorkspace, type TimedSlots } from './engine/batched-label-correcting.js';

export { compile, reweight, copyCompiled, type CompiledNetwork } from './route/compile.js';
export type { ExpandedGraph, Arc, Part, PartModel, PartKind } from './route/expand.js';
