// Machine-readable exports of a report: JSON (the full result), CSV (per-run samples, and the
// per-country × category breakdown as a second file) and GeoJSON (the network and the route, for
// QGIS or kepler.gl). CSV follows RFC 4180: comma-separated, CRLF line ends, fields holding a comma,
// a double quote, CR or LF enclosed in double quotes with inner quotes doubled.
import type { Measure } from '../measures/types.js';
import { requireArray, requireShape, requireString } from '../arguments.js';
import { InvalidArgumentError } from '../errors.js';
import { requireNetwork, type Network } from '../network/network.js';
import { requireComparison } from '../simulate/check-results.js';
import { requireReportInput, requireTrip } from './check-input.js';
import { CATEGORIES } from '../network/types.js';
import type { Comparison } from '../simulate/compare.js';
import type { Route } from '../route/fastest.js';
import { profileId, type ReportInput, type ReportTrip } from './model.js';
import { LIBRARY_VERSION } from './version.js';
import { alternativesJson } from './route-text.js';
import { scenarioJson } from './scenario-text.js';
import { tripEconomicsJson } from './economics-text.js';
import { validationJson } from './validation-text.js';

/** A CSV cell: text, a number (written in full precision), or empty (`null`). */
export type CsvValue = string | number | null;

/**
 * One field, quoted when it holds a comma, a double quote, CR or LF (RFC 4180). A text cell that
 * begins with `=`, `+`, `-`, `@`, a tab or a carriage return — which a spreadsheet would run as a
 * formula (CSV injection) — is neutralised as OWASP recommends: a single quote in front, and quoted.
 * Numbers are written in full precision (a negative number stays a number).
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value !== 'string' && typeof value !== 'number') throw new InvalidArgumentError('value', value, 'a CSV cell: a string, a number or null');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (/^[=+\-@\t\r]/.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as RFC 4180 CSV, CRLF after every row (the header included). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  requireArray(rows, 'rows', 'an array of rows, each an array of cells', (r, f) => requireArray(r, f, 'an array of cells (text, numbers or null)'));
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Per-run transit times: columns `run` (the generator's run index, from 0), `beforeHours`,
 * `afterHours`. Row `i` of before and after used the same random numbers (a paired sample).
 */
export function samplesCsv(c: Comparison): string {
  requireComparison(c);
  const rows: CsvValue[][] = [['run', 'beforeHours', 'afterHours']];
  const n = c.before.samples.length;
  for (let i = 0; i < n; i++) rows.push([i, c.before.samples[i]!, c.after.samples[i] ?? null]);
  return toCsv(rows);
}

/**
 * Mean hours per run by country (ISO code, or the body of water) and category: columns `country`,
 * `category`, `beforeHours`, `afterHours`, `deltaHours` (after − before), one row per country ×
 * category in route order and in the order moving, border, customs, handling, waiting.
 */
export function breakdownCsv(c: Comparison): string {
  requireComparison(c);
  const rows: CsvValue[][] = [['country', 'category', 'beforeHours', 'afterHours', 'deltaHours']];
  for (const d of c.byCountry) {
    const b = c.before.byCountry.find((x) => x.country === d.country)?.byCategory;
    const a = c.after.byCountry.find((x) => x.country === d.country)?.byCategory;
    for (const cat of CATEGORIES) {
      const bh = b?.[cat] ?? 0;
      const ah = a?.[cat] ?? 0;
      rows.push([d.country, cat, bh, ah, ah - bh]);
    }
  }
  return toCsv(rows);
}

/** Where the breakdown CSV goes next to the samples CSV: `x.csv` → `x.breakdown.csv`. */
export function breakdownCsvPath(samplesPath: string): string {
  requireString(samplesPath, 'samplesPath', 'the path of the samples CSV');
  return /\.csv$/i.test(samplesPath) ? samplesPath.replace(/\.csv$/i, '.breakdown.csv') : `${samplesPath}.breakdown.csv`;
}

