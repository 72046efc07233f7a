// The corridor map: Natural Earth countries projected with d3-geo (an Albers equal-area conic fitted
// to the network's extent), links by mode, nodes by kind, the route highlighted and the expected
// hours spent at each node of the route as circle area.
import { geoBounds, geoConicEqualArea, geoPath, type GeoProjection, type GeoStream, type GeoStreamWrapper } from 'd3-geo';
import type { Network } from '../../network/network.js';
import { MODES, NODE_KINDS, type NodeSpec } from '../../network/types.js';
import type { Route } from '../../route/fastest.js';
import { worldCountries, type CountryFeature } from './basemap.js';
import { escapeHtml } from './escape.js';
import { fixed, px } from './format.js';
import { kindMarker, MODE_STYLES, modeStroke, NODE_KIND_LABELS } from './palette.js';

/** Width of the map in SVG user units (the SVG scales to its container). */
export const MAP_WIDTH = 1160;
const MARGIN = 24;
/** Radius of the dwell circle of the longest stop, px. */
const MAX_DWELL_RADIUS = 24;

/** A projection fitted to a network, with the map's height. */
export interface MapFrame {
  readonly projection: GeoProjection;
  /** The lon/lat box fitted into the map (the map shows more where its shape differs). */
  readonly extent: Extent;
  readonly width: number;
  readonly height: number;
}

type LonLat = [number, number];

/** Points along the edges of a lon/lat box, for fitting (a conic bends parallels). */
function boxOutline(lon0: number, lat0: number, lon1: number, lat1: number): { type: 'MultiPoint'; coordinates: LonLat[] } {
  const coordinates: LonLat[] = [];
  const n = 24;
  for (let i = 0; i <= n; i++) {
    const lon = lon0 + ((lon1 - lon0) * i) / n;
    const lat = lat0 + ((lat1 - lat0) * i) / n;
    coordinates.push([lon, lat0], [lon, lat1], [lon0, lat], [lon1, lat]);
  }
  return { type: 'MultiPoint', coordinates };
}

/** A lon/lat box in degrees. */
export interface Extent {
  readonly lon0: number;
  readonly lat0: number;
  readonly lon1: number;
  readonly lat1: number;
}

/**
 * The lon/lat box of some nodes (default: all of the network's), padded and widened to a minimum
 * size (8° × 5° for a whole network, 12° × 7° around a route, so a short trip keeps its context).
 */
export function nodesExtent(network: Network, nodeIds?: readonly string[]): Extent {
  const nodes = nodeIds === undefined ? network.nodes : nodeIds.flatMap((id) => network.nodeById.get(id) ?? []);
  let lon0 = Infinity;
  let lon1 = -Infinity;
  let lat0 = Infinity;
  let lat1 = -Infinity;
  for (const n of nodes.length > 0 ? nodes : network.nodes) {
    lon0 = Math.min(lon0, n.lon);
    lon1 = Math.max(lon1, n.lon);
    lat0 = Math.min(lat0, n.lat);
    lat1 = Math.max(lat1, n.lat);
  }
  const route = nodeIds !== undefined;
  const widen = (lo: number, hi: number, minSpan: number, padShare: number, padMin: number): [number, number] => {
    const pad = Math.max(padMin, (hi - lo) * padShare);
    lo -= pad;
    hi += pad;
    if (hi - lo < minSpan) {
      const mid = (lo + hi) / 2;
      lo = mid - minSpan / 2;
      hi = mid + minSpan / 2;
    }
    return [lo, hi];
  };
  [lon0, lon1] = widen(lon0, lon1, route ? 12 : 8, route ? 0.1 : 0.05, route ? 2 : 1.5);
  [lat0, lat1] = widen(lat0, lat1, route ? 7 : 5, route ? 0.15 : 0.12, route ? 2 : 1.5);
  return { lon0: Math.max(-180, lon0), lon1: Math.min(180, lon1), lat0: Math.max(-85, lat0), lat1: Math.min(85, lat1) };
}

