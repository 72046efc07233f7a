// Plain-text tables for the terminal: right-aligned numbers, left-aligned text, no colours.

/** A column: header and alignment. */
export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

/** Render rows as an aligned text table with a header rule. */
export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Hours with one decimal. */
export function fmtHours(h: number): string {
  return h.toFixed(1);
}

/** Days with one decimal. */
export function fmtDays(h: number): string {
  return (h / 24).toFixed(1);
}

/** A number with thousands separators and no decimals. */
export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
