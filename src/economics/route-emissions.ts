// Greenhouse-gas emissions per consignment along a route, in the manner of ISO 14083 and the GLEC
// Framework: each leg's well-to-wheel intensity × its distance × the load (TEU, tonnes or the unit,
// as the intensity is quoted), plus handling at hubs, per country and per leg. Electric rail is
// counted at the grid intensity of the country it runs in; diesel rail by its fuel; ferries by size
// class and ships by lane (per link); trucks per tonne-km. Emissions follow distance and vehicles,
// not waiting: a measure that only shortens waits leaves them unchanged (idling is not modelled).
import { fsum } from 'd3-array';
import { InvalidArgumentError, InvalidTableError } from '../errors.js';
import type { Link, Network } from '../network/network.js';
import { requireNetwork, resolveProfile } from '../network/network.js';
import type { Mode, NodeSpec, ProfileSpec } from '../network/types.js';
import { MODES } from '../network/types.js';
import { makeProblem } from '../network/validate.js';
import { linkCountry, stageApplies } from '../route/expand.js';
import type { Route } from '../route/fastest.js';
import { requireRoute } from '../simulate/check-results.js';
import { checkEmissionTables, middleCorridorEmissions, requireEmissionTables, type EmissionTables } from './emission-tables.js';
import type { Figure, Intensity } from './emission-types.js';
import { profileLoad } from './route-cost.js';

/** One emission item of a trip: a leg, or handling at a hub, per consignment. */
export interface EmissionItem {
  readonly label: string;
  /** Country (ISO alpha-2) or body of water the emissions are counted to. */
  readonly country: string;
  readonly kind: 'leg' | 'hub';
  readonly mode?: Mode;
  /** kg CO2e well-to-wheel per consignment. */
  readonly kgCo2e: number;
  /** Its plausible range, from the intensities' ranges. */
  readonly range: readonly [number, number];
  /** Legs: km travelled and the intensity used, kg CO2e per TEU-km. */
  readonly distanceKm?: number;
  readonly kgCo2ePerTeuKm?: number;
  /** What the intensity is: `electric 40% at the KZ grid (642 g/kWh), diesel 60%`, a vessel class, `hub handling`. */
  readonly basis: string;
  readonly linkId?: string;
  readonly nodeId?: string;
}

/** The emissions of a route for one consignment. */
export interface RouteEmissions {
  readonly profile: string;
  readonly teu: number;
  /** Legs and hubs in route order. */
  readonly items: readonly EmissionItem[];
  /** kg CO2e well-to-wheel per consignment: Σ items (exactly rounded). */
  readonly kgCo2e: number;
  readonly kgCo2ePerTeu: number;
  /** Σ of the items' low and high ends, per consignment. */
  readonly range: readonly [number, number];
  /** Per country (or body of water), in order of first appearance. */
  readonly byCountry: readonly { readonly country: string; readonly kgCo2e: number }[];
  /** Per mode, and `hub` for handling. */
  readonly byMode: Readonly<Record<Mode | 'hub', number>>;
}

/** Options of the emission functions. */
export interface EmissionOptions {
  /** Emission tables (default: `middleCorridorEmissions()`). Checked against the network once. */
  readonly emissions?: EmissionTables;
}

function gap(tables: EmissionTables, path: (string | number)[], expected: string): InvalidTableError {
  return new InvalidTableError('emissions', [makeProblem('missing_field', path, undefined, `${expected} (tables ${tables.id})`)]);
}

function loadFactor(i: Intensity, profile: ProfileSpec): number {
  const load = profileLoad(profile);
  return i.per === 'tonne-km' ? load.cargoTonnes : i.per === 'teu-km' ? load.teu : 1;
}

function range(f: Figure): readonly [number, number] {
  return f.range ?? [f.value, f.value];
}

