// What a command of the `transcaspian` CLI declares: its flags (type, placeholder, help, default,
// repeatable, conflicts), its positionals, its help text and the function that runs it. The parser
// (cli/parse.ts), the help (cli/help.ts) and the dispatcher (cli/run.ts) read nothing else, so adding
// a command or a flag is a change to one declaration. See the top of cli/commands.ts.
import type { CliIo } from './io.js';

/** One flag of a command, as declared in its table. */
export interface FlagSpec {
  /** `string` takes a value (`--runs 10`, `--runs=10`); `boolean` takes none (`--json`). */
  readonly type: 'string' | 'boolean';
  /** One-letter alias (`-o`). */
  readonly short?: string;
  /** The value's placeholder in the help, e.g. `<node>`, `N`, `planned|adaptive`. */
  readonly value?: string;
  /** One line (or a short paragraph) of help. */
  readonly help: string;
  /** The value when the flag is not given (string flags only; shown in the help). */
  readonly default?: string;
  /** A string flag that must be given (missing → usage error). */
  readonly required?: boolean;
  /**
   * A string flag that may be given several times, each value also split at commas, the values kept
   * in order (`--measures japan2025 --measures own.json` = `--measures japan2025,own.json`). Any
   * other flag given twice is a usage error, never a silent choice.
   */
  readonly repeatable?: boolean;
  /** Flags this one cannot be combined with (declare it on one side; the parser checks both ways). */
  readonly conflicts?: readonly string[];
  /** Flags this one needs (`--factors` needs `--sweep`). */
  readonly requires?: readonly string[];
}

/** The flags of a command, by long name (without the dashes). */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** The parsed value of one flag: booleans, lists for repeatable flags, strings (or absent) otherwise. */
export type FlagValue<F extends FlagSpec> = F extends { readonly type: 'boolean' }
  ? boolean
  : F extends { readonly repeatable: true }
    ? readonly string[]
    : F extends { readonly default: string } | { readonly required: true }
      ? string
      : string | undefined;

/** The parsed values of a flag table. */
export type FlagValues<T extends FlagTable> = { readonly [K in keyof T]: FlagValue<T[K]> };

/** A positional argument (`validate <file.json>`). */
export interface PositionalSpec {
  readonly name: string;
  readonly help: string;
  /** Whether it must be given (missing → usage error). */
  readonly required: boolean;
  /** The last positional only: it takes every argument left (`merge part-*.json`). */
  readonly variadic?: boolean;
}

/** What a command's `run` receives. */
export interface CommandContext<T extends FlagTable> {
  readonly values: FlagValues<T>;
  readonly positionals: readonly string[];
  readonly io: CliIo;
  /** Whether the flag was given on the command line (as opposed to its default). */
  readonly given: (flag: keyof T & string) => boolean;
}

/** A command of the CLI: its name, help, flags, positionals and what it does. */
export interface Command<T extends FlagTable = FlagTable> {
  /** The word after `transcaspian`. */
  readonly name: string;
  /** One line for the overview (`transcaspian --help`). */
  readonly summary: string;
  /** A paragraph for `transcaspian <command> --help`: exact semantics, defaults, outputs. */
  readonly description: string;
  readonly flags: T;
  readonly positionals?: readonly PositionalSpec[];
  /** Command lines shown under "Examples" in the command's help (without `transcaspian`). */
  readonly examples?: readonly string[];
  /** Run with checked flags; returns the exit code (0, or 1 for a user error already reported). */
  run(ctx: CommandContext<T>): number;
}

/**
 * Declare a command. The identity function, there for its type: it infers the flag table literally,
 * so `run` receives `values` typed per flag (`values.runs: string`, `values.json: boolean`).
 */
export function defineCommand<const T extends FlagTable>(command: Command<T>): Command<T> {
  return command;
}
