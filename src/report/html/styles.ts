// The report's stylesheet, inlined in <style>: system fonts only, no @import, no external url().

export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1a1a1a; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1220px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 28px; line-height: 1.25; margin: 8px 0 4px; }
h2 { font-size: 23px; margin: 48px 0 8px; padding-top: 16px; border-top: 3px solid #1a1a1a; }
h3 { font-size: 18px; margin: 32px 0 6px; }
h4 { font-size: 15px; margin: 20px 0 4px; }
p { margin: 6px 0; max-width: 80ch; }
.lead { color: #444444; font-size: 16px; }
.meta { color: #555555; font-size: 13.5px; }
.note { color: #555555; font-size: 13.5px; max-width: 100ch; }
.route { font-size: 14px; }
nav ol { margin: 8px 0; padding-left: 22px; }
figure { margin: 12px 0 8px; }
figcaption { font-weight: 600; font-size: 14.5px; margin: 10px 0 4px; }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.map { border: 1px solid #c9c9c9; overflow: hidden; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 14px; }
th, td { border-bottom: 1px solid #dddddd; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.wide { width: 100%; }
.nowrap { white-space: nowrap; }
.assumption { font-size: 13px; color: #333333; max-width: 60ch; }
.sources { font-size: 13.5px; }
.sources li { margin: 2px 0; }
.url { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: #444444; word-break: break-all; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
pre { background: #f5f5f5; padding: 8px 12px; overflow-x: auto; white-space: pre-wrap; }
.badge { display: inline-block; border: 1px solid #1a1a1a; border-radius: 3px; padding: 0 6px; font-size: 13px; font-weight: 600; vertical-align: middle; }
.warning { border-left: 4px solid #b00020; padding: 4px 10px; background: #fbeaec; }
@media print { h2 { break-before: page; } figure, table { break-inside: avoid; } }
`;
