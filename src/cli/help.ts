// The CLI's help, generated from the command table: the overview (`transcaspian --help`) lists the
// commands with their one-line summaries; a command's help (`transcaspian <command> --help`, `help
// <command>`) gives its synopsis, description, every flag with its default, and examples.
import type { Command, FlagSpec } from './command.js';

const WIDTH = 100;
const FLAG_COLUMN = 30;

/** Wrap a paragraph to `width` columns, each line prefixed by `indent`. */
function wrap(text: string, indent: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

function flagLabel(name: string, spec: FlagSpec): string {
  const short = spec.short !== undefined ? `-${spec.short}, ` : '';
  return `${short}--${name}${spec.type === 'string' ? ` ${spec.value ?? '<value>'}` : ''}`;
}

/** The one-line synopsis: required flags and positionals spelled out, the rest as `[options]`. */
export function synopsis(command: Command): string {
  const required = Object.entries(command.flags)
    .filter(([, f]) => f.required === true)
    .map(([name, f]) => `--${name} ${f.value ?? '<value>'}`);
  const positionals = (command.positionals ?? []).map((p) => (p.required ? p.name : `[${p.name}]`));
  return ['transcaspian', command.name, ...required, '[options]', ...positionals].join(' ');
}

/** The full help of one command. */
export function commandHelp(command: Command): string {
  const out = [`Usage: ${synopsis(command)}`, ''];
  for (const paragraph of command.description.split(/\n\s*\n/)) out.push(...wrap(paragraph, ''), '');
  if ((command.positionals ?? []).length > 0) {
    out.push('Arguments:');
    for (const p of command.positionals ?? []) out.push(...row(p.name, p.help));
    out.push('');
  }
  out.push('Options:');
  for (const [name, spec] of Object.entries(command.flags)) {
    const notes = [
      spec.help,
      spec.repeatable === true ? 'Repeatable; commas also separate values.' : '',
      spec.conflicts !== undefined ? `Not with ${spec.conflicts.map((c) => `--${c}`).join(', ')}.` : '',
      spec.requires !== undefined ? `Needs ${spec.requires.map((c) => `--${c}`).join(', ')}.` : '',
      spec.default !== undefined ? `Default: ${spec.default}.` : '',
    ];
    out.push(...row(flagLabel(name, spec), notes.filter((n) => n !== '').join(' ')));
  }
  out.push(...row('-h, --help', 'Show this help.'));
  if ((command.examples ?? []).length > 0) {
    out.push('', 'Examples:');
    for (const e of command.examples ?? []) out.push(`  transcaspian ${e}`);
  }
  return out.join('\n');
}

/** A flag or argument and its help, the help wrapped in a column. */
function row(label: string, help: string): string[] {
  const pad = ' '.repeat(FLAG_COLUMN);
  const lines = wrap(help, pad);
  const head = `  ${label}`;
  if (head.length < FLAG_COLUMN - 1 && lines.length > 0) return [head.padEnd(FLAG_COLUMN) + lines[0]!.slice(FLAG_COLUMN), ...lines.slice(1)];
  return [head, ...lines];
}

/** The overview: every command with its summary, global flags, environment and exit codes. */
export function overviewHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 4;
  return [
    'Usage: transcaspian <command> [options]',
    '',
    'Model the Middle Corridor (Trans-Caspian International Transport Route) and simulate transit times',
    'before and after policy measures.',
    '',
    'Commands:',
    ...commands.flatMap((c) => wrap(c.summary, ' '.repeat(width + 2)).map((l, i) => (i === 0 ? `  ${c.name.padEnd(width)}${l.trimStart()}` : l))),
    `  ${'help'.padEnd(width)}help <command>: the options of a command (the same as <command> --help).`,
    '',
    'Options: -h, --help (this text); -V, --version (the version).',
    "Run 'transcaspian <command> --help' for a command's options and examples.",
    '',
    'Nodes are given by id, name or alias, case- and accent-insensitively ("constanta", "xian"); country',
    'codes and profile ids case-insensitively ("ru", "WAGON"). "-" as a file reads standard input',
    '(--network, --measures, validate) or writes standard output (--out). The default network is the',
    'shipped Middle Corridor dataset (data/middle-corridor.json).',
    '',
    'Environment: TRANSCASPIAN_MAX_FILE_MB raises the cap on input files (default 256 MiB).',
    'Exit codes: 0 success; 1 invalid input, unknown node or profile, or no route (one line on stderr);',
    '2 usage error.',
  ].join('\n');
}
