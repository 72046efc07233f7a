// Writing what a command produces: `-` is standard output; files are written to temporaries beside
// them and renamed into place only when every one of them was written, so a failure (a full disk, a
// missing directory, a signal) never leaves a half-written report or a set of files from two runs.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TranscaspianError } from '../errors.js';
import { UsageError } from './errors.js';
import { writeStdout, type CliIo } from './io.js';

/** One output file: its path (`-` for standard output) and its text. */
export interface OutputFile {
  readonly path: string;
  readonly text: string;
}

let temporaries = 0;

function temporaryPath(path: string): string {
  temporaries += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${temporaries}.tmp`);
}

function ioError(path: string, e: unknown): TranscaspianError {
  return new TranscaspianError('io_error', `cannot write ${path}: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * Write `files` all or nothing: each to a temporary in its directory, then every temporary renamed
 * over its target. Throws an `io_error` `TranscaspianError` naming the file that failed (the
 * temporaries are removed).
 */
export function writeFiles(files: readonly OutputFile[]): void {
  const written: { temporary: string; path: string }[] = [];
  try {
    for (const f of files) {
      const temporary = temporaryPath(f.path);
      try {
        writeFileSync(temporary, f.text, { flag: 'wx' });
      } catch (e) {
        throw ioError(f.path, e);
      }
      written.push({ temporary, path: f.path });
    }
    // A rename fails mostly where the target is a directory: find that before the first rename.
    for (const w of written) {
      if (existsSync(w.path) && statSync(w.path).isDirectory()) throw ioError(w.path, new Error('is a directory'));
    }
    for (const w of written) {
      try {
        renameSync(w.temporary, w.path);
      } catch (e) {
        throw ioError(w.path, e);
      }
    }
  } catch (e) {
    for (const w of written) rmSync(w.temporary, { force: true });
    throw e;
  }
}

/** `writeFiles`, except that a single file named `-` goes to standard output. */
export function writeOutputs(io: CliIo, files: readonly OutputFile[]): void {
  if (files.some((f) => f.path === '-')) {
    if (files.length > 1) throw new UsageError(`--out -: this output is ${files.length} files (${files.map((f) => f.path).join(', ')}); give a file name`);
    writeStdout(io, files[0]!.text);
    return;
  }
  writeFiles(files);
}
