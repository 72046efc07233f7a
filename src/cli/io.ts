// Where the `transcaspian` command reads and writes: a sink per stream and a source for standard
// input, so tests drive the CLI in-process. Files named `-` are standard input or output.
import { DEFAULT_MAX_FILE_BYTES, readTextCapped } from '../network/read-file.js';
import { UsageError } from './errors.js';

/** Where the command writes (and reads standard input from). */
export interface CliIo {
  /** A line of output (a newline is added). */
  readonly out: (text: string) => void;
  /** A line on the error stream (a newline is added). */
  readonly err: (text: string) => void;
  /** A document written to standard output as is (`--out -`); defaults to `out` without its last newline. */
  readonly write?: (text: string) => void;
  /** Standard input as text, refused past `maxBytes`; defaults to reading file descriptor 0. */
  readonly readStdin?: (maxBytes: number, howToRaise: string) => string;
  /** The environment (for `TRANSCASPIAN_MAX_FILE_MB`); defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The environment variable that raises the cap on input files, in MiB. */
export const MAX_FILE_ENV = 'TRANSCASPIAN_MAX_FILE_MB';
const HOW_TO_RAISE = `raise it with ${MAX_FILE_ENV}=<MiB>`;

/** The cap on input files: `TRANSCASPIAN_MAX_FILE_MB` MiB, or the library's default. */
export function maxFileBytes(io: CliIo): number {
  const text = (io.env ?? process.env)[MAX_FILE_ENV];
  if (text === undefined || text === '') return DEFAULT_MAX_FILE_BYTES;
  const mib = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(mib > 0) || mib * 1048576 > Number.MAX_SAFE_INTEGER) {
    throw new UsageError(`${MAX_FILE_ENV}: expected a positive number of MiB, received "${text}"`);
  }
  return Math.max(1, Math.floor(mib * 1048576));
}

/** Reads standard input at most once per command: two flags cannot both be `-`. */
export class InputReader {
  private stdinBy: string | undefined;
  constructor(private readonly io: CliIo) {}

  /** The text of `path` (`-`: standard input), capped; `flag` names who asked, for errors. */
  read(path: string, flag: string): string {
    const cap = maxFileBytes(this.io);
    if (path !== '-') return readTextCapped(path, cap, HOW_TO_RAISE);
    if (this.stdinBy !== undefined) throw new UsageError(`${flag} and ${this.stdinBy} cannot both read standard input ("-")`);
    this.stdinBy = flag;
    return this.io.readStdin !== undefined ? this.io.readStdin(cap, HOW_TO_RAISE) : readTextCapped(0, cap, HOW_TO_RAISE, 'standard input');
  }
}

/** Write a document to standard output as is. */
export function writeStdout(io: CliIo, text: string): void {
  if (io.write !== undefined) io.write(text);
  else io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
}
