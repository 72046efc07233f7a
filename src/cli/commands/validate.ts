// `transcaspian validate`: check a network document and print every problem, as text or JSON.
import { validateNetwork } from '../../network/validate.js';
import { JSON_FLAG } from '../args.js';
import { defineCommand } from '../command.js';
import { escapeControl } from '../escape.js';
import { InputReader } from '../io.js';

/** `transcaspian validate`. */
export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Check a network document and print every problem.',
  description: `Checks a network document (JSON) as parseNetwork does and prints every problem: its JSON pointer, code and what was expected. Exit code 0 when valid, 1 when not (with the count on stderr).

--json prints { "file", "valid", "problems" }, each problem with code, pointer, path, received, expected and message.`,
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
    const problems = validateNetwork(text, { requireSources: values['require-sources'], requireRanges: values['require-ranges'] });
    if (values.json) {
      io.out(JSON.stringify({ file: name, valid: problems.length === 0, problems }, null, 2));
    } else if (problems.length === 0) {
      io.out(`${escapeControl(name)}: valid`);
    } else {
      for (const p of problems) io.out(escapeControl(`${name}:${p.pointer || '/'}: ${p.code}: expected ${p.expected}`));
    }
    if (problems.length === 0) return 0;
    io.err(`transcaspian: ${escapeControl(name)}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    return 1;
  },
});
