// Reading a text file with a size cap. Without one, `loadNetwork('/dev/zero')` (or a runaway pipe)
// grows until the process runs out of memory: the file is read in chunks and refused, with a typed
// error naming the cap and how to raise it, as soon as it passes the cap.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InvalidArgumentError, TranscaspianError } from '../errors.js';

/**
 * The default cap on a file read by `loadNetwork` and the CLI: 256 MiB, far above any corridor
 * network (the shipped one is under 1 MiB) and below V8's longest string (about 512 MiB).
 */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A file could not be read. */
export class FileReadError extends TranscaspianError {
  /** The path that was read. */
  readonly path: string;
  constructor(path: string, cause: unknown) {
    super('io_error', `cannot read ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.path = path;
  }
}

/** A file is larger than the cap it was read with; `maxBytes` is the cap. */
export class FileTooLargeError extends FileReadError {
  /** The cap, in bytes. */
  readonly maxBytes: number;
  constructor(path: string, maxBytes: number, howToRaise: string) {
    super(path, `larger than the cap of ${maxBytes.toLocaleString('en-US')} bytes (${(maxBytes / 1048576).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB); ${howToRaise}`);
    this.maxBytes = maxBytes;
  }
}

/** Check a cap given as an option: a positive safe integer of bytes. */
export function checkMaxBytes(maxBytes: unknown, field: string): number {
  if (typeof maxBytes !== 'number' || !Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new InvalidArgumentError(field, maxBytes, 'a whole number of bytes >= 1');
  }
  return maxBytes;
}

const CHUNK_BYTES = 1 << 20;
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Read the file (or file descriptor) `source` as UTF-8, refusing it with `FileTooLargeError` once it
 * passes `maxBytes`. `howToRaise` ends that error's message (the library names its option, the CLI
 * its environment variable). Reads in chunks, so devices and pipes without a size are capped too.
 */
export function readTextCapped(source: string | number, maxBytes: number, howToRaise: string, name = String(source)): string {
  let fd: number;
  try {
    fd = typeof source === 'number' ? source : openSync(source, 'r');
  } catch (e) {
    throw new FileReadError(name, e);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FileReadError(name, new Error('is a directory'));
    if (stat.isFile() && stat.size > maxBytes) throw new FileTooLargeError(name, maxBytes, howToRaise);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes - total + 1));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (e) {
        // A non-blocking standard input with nothing yet to read: wait for it rather than fail.
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(PAUSE, 0, 0, 10);
          continue;
        }
        throw new FileReadError(name, e);
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileTooLargeError(name, maxBytes, howToRaise);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    if (typeof source !== 'number') closeSync(fd);
  }
}
