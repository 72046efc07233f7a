// Loading networks from files, and the shipped default dataset.
import { readFileSync } from 'node:fs';
import corridor from '../../data/middle-corridor.json' with { type: 'json' };
import { TranscaspianError } from '../errors.js';
import { parseNetwork, type Network } from './network.js';
import type { ValidateOptions } from './validate.js';

/** A file could not be read. */
export class FileReadError extends TranscaspianError {
  /** The path that was read. */
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super('io_error', `cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.path = path;
  }
}

/** Read and validate a network document from a JSON file. Throws `FileReadError` or `InvalidNetworkError`. */
export function loadNetwork(path: string, options: ValidateOptions = {}): Network {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new FileReadError(path, e);
  }
  return parseNetwork(text, options);
}

let defaultNetwork: Network | undefined;

/**
 * The shipped Middle Corridor network (`data/middle-corridor.json`): every figure sourced or marked
 * as an estimate. Parsed once and cached; the result is immutable.
 */
export function middleCorridor(): Network {
  defaultNetwork ??= parseNetwork(corridor, { requireSources: true });
  return defaultNetwork;
}
