// The plainest nodes and links — a generated or exported big network's bulk: a link with ids, a mode,
// a distance and a speed (a country, a name, both directions), a node with its id, name, kind,
// country and coordinates — recognised without running the zod schema on them. Each check accepts a
// subset of what the schema accepts (the same rules, field by field; any other field, or anything
// unusual, and the element goes through zod), so it changes no result, only the time: on a network of
// a million links, running zod element by element was a second or more. A property test checks the
// subset on random and extreme elements (test/big-documents.test.ts).
import { COUNTRY_CODES } from './countries.js';
import { MODES, NODE_KINDS } from './types.js';

const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);
const MODE_SET: ReadonlySet<string> = new Set(MODES);
const KIND_SET: ReadonlySet<string> = new Set(NODE_KINDS);

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v !== '';
const positive = (v: unknown): boolean => typeof v === 'number' && v > 0 && v !== Infinity;
const within = (v: unknown, lo: number, hi: number): boolean => typeof v === 'number' && v >= lo && v <= hi;

function plainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** Whether the link schema certainly accepts `v`: only the plain fields, each valid. */
export function isPlainLink(v: unknown): boolean {
  if (!plainObject(v)) return false;
  let required = 0;
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) return false;
    const x = v[key];
    switch (key) {
      case 'id':
      case 'from':
      case 'to':
        if (!nonEmpty(x)) return false;
        required++;
        break;
      case 'mode':
        if (typeof x !== 'string' || !MODE_SET.has(x)) return false;
        required++;
        break;
      case 'distanceKm':
        if (!positive(x)) return false;
        required++;
        break;
      case 'speedKmh':
        if (!positive(x)) return false;
        break;
      case 'country':
        if (typeof x !== 'string' || !COUNTRIES.has(x)) return false;
        break;
      case 'bidirectional':
        if (typeof x !== 'boolean') return false;
        break;
      case 'name':
        if (typeof x !== 'string') return false;
        break;
      default:
        return false;
    }
  }
  return required === 5;
}

/** Whether the node schema certainly accepts `v`: only the plain fields, each valid. */
export function isPlainNode(v: unknown): boolean {
  if (!plainObject(v)) return false;
  let required = 0;
  for (const key in v) {
    if (!Object.prototype.hasOwnProperty.call(v, key)) return false;
    const x = v[key];
    switch (key) {
      case 'id':
      case 'name':
        if (!nonEmpty(x)) return false;
        required++;
        break;
      case 'kind':
        if (typeof x !== 'string' || !KIND_SET.has(x)) return false;
        required++;
        break;
      case 'country':
        if (typeof x !== 'string' || !COUNTRIES.has(x)) return false;
        required++;
        break;
      case 'lat':
        if (!within(x, -90, 90)) return false;
        required++;
        break;
      case 'lon':
        if (!within(x, -180, 180)) return false;
        required++;
        break;
      default:
        return false;
    }
  }
  return required === 6;
}
