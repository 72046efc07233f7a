// Money per consignment along a route: line-haul tariffs per km on rail and road links, ferry and sea
// tariffs per service, charges at the nodes passed (border, gauge change, port handling) under the
// rules that decide whether a stage applies, and charges per hour in transit. Each item keeps its
// country and category, so money breaks down like time. The same per-arc items weight the routing
// by money or generalized cost (objective-route.ts), so a route's cost is its arcs' costs summed.
import { fsum } from 'd3-array';
import { InvalidArgumentError, InvalidTableError } from '../errors.js';
import type { Link, Network } from '../network/network.js';
import { requireNetwork, resolveProfile } from '../network/network.js';
import type { Mode, NodeSpec, ProfileSpec } from '../network/types.js';
import { makeProblem } from '../network/validate.js';
import { linkCountry, stageApplies } from '../route/expand.js';
import type { Route } from '../route/fastest.js';
import { requireRoute } from '../simulate/check-results.js';
import { checkCostTables, middleCorridorCosts, requireCostTables, type CostTables } from './cost-tables.js';
import { COST_CATEGORIES, type Amount, type ChargeUnit, type CostCategory, type LineHaulRate } from './cost-types.js';

/** One money item of a trip, per consignment (one unit of the profile). */
export interface CostItem {
  readonly label: string;
  /** Country (ISO alpha-2) or body of water the money is counted to. */
  readonly country: string;
  readonly category: CostCategory;
  /** USD per consignment. For `equipment` items: `usdPerHour × hours`. */
  readonly usd: number;
  /** `equipment` items: the rate per hour and the hours it is charged for. */
  readonly usdPerHour?: number;
  readonly hours?: number;
  /** The plausible range of `usd` (from the table's ranges), when the figure has one. */
  readonly range?: readonly [number, number];
  readonly linkId?: string;
  readonly nodeId?: string;
  /** Line-haul items: the km charged. */
  readonly distanceKm?: number;
}

/** USD per category. */
export type CategoryUsd = Record<CostCategory, number>;

/** Money spent in one country (or body of water), per category. */
export interface CountryUsd {
  readonly country: string;
  readonly usd: number;
  readonly byCategory: CategoryUsd;
}

/** The money of a route for one consignment. */
export interface RouteCost {
  readonly profile: string;
  /** TEU per consignment (the profile's `teu`). */
  readonly teu: number;
  /** Every item in route order: links' and stops' charges, then `equipment` per country. */
  readonly items: readonly CostItem[];
  /** Σ of the items that do not depend on time, USD per consignment. */
  readonly fixedUsd: number;
  /** Charges per hour in transit, USD per consignment-hour. */
  readonly usdPerHour: number;
  /** The hours charged for (the route's expected hours). */
  readonly hours: number;
  /** `fixedUsd + usdPerHour × hours`, USD per consignment. */
  readonly usd: number;
  /** `usd / teu`. */
  readonly usdPerTeu: number;
  /** Countries in order of first appearance, each adding up over its categories. */
  readonly byCountry: readonly CountryUsd[];
  readonly byCategory: CategoryUsd;
}

/** Options of the costing functions. */
export interface CostOptions {
  /** Cost tables (default: `middleCorridorCosts()`). Checked against the network once. */
  readonly costs?: CostTables;
}

/** An object with every cost category at 0. */
export function zeroCostCategories(): CategoryUsd {
  return Object.fromEntries(COST_CATEGORIES.map((c) => [c, 0])) as CategoryUsd;
}

/** TEU and cargo tonnes of one consignment of `profile`; an `InvalidArgumentError` naming the field when missing. */
export function profileLoad(profile: ProfileSpec): { readonly teu: number; readonly cargoTonnes: number } {
  const { teu, cargoTonnes } = profile;
  if (teu === undefined) throw new InvalidArgumentError('profile.teu', teu, `the TEU one consignment of profile "${profile.id}" carries (a 40' box is 2): money and emissions are per TEU`);
  if (cargoTonnes === undefined) throw new InvalidArgumentError('profile.cargoTonnes', cargoTonnes, `the cargo tonnes of one consignment of profile "${profile.id}"`);
  return { teu, cargoTonnes };
}

/** How many `per` units one consignment of `profile` is. */
export function unitsPerConsignment(per: ChargeUnit, profile: ProfileSpec): number {
  const load = profileLoad(profile);
  switch (per) {
    case 'teu':
      return load.teu;
    case 'feu':
      return load.teu / 2;
    case 'tonne':
      return load.cargoTonnes;
    case 'unit':
      return 1;
  }
}