/**
 * An Albers equal-area conic with standard parallels at 1/6 and 5/6 of the extent's latitude span,
 * centred on its longitudes, fitted to `width`; the height follows the extent's shape (240–640 px).
 * The extent is that of `nodeIds` (e.g. a trip's routes) or, without them, of the whole network.
 */
export function fitMap(network: Network, nodeIds?: readonly string[], width = MAP_WIDTH): MapFrame {
  const extent = nodesExtent(network, nodeIds);
  const { lon0, lat0, lon1, lat1 } = extent;
  const span = lat1 - lat0;
  const projection = geoConicEqualArea()
    .parallels([lat0 + span / 6, lat1 - span / 6])
    .rotate([-(lon0 + lon1) / 2, 0]);
  const outline = boxOutline(lon0, lat0, lon1, lat1);
  projection.fitWidth(width - 2 * MARGIN, outline);
  const [[, y0], [, y1]] = geoPath(projection).bounds(outline);
  const height = Math.round(Math.min(640, Math.max(240, y1 - y0 + 2 * MARGIN)));
  projection.fitExtent(
    [
      [MARGIN, MARGIN],
      [width - MARGIN, height - MARGIN],
    ],
    outline,
  );
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  return { projection, width, height, extent };
}

const boundsCache = new WeakMap<CountryFeature, [[number, number], [number, number]]>();

function countriesNear(frame: MapFrame): CountryFeature[] {
  const e = frame.extent;
  // Generous margins: where the map's shape differs from the box's, the map shows more longitude.
  const [w0, s0, e0, n0] = [e.lon0 - 30, e.lat0 - 12, e.lon1 + 30, e.lat1 + 12];
  return worldCountries().filter((f) => {
    let b = boundsCache.get(f);
    if (b === undefined) boundsCache.set(f, (b = geoBounds(f)));
    const [[w, s], [east, n]] = b;
    if (n < s0 || s > n0) return false;
    return w > east || !(east < w0 || w > e0);
  });
}

/**
 * The projection followed by a radial-distance filter: a point closer than `tolerancePx` to the last
 * one kept is dropped (the last point of each line or ring is always kept). At 1:50m most vertices
 * are sub-pixel at this scale; dropping them divides the basemap's size by about three.
 */
function simplified(projection: GeoProjection, tolerancePx: number): GeoStreamWrapper {
  const t2 = tolerancePx * tolerancePx;
  return {
    stream(output: GeoStream): GeoStream {
      let kx = NaN;
      let ky = NaN;
      let lx = 0;
      let ly = 0;
      let pending = false;
      const filter: GeoStream = {
        point(x, y) {
          if (Number.isNaN(kx) || (x - kx) ** 2 + (y - ky) ** 2 >= t2) {
            output.point(x, y);
            kx = x;
            ky = y;
            pending = false;
          } else {
            lx = x;
            ly = y;
            pending = true;
          }
        },
        lineStart() {
          kx = NaN;
          pending = false;
          output.lineStart();
        },
        lineEnd() {
          if (pending) output.point(lx, ly);
          pending = false;
          output.lineEnd();
        },
        polygonStart() {
          output.polygonStart();
        },
        polygonEnd() {
          output.polygonEnd();
        },
        sphere() {
          output.sphere?.();
        },
      };
      return projection.stream(filter);
    },
  };
}

/**
 * The basemap of a frame (sea, countries, country names) as a `<g id>` to put in the page's `<defs>`
 * once; every map of the frame draws it with `<use href="#id">`.
 */
export function basemapGroup(frame: MapFrame, id: string): string {
  const path = geoPath(simplified(frame.projection, 0.8)).digits(1);
  const out: string[] = [`<g id="${escapeHtml(id)}"><rect width="${frame.width}" height="${frame.height}" fill="#dbe8f1"/>`];
  const near = countriesNear(frame);
  out.push('<g fill="#f7f5f0" stroke="#a9a396" stroke-width="0.7" stroke-linejoin="round">');
  for (const f of near) {
    const d = path(f);
    if (d) out.push(`<path d="${d}"/>`);
  }
  out.push('</g><g font-size="11" fill="#8d877a" text-anchor="middle" letter-spacing="1">');
  for (const f of near) {
    const name = f.properties?.name;
    if (name === undefined || path.area(f) < 6000) continue;
    const [x, y] = path.centroid(f);
    if (!(x > 40 && x < frame.width - 40 && y > 20 && y < frame.height - 12)) continue;
    out.push(`<text x="${px(x)}" y="${px(y)}">${escapeHtml(name.toUpperCase())}</text>`);
  }
  out.push('</g></g>');
  return out.join('');
}

