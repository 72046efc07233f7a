// Text and JSON renderings of a route and its breakdown (used by the CLI and the examples).
import type { Network } from '../network/network.js';
import { CATEGORIES } from '../network/types.js';
import type { AlternativeRoute } from '../route/alternatives.js';
import { breakdown, type Breakdown } from '../route/breakdown.js';
import { type Route, type RoutePart } from '../route/fastest.js';
import { fmtDays, fmtHours, fmtInt, textTable } from './table.js';

/** A per-country × category table (hours), with totals. */
export function breakdownTable(b: Breakdown): string {
  const rows = b.byCountry.map((c) => [c.country, ...CATEGORIES.map((k) => fmtHours(c.byCategory[k])), fmtHours(c.hours)]);
  rows.push(['total', ...CATEGORIES.map((k) => fmtHours(b.byCategory[k])), fmtHours(b.totalHours)]);
  return textTable(
    [{ header: 'country' }, ...CATEGORIES.map((c) => ({ header: c, align: 'right' as const })), { header: 'total h', align: 'right' }],
    rows,
  );
}

/** Parts shown in the legs table (the time moving); every other part is a row of the stages table. */
const isMoving = (p: RoutePart): boolean => p.kind === 'travel' || p.kind === 'sailing';

/**
 * A readable report of a route: headline, legs (their moving time: travel or sailing), stages and
 * waits (everything else: stages, departure waits, restrictions, detours, closures — each listed
 * once), and the per-country breakdown.
 */
export function routeText(network: Network, route: Route): string {
  const name = (id: string): string => network.nodeById.get(id)?.name ?? id;
  const head = `${name(route.origin)} → ${name(route.destination)} (${route.profile}): ${fmtDays(route.totalHours)} days (${fmtHours(route.totalHours)} h), ${fmtInt(route.distanceKm)} km`;
  const legs = textTable(
    [{ header: '#', align: 'right' }, { header: 'from → to' }, { header: 'mode' }, { header: 'km', align: 'right' }, { header: 'moving h', align: 'right' }],
    route.legs.map((l, i) => [String(i + 1), `${name(l.from)} → ${name(l.to)}`, l.mode, fmtInt(l.distanceKm), fmtHours(l.parts.filter(isMoving).reduce((s, p) => s + p.hours, 0))]),
  );
  const stageRows = route.parts.filter((p) => !isMoving(p)).map((p) => [p.label, p.country, p.category, fmtHours(p.hours)]);
  const stages = textTable([{ header: 'stage or wait' }, { header: 'country' }, { header: 'category' }, { header: 'hours', align: 'right' }], stageRows);
  return [head, '', 'Legs', legs, '', 'Stages and waits (expected hours)', stages, '', 'Where the time goes (hours)', breakdownTable(breakdown(route))].join('\n');
}

/** The JSON form of a route: ids, legs, stops, totals and the breakdown. */
export function routeJson(route: Route): Record<string, unknown> {
  const b = breakdown(route);
  return {
    origin: route.origin,
    destination: route.destination,
    profile: route.profile,
    totalHours: route.totalHours,
    totalDays: route.totalDays,
    distanceKm: route.distanceKm,
    nodes: route.nodes,
    links: route.links,
    legs: route.legs,
    stops: route.stops,
    breakdown: { byCountry: b.byCountry, byCategory: b.byCategory },
  };
}

/** Alternative routes as text: one row each (days, extra days, km, share of distance on links no faster one uses), then each route's stops. */
export function alternativesText(network: Network, alternatives: readonly AlternativeRoute[]): string {
  const name = (id: string): string => network.nodeById.get(id)?.name ?? id;
  const first = alternatives[0]!.route;
  const head = `${name(first.origin)} → ${name(first.destination)} (${first.profile}): ${alternatives.length} route${alternatives.length === 1 ? '' : 's'} that differ by distance`;
  const table = textTable(
    [{ header: '#', align: 'right' }, { header: 'days', align: 'right' }, { header: '+days', align: 'right' }, { header: 'km', align: 'right' }, { header: 'new distance', align: 'right' }],
    alternatives.map((a) => [String(a.rank), fmtDays(a.route.totalHours), a.rank === 1 ? '' : fmtDays(a.extraHours), fmtInt(a.route.distanceKm), a.rank === 1 ? '' : `${Math.round(a.difference * 100)}%`]),
  );
  const paths = alternatives.map((a) => `  ${a.rank}. ${a.route.nodes.map(name).join(' → ')}`);
  return [head, '', table, '', ...paths].join('\n');
}

/** Alternative routes as JSON: each route's `routeJson` with its rank, difference and extra hours. */
export function alternativesJson(alternatives: readonly AlternativeRoute[]): Record<string, unknown>[] {
  return alternatives.map((a) => ({ rank: a.rank, difference: a.difference, extraHours: a.extraHours, ...routeJson(a.route) }));
}
