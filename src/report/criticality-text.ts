// Text and JSON renderings of a criticality ranking (the CLI's `criticality`).
import type { Network } from '../network/network.js';
import type { Criticality } from '../route/criticality.js';
import { fmtDays, textTable } from './table.js';

/** The top of the ranking as a table: element, trips without a route, days added per trip and in all. */
export function criticalityText(network: Network, c: Criticality, top: number): string {
  const name = (id: string): string => network.nodeById.get(id)?.name ?? id;
  const trips = c.trips.map((t) => `${name(t.options.origin)} → ${name(t.options.destination)}`);
  const head = [
    `Each ${c.elements[0]?.kind ?? 'link'} closed in turn, ${c.trips.length} trip${c.trips.length === 1 ? '' : 's'} re-routed on expected times:`,
    ...c.trips.map((t, i) => `  T${i + 1} ${trips[i]} (${typeof t.options.profile === 'string' ? t.options.profile : t.options.profile.id}): ${t.route === null ? 'no route with everything open' : `${fmtDays(t.route.totalHours)} days`}`),
  ];
  const rows = c.elements.slice(0, top).map((e) => [
    String(e.rank),
    e.name,
    String(e.noRouteTrips),
    fmtDays(e.addedHours),
    ...c.trips.map((_, t) => {
      const i = e.impacts.find((x) => x.trip === t);
      return i === undefined || i.endpoint === true ? '—' : i.addedHours === null ? 'no route' : fmtDays(i.addedHours);
    }),
  ]);
  const table = textTable(
    [{ header: '#', align: 'right' }, { header: 'closed' }, { header: 'no route', align: 'right' }, { header: '+days', align: 'right' }, ...c.trips.map((_, i) => ({ header: `T${i + 1}`, align: 'right' as const }))],
    rows,
  );
  return [...head, '', table].join('\n');
}

/** The ranking as JSON: the trips (their hours with everything open) and every element with its impacts. */
export function criticalityJson(c: Criticality): Record<string, unknown> {
  return {
    trips: c.trips.map((t) => ({ ...t.options, hours: t.route?.totalHours ?? null })),
    elements: c.elements.map((e) => ({ rank: e.rank, kind: e.kind, id: e.id, name: e.name, noRouteTrips: e.noRouteTrips, addedHours: e.addedHours, addedDays: e.addedDays, impacts: e.impacts })),
  };
}
