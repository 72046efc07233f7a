// Checks of the arguments a public function receives, so that a wrong value is an
// `InvalidArgumentError` naming it (never a TypeError from deep inside): objects with the fields a
// function reads, arrays, strings. What a value means is checked where it is used.
import { InvalidArgumentError } from './errors.js';

/** What a field must hold: the checks the functions rely on before reading it. */
export type FieldKind = 'object' | 'array' | 'number' | 'string' | 'function' | 'samples';

function holds(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'object':
      return typeof value === 'object' && value !== null;
    case 'array':
      return Array.isArray(value);
    case 'number':
      return typeof value === 'number';
    case 'string':
      return typeof value === 'string';
    case 'function':
      return typeof value === 'function';
    case 'samples':
      return value instanceof Float64Array;
  }
}

/**
 * `value` as an object whose `fields` hold what they must (`{ before: 'object', runs: 'number' }`);
 * otherwise an `InvalidArgumentError` naming `field` (or `field.key`) and what was `expected`.
 */
export function requireShape<T>(value: unknown, field: string, expected: string, fields: Readonly<Record<string, FieldKind>> = {}): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentError(field, value, expected);
  for (const [key, kind] of Object.entries(fields)) {
    const v = (value as Record<string, unknown>)[key];
    if (!holds(v, kind)) throw new InvalidArgumentError(`${field}.${key}`, v, `${kind === 'samples' ? 'a Float64Array' : `a${kind === 'array' || kind === 'object' ? 'n' : ''} ${kind}`} (${expected})`);
  }
  return value as T;
}

/** `value` as an array, each item checked by `item` (which throws for a bad one). */
export function requireArray<T>(value: unknown, field: string, expected: string, item?: (v: unknown, field: string) => void): readonly T[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError(field, value, expected);
  if (item !== undefined) value.forEach((v, i) => item(v, `${field}[${i}]`));
  return value as T[];
}

/** `value` as a string. */
export function requireString(value: unknown, field: string, expected = 'a string'): string {
  if (typeof value !== 'string') throw new InvalidArgumentError(field, value, expected);
  return value;
}