/** A rail link's intensity, kg CO2e per TEU-km, with its range and what it is made of. */
function railIntensity(network: Network, link: Link, country: string, tables: EmissionTables): { value: number; range: readonly [number, number]; basis: string } {
  const traction = tables.tractionByLink.get(link.baseId);
  const share = traction === 'electric' ? 1 : traction === 'diesel' ? 0 : (tables.electricShareByCountry.get(country) ?? tables.electricShareByCountry.get(''));
  if (share === undefined) throw gap(tables, ['rail'], 'a default electric share');
  const { electricKwhPerTeuKm: kwh, dieselKgCo2ePerTeuKm: diesel } = tables.spec.railEnergy;
  const grid = tables.gridByCountry.get(country) ?? tables.gridByCountry.get('');
  if (grid === undefined && share > 0) throw gap(tables, ['electricity'], `a grid intensity for ${country} or a default`);
  const g = grid ?? { value: 0 };
  const [kLow, kHigh] = range(kwh);
  const [gLow, gHigh] = range(g);
  const [dLow, dHigh] = range(diesel);
  const mix = (k: number, gr: number, d: number): number => (share * k * gr) / 1000 + (1 - share) * d;
  const pct = Math.round(share * 100);
  const basis =
    share === 1
      ? `electric at the ${country} grid (${g.value} g/kWh)`
      : share === 0
        ? 'diesel'
        : `electric ${pct}% at the ${country} grid (${g.value} g/kWh), diesel ${100 - pct}%`;
  return { value: mix(kwh.value, g.value, diesel.value), range: [mix(kLow, gLow, dLow), mix(kHigh, gHigh, dHigh)], basis };
}

/** The emissions of travelling a link, per consignment. */
export function linkEmissionItem(network: Network, link: Link, profile: ProfileSpec, tables: EmissionTables): EmissionItem {
  const country = linkCountry(network, link);
  const { teu } = profileLoad(profile);
  const name = link.name ?? `${network.nodeById.get(link.from)?.name ?? link.from} → ${network.nodeById.get(link.to)?.name ?? link.to}`;
  const km = link.distanceKm;
  const base = { label: name, country, kind: 'leg' as const, mode: link.mode, distanceKm: km, linkId: link.id };
  if (link.mode === 'rail') {
    const r = railIntensity(network, link, country, tables);
    return { ...base, kgCo2e: r.value * km * teu, range: [r.range[0] * km * teu, r.range[1] * km * teu], kgCo2ePerTeuKm: r.value, basis: r.basis };
  }
  let intensity: Intensity | undefined;
  let basis: string;
  if (link.mode === 'road') {
    const rows = tables.spec.road.filter((r) => (r.profiles === undefined || r.profiles.includes(profile.id)) && (r.country === undefined || r.country === country));
    rows.sort((a, b) => (b.country !== undefined ? 2 : 0) + (b.profiles !== undefined ? 1 : 0) - ((a.country !== undefined ? 2 : 0) + (a.profiles !== undefined ? 1 : 0)));
    intensity = rows[0]?.intensity;
    basis = 'truck';
    if (intensity === undefined) throw gap(tables, ['road'], `a road intensity for ${country} and profile ${profile.id}`);
  } else {
    const vessels = (tables.vesselsByLink.get(link.baseId) ?? []).filter((v) => v.profiles === undefined || v.profiles.includes(profile.id));
    const v = vessels.find((x) => x.profiles !== undefined) ?? vessels[0] ?? tables.spec.waterDefaults?.find((d) => d.mode === link.mode);
    if (v === undefined) throw gap(tables, ['vessels'], `a vessel for link ${link.baseId} or a default for ${link.mode}`);
    intensity = v.intensity;
    basis = v.vessel;
  }
  const f = loadFactor(intensity, profile) * km;
  const [low, high] = intensity.range ?? [intensity.kgCo2e, intensity.kgCo2e];
  return { ...base, kgCo2e: intensity.kgCo2e * f, range: [low * f, high * f], kgCo2ePerTeuKm: (intensity.kgCo2e * f) / (km * teu), basis };
}

/**
 * Handling at a stop, per consignment: a TEU is lifted when the consignment changes mode or moves
 * between gauges (a `gauge-change` stage applies); otherwise nothing.
 */
