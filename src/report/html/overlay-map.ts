// Maps that overlay several things on the network: alternative routes of one trip, each in its own
// colour and dash (so they survive greyscale), and links coloured by how many days closing them adds
// to the trips (criticality), darker and wider the more they add, and dashed where a closure leaves
// a trip without a route.
import { geoPath } from 'd3-geo';
import type { Network } from '../../network/network.js';
import type { Route } from '../../route/fastest.js';
import { escapeHtml } from './escape.js';
import { fixed, px } from './format.js';
import { kindMarker } from './palette.js';
import type { MapFrame } from './map.js';

/** Colour and dash of the k-th alternative route (k from 0), distinct in lightness and dash. */
export const ALTERNATIVE_STYLES: readonly { readonly color: string; readonly dash: string }[] = [
  { color: '#111111', dash: '' },
  { color: '#d9480f', dash: '10 5' },
  { color: '#1c7ed6', dash: '3 4' },
  { color: '#2f9e44', dash: '12 4 3 4' },
  { color: '#ae3ec9', dash: '1 5' },
];

function styleOf(k: number): { color: string; dash: string } {
  return ALTERNATIVE_STYLES[k % ALTERNATIVE_STYLES.length]!;
}

function svgOpen(frame: MapFrame, chart: string, title: string, basemapId: string): string[] {
  return [
    `<svg class="chart map" data-chart="${escapeHtml(chart)}" viewBox="0 0 ${frame.width} ${frame.height}" width="100%" role="img" aria-label="${escapeHtml(title)}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
    `<title>${escapeHtml(title)}</title>`,
    `<use href="#${escapeHtml(basemapId)}"/>`,
  ];
}

function lineOf(network: Network, frame: MapFrame): (from: string, to: string) => string | null {
  const path = geoPath(frame.projection).digits(1);
  return (from, to) => {
    const a = network.nodeById.get(from);
    const b = network.nodeById.get(to);
    if (a === undefined || b === undefined) return null;
    return path({ type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] });
  };
}

function project(frame: MapFrame, lon: number, lat: number): [number, number] | null {
  const p = frame.projection([lon, lat]);
  return p !== null && p[0] >= 0 && p[0] <= frame.width && p[1] >= 0 && p[1] <= frame.height ? p : null;
}

/** The network's links once each, thin and grey. */
function networkLinks(network: Network, line: (from: string, to: string) => string | null): string {
  const out = ['<g class="links" fill="none" stroke="#8c8c8c" stroke-width="1.2" stroke-opacity="0.55">'];
  for (const l of network.links) {
    if (l.reversed) continue;
    const d = line(l.from, l.to);
    if (d) out.push(`<path d="${d}"/>`);
  }
  out.push('</g>');
  return out.join('');
}

/** Options of `alternativesMapSvg`. */
export interface AlternativesMapOptions {
  readonly network: Network;
  readonly frame: MapFrame;
  readonly basemapId: string;
  /** The routes, fastest first. */
  readonly routes: readonly Route[];
  readonly title: string;
  readonly chart: string;
}

/** One map with every alternative route drawn in its style (the fastest on top), and a key. */
export function alternativesMapSvg(o: AlternativesMapOptions): string {
  const { network, frame } = o;
  const line = lineOf(network, frame);
  const out = svgOpen(frame, o.chart, o.title, o.basemapId);
  out.push(networkLinks(network, line));
  // Slower routes first, so the fastest is drawn on top; each a little wider than the next faster.
  o.routes
    .map((route, k) => ({ route, k }))
    .reverse()
    .forEach(({ route, k }) => {
      const { color, dash } = styleOf(k);
      const width = 3 + 1.2 * (o.routes.length - 1 - k);
      out.push(`<g class="alternative" data-rank="${k + 1}" fill="none" stroke="${color}" stroke-width="${px(width)}" stroke-linecap="round" stroke-opacity="0.85"${dash !== '' ? ` stroke-dasharray="${dash}"` : ''}>`);
      for (const leg of route.legs) {
        const d = line(leg.from, leg.to);
        if (d) out.push(`<path d="${d}"><title>${escapeHtml(`Route ${k + 1}: ${leg.linkId}, ${fixed(leg.hours, 1)} h expected`)}</title></path>`);
      }
      out.push('</g>');
    });
  const onSome = new Set(o.routes.flatMap((r) => r.nodes));
  out.push('<g class="nodes">');
  for (const id of onSome) {
    const n = network.nodeById.get(id);
    const p = n && project(frame, n.lon, n.lat);
    if (!p) continue;
    out.push(kindMarker(n.kind, p[0], p[1], 7, 'fill="#ffffff" stroke="#111111" stroke-width="1.2"', `<title>${escapeHtml(n.name)}</title>`));
  }
  out.push('</g>');
  // The key, top left.
  out.push(`<g class="key" font-size="12" fill="#111111"><rect x="8" y="8" width="${px(190)}" height="${px(14 + 18 * o.routes.length)}" fill="#ffffff" fill-opacity="0.85" stroke="#999999"/>`);
  o.routes.forEach((r, k) => {
    const { color, dash } = styleOf(k);
    const y = 24 + 18 * k;
    out.push(`<path d="M16 ${y - 4}H52" stroke="${color}" stroke-width="3" fill="none"${dash !== '' ? ` stroke-dasharray="${dash}"` : ''}/>`);
    out.push(`<text x="60" y="${y}">${escapeHtml(`Route ${k + 1}: ${fixed(r.totalHours / 24, 1)} days`)}</text>`);
  });
  out.push('</g></svg>');
  return out.join('');
}

/** What closing one link does, for the criticality map. */
export interface LinkImpact {
  /** Document id of the link. */
  readonly id: string;
  /** Days added in all over the trips that keep a route. */
  readonly addedDays: number;
  /** Trips left without a route. */
  readonly noRouteTrips: number;
}

/** Options of `criticalityMapSvg`. */
export interface CriticalityMapOptions {
  readonly network: Network;
  readonly frame: MapFrame;
  readonly basemapId: string;
  readonly impacts: readonly LinkImpact[];
  readonly title: string;
  readonly chart: string;
}

/** Upper bounds (days) of the classes of the criticality map, and their colours (light to dark). */
const CLASSES: readonly { readonly upTo: number; readonly color: string; readonly width: number; readonly label: string }[] = [
  { upTo: 0, color: '#d9d9d9', width: 1.4, label: 'no effect' },
  { upTo: 0.5, color: '#fdd49e', width: 2.5, label: 'up to half a day' },
  { upTo: 2, color: '#fc8d59', width: 3.5, label: 'half a day to 2 days' },
  { upTo: 5, color: '#d7301f', width: 4.5, label: '2 to 5 days' },
  { upTo: Infinity, color: '#7f0000', width: 5.5, label: 'more than 5 days' },
];

/** The network's links coloured by the days their closure adds (dashed where a trip is left without a route), with a key. */
export function criticalityMapSvg(o: CriticalityMapOptions): string {
  const { network, frame } = o;
  const line = lineOf(network, frame);
  const out = svgOpen(frame, o.chart, o.title, o.basemapId);
  const byId = new Map(o.impacts.map((i) => [i.id, i]));
  const drawn = network.links
    .filter((l) => !l.reversed)
    .map((l) => ({ l, impact: byId.get(l.baseId) }))
    // Least critical first, so the critical ones are drawn on top.
    .sort((a, b) => (a.impact?.noRouteTrips ?? 0) - (b.impact?.noRouteTrips ?? 0) || (a.impact?.addedDays ?? 0) - (b.impact?.addedDays ?? 0));
  out.push('<g class="criticality" fill="none" stroke-linecap="round">');
  for (const { l, impact } of drawn) {
    const d = line(l.from, l.to);
    if (!d) continue;
    if (impact === undefined) {
      out.push(`<path d="${d}" stroke="#bdbdbd" stroke-width="1" stroke-opacity="0.6"/>`);
      continue;
    }
    const c = CLASSES.find((k) => impact.addedDays <= k.upTo)!;
    const cut = impact.noRouteTrips > 0;
    const what = `${l.name ?? l.baseId}: ${cut ? `${impact.noRouteTrips} trip(s) left without a route; ` : ''}+${fixed(impact.addedDays, 1)} days for the others`;
    out.push(`<path d="${d}" stroke="${cut ? '#000000' : c.color}" stroke-width="${px(cut ? 5.5 : c.width)}"${cut ? ' stroke-dasharray="6 4"' : ''}><title>${escapeHtml(what)}</title></path>`);
  }
  out.push('</g>');
  const rows = [...CLASSES.map((k) => ({ color: k.color, width: k.width, dash: '', label: k.upTo === 0 ? k.label : `adds ${k.label}` })), { color: '#000000', width: 5.5, dash: '6 4', label: 'leaves a trip without a route' }];
  out.push(`<g class="key" font-size="12" fill="#111111"><rect x="8" y="8" width="250" height="${14 + 18 * rows.length}" fill="#ffffff" fill-opacity="0.85" stroke="#999999"/>`);
  rows.forEach((r, k) => {
    const y = 24 + 18 * k;
    out.push(`<path d="M16 ${y - 4}H52" stroke="${r.color}" stroke-width="${px(r.width)}" fill="none"${r.dash !== '' ? ` stroke-dasharray="${r.dash}"` : ''}/>`);
    out.push(`<text x="60" y="${y}">${escapeHtml(r.label)}</text>`);
  });
  out.push('</g></svg>');
  return out.join('');
}
