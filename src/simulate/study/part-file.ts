// Part files: a study part as JSON text and back. Run totals are stored as little-endian float64
// bytes in base64 (exact, a third the size of decimal text); sums and route counts as JSON numbers,
// which JavaScript writes and reads back exactly. Reading checks the shape and sizes and throws a
// typed error naming what is wrong, so a damaged or foreign file is never merged.
import { CATEGORIES } from '../../network/types.js';
import type { BlockResult, ResultHeader } from '../montecarlo.js';
import { requireStudyPart } from './check-part.js';
import { partError, type RouteDescription, type StudyPart, type UnitOutput } from './run.js';

function encodeFloats(values: Float64Array): string {
  const buf = Buffer.allocUnsafe(values.length * 8);
  for (let i = 0; i < values.length; i++) buf.writeDoubleLE(values[i]!, i * 8);
  return buf.toString('base64');
}

function decodeFloats(text: unknown, count: number, where: string): Float64Array {
  if (typeof text !== 'string') throw partError(`${where}: samples are not base64 text`);
  const buf = Buffer.from(text, 'base64');
  if (buf.length !== count * 8) throw partError(`${where}: ${buf.length / 8} samples where the unit has ${count} runs`);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = buf.readDoubleLE(i * 8);
  return out;
}

/** A part as JSON text (one line per unit is not needed: one JSON document). */
export function studyPartJson(part: StudyPart): string {
  requireStudyPart(part);
  return JSON.stringify({
    format: part.format,
    digest: part.digest,
    shard: part.shard,
    unitCount: part.unitCount,
    study: part.study,
    units: part.units.map((u) => ({
      ...u.unit,
      header: u.header,
      samples: encodeFloats(u.samples),
      blocks: u.blocks.map((b) => ({ cells: b.cells.map(([c, sums]) => [c, Array.from(sums)]), routes: b.routes })),
      routes: u.routes,
    })),
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);

/** Read a part from JSON text (`name` names it in errors). Throws a typed error for anything that is not a study part. */
export function parseStudyPart(text: string, name = 'part'): StudyPart {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw partError(`${name} is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObj(doc) || doc['format'] !== 'transcaspian/study-part@1') throw partError(`${name} is not a study part (format "transcaspian/study-part@1")`);
  const shard = doc['shard'];
  if (typeof doc['digest'] !== 'string' || !isObj(shard) || !isInt(shard['index']) || !isInt(shard['count']) || !isInt(doc['unitCount']) || !isObj(doc['study']) || !Array.isArray(doc['units'])) {
    throw partError(`${name}: damaged (digest, shard, unitCount, study or units missing or malformed)`);
  }
  const units: UnitOutput[] = doc['units'].map((u: unknown, k: number) => {
    const where = `${name}: units[${k}]`;
    if (!isObj(u) || !isInt(u['index']) || !isInt(u['alternative']) || !isInt(u['trip']) || !isInt(u['fromRun']) || !isInt(u['toRun']) || !Array.isArray(u['blocks']) || !isObj(u['routes'])) {
      throw partError(`${where}: damaged`);
    }
    const header = u['header'] === null ? null : (u['header'] as ResultHeader);
    const count = header === null ? 0 : (u['toRun'] as number) - (u['fromRun'] as number);
    const blocks: BlockResult[] = (u['blocks'] as unknown[]).map((b, j) => {
      if (!isObj(b) || !Array.isArray(b['cells']) || !Array.isArray(b['routes'])) throw partError(`${where}.blocks[${j}]: damaged`);
      const cells = (b['cells'] as unknown[]).map((c): [string, Float64Array] => {
        if (!Array.isArray(c) || typeof c[0] !== 'string' || !Array.isArray(c[1]) || c[1].length !== CATEGORIES.length || !c[1].every((x) => typeof x === 'number')) {
          throw partError(`${where}.blocks[${j}]: a damaged cell`);
        }
        return [c[0], Float64Array.from(c[1] as number[])];
      });
      const routes = (b['routes'] as unknown[]).map((r): [string, number] => {
        if (!Array.isArray(r) || typeof r[0] !== 'string' || !isInt(r[1])) throw partError(`${where}.blocks[${j}]: a damaged route count`);
        return [r[0], r[1]];
      });
      return { cells, routes };
    });
    return {
      unit: { index: u['index'], alternative: u['alternative'], trip: u['trip'], fromRun: u['fromRun'], toRun: u['toRun'] },
      header,
      samples: decodeFloats(u['samples'], count, where),
      blocks,
      routes: u['routes'] as Record<string, RouteDescription>,
    };
  });
  return {
    format: 'transcaspian/study-part@1',
    digest: doc['digest'],
    shard: { index: shard['index'], count: shard['count'] },
    unitCount: doc['unitCount'],
    study: doc['study'] as unknown as StudyPart['study'],
    units,
  };
}