function scaled(a: Amount, factor: number): { usd: number; range?: readonly [number, number] } {
  return a.range === undefined ? { usd: a.usd * factor } : { usd: a.usd * factor, range: [a.range[0] * factor, a.range[1] * factor] };
}

function forProfile<T extends { readonly profiles?: readonly string[] }>(rows: readonly T[], profile: ProfileSpec): T[] {
  return rows.filter((r) => r.profiles === undefined || r.profiles.includes(profile.id));
}

/** The tables' line-haul rate for a link: the most specific row for its mode, country and profile. */
function lineHaulRate(tables: CostTables, mode: Mode, country: string, profile: ProfileSpec): LineHaulRate | undefined {
  let best: LineHaulRate | undefined;
  let bestScore = -1;
  for (const r of forProfile(tables.spec.lineHaul, profile)) {
    if (r.mode !== mode || (r.country !== undefined && r.country !== country)) continue;
    const score = (r.country !== undefined ? 2 : 0) + (r.profiles !== undefined ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best;
}

function missing(tables: CostTables, link: Link, country: string, profile: ProfileSpec): InvalidTableError {
  const what = link.service !== undefined ? `a tariff for service ${link.baseId} or a ${link.mode} rate` : `a ${link.mode} rate`;
  return new InvalidTableError('costs', [
    makeProblem('missing_field', ['lineHaul'], undefined, `${what} for ${country} and profile ${profile.id} (needed by link ${link.id} of the route; tables ${tables.id})`),
  ]);
}

/** The money of travelling a link, per consignment: its service's tariff, or the line-haul rate × km. */
export function linkCostItems(network: Network, link: Link, profile: ProfileSpec, tables: CostTables): CostItem[] {
  const country = linkCountry(network, link);
  const base = { linkId: link.id, country };
  const name = link.name ?? `${network.nodeById.get(link.from)?.name ?? link.from} → ${network.nodeById.get(link.to)?.name ?? link.to}`;
  if (link.service !== undefined) {
    const tariffs = forProfile(tables.tariffsByLink.get(link.baseId) ?? [], profile);
    // A tariff for this profile wins over one for every profile.
    const tariff = tariffs.find((t) => t.profiles !== undefined) ?? tariffs[0];
    if (tariff !== undefined) return [{ ...base, label: `${name}: ${link.mode} tariff`, category: 'sailing', ...scaled(tariff.amount, unitsPerConsignment(tariff.amount.per, profile)) }];
  }
  const rate = lineHaulRate(tables, link.mode, country, profile);
  if (rate === undefined) throw missing(tables, link, country, profile);
  const category: CostCategory = link.mode === 'rail' || link.mode === 'road' ? 'line-haul' : 'sailing';
  return [{ ...base, label: `${name}: ${link.mode} tariff`, category, distanceKm: link.distanceKm, ...scaled(rate.usdPerKm, link.distanceKm * unitsPerConsignment(rate.usdPerKm.per, profile)) }];
}

/** The charges of passing through `node` arriving by `a` and departing by `b`, per consignment. */
export function stopCostItems(node: NodeSpec, a: Mode, b: Mode, profile: ProfileSpec, tables: CostTables): CostItem[] {
  const out: CostItem[] = [];
  for (const c of tables.chargesByNode.get(node.id) ?? []) {
    if (!stageApplies(c, a, b, profile)) continue;
    out.push({ label: `${node.name}: ${c.name}`, country: c.country, category: c.category, nodeId: node.id, ...scaled(c.amount, unitsPerConsignment(c.amount.per, profile)) });
  }
  return out;
}

/** Charges per hour in transit for a consignment of `profile`, USD per hour, with their range. */
export function hourlyRate(profile: ProfileSpec, tables: CostTables): { usd: number; range: readonly [number, number] } {
  let usd = 0;
  let low = 0;
  let high = 0;
  for (const t of forProfile(tables.spec.timeCharges ?? [], profile)) {
    const s = scaled(t.usdPerHour, unitsPerConsignment(t.usdPerHour.per, profile));
    usd += s.usd;
    low += s.range?.[0] ?? s.usd;
    high += s.range?.[1] ?? s.usd;
  }
  return { usd, range: [low, high] };
}

/** Resolve the tables to use and check them against the network. */
export function tablesFor(network: Network, options: CostOptions = {}): CostTables {
  requireNetwork(network);
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const tables = requireCostTables(options.costs ?? middleCorridorCosts(), 'costs');
  checkCostTables(network, tables);
  return tables;
}

/** The fixed money items of a path of links (stops between consecutive links), per consignment. */
export function pathCostItems(network: Network, linkIds: readonly string[], profile: ProfileSpec, tables: CostTables): CostItem[] {
  const items: CostItem[] = [];
  let previous: Link | undefined;
  for (const id of linkIds) {
    const link = network.linkById.get(id);
    if (link === undefined) throw new InvalidArgumentError('route.links', id, `the id of a link of the network ${network.id}`);
    if (previous !== undefined) items.push(...stopCostItems(network.nodeById.get(link.from)!, previous.mode, link.mode, profile, tables));
    items.push(...linkCostItems(network, link, profile, tables));
    previous = link;
  }
  return items;
}

/** Sum items by country (first appearance) and category. */
export function costBreakdown(items: readonly CostItem[]): { byCountry: CountryUsd[]; byCategory: CategoryUsd } {
  const cells = new Map<string, Map<CostCategory, number[]>>();
  for (const it of items) {
    let row = cells.get(it.country);
    if (row === undefined) cells.set(it.country, (row = new Map()));
    let cell = row.get(it.category);
    if (cell === undefined) row.set(it.category, (cell = []));
    cell.push(it.usd);
  }
  const byCountry: CountryUsd[] = [];
  for (const [country, row] of cells) {
    const byCategory = zeroCostCategories();
    for (const c of COST_CATEGORIES) byCategory[c] = fsum(row.get(c) ?? []);
    byCountry.push({ country, usd: fsum(COST_CATEGORIES.flatMap((c) => row.get(c) ?? [])), byCategory });
  }
  const byCategory = zeroCostCategories();
  for (const c of COST_CATEGORIES) byCategory[c] = fsum(items.filter((i) => i.category === c), (i) => i.usd);
  return { byCountry, byCategory };
}

/** `equipment` items: the hourly rate × the hours spent in each country. */
export function equipmentItems(hoursByCountry: readonly { readonly country: string; readonly hours: number }[], rate: { usd: number; range: readonly [number, number] }): CostItem[] {
  if (rate.usd === 0 && rate.range[1] === 0) return [];
  return hoursByCountry.map(({ country, hours }) => ({
    label: `${country}: equipment and vehicle time`,
    country,
    category: 'equipment' as const,
    usd: rate.usd * hours,
    usdPerHour: rate.usd,
    hours,
    range: [rate.range[0] * hours, rate.range[1] * hours] as const,
  }));
}

/** Hours per country of a route's parts, in order of first appearance. */
function hoursByCountry(route: Pick<Route, 'parts'>): { country: string; hours: number }[] {
  const m = new Map<string, number[]>();
  for (const p of route.parts) {
    let list = m.get(p.country);
    if (list === undefined) m.set(p.country, (list = []));
    list.push(p.hours);
  }
  return [...m].map(([country, hours]) => ({ country, hours: fsum(hours) }));
}

/** Assemble a `RouteCost` from fixed items, the hourly rate and the hours per country. */
export function assembleCost(profile: ProfileSpec, fixed: readonly CostItem[], rate: { usd: number; range: readonly [number, number] }, byCountryHours: readonly { country: string; hours: number }[]): RouteCost {
  const { teu } = profileLoad(profile);
  const equipment = equipmentItems(byCountryHours, rate);
  const items = [...fixed, ...equipment];
  const fixedUsd = fsum(fixed, (i) => i.usd);
  const hours = fsum(byCountryHours, (c) => c.hours);
  const usd = fsum(items, (i) => i.usd);
  return { profile: profile.id, teu, items, fixedUsd, usdPerHour: rate.usd, hours, usd, usdPerTeu: usd / teu, ...costBreakdown(items) };
}

/**
 * The money of a route for one consignment: per link its service's tariff or the line-haul rate ×
 * km, per stop the charges that apply to its arrival and departure modes (origin and destination
 * have none, as with stages), and the charges per hour × the route's expected hours in each country.
 * Items add up by country and by category to `usd` (exactly rounded sums). The profile's `teu` and
 * `cargoTonnes` convert tariffs quoted per TEU, FEU or tonne. Throws `InvalidTableError` when the
 * tables cannot price a link of the route, or name nodes, links or profiles the network lacks.
 */
export function routeCost(network: Network, route: Route, options: CostOptions & { readonly profile?: string | ProfileSpec } = {}): RouteCost {
  const tables = tablesFor(network, options);
  requireRoute(route);
  const profile = resolveProfile(network, options.profile ?? route.profile);
  const fixed = pathCostItems(network, route.links, profile, tables);
  return assembleCost(profile, fixed, hourlyRate(profile, tables), hoursByCountry(route));
}