export function stopEmissionItems(node: NodeSpec, a: Mode, b: Mode, profile: ProfileSpec, tables: EmissionTables): EmissionItem[] {
  const gauge = (node.stages ?? []).some((s) => s.kind === 'gauge-change' && stageApplies(s, a, b, profile));
  if (a === b && !gauge) return [];
  const hub = tables.hubByNode.get(node.id) ?? tables.hubByNode.get('');
  if (hub === undefined) throw gap(tables, ['hubs'], 'a default hub intensity');
  const { teu } = profileLoad(profile);
  const [low, high] = range(hub);
  const what = a !== b ? `${a} → ${b}` : 'between gauges';
  return [{ label: `${node.name}: handling (${what})`, country: node.country, kind: 'hub', kgCo2e: hub.value * teu, range: [low * teu, high * teu], basis: 'hub handling', nodeId: node.id }];
}

/** Emission items of a path of links (stops between consecutive links). */
export function pathEmissionItems(network: Network, linkIds: readonly string[], profile: ProfileSpec, tables: EmissionTables): EmissionItem[] {
  const items: EmissionItem[] = [];
  let previous: Link | undefined;
  for (const id of linkIds) {
    const link = network.linkById.get(id);
    if (link === undefined) throw new InvalidTableError('emissions', [makeProblem('invalid_value', ['route', 'links'], id, `the id of a link of the network ${network.id}`)]);
    if (previous !== undefined) items.push(...stopEmissionItems(network.nodeById.get(link.from)!, previous.mode, link.mode, profile, tables));
    items.push(linkEmissionItem(network, link, profile, tables));
    previous = link;
  }
  return items;
}

/** Resolve the tables to use and check them against the network. */
export function emissionTablesFor(network: Network, options: EmissionOptions = {}): EmissionTables {
  requireNetwork(network);
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', options, 'an object');
  const tables = requireEmissionTables(options.emissions ?? middleCorridorEmissions(), 'emissions');
  checkEmissionTables(network, tables);
  return tables;
}

/** Assemble `RouteEmissions` from items. */
export function assembleEmissions(profile: ProfileSpec, items: readonly EmissionItem[]): RouteEmissions {
  const { teu } = profileLoad(profile);
  const kgCo2e = fsum(items, (i) => i.kgCo2e);
  const countries = new Map<string, number[]>();
  for (const it of items) {
    let list = countries.get(it.country);
    if (list === undefined) countries.set(it.country, (list = []));
    list.push(it.kgCo2e);
  }
  const byMode = Object.fromEntries([...MODES, 'hub'].map((m) => [m, fsum(items.filter((i) => (i.kind === 'hub' ? 'hub' : i.mode) === m), (i) => i.kgCo2e)])) as Record<Mode | 'hub', number>;
  return {
    profile: profile.id,
    teu,
    items,
    kgCo2e,
    kgCo2ePerTeu: kgCo2e / teu,
    range: [fsum(items, (i) => i.range[0]), fsum(items, (i) => i.range[1])],
    byCountry: [...countries].map(([country, list]) => ({ country, kgCo2e: fsum(list) })),
    byMode,
  };
}

/**
 * The well-to-wheel emissions of a route for one consignment: per leg intensity × distance × load,
 * per hub (a mode change, or a container moved between gauges) the handling intensity × TEU; per
 * country and per mode, with the range the tables' ranges imply. Origin and destination handling
 * are not counted (a trip starts on leaving its origin). Throws `InvalidTableError` when the tables
 * cannot rate a leg.
 */
export function routeEmissions(network: Network, route: Route, options: EmissionOptions & { readonly profile?: string | ProfileSpec } = {}): RouteEmissions {
  const tables = emissionTablesFor(network, options);
  requireRoute(route);
  const profile = resolveProfile(network, options.profile ?? route.profile);
  return assembleEmissions(profile, pathEmissionItems(network, route.links, profile, tables));
}
