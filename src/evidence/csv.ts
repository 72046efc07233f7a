// Reading CSV (RFC 4180: comma-separated, fields holding a comma, a double quote, CR or LF enclosed
// in double quotes with inner quotes doubled; CRLF or LF line ends) into rows of strings, for the
// time survey's records.
import { InvalidArgumentError } from '../errors.js';

/**
 * The rows of a CSV text, each a list of fields. Blank lines are skipped; a byte-order mark is
 * ignored. Throws `InvalidArgumentError` (field `csv`) for a quote left open or text after a closing
 * quote, naming the line.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let started = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endField = (): void => {
    row.push(field);
    field = '';
    started = false;
  };
  const endRow = (): void => {
    endField();
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = s[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') throw new InvalidArgumentError('csv', s.slice(i, i + 20), `a comma or a line end after a closing quote (line ${line})`);
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && !started) {
      quoted = true;
      started = true;
    } else if (c === ',') {
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRow();
      line++;
    } else {
      field += c;
      started = true;
    }
  }
  if (quoted) throw new InvalidArgumentError('csv', field.slice(0, 20), `a closing quote (the quote opened on or before line ${line} is never closed)`);
  if (field !== '' || row.length > 0) endRow();
  return rows;
}
