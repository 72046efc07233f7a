// `transcaspian validate`: check a network document and print every problem, as text or JSON.
import { InvalidNetworkError, type NetworkProblem } from '../../errors.js';
import { MAX_PROBLEMS, parseNetworkSpec } from '../../network/validate.js';
import { JSON_FLAG } from '../args.js';
import { defineCommand } from '../command.js';
import { escapeControl } from '../escape.js';
import { InputReader } from '../io.js';

/** `transcaspian validate`. */
export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Check a network document and print every problem.',
  description: `Checks a network document (JSON) as parseNetwork does and prints every problem, up to the first ${MAX_PROBLEMS.toLocaleString('en-US')} in document order (then how many more): its JSON pointer, code and what was expected, one line each as they are found. Exit code 0 when valid, 1 when not (with the count on stderr).

--json prints { "file", "valid", "problemCount", "problems" } (the first ${MAX_PROBLEMS.toLocaleString('en-US')}), each problem with code, pointer, path, received, expected and message.`,
  positionals: [{ name: '<file.json|->', help: 'The document ("-": standard input).', required: true }],
  flags: {
    'require-sources': { type: 'boolean', help: 'Also require a source on every node, stage, link, service and structure (the rule for shipped data).' },
    'require-ranges': { type: 'boolean', help: 'Also require a plausible range on every estimate (the rule for shipped data).' },
    ...JSON_FLAG,
  },
  examples: ['validate my-network.json', 'validate --json - < my-network.json'],
  run({ values, positionals, io }) {
    const file = positionals[0]!;
    const name = file === '-' ? 'standard input' : file;
    const text = new InputReader(io).read(file, '<file>');
    let problems: readonly NetworkProblem[] = [];
    let count = 0;
    try {
      parseNetworkSpec(text, { requireSources: values['require-sources'], requireRanges: values['require-ranges'], maxProblems: MAX_PROBLEMS });
    } catch (e) {
      if (!(e instanceof InvalidNetworkError)) throw e;
      ({ problems, problemCount: count } = e);
    }
    if (values.json) {
      io.out(JSON.stringify({ file: name, valid: count === 0, problemCount: count, problems }, null, 2));
    } else if (count === 0) {
      io.out(`${escapeControl(name)}: valid`);
    } else {
      for (const p of problems) io.out(escapeControl(`${name}:${p.pointer || '/'}: ${p.code}: expected ${p.expected}`));
      if (count > problems.length) io.out(`${escapeControl(name)}: … and ${(count - problems.length).toLocaleString('en-US')} more`);
    }
    if (count === 0) return 0;
    io.err(`transcaspian: ${escapeControl(name)}: ${count} problem${count === 1 ? '' : 's'}`);
    return 1;
  },
});