function measureJson(m: Measure): Record<string, unknown> {
  return { id: m.id, kind: m.kind, title: m.title, changes: m.changes, parameters: m.parameters, sources: m.sources, definition: m.definition };
}

/** The JSON of one trip: its options, then `comparisonJson` with the attribution (or `noRoute`). */
export function tripJson(trip: ReportTrip): Record<string, unknown> {
  requireTrip(trip);
  const o = trip.options;
  const head = {
    ...(trip.title !== undefined ? { title: trip.title } : {}),
    origin: o.origin,
    destination: o.destination,
    profile: profileId(trip),
    runs: o.runs,
    seed: o.seed,
    policy: o.policy ?? 'planned',
    ...(o.withinDays !== undefined ? { withinDays: o.withinDays } : {}),
    ...(o.avoid !== undefined ? { avoid: o.avoid } : {}),
    ...(o.via !== undefined ? { via: o.via } : {}),
  };
  if (trip.comparison === null) return { ...head, noRoute: true };
  const a = trip.attribution;
  return {
    ...head,
    ...scenarioJson(trip),
    ...(a !== undefined ? { attributionDetail: { subsets: a.subsets, baseline: a.baseline, full: a.full, measures: a.measures } } : {}),
    ...(trip.attributionError !== undefined ? { attributionError: trip.attributionError } : {}),
    ...(trip.attributionSkipped !== undefined ? { attributionSkipped: trip.attributionSkipped } : {}),
    ...(trip.economics !== undefined ? { economics: tripEconomicsJson(trip.economics) } : {}),
    ...(trip.alternatives !== undefined ? { alternatives: alternativesJson(trip.alternatives) } : {}),
  };
}

/**
 * The full result of a report as JSON: `format` (`transcaspian/report@1`), `version`, the network's
 * id and title, every measure (parameters, sources and the `definition` that rebuilds it with
 * `createMeasure`), and per trip its options plus `comparisonJson` (summaries, differences with
 * intervals, breakdowns, attribution per measure).
 */
export function reportJson(input: ReportInput): Record<string, unknown> {
  requireReportInput(input);
  return {
    format: 'transcaspian/report@1',
    version: LIBRARY_VERSION,
    network: { id: input.network.id, title: input.network.title, ...(input.networkFile !== undefined ? { file: input.networkFile } : {}) },
    ...(input.package !== undefined ? { package: { id: input.package.id, title: input.package.title } } : {}),
    measures: input.measures.map(measureJson),
    trips: input.trips.map(tripJson),
    ...(input.corridorChoice !== undefined ? { corridorChoice: input.corridorChoice } : {}),
    ...(input.validation !== undefined ? { validation: validationJson(input.validation) } : {}),
  };
}

/** A GeoJSON position: [longitude, latitude] in degrees (RFC 7946). */
export type GeoJsonPosition = [number, number];

/** A feature of `networkGeoJson`. */
export interface GeoJsonFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: { readonly type: 'Point'; readonly coordinates: GeoJsonPosition } | { readonly type: 'LineString'; readonly coordinates: GeoJsonPosition[] };
  readonly properties: Record<string, string | number | boolean | null>;
}

/** A GeoJSON FeatureCollection (RFC 7946). */
export interface GeoJsonFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly features: GeoJsonFeature[];
}

/** Routes to include in `networkGeoJson`: the route before the measures and, optionally, after. */
export interface GeoJsonRoutes {
  readonly before: Route;
  readonly after?: Route;
}

/**
 * The network as a GeoJSON FeatureCollection, in this order: a Point per node (`layer: "node"`, `id`,
 * `name`, `kind`, `country`); a LineString per link of the document (`layer: "link"`, `id`, `mode`,
 * `distanceKm`, `from`, `to`, `bidirectional`; a bidirectional link once); then, when `routes` are
 * given, the route's legs in travel order (`layer: "route-leg"`, `route: "before"`, `seq` from 1,
 * `linkId` (directed), `mode`, `distanceKm`, `from`, `to`, and the leg's expected hours
 * `beforeHours` and `afterHours`, `null` where the other route does not use the link), then the
 * route's stops (`layer: "route-stop"`, `nodeId`, `name`, `beforeHours`, `afterHours`). When the
 * route after the measures differs, its legs and stops follow with `route: "after"`.
 */