/** One map: the network with `route` highlighted and its stops' expected hours as circles. */
export interface MapOptions {
  readonly network: Network;
  readonly frame: MapFrame;
  readonly route: Route;
  /** Id of the frame's `basemapGroup`, defined once in the page. */
  readonly basemapId: string;
  /** Hours that the largest circle stands for (shared by the before and after maps). */
  readonly dwellScaleHours: number;
  /** Accessible title of the SVG. */
  readonly title: string;
  /** Value of the `data-chart` attribute. */
  readonly chart: string;
}

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Radius of a circle whose area stands for `hours`. */
export function dwellRadius(hours: number, scaleHours: number): number {
  return hours > 0 && scaleHours > 0 ? MAX_DWELL_RADIUS * Math.sqrt(Math.min(hours, scaleHours * 4) / scaleHours) : 0;
}

/** The SVG of one map. */
export function mapSvg(o: MapOptions): string {
  const { network, frame, route } = o;
  const path = geoPath(frame.projection).digits(1);
  // Points outside the map are not drawn (the projection clips lines, not points).
  const project = (lon: number, lat: number): [number, number] | null => {
    const p = frame.projection([lon, lat]);
    return p !== null && p[0] >= 0 && p[0] <= frame.width && p[1] >= 0 && p[1] <= frame.height ? p : null;
  };
  const out: string[] = [];
  out.push(
    `<svg class="chart map" data-chart="${escapeHtml(o.chart)}" viewBox="0 0 ${frame.width} ${frame.height}" width="100%" role="img" aria-label="${escapeHtml(o.title)}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">`,
  );
  out.push(`<title>${escapeHtml(o.title)}</title>`);
  out.push(`<use href="#${escapeHtml(o.basemapId)}"/>`);

  const line = (from: string, to: string): string | null => {
    const a = network.nodeById.get(from);
    const b = network.nodeById.get(to);
    if (a === undefined || b === undefined) return null;
    return path({ type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] });
  };

  // Every link of the network once (a bidirectional link and its reverse share a line).
  out.push('<g class="links" fill="none" stroke-opacity="0.6">');
  for (const l of network.links) {
    if (l.reversed) continue;
    const d = line(l.from, l.to);
    if (d) out.push(`<path d="${d}" ${modeStroke(l.mode, 1.4)}><title>${escapeHtml(`${l.name ?? l.baseId}: ${MODE_STYLES[l.mode].label}, ${fixed(l.distanceKm, 0)} km`)}</title></path>`);
  }
  out.push('</g>');

  // The route: a light halo under the mode's stroke.
  out.push('<g class="route" fill="none">');
  const legs = route.legs.map((leg) => ({ leg, d: line(leg.from, leg.to) }));
  for (const { d } of legs) if (d) out.push(`<path d="${d}" stroke="#ffd23f" stroke-width="10" stroke-linecap="round" stroke-linejoin="round" stroke-opacity="0.85"/>`);
  for (const { leg, d } of legs) {
    if (d) out.push(`<path d="${d}" ${modeStroke(leg.mode, 3.2)}><title>${escapeHtml(`${leg.linkId}: ${MODE_STYLES[leg.mode].label}, ${fixed(leg.distanceKm, 0)} km, ${fixed(leg.hours, 1)} h expected`)}</title></path>`);
  }
  out.push('</g>');

  // Expected hours at each stop, as circle area.
  out.push('<g class="dwell" fill="#c2185b" fill-opacity="0.32" stroke="#7a0e3a" stroke-width="1.2">');
  const stopHours = new Map<string, number>();
  for (const s of route.stops) stopHours.set(s.nodeId, (stopHours.get(s.nodeId) ?? 0) + s.hours);
  const radii = new Map<string, number>();
  for (const [id, hours] of [...stopHours].sort((a, b) => b[1] - a[1])) {
    const n = network.nodeById.get(id);
    const p = n && project(n.lon, n.lat);
    const r = dwellRadius(hours, o.dwellScaleHours);
    radii.set(id, r);
    if (!p || r <= 0) continue;
    out.push(`<circle cx="${px(p[0])}" cy="${px(p[1])}" r="${px(r)}"><title>${escapeHtml(`${n.name}: ${fixed(hours, 1)} h expected at the node`)}</title></circle>`);
  }
  out.push('</g>');

  // Node markers by kind; nodes of the route dark, others light.
  const onRoute = new Set(route.nodes);
  out.push('<g class="nodes">');
  for (const n of network.nodes) {
    if (onRoute.has(n.id)) continue;
    const p = project(n.lon, n.lat);
    if (!p) continue;
    out.push(kindMarker(n.kind, p[0], p[1], 6, 'fill="#ffffff" stroke="#555555" stroke-width="1.1"', nodeTitle(n)));
  }
  for (const id of route.nodes) {
    const n = network.nodeById.get(id);
    const p = n && project(n.lon, n.lat);
    if (!p) continue;
    const end = id === route.origin || id === route.destination;
    out.push(kindMarker(n.kind, p[0], p[1], end ? 11 : 8, 'fill="#111111" stroke="#ffffff" stroke-width="1.4"', nodeTitle(n)));
  }
  out.push('</g>');

  // Labels of the route's nodes, placed greedily where they do not overlap.
  const placed: Box[] = [];
  out.push('<g class="labels" font-size="12" fill="#111111" stroke="#ffffff" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">');
  const order = [...route.nodes].sort((a, b) => {
    const end = (id: string): number => (id === route.origin || id === route.destination ? 1 : 0);
    return end(b) - end(a) || (stopHours.get(b) ?? 0) - (stopHours.get(a) ?? 0);
  });
  for (const id of order) {
    const n = network.nodeById.get(id);
    const p = n && project(n.lon, n.lat);
    if (!p) continue;
    const end = id === route.origin || id === route.destination;
    const hours = stopHours.get(id);
    const text = hours !== undefined && hours >= 0.05 ? `${n.name} · ${fixed(hours, hours < 10 ? 1 : 0)} h` : n.name;
    const fontSize = end ? 13 : 12;
    const w = text.length * fontSize * 0.56;
    const h = fontSize * 1.1;
    const r = Math.max(radii.get(id) ?? 0, end ? 6 : 5) + 3;
    const candidates: { x: number; y: number; anchor: 'start' | 'end' | 'middle'; box: Box }[] = [
      { x: p[0] + r, y: p[1] + fontSize * 0.35, anchor: 'start', box: { x0: p[0] + r, y0: p[1] - h / 2, x1: p[0] + r + w, y1: p[1] + h / 2 } },
      { x: p[0] - r, y: p[1] + fontSize * 0.35, anchor: 'end', box: { x0: p[0] - r - w, y0: p[1] - h / 2, x1: p[0] - r, y1: p[1] + h / 2 } },
      { x: p[0], y: p[1] - r - 2, anchor: 'middle', box: { x0: p[0] - w / 2, y0: p[1] - r - 2 - h, x1: p[0] + w / 2, y1: p[1] - r - 2 } },
      { x: p[0], y: p[1] + r + h, anchor: 'middle', box: { x0: p[0] - w / 2, y0: p[1] + r, x1: p[0] + w / 2, y1: p[1] + r + h + 2 } },
    ];
    const fits = candidates.find((c) => c.box.x0 >= 2 && c.box.x1 <= frame.width - 2 && c.box.y0 >= 2 && c.box.y1 <= frame.height - 2 && !placed.some((b) => overlaps(b, c.box)));
    if (fits === undefined) continue;
    placed.push(fits.box);
    out.push(`<text x="${px(fits.x)}" y="${px(fits.y)}" text-anchor="${fits.anchor}"${end ? ` font-weight="700" font-size="${fontSize}"` : ''}>${escapeHtml(text)}</text>`);
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('');
}

