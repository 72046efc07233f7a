// The `transcaspian` command's dispatcher. `run` takes argv and an output sink and returns the exit
// code, so tests drive it in-process. Exit codes: 0 success; 1 a user error (bad input, unknown node
// or profile, no route: one line on stderr, no stack trace); 2 a usage error (one line, and where
// to find the help). The commands themselves are declared in cli/commands.ts.
import { InvalidNetworkError, TranscaspianError } from '../errors.js';
import { LIBRARY_VERSION } from '../report/version.js';
import type { Command } from './command.js';
import { COMMANDS } from './commands.js';
import { InvalidNetworkInputError, UsageError } from './errors.js';
import { escapeControl, quote } from './escape.js';
import { commandHelp, overviewHelp } from './help.js';
import type { CliIo } from './io.js';
import { parseCommandArgs } from './parse.js';

export { UsageError } from './errors.js';
export { volumeFactor } from './volume-arg.js';
export type { CliIo } from './io.js';

/** The overview help (`transcaspian --help`). */
export const USAGE = overviewHelp(COMMANDS);

function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** One line for an invalid network: the first problem and how many more (all of them with `verbose`). */
function invalidNetworkLines(e: InvalidNetworkError, verbose: boolean): string[] {
  const source = e instanceof InvalidNetworkInputError ? ` (${e.source})` : '';
  const first = e.problems[0];
  const rest = e.problemCount - 1;
  const hint = e instanceof InvalidNetworkInputError && e.source !== 'standard input' ? `--verbose or transcaspian validate ${e.source}` : '--verbose';
  const more = rest > 0 ? `; and ${rest} more problem${rest === 1 ? '' : 's'}${verbose ? '' : ` (${hint} lists them)`}` : '';
  const head = `transcaspian: invalid network${source}: ${first !== undefined ? first.message : 'no problems listed'}${more}`;
  const cut = e.problemCount > e.problems.length ? [`  … and ${e.problemCount - e.problems.length} more (the first ${e.problems.length} are listed)`] : [];
  return verbose && rest > 0 ? [head, ...e.problems.map((p) => `  ${p.message}`), ...cut] : [head];
}

function suggestCommand(name: string): string {
  const close = COMMANDS.filter((c) => c.name.startsWith(name.slice(0, 2)) && name.length > 1).map((c) => c.name);
  return close.length > 0 ? `; did you mean ${close.join(' or ')}?` : '';
}

/** Run the CLI with `argv` (without node and script). Returns the exit code. */
export function run(argv: readonly string[], io: CliIo): number {
  const [word, ...rest] = argv;
  const err = (text: string): void => io.err(escapeControl(text, true));
  let prefix = 'transcaspian';
  let verbose = false;
  try {
    if (word === undefined) {
      err(USAGE);
      return 2;
    }
    if (word === '--version' || word === '-V') {
      if (rest.length > 0) throw new UsageError(`${word} takes no arguments`);
      io.out(LIBRARY_VERSION);
      return 0;
    }
    if (word === '--help' || word === '-h' || word === 'help') {
      const topic = rest[0];
      if (rest.length > 1) throw new UsageError(`help takes one command, received ${rest.length}`);
      if (topic === undefined) {
        io.out(USAGE);
        return 0;
      }
      const command = commandNamed(topic);
      if (command === undefined) throw new UsageError(`unknown command ${quote(topic)}${suggestCommand(topic)}`);
      io.out(commandHelp(command));
      return 0;
    }
    const command = commandNamed(word);
    if (command === undefined) throw new UsageError(`unknown command ${quote(word)}${suggestCommand(word)}`);
    prefix = `transcaspian ${command.name}`;
    const parsed = parseCommandArgs(command, rest);
    if (parsed.help) {
      io.out(commandHelp(command));
      return 0;
    }
    verbose = parsed.given.has('verbose');
    return command.run({ values: parsed.values, positionals: parsed.positionals, io, given: (flag) => parsed.given.has(flag) });
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${prefix}: ${e.message} (see '${prefix === 'transcaspian' ? 'transcaspian --help' : `${prefix} --help`}')`);
      return 2;
    }
    if (e instanceof InvalidNetworkError) {
      for (const line of invalidNetworkLines(e, verbose)) err(line);
      return 1;
    }
    if (e instanceof TranscaspianError) {
      err(`transcaspian: ${e.message.split('\n').join(' ')}`);
      return 1;
    }
    throw e;
  }
}
