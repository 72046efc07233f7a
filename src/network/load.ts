// Loading networks from files, and the shipped default dataset.
import corridor from '../../data/middle-corridor.json' with { type: 'json' };
import { requireShape, requireString } from '../arguments.js';
import { parseNetwork, type Network } from './network.js';
import { DEFAULT_MAX_FILE_BYTES, checkMaxBytes, readTextCapped } from './read-file.js';
import type { ValidateOptions } from './validate.js';

export { FileReadError, FileTooLargeError, DEFAULT_MAX_FILE_BYTES } from './read-file.js';

/** Options of `loadNetwork`: the validation options and the cap on the file's size. */
export interface LoadOptions extends ValidateOptions {
  /** Refuse a file larger than this many bytes (`FileTooLargeError`). Default `DEFAULT_MAX_FILE_BYTES`, 256 MiB. */
  readonly maxFileBytes?: number;
}

/**
 * Read and validate a network document from a JSON file. Throws `FileReadError` (`FileTooLargeError`
 * past `options.maxFileBytes`) or `InvalidNetworkError`.
 */
export function loadNetwork(path: string, options: LoadOptions = {}): Network {
  requireString(path, 'path', 'the path of a JSON file');
  requireShape(options, 'options', 'an object { requireSources?, maxFileBytes? }');
  const maxBytes = options.maxFileBytes === undefined ? DEFAULT_MAX_FILE_BYTES : checkMaxBytes(options.maxFileBytes, 'options.maxFileBytes');
  const text = readTextCapped(path, maxBytes, 'raise it with the maxFileBytes option of loadNetwork');
  const { maxFileBytes: _cap, ...validate } = options;
  return parseNetwork(text, validate);
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
