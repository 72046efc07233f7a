// `transcaspian survey fit`: a Time Release Study–style survey (CSV) fitted per place and stage, the
// fit printed (text or JSON), and the patch written as a measures file or applied to the network.
import { fitSurvey } from '../../evidence/fit-survey.js';
import { surveyRecordsFromCsv } from '../../evidence/survey-records.js';
import { applyMeasures } from '../../measures/apply.js';
import { surveyJson, surveyText } from '../../report/survey-text.js';
import { JSON_FLAG, NETWORK_FLAGS, integerFlag, networkFrom } from '../args.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../errors.js';
import { quote } from '../escape.js';
import { InputReader } from '../io.js';
import { writeOutputs } from '../output.js';

/** `transcaspian survey`. */
export const surveyCommand = defineCommand({
  name: 'survey',
  summary: 'survey fit <survey.csv>: fit a time survey per place and stage, and patch the network with it.',
  description: `Reads a Time Release Study–style survey (CSV with a header: consignment, country, node, stage — or checkpoint — and start and end times, ISO 8601, or durationHours), fits each place and stage with at least --min-records records (a lognormal by maximum likelihood where it fits, Anderson–Darling p >= 0.05 on the logs; the observed values otherwise), and prints n, the dates, the fit, its goodness and the network's figure before. The patch sets those durations, citing the survey (added to the sources table) with n, dates and fit on each stage.

--measure-out writes the patch as a measures file (use it with --measures in simulate or report); --network-out writes the patched network; --json prints { records, stages, skipped, measure }.`,
  positionals: [
    { name: 'fit', help: 'The action (the only one: fit).', required: true },
    { name: '<survey.csv|->', help: 'The survey ("-": standard input).', required: true },
  ],
  flags: {
    id: { type: 'string', value: '<id>', default: 'time-survey', help: 'Id of the survey in the network\'s sources table.' },
    title: { type: 'string', value: '<text>', default: 'Time survey', help: 'Title of the survey.' },
    organisation: { type: 'string', value: '<text>', default: 'time survey', help: 'Who ran the survey.' },
    year: { type: 'string', value: 'YYYY', help: 'Publication year (default: the year of the last record).' },
    distribution: { type: 'string', value: 'auto|lognormal|empirical', default: 'auto', help: 'auto: a lognormal where it fits, the observed values otherwise.' },
    'min-records': { type: 'string', value: 'N', default: '5', help: 'Fewest records to fit a place and stage.' },
    'measure-out': { type: 'string', value: '<file.json|->', help: 'Write the patch as a measures file (a recipe for --measures).' },
    'network-out': { type: 'string', value: '<file.json|->', help: 'Write the network with the patch applied.' },
    ...NETWORK_FLAGS,
    ...JSON_FLAG,
  },
  examples: ['survey fit data/surveys/synthetic-kazakhstan-2026.csv', 'survey fit survey.csv --measure-out survey-measure.json --title "Time Release Study, Dostyk" --organisation "State Revenue Committee"'],
  run({ values, positionals, io }) {
    if (positionals[0] !== 'fit') throw new UsageError(`unknown action ${quote(positionals[0] ?? '')}; expected: survey fit <survey.csv>`);
    const distribution = values.distribution;
    if (distribution !== 'auto' && distribution !== 'lognormal' && distribution !== 'empirical') throw new UsageError(`--distribution: expected auto, lognormal or empirical, received ${quote(distribution)}`);
    const input = new InputReader(io);
    const records = surveyRecordsFromCsv(input.read(positionals[1]!, '<survey.csv>'));
    const network = networkFrom(values.network, input);
    const fit = fitSurvey(records, {
      network,
      id: values.id,
      title: values.title,
      organisation: values.organisation,
      distribution,
      minRecords: integerFlag(values['min-records'], '--min-records', 3, 1_000_000),
      ...(values.year !== undefined ? { year: integerFlag(values.year, '--year', 1800, 2100) } : {}),
    });
    const files = [
      ...(values['measure-out'] !== undefined ? [{ path: values['measure-out'], text: `${JSON.stringify([fit.measure.definition], null, 2)}\n` }] : []),
      ...(values['network-out'] !== undefined ? [{ path: values['network-out'], text: `${JSON.stringify(applyMeasures(network, [fit.measure]).spec, null, 2)}\n` }] : []),
    ];
    if (files.some((f) => f.path === '-') && values.json) throw new UsageError('--json and an output to standard output ("-") cannot share it');
    writeOutputs(io, files);
    if (!files.some((f) => f.path === '-')) io.out(values.json ? JSON.stringify(surveyJson(fit), null, 2) : surveyText(fit));
    return 0;
  },
});
