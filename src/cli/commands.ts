// The command table of the `transcaspian` CLI: every command, in the order of the overview help.
//
// Adding a command: write src/cli/commands/<name>.ts exporting `defineCommand({ name, summary,
// description, flags, positionals?, examples?, run })` and add it to COMMANDS below. Nothing else:
// parsing, `--help`, `help <name>`, the overview, usage errors and exit codes come from the table.
//
// Adding a flag: add an entry to the command's `flags` — `{ type: 'string' | 'boolean', value:
// '<placeholder>', help, default?, required?, repeatable?, conflicts?: [...], requires?: [...] }` —
// or spread a shared group from cli/args.ts (NETWORK_FLAGS, SCENARIO_FLAGS, JSON_FLAG). `run`
// receives the values typed by the table: booleans, strings (or undefined without a default), and
// string lists for repeatable flags. A single-value flag given twice, a conflict, a missing
// requirement or an unknown flag is a usage error (exit 2) before `run` is called.
//
// In `run`: read files through `InputReader` (cli/io.ts: "-" is standard input, the size cap), write
// through `writeOutputs` (cli/output.ts: "-" is standard output, temporaries renamed into place),
// throw `UsageError` for a bad flag value (integerFlag, quote the value with `quote`), let the
// library's typed errors through (exit 1, one line), and return 1 after printing "no route".
import type { Command } from './command.js';
import { appraiseCommand } from './commands/appraise.js';
import { corridorsCommand } from './commands/corridors.js';
import { criticalityCommand } from './commands/criticality.js';
import { flowCommand } from './commands/flow.js';
import { mergeCommand } from './commands/merge.js';
import { reportCommand } from './commands/report.js';
import { routeCommand } from './commands/route.js';
import { schemaCommand } from './commands/schema.js';
import { simulateCommand } from './commands/simulate.js';
import { startCommand } from './commands/start.js';
import { studyCommand } from './commands/study.js';
import { validateCommand } from './commands/validate.js';
import { validationCommand } from './commands/validation.js';
import { surveyCommand } from './commands/survey.js';
import { calibrateCommand } from './commands/calibrate.js';

/** Every command of the CLI, in the order of the overview help. */
export const COMMANDS: readonly Command[] = [routeCommand, simulateCommand, reportCommand, appraiseCommand, corridorsCommand, studyCommand, mergeCommand, criticalityCommand, flowCommand, validationCommand, calibrateCommand, surveyCommand, validateCommand, schemaCommand, startCommand];
