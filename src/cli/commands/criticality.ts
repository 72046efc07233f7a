// `transcaspian criticality`: which links (or nodes) matter most to a set of trips: each closed in
// turn, every trip re-routed on expected times, the days added (or "no route") ranked; as text,
// JSON, or an HTML report with the map coloured by added days.
import { renderReport } from '../../report/html/render.js';
import { criticalityJson, criticalityText } from '../../report/criticality-text.js';
import { criticality } from '../../route/criticality.js';
import { JSON_FLAG, NETWORK_FLAGS, PLACE_FLAGS, SCENARIO_FLAGS, integerFlag, networkFrom, placesFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';
import { MAIN_JOB_TRIPS } from '../main-job.js';
import { writeOutputs } from '../output.js';

/** `transcaspian criticality`. */
export const criticalityCommand = defineCommand({
  name: 'criticality',
  summary: 'Which links (or nodes) matter most: each closed in turn, the days it adds to each trip, ranked.',
  description: `Closes each link of the network in turn (both directions; --elements nodes: each node, with every link and pass through it) and re-routes every trip on expected times, by re-weighting the compiled graphs: the days each closure adds to each trip, or "no route". Ranked by trips left without a route, then by days added in all.

The trips are the four of npm start (Xi'an → Constanța avoiding RU, BY and IR; Kashgar → Baku, Dushanbe → Aktau and Dushanbe → Bishkek by truck), or the one given by --from and --to (with --profile, --via and the --avoid flags). --out writes an HTML report with the map coloured by added days; --json prints every element with its impact on each trip.`,
  flags: {
    from: { ...SCENARIO_FLAGS.from, requires: ['to'], help: 'Origin of a single trip (with --to; without both: the four trips of npm start).' },
    to: { ...SCENARIO_FLAGS.to, requires: ['from'], help: 'Destination of a single trip (with --from).' },
    profile: { ...SCENARIO_FLAGS.profile, requires: ['from'] },
    ...PLACE_FLAGS,
    elements: { type: 'string', value: 'links|nodes', default: 'links', help: 'What is closed in turn.' },
    top: { type: 'string', value: 'N', default: '20', help: 'How many of the ranked elements to print (text only).' },
    out: { type: 'string', short: 'o', value: '<file.html>', help: 'Also write an HTML report (map coloured by added days, the ranking).' },
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: ['criticality', 'criticality --elements nodes --top 10', 'criticality --from kashgar --to baku --profile truck --json', 'criticality --out critical.html'],
  run({ values, io, given }) {
    const elements = values.elements;
    if (elements !== 'links' && elements !== 'nodes') throw new UsageError(`--elements: expected links or nodes, received ${quote(elements)}`);
    const top = integerFlag(values.top, '--top', 1, 1_000_000);
    if (values.out !== undefined && !/\.html?$/i.test(values.out)) throw new UsageError(`--out: the report is HTML; expected a file ending in .html, received ${quote(values.out)}`);
    const placed = given('via') || given('avoid-countries') || given('avoid-nodes') || given('avoid-links');
    if (values.from === undefined && placed) throw new UsageError('--via and the --avoid flags need a single trip: give --from and --to');
    const network = networkFrom(values.network, new InputReader(io));
    const trips =
      values.from !== undefined && values.to !== undefined
        ? [{ origin: values.from, destination: values.to, profile: values.profile, ...placesFrom(values) }]
        : MAIN_JOB_TRIPS.map(({ origin, destination, profile, avoid }) => ({ origin, destination, profile, ...(avoid !== undefined ? { avoid } : {}) }));
    const result = criticality(network, trips, { elements });
    if (values.out !== undefined) {
      writeOutputs(io, [{ path: values.out, text: renderReport({ network, measures: [], trips: [], criticality: result, title: `Which ${elements} matter most: ${network.title}` }) }]);
    }
    io.out(values.json ? JSON.stringify(criticalityJson(result), null, 2) : criticalityText(network, result, top));
    if (values.out !== undefined && values.out !== '-') io.out(`wrote ${values.out}`);
    return 0;
  },
});
