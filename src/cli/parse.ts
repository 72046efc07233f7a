// Parsing a command's arguments against its declared flags (cli/command.ts), the way common tools do:
// `--flag value`, `--flag=value`, `-x value`, `--` ends the flags, `-` is an ordinary value (standard
// input or output). Every mistake is a `UsageError` naming the flag: an unknown flag (with the
// closest known one), a missing value, a single-value flag given twice, two flags that exclude each
// other, a flag without the one it needs, a missing or extra positional.
import { levenshtein } from '../network/lookup.js';
import type { Command, FlagSpec, FlagTable, FlagValues } from './command.js';
import { UsageError } from './errors.js';
import { quote } from './escape.js';

/** The result of parsing a command's arguments. */
export interface ParsedArgs<T extends FlagTable> {
  readonly values: FlagValues<T>;
  readonly positionals: readonly string[];
  /** Flags given on the command line (their defaults do not count). */
  readonly given: ReadonlySet<string>;
  /** `--help` or `-h` was given: the caller prints the command's help and ignores the rest. */
  readonly help: boolean;
}

function suggestion(name: string, flags: FlagTable): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of [...Object.keys(flags), 'help']) {
    const d = levenshtein(name, known);
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? `; did you mean --${best}?` : '';
}

/**
 * Parse `args` (the words after the command's name) for `command`. Values come back typed by the
 * flag table: booleans, string lists for repeatable flags (each value split at commas, in order), and
 * strings (the declared default when the flag is absent) otherwise.
 */
export function parseCommandArgs<T extends FlagTable>(command: Command<T>, args: readonly string[]): ParsedArgs<T> {
  const flags: FlagTable = command.flags;
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(flags)) if (spec.short !== undefined) byShort.set(spec.short, name);
  const strings = new Map<string, string[]>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  let help = false;

  const flagOf = (word: string): { name: string; spec: FlagSpec | undefined; inline: string | undefined } => {
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      return { name, spec: Object.hasOwn(flags, name) ? flags[name] : undefined, inline: eq < 0 ? undefined : word.slice(eq + 1) };
    }
    const letter = word.slice(1, 2);
    const name = byShort.get(letter) ?? letter;
    return { name, spec: byShort.has(letter) ? flags[name] : undefined, inline: word.length > 2 ? word.slice(word[2] === '=' ? 3 : 2) : undefined };
  };

  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (word === '--help' || word === '-h') {
      help = true;
      continue;
    }
    const { name, spec, inline } = flagOf(word);
    const shown = word.startsWith('--') ? `--${name}` : `-${name}`;
    if (spec === undefined) throw new UsageError(`unknown option ${quote(shown)}${suggestion(name, flags)}`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`${shown} takes no value, received ${quote(inline)}`);
      booleans.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= args.length) throw new UsageError(`${shown} needs a value${spec.value !== undefined ? ` (${spec.value})` : ''}`);
      value = args[++i]!;
    }
    const list = strings.get(name) ?? [];
    if (list.length > 0 && spec.repeatable !== true) {
      throw new UsageError(`--${name} given twice (${quote(list[0]!)} and ${quote(value)}); give it once`);
    }
    list.push(value);
    strings.set(name, list);
  }

  const given = new Set<string>([...strings.keys(), ...booleans]);
  if (!help) {
    for (const name of given) {
      const spec = flags[name]!;
      for (const other of spec.conflicts ?? []) {
        if (given.has(other)) throw new UsageError(`--${name} and --${other} exclude each other; give one of them`);
      }
      for (const other of spec.requires ?? []) {
        if (!given.has(other)) throw new UsageError(`--${name} needs --${other}`);
      }
    }
    for (const [name, spec] of Object.entries(flags)) {
      if (spec.required === true && !given.has(name)) throw new UsageError(`missing --${name}${spec.value !== undefined ? ` ${spec.value}` : ''}`);
    }
    const declared = command.positionals ?? [];
    if (positionals.length > declared.length && declared[declared.length - 1]?.variadic !== true) throw new UsageError(`unexpected argument ${quote(positionals[declared.length]!)}`);
    for (let i = positionals.length; i < declared.length; i++) {
      if (declared[i]!.required) throw new UsageError(`missing ${declared[i]!.name}`);
    }
  }

  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(flags)) {
    if (spec.type === 'boolean') values[name] = booleans.has(name);
    else if (spec.repeatable === true) {
      const list = (strings.get(name) ?? (spec.default !== undefined ? [spec.default] : [])).flatMap((v) => v.split(','));
      values[name] = list.map((v) => v.trim());
    } else values[name] = strings.get(name)?.[0] ?? spec.default;
  }
  return { values: values as FlagValues<T>, positionals, given, help };
}
