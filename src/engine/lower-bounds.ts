// Lower bounds for A*: the great-circle distance to the nearest target divided by a speed no arc
// beats. With `boundingSpeedKmh`, the fastest great-circle speed any arc achieves at its current
// weight, the bound is consistent (w(u,v) ≥ gc(u,v)/speed ≥ h(u) − h(v) by the triangle
// inequality), so A* settles each vertex once. Coordinates come from the caller; numbers only.
import { InvalidArgumentError } from '../errors.js';
import { requireCsr, type Csr } from './csr.js';
import { checkVertices } from './workspace.js';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two points given in degrees (haversine formula). */
export function haversineKm(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number): number {
  for (const [field, v, lim] of [['lat1Deg', lat1Deg, 90], ['lon1Deg', lon1Deg, 180], ['lat2Deg', lat2Deg, 90], ['lon2Deg', lon2Deg, 180]] as const) {
    if (typeof v !== 'number' || !(Math.abs(v) <= lim)) throw new InvalidArgumentError(field, v, `degrees in −${lim}…${lim}`);
  }
  return greatCircleKm(lat1Deg, lon1Deg, lat2Deg, lon2Deg);
}

/** `haversineKm` without its checks, for the loops over vertices whose coordinates were checked. */
function greatCircleKm(lat1Deg: number, lon1Deg: number, lat2Deg: number, lon2Deg: number): number {
  const dLat = (lat2Deg - lat1Deg) * RAD;
  const dLon = (lon2Deg - lon1Deg) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1Deg * RAD) * Math.cos(lat2Deg * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

function checkCoordinates(csr: Csr, latDeg: Float64Array, lonDeg: Float64Array): void {
  requireCsr(csr);
  for (const [field, a, lim] of [['latDeg', latDeg, 90], ['lonDeg', lonDeg, 180]] as const) {
    if (!(a instanceof Float64Array) || a.length !== csr.vertexCount) {
      throw new InvalidArgumentError(field, a, `a Float64Array of ${csr.vertexCount} coordinates in degrees, one per vertex`);
    }
    for (let v = 0; v < a.length; v++) {
      if (!(Math.abs(a[v]!) <= lim)) throw new InvalidArgumentError(`${field}[${v}]`, a[v], `degrees in −${lim}…${lim}`);
    }
  }
}

/**
 * The highest great-circle speed (km per unit of weight, e.g. km/h when weights are hours) of any
 * arc of `csr`: max over arcs of gc(from, to) / weight. Infinity when an arc joins two distinct
 * places at weight 0 (then no positive great-circle bound is valid); 0 for a graph with no such arc.
 */
export function boundingSpeedKmh(csr: Csr, latDeg: Float64Array, lonDeg: Float64Array): number {
  checkCoordinates(csr, latDeg, lonDeg);
  let speed = 0;
  const { offsets, targets, weights } = csr;
  for (let u = 0; u < csr.vertexCount; u++) {
    for (let s = offsets[u]!, end = offsets[u + 1]!; s < end; s++) {
      const v = targets[s]!;
      const km = greatCircleKm(latDeg[u]!, lonDeg[u]!, latDeg[v]!, lonDeg[v]!);
      if (km === 0) continue;
      const w = weights[s]!;
      if (w === 0) return Infinity;
      if (km / w > speed) speed = km / w;
    }
  }
  return speed;
}

/**
 * Per vertex, a lower bound of the cost to the nearest of `targets`: great-circle km / `speedKmh`.
 * Vertices from which no target can be reached still get a finite bound (this needs no search).
 * The bounds are shrunk by one part in 10¹² so rounding never makes them exceed the true cost.
 * O(V × |targets|). A speed of Infinity gives all-zero bounds (A* then behaves as Dijkstra).
 */
export function greatCircleLowerBounds(
  csr: Csr,
  latDeg: Float64Array,
  lonDeg: Float64Array,
  targets: ArrayLike<number>,
  speedKmh: number,
): Float64Array {
  checkCoordinates(csr, latDeg, lonDeg);
  checkVertices(csr.vertexCount, 'targets', targets);
  if (!(speedKmh > 0)) throw new InvalidArgumentError('speedKmh', speedKmh, 'a speed > 0 (km per unit of weight)');
  const out = new Float64Array(csr.vertexCount);
  if (speedKmh === Infinity) return out;
  const scale = (1 - 1e-12) / speedKmh;
  for (let v = 0; v < csr.vertexCount; v++) {
    let km = Infinity;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      const d = greatCircleKm(latDeg[v]!, lonDeg[v]!, latDeg[t]!, lonDeg[t]!);
      if (d < km) km = d;
    }
    out[v] = km * scale;
  }
  return out;
}
