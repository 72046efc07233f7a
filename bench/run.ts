// `npm run bench`: runs every benchmark section and prints it as Markdown (stdout; progress goes to
// stderr). `--write` also replaces each section in bench/RESULTS.md (matched by its `## ` heading),
// leaving other sections alone; `--quick` is a smoke run on small graphs (its numbers are not
// results). A section is a function returning Markdown that starts with its `## ` heading: add one
// to ALL_SECTIONS to have it run and written; `--only=engine,montecarlo,flow,scenario,evidence,calendar,toolkit,cpp-ratio,big` picks sections.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { calendarBench } from './calendar.bench.js';
import { evidenceBench } from './evidence.bench.js';
import { bigNetworkBench } from './big-network.bench.js';
import { flowBench } from './flow.bench.js';
import { montecarloRatioBench } from './montecarlo-ratio.bench.js';
import { runMonteCarloBench } from './montecarlo.bench.js';
import { scenarioBench } from './scenario.bench.js';
import { runShortestPathBench } from './shortest-paths.bench.js';
import { toolkitBench } from './toolkit.bench.js';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line !== undefined) return line.split(':')[1]!.trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

/** The command as run: \`npm run bench -- …\` builds first; the runner alone (\`npx tsx bench/run.ts …\`) does not. */
function invocation(): string {
  const args = process.argv.slice(2).join(' ');
  const viaNpm = process.env.npm_lifecycle_event === 'bench';
  return viaNpm ? `npm run bench${args === '' ? '' : ` -- ${args}`}` : `npx tsx bench/run.ts${args === '' ? '' : ` ${args}`}`;
}

/** Date, command, Node, CPU, cores and load average around a run: the first paragraph of a section. */
async function withRunInfo(heading: string, body: () => Promise<string>): Promise<string> {
  const started = performance.now();
  const load0 = loadavg();
  const markdown = await body();
  const load1 = loadavg();
  const minutes = (performance.now() - started) / 60000;
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  return [
    heading,
    '',
    `Run ${new Date().toISOString().slice(0, 10)} with \`${invocation()}\` (${minutes.toFixed(1)} min): Node ${process.version}, ${cpuModel()}, ${cpus().length} cores, load average ${fmtLoad(load0)} at the start and ${fmtLoad(load1)} at the end (1, 5, 15 min; other processes share the machine, so medians carry noise).${quick ? ' **Quick smoke run: not results.**' : ''}`,
    '',
    markdown,
    '',
  ].join('\n');
}

const ALL_SECTIONS: readonly { readonly name: string; readonly run: () => Promise<string> }[] = [
  { name: 'engine', run: () => withRunInfo('## Engine: shortest paths', async () => (await runShortestPathBench({ quick })).markdown) },
  { name: 'montecarlo', run: () => withRunInfo('## Monte Carlo', () => runMonteCarloBench({ quick })) },
  { name: 'flow', run: () => withRunInfo('## Queue model', async () => flowBench().replace(/^## [^\n]*\n+/, '')) },
  { name: 'scenario', run: () => withRunInfo('## Scenario', async () => scenarioBench({ quick })) },
  { name: 'evidence', run: () => withRunInfo('## Evidence: two-level simulation and calibration', async () => evidenceBench({ quick })) },
  { name: 'calendar', run: () => withRunInfo('## Monte Carlo: calendar, episodes and correlation', async () => calendarBench({ quick })) },
  { name: 'toolkit', run: () => withRunInfo("## Planner's toolkit", async () => toolkitBench({ quick })) },
  { name: 'cpp-ratio', run: () => withRunInfo('## Monte Carlo against C++', async () => montecarloRatioBench({ quick })) },
  { name: 'big', run: () => withRunInfo('## Big networks', async () => bigNetworkBench({ quick })) },
];
// `--only montecarlo,flow` runs some sections (each still replaces only its own section).
const onlyArg = process.argv.slice(2).find((a) => a.startsWith('--only='));
const only = onlyArg === undefined ? null : new Set(onlyArg.slice('--only='.length).split(','));
const SECTIONS = ALL_SECTIONS.filter((s) => only === null || only.has(s.name)).map((s) => s.run);

/** Replace (or append) the section with the same `## ` heading as `section` in `text`. */
function replaceSection(text: string, section: string): string {
  const heading = section.slice(0, section.indexOf('\n'));
  const start = text.indexOf(`${heading}\n`);
  if (start < 0) return `${text.trimEnd()}\n\n${section.trimEnd()}\n`;
  const next = text.indexOf('\n## ', start + heading.length);
  return `${text.slice(0, start)}${section.trimEnd()}\n${next < 0 ? '' : text.slice(next)}`;
}

const file = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');
for (const run of SECTIONS) {
  const section = await run();
  process.stdout.write(`${section}\n`);
  if (args.has('--write')) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n\nWritten by `npm run bench -- --write`; each section is replaced by its own benchmark, other sections are kept.\n';
    writeFileSync(file, replaceSection(text, section));
    process.stderr.write(`[bench] wrote ${section.slice(0, section.indexOf('\n'))} to ${file}\n`);
  }
}
