// Number formatting for the report: fixed decimals, a real minus sign, never "NaN" or "-0.0".

/** `value` with `digits` decimals; `–` for a non-finite value. Negative values use U+2212. */
export function fixed(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '–';
  const s = value.toFixed(digits);
  if (/^-0\.?0*$/.test(s)) return s.slice(1);
  return s.startsWith('-') ? `\u2212${s.slice(1)}` : s;
}

/** Hours → days with `digits` decimals. */
export function days(hours: number, digits = 1): string {
  return fixed(hours / 24, digits);
}

/** A signed value: `+1.2`, `−0.4`, `0.0`. */
export function signed(value: number, digits = 1): string {
  const s = fixed(value, digits);
  return value > 0 && s !== fixed(0, digits) ? `+${s}` : s;
}

/** A share as a percentage with one decimal. */
export function percent(share: number): string {
  return `${fixed(share * 100, 1)}%`;
}

/** A coordinate for SVG attributes: at most two decimals, no trailing zeros. */
export function px(value: number): string {
  return String(Math.round(value * 100) / 100);
}