export function networkGeoJson(network: Network, routes?: GeoJsonRoutes): GeoJsonFeatureCollection {
  requireNetwork(network);
  if (routes !== undefined) {
    const r = requireShape<GeoJsonRoutes>(routes, 'routes', 'routes { before, after? } from fastestRoute', { before: 'object' });
    for (const key of ['before', 'after'] as const) {
      if (r[key] !== undefined) requireShape(r[key], `routes.${key}`, 'a Route from fastestRoute', { nodes: 'array', links: 'array', legs: 'array', stops: 'array' });
    }
  }
  const features: GeoJsonFeature[] = [];
  const at = (id: string): GeoJsonPosition => {
    const n = network.nodeById.get(id);
    if (n === undefined) throw new Error(`internal: route node ${id} is not in the network`);
    return [n.lon, n.lat];
  };
  for (const n of network.nodes) {
    features.push({ type: 'Feature', id: `node:${n.id}`, geometry: { type: 'Point', coordinates: [n.lon, n.lat] }, properties: { layer: 'node', id: n.id, name: n.name, kind: n.kind, country: n.country } });
  }
  for (const l of network.links) {
    if (l.reversed) continue;
    features.push({
      type: 'Feature',
      id: `link:${l.baseId}`,
      geometry: { type: 'LineString', coordinates: [at(l.from), at(l.to)] },
      properties: { layer: 'link', id: l.baseId, mode: l.mode, distanceKm: l.distanceKm, from: l.from, to: l.to, bidirectional: network.linkById.has(`${l.baseId}:reverse`), name: l.name ?? null },
    });
  }
  if (routes === undefined) return { type: 'FeatureCollection', features };
  const legHours = (r: Route | undefined): Map<string, number> => new Map(r?.legs.map((g) => [g.linkId, g.hours]) ?? []);
  const stopHours = (r: Route | undefined): Map<string, number> => {
    const m = new Map<string, number>();
    for (const s of r?.stops ?? []) m.set(s.nodeId, (m.get(s.nodeId) ?? 0) + s.hours);
    return m;
  };
  const before = { legs: legHours(routes.before), stops: stopHours(routes.before) };
  const after = { legs: legHours(routes.after), stops: stopHours(routes.after) };
  const emit = (route: Route, label: 'before' | 'after'): void => {
    route.legs.forEach((g, i) => {
      features.push({
        type: 'Feature',
        id: `route-${label}:leg:${i + 1}`,
        geometry: { type: 'LineString', coordinates: [at(g.from), at(g.to)] },
        properties: {
          layer: 'route-leg',
          route: label,
          seq: i + 1,
          linkId: g.linkId,
          mode: g.mode,
          distanceKm: g.distanceKm,
          from: g.from,
          to: g.to,
          beforeHours: before.legs.get(g.linkId) ?? null,
          afterHours: routes.after === undefined ? null : (after.legs.get(g.linkId) ?? null),
        },
      });
    });
    route.stops.forEach((s, i) => {
      features.push({
        type: 'Feature',
        id: `route-${label}:stop:${i + 1}`,
        geometry: { type: 'Point', coordinates: at(s.nodeId) },
        properties: {
          layer: 'route-stop',
          route: label,
          seq: i + 1,
          nodeId: s.nodeId,
          name: s.name,
          beforeHours: before.stops.get(s.nodeId) ?? null,
          afterHours: routes.after === undefined ? null : (after.stops.get(s.nodeId) ?? null),
        },
      });
    });
  };
  emit(routes.before, 'before');
  if (routes.after !== undefined && routes.after.links.join('\n') !== routes.before.links.join('\n')) emit(routes.after, 'after');
  return { type: 'FeatureCollection', features };
}