function nodeTitle(n: NodeSpec): string {
  return `<title>${escapeHtml(`${n.name} (${NODE_KIND_LABELS[n.kind]}, ${n.country})`)}</title>`;
}

/** The legend shared by a trip's maps: node kinds, link modes, the route, circle sizes. */
export function mapLegendSvg(dwellScaleHours: number, chart: string): string {
  const width = MAP_WIDTH;
  const height = 92;
  const out: string[] = [
    `<svg class="chart legend" data-chart="${escapeHtml(chart)}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="Map legend" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" font-size="13" fill="#222222">`,
    '<title>Map legend</title>',
  ];
  let x = 8;
  out.push(`<text x="${x}" y="18" font-weight="600">Nodes</text>`);
  NODE_KINDS.forEach((k, i) => {
    const y = 36 + (i % 2) * 24;
    const cx = x + 8 + Math.floor(i / 2) * 140;
    out.push(kindMarker(k, cx, y - 4, 9, 'fill="#111111" stroke="#ffffff" stroke-width="1"'));
    out.push(`<text x="${cx + 12}" y="${y}">${escapeHtml(NODE_KIND_LABELS[k])}</text>`);
  });
  x = 310;
  out.push(`<text x="${x}" y="18" font-weight="600">Links</text>`);
  MODES.forEach((m, i) => {
    const y = 36 + (i % 2) * 24;
    const lx = x + Math.floor(i / 2) * 190;
    out.push(`<path d="M${lx} ${y - 4}H${lx + 44}" fill="none" ${modeStroke(m, 3)}/>`);
    out.push(`<text x="${lx + 52}" y="${y}">${escapeHtml(MODE_STYLES[m].label)}</text>`);
  });
  x = 700;
  out.push(`<text x="${x}" y="18" font-weight="600">Route</text>`);
  out.push(`<path d="M${x} 32H${x + 44}" stroke="#ffd23f" stroke-width="10" stroke-linecap="round" stroke-opacity="0.85"/><path d="M${x} 32H${x + 44}" ${modeStroke('rail', 3.2)}/>`);
  out.push(`<text x="${x + 54}" y="36">chosen route</text>`);
  out.push(`<text x="${x}" y="60" font-size="12" fill="#444444">thin lines, hollow markers:</text>`);
  out.push(`<text x="${x}" y="75" font-size="12" fill="#444444">the rest of the network</text>`);
  x = 880;
  out.push(`<text x="${x}" y="18" font-weight="600">Expected hours at a node</text>`);
  const refs = dwellReferenceHours(dwellScaleHours);
  let cx = x + 4;
  const baseline = 86;
  for (const h of refs) {
    const r = dwellRadius(h, dwellScaleHours);
    cx += r;
    out.push(`<circle cx="${px(cx)}" cy="${px(baseline - r)}" r="${px(r)}" fill="#c2185b" fill-opacity="0.32" stroke="#7a0e3a" stroke-width="1.2"/>`);
    out.push(`<text x="${px(cx + r + 4)}" y="${px(baseline - r + 4)}" font-size="12">${fixed(h, h < 10 ? 1 : 0)} h</text>`);
    cx += r + 60;
  }
  out.push('</svg>');
  return out.join('');
}

/** Round reference values for the circle-size legend, largest about `scaleHours`. */
function dwellReferenceHours(scaleHours: number): number[] {
  if (!(scaleHours > 0)) return [1];
  const steps = [1, 2, 3, 5, 10, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336];
  const top = steps.filter((s) => s <= scaleHours).pop() ?? Math.max(0.5, Math.round(scaleHours * 10) / 10);
  const refs = [top, top / 4].map((h) => (h >= 10 ? Math.round(h) : Math.round(h * 10) / 10)).filter((h) => h > 0);
  return [...new Set(refs)].sort((a, b) => a - b);
}
