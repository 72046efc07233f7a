// Escaping what the CLI echoes back: a value from the command line or a file may hold control
// characters (ANSI escapes that recolour or rewrite the terminal, carriage returns that overwrite a
// line, bidirectional overrides that reorder it), so they are printed as visible escapes instead.

// C0 controls, DEL, C1 controls, and the Unicode bidirectional embeddings, overrides and isolates
// (the "Trojan Source" characters, CVE-2021-42574).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written as `\xHH` (or `\uHHHH`); newlines kept when `keepNewlines`. */
export function escapeControl(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, escapeOne);
}

/** A value echoed in a message: in double quotes, control characters escaped. */
export function quote(value: string): string {
  return `"${escapeControl(value)}"`;
}
