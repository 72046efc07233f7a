// The records of a time survey (WCO Time Release Study style): one row per consignment and stage at
// a place, with its start and end times or its duration. Read from CSV with a header row.
import { requireString } from '../arguments.js';
import { InvalidArgumentError } from '../errors.js';
import { parseCsv } from './csv.js';

/** One timed stage of one consignment. */
export interface SurveyRecord {
  /** The consignment (declaration, container, train) the time belongs to. */
  readonly consignment: string;
  /** ISO 3166-1 alpha-2 code of the agency or operator whose stage it is. */
  readonly country: string;
  /** The place: a node id (or, with a network given to `fitSurvey`, a name or alias). */
  readonly node: string;
  /** The stage at the place: a stage id of the network (a Time Release Study's interval between two milestones). */
  readonly stage: string;
  /** The stage's duration, hours (≥ 0). */
  readonly durationHours: number;
  /** When the stage started and ended (ISO 8601), when the survey gives times. */
  readonly start?: string;
  readonly end?: string;
}

/** Column names read (case-insensitive), with the accepted synonyms. */
const COLUMNS = {
  consignment: ['consignment', 'consignment_id', 'declaration'],
  country: ['country'],
  node: ['node', 'place', 'bcp'],
  stage: ['stage', 'checkpoint', 'interval'],
  start: ['start', 'start_time'],
  end: ['end', 'end_time'],
  durationHours: ['durationhours', 'duration_hours', 'hours'],
} as const;

/** Time between two ISO 8601 timestamps, hours; throws naming the line for an unreadable one. */
function hoursBetween(start: string, end: string, line: number): number {
  const a = Date.parse(start);
  const b = Date.parse(end);
  if (Number.isNaN(a)) throw new InvalidArgumentError(`line ${line}: start`, start, 'an ISO 8601 time, e.g. 2026-03-02T08:15:00Z');
  if (Number.isNaN(b)) throw new InvalidArgumentError(`line ${line}: end`, end, 'an ISO 8601 time, e.g. 2026-03-02T10:40:00Z');
  if (b < a) throw new InvalidArgumentError(`line ${line}: end`, end, `a time at or after the start (${start})`);
  return (b - a) / 3_600_000;
}

/**
 * The records of a survey CSV. A header row names the columns (any order, any case): `consignment`,
 * `country`, `node`, `stage` (or `checkpoint`), and either `start` and `end` (ISO 8601 times) or
 * `durationHours` (hours); with all three, they must agree within a minute. Other columns are
 * ignored. Throws `InvalidArgumentError` naming the line and column of the first bad value (a
 * missing column, an empty field, an unreadable time or number, a negative duration).
 */
export function surveyRecordsFromCsv(text: string): SurveyRecord[] {
  requireString(text, 'text', 'the text of a survey CSV');
  const rows = parseCsv(text);
  if (rows.length === 0) throw new InvalidArgumentError('csv', text.slice(0, 40), 'a header row and records');
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const col = (names: readonly string[]): number => header.findIndex((h) => names.includes(h));
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, col(names)])) as Record<keyof typeof COLUMNS, number>;
  for (const k of ['consignment', 'country', 'node', 'stage'] as const) {
    if (at[k] < 0) throw new InvalidArgumentError('csv header', rows[0]!.join(','), `a column ${COLUMNS[k].join(' or ')}`);
  }
  const timed = at.start >= 0 && at.end >= 0;
  if (!timed && at.durationHours < 0) throw new InvalidArgumentError('csv header', rows[0]!.join(','), 'columns start and end, or a column durationHours');
  return rows.slice(1).map((r, i) => {
    const line = i + 2;
    const get = (k: keyof typeof COLUMNS): string => (at[k] < 0 ? '' : (r[at[k]] ?? '').trim());
    for (const k of ['consignment', 'country', 'node', 'stage'] as const) {
      if (get(k) === '') throw new InvalidArgumentError(`line ${line}: ${k}`, r[at[k]], 'a value');
    }
    const start = get('start');
    const end = get('end');
    const given = get('durationHours');
    let hours: number | undefined;
    if (given !== '') {
      hours = Number(given);
      if (!/^\d+(\.\d+)?([eE][+-]?\d+)?$/.test(given) || !Number.isFinite(hours)) throw new InvalidArgumentError(`line ${line}: durationHours`, given, 'a number of hours >= 0');
    }
    if (start !== '' || end !== '') {
      if (start === '' || end === '') throw new InvalidArgumentError(`line ${line}: ${start === '' ? 'start' : 'end'}`, '', 'both start and end, or neither');
      const between = hoursBetween(start, end, line);
      if (hours !== undefined && Math.abs(hours - between) > 1 / 60) throw new InvalidArgumentError(`line ${line}: durationHours`, given, `the time between start and end (${between.toFixed(3)} h)`);
      hours = between;
    }
    if (hours === undefined) throw new InvalidArgumentError(`line ${line}: durationHours`, '', 'start and end, or durationHours');
    return {
      consignment: get('consignment'),
      country: get('country').toUpperCase(),
      node: get('node'),
      stage: get('stage'),
      durationHours: hours,
      ...(start !== '' ? { start, end } : {}),
    };
  });
}
