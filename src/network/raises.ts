// How a check in the zod schema declares the problem it raises. zod carries one free-form field from a
// check to the issue it raises, the message (its `params` reach custom refinements only), so a check
// written `.min(0, raises('negative'))` fails with the message `negative`, or `code: expected …` when
// it also states what was expected; validate.ts reads the code back from the issue and writes the
// problem's words itself. Nothing is inferred from a field's name.
import { PROBLEM_CODES, type ProblemCode } from '../errors.js';

/** A problem as a schema check declares it. */
export interface DeclaredProblem {
  readonly code: ProblemCode;
  /** What was expected, in words; omitted when the translation words it from the issue (bounds, allowed values). */
  readonly expected?: string;
}

/** zod params (for a check, an enum, a union or a refinement) that make its failure report `code`. */
export function raises(code: ProblemCode, expected?: string): { readonly error: string } {
  return { error: expected === undefined ? code : `${code}: expected ${expected}` };
}

const CODES: ReadonlySet<string> = new Set(PROBLEM_CODES);
const DECLARED = /^([a-z_]+)(?:: expected ([\s\S]*))?$/;

/** The problem a zod issue's message declares (see `raises`), or `undefined` for zod's own messages. */
export function declaredProblem(message: string): DeclaredProblem | undefined {
  const m = DECLARED.exec(message);
  if (m === null || !CODES.has(m[1]!)) return undefined;
  const code = m[1] as ProblemCode;
  return m[2] === undefined ? { code } : { code, expected: m[2] };
}
