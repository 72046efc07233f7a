// Typed errors: one base class, a small hierarchy, stable codes. Tests and callers match on the class
// and `code`, never on message text (the graphology habit). Messages name what is wrong and what to do.

/**
 * Every code a problem found by `validateNetwork` can carry, in the README's order. The schema's
 * checks declare theirs where they are written (network/schema.ts); a value of the wrong JSON type is
 * `missing_field`, `not_finite` or `wrong_type` by what was found; the cross-reference checks
 * (network/validate.ts) name theirs where they run. A test builds one invalid document per code.
 */
export const PROBLEM_CODES = Object.freeze([
  'invalid_json',
  'wrong_type',
  'missing_field',
  'unknown_field',
  'empty_network',
  'duplicate_id',
  'invalid_id',
  'unknown_node',
  'unknown_link',
  'unknown_source',
  'unknown_mode',
  'unknown_kind',
  'unknown_country',
  'unknown_profile',
  'unknown_category',
  'unknown_distribution',
  'invalid_value',
  'not_finite',
  'not_positive',
  'negative',
  'probability_out_of_range',
  'latitude_out_of_range',
  'longitude_out_of_range',
  'triangular_order',
  'uniform_order',
  'lognormal_order',
  'empty_distribution',
  'self_loop',
  'conflicting_fields',
  'missing_service',
  'ambiguous_country',
  'missing_source',
  'range_order',
  'outside_range',
  'missing_range',
] as const);

/** Stable code of a problem `validateNetwork` reports: one of `PROBLEM_CODES`. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One problem found in a network document. */
export interface NetworkProblem {
  /** Stable machine-readable code. */
  readonly code: ProblemCode;
  /** Path into the document, e.g. `['links', 3, 'distanceKm']`. */
  readonly path: readonly (string | number)[];
  /** The same path as a JSON Pointer (RFC 6901), e.g. `/links/3/distanceKm`. */
  readonly pointer: string;
  /** What was found at the path (`undefined` when the field is missing). */
  readonly received: unknown;
  /** What was expected there, in words. */
  readonly expected: string;
  /** One readable sentence combining all of the above. */
  readonly message: string;
}

/** Codes of errors thrown by the library (other than network problems, which have their own codes). */
export const ERROR_CODES = Object.freeze([
  'invalid_network',
  'unknown_node',
  'unknown_profile',
  'invalid_argument',
  'invalid_measure',
  'invalid_table',
  'invalid_study',
  'io_error',
] as const);

/** Stable code of an error thrown by the library: one of `ERROR_CODES`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Base class of every error this library throws on purpose. */
export class TranscaspianError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A network document failed validation; `problems` lists every problem found, not just the first. */
export class InvalidNetworkError extends TranscaspianError {
  /** The problems found, in document order: every one, or the first `maxProblems` (1,000 by default for `parseNetwork`). */
  readonly problems: readonly NetworkProblem[];
  /** How many problems were found in all (more than `problems.length` when they were cut). */
  readonly problemCount: number;
  constructor(problems: readonly NetworkProblem[], problemCount = problems.length) {
    const head = problems.slice(0, 5).map((p) => `  ${p.message}`);
    const more = problemCount > 5 ? [`  … and ${problemCount - 5} more`] : [];
    super(
      'invalid_network',
      `invalid network: ${problemCount} problem${problemCount === 1 ? '' : 's'}\n${[...head, ...more].join('\n')}`,
    );
    this.problems = problems;
    this.problemCount = problemCount;
  }
}

/** A study document has problems: its shape, or a reference it makes (network, measures, nodes). */
export class InvalidStudyError extends TranscaspianError {
  /** Every problem found, in document order (the same kind of problem as a network's). */
  readonly problems: readonly NetworkProblem[];
  constructor(problems: readonly NetworkProblem[]) {
    const head = problems.slice(0, 5).map((p) => `  ${p.message}`);
    const more = problems.length > 5 ? [`  … and ${problems.length - 5} more`] : [];
    super('invalid_study', `invalid study: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${[...head, ...more].join('\n')}`);
    this.problems = problems;
  }
}

/**
 * An economics table (cost tables, emission tables, corridor alternatives) failed validation, or does
 * not fit the network it is used with; `problems` lists every problem found, with the same codes as a
 * network's. `table` names the kind of table.
 */
export class InvalidTableError extends TranscaspianError {
  /** `costs`, `emissions` or `corridors`. */
  readonly table: string;
  /** Every problem found, in document order. */
  readonly problems: readonly NetworkProblem[];
  constructor(table: string, problems: readonly NetworkProblem[]) {
    const head = problems.slice(0, 5).map((p) => `  ${p.message}`);
    const more = problems.length > 5 ? [`  … and ${problems.length - 5} more`] : [];
    super('invalid_table', `invalid ${table} table: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n${[...head, ...more].join('\n')}`);
    this.table = table;
    this.problems = problems;
  }
}

/** An origin, destination or other node reference matched no node; `suggestions` are the closest names. */
export class UnknownNodeError extends TranscaspianError {
  /** The argument that named the node (`origin`, `via`, `avoid.nodes`, …). */
  readonly field: string;
  /** The text that was looked up. */
  readonly query: string;
  /** Names of the closest nodes, best first (at most 5). */
  readonly suggestions: readonly string[];
  constructor(field: string, query: string, suggestions: readonly string[]) {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    super('unknown_node', `${field}: no node matches "${query}"${hint}`);
    this.field = field;
    this.query = query;
    this.suggestions = suggestions;
  }
}

/** A profile name matched neither a built-in profile nor one declared in the network. */
export class UnknownProfileError extends TranscaspianError {
  /** The profile that was asked for. */
  readonly profile: string;
  /** The profiles that exist. */
  readonly known: readonly string[];
  constructor(profile: string, known: readonly string[]) {
    super('unknown_profile', `profile: unknown profile "${profile}"; expected one of ${known.join(', ')}`);
    this.profile = profile;
    this.known = known;
  }
}

/** An argument or option of a library function is invalid; `field` names it, `received` holds it. */
export class InvalidArgumentError extends TranscaspianError {
  /** The option or argument at fault, e.g. `runs` or `options.seed`. */
  readonly field: string;
  /** The value received. */
  readonly received: unknown;
  constructor(field: string, received: unknown, expected: string) {
    super('invalid_argument', `${field}: expected ${expected}, received ${describeValue(received)}`);
    this.field = field;
    this.received = received;
  }
}

/** A measure's parameter is outside its plausible range, or its scope names something that does not exist. */
export class InvalidMeasureError extends TranscaspianError {
  /** The measure's id. */
  readonly measure: string;
  /** The parameter or scope field at fault, e.g. `proceduralCut` or `scope.countries`. */
  readonly field: string;
  /** The value received. */
  readonly received: unknown;
  constructor(measure: string, field: string, received: unknown, expected: string) {
    super('invalid_measure', `${measure}.${field}: expected ${expected}, received ${describeValue(received)}`);
    this.measure = measure;
    this.field = field;
    this.received = received;
  }
}

/** Short, safe rendering of any value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of ${(value as unknown as ArrayLike<unknown>).length ?? value.byteLength} items`;
  if (typeof value === 'function') return 'a function';
  return 'an object';
}
