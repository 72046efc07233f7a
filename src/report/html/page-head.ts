// The opening of every HTML page the library writes (the scenario report, the study report): one
// place for the charset, viewport, generator and the inline CSS, so the two pages cannot drift apart.
import { LIBRARY_VERSION } from '../version.js';
import { escapeHtml } from './escape.js';
import { REPORT_CSS } from './styles.js';

/** The lines of a page from `<!DOCTYPE html>` to `<body>`, titled `title` (escaped here). */
export function pageHead(title: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="transcaspian ${escapeHtml(LIBRARY_VERSION)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
  ];
}
