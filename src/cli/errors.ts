// The CLI's own error: a command line that does not parse. Exit code 2, against 1 for the library's
// typed errors (bad input, unknown node, no route).
import { InvalidNetworkError, type NetworkProblem } from '../errors.js';

/** A usage error: unknown command or flag, a missing, repeated or malformed argument. Exit code 2. */
export class UsageError extends Error {}

/** A network document given to the CLI (`--network`, standard input) is invalid; `source` names it. */
export class InvalidNetworkInputError extends InvalidNetworkError {
  /** The file name, or `standard input`. */
  readonly source: string;
  constructor(source: string, problems: readonly NetworkProblem[], problemCount = problems.length) {
    super(problems, problemCount);
    this.source = source;
  }
}
