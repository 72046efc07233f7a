// The calendar part of a report's assumptions: when the runs departed, which seasons and disruption
// episodes were in play (each with its place, effect, occurrence, utilisation and sources), and the
// corridor state that correlates them — what a reader needs to judge the months.
import type { Network } from '../../network/network.js';
import type { EpisodeSpec, Provenance, ProvenanceSpec } from '../../network/types.js';
import { MONTH_NAMES } from '../../simulate/by-month.js';
import { WORLDS } from '../../simulate/episodes.js';
import type { ReportInput, ReportTrip } from '../model.js';
import { escapeHtml } from './escape.js';
import { fixed } from './format.js';

/** The calendar settings of a trip in words: departure window, seasons, correlation. */
export function calendarText(trip: ReportTrip): string {
  const cal = trip.comparison?.before.calendar;
  if (cal === undefined) return 'no calendar';
  const seasons = !cal.seasons ? 'episodes off' : cal.episodes === 0 ? 'no episodes' : `${cal.episodes} episode processes`;
  const correlation = cal.episodes === 0 ? '' : cal.sigma > 0 ? `, correlated (σ ${fixed(cal.sigma, 2)})` : cal.independent ? ', independent' : '';
  return `${cal.departure.label}; ${seasons}${correlation}`;
}

function provenanceList(source: ProvenanceSpec | undefined): readonly Provenance[] {
  if (source === undefined) return [];
  return Array.isArray(source) ? (source as readonly Provenance[]) : [source as Provenance];
}

/** A figure's sources: each reference as its title, organisation and year, each estimate as its reasoning. */
function sourcesHtml(network: Network, source: ProvenanceSpec | undefined): string {
  const items = provenanceList(source).map((p) => {
    if ('ref' in p) {
      const s = network.sourceById.get(p.ref);
      const cited = s === undefined ? escapeHtml(p.ref) : `<cite>${escapeHtml(s.title)}</cite>, ${escapeHtml(s.organisation)}, ${s.year === null ? 'year not stated' : s.year}`;
      return `<li>${cited}${p.note !== undefined ? ` — ${escapeHtml(p.note)}` : ''}</li>`;
    }
    return `<li class="assumption">Estimate: ${escapeHtml(p.estimate)}</li>`;
  });
  return items.length === 0 ? '<span class="note">no source</span>' : `<ul class="sources">${items.join('')}</ul>`;
}

function placeText(network: Network, e: EpisodeSpec): string {
  if ('node' in e.at) {
    const name = network.nodeById.get(e.at.node)?.name ?? e.at.node;
    return e.modes === undefined ? name : `${name} (passes by ${e.modes.join(', ')})`;
  }
  const link = network.linkById.get(e.at.link) ?? network.linkById.get(`${e.at.link}:reverse`);
  return `link ${link?.name ?? e.at.link}`;
}

function occurrenceText(e: EpisodeSpec): string {
  const o = e.occurrence;
  if (o.type === 'process') {
    const rates = o.startsPerMonth.map((r, i) => `${MONTH_NAMES[i]!.slice(0, 3)} ${fixed(r, r < 1 ? 2 : 1)}`).join(', ');
    const d = o.durationHours;
    const duration = d.type === 'triangular' ? `${fixed(d.min, 0)}–${fixed(d.max, 0)} h, mode ${fixed(d.mode, 0)} h` : d.type;
    return `random starts per month: ${rates}; each lasting ${duration}`;
  }
  const windows = [...(o.windows ?? []).map((w) => (w.from === w.to ? w.from : `${w.from} to ${w.to}`)), ...(o.recurring ?? []).map((w) => `${w.from} to ${w.to} every year`)];
  return `on ${windows.join('; ')}`;
}

/** The calendar, seasons and correlation subsection of the assumptions. */
export function calendarAssumptionsHtml(input: ReportInput): string {
  const n = input.network;
  const episodes = n.spec.episodes ?? [];
  const out: string[] = ['<h3>Calendar, seasons and correlation</h3>'];
  out.push(
    `<p>Each run departs at its own instant of the departure window (${[...new Set(input.trips.map((t) => escapeHtml(calendarText(t))))].join(' · ')}) and is walked in calendar time. Where an episode can hold it, the place is a fluid first-come-first-served queue: work arrives at the place’s utilisation and is served at full capacity, at the capacity share of the episodes under way, or not at all while closed, so a consignment that arrives during a closure waits for its end and for the backlog that arrived before it. The simulation draws ${WORLDS.toLocaleString('en-US')} histories of the corridor (episodes and the corridor state); each run walks in one of them, and before and after walk in the same one.</p>`,
  );
  if (episodes.length === 0) {
    out.push('<p>The network has no disruption episodes.</p>');
    return out.join('\n');
  }
  const rows = episodes.map(
    (e) =>
      `<tr><td><strong>${escapeHtml(e.name)}</strong><br><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(placeText(n, e))}</td><td>${e.effect.type === 'closure' ? 'closed' : `throttled to ${fixed(e.effect.capacityShare * 100, 0)}% of capacity`}</td><td>${escapeHtml(occurrenceText(e))}</td><td class="num">${fixed(e.utilisation ?? 0, 2)}</td><td>${e.correlated === true ? 'yes' : 'no'}</td><td>${sourcesHtml(n, e.source)}</td></tr>`,
  );
  out.push(
    `<table class="wide episodes"><thead><tr><th>Episode</th><th>Place</th><th>Effect</th><th>When</th><th class="num">Utilisation</th><th>Correlated</th><th>Sources</th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
  );
  const c = n.spec.correlation;
  if (c !== undefined) {
    out.push(
      `<p><strong>Correlation.</strong> Each history has a corridor state per month, exp(σz − σ²/2) with z standard normal and σ = ${fixed(c.sigma, 2)}, multiplying the start rate of every correlated episode: bad months come together without changing the number of episodes on average. “Independent” runs (<code>--independent</code>) set it to 1.</p>`,
      sourcesHtml(n, c.source),
    );
  }
  if (n.spec.calendar !== undefined) out.push(`<p><strong>Reference year</strong> ${n.spec.calendar.referenceYear} (the default departure window).</p>`, sourcesHtml(n, n.spec.calendar.source));
  return out.join('\n');
}
