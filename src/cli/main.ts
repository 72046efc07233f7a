#!/usr/bin/env node
// Entry point of the `transcaspian` command.
import { run } from './run.js';

const code = run(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
