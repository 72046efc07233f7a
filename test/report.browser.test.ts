// The HTML report in a real browser (Debian's Chromium, never downloaded by a tool): every chart
// renders at 1280 px with drawn content, no console errors, no requests beyond the file itself.
// Runs only where /usr/bin/chromium exists; screenshots go to test/artifacts/ (git-ignored).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_JOB_TRIPS } from '../src/cli/main-job.js';
import { corridorChoice } from '../src/economics/corridor-choice.js';
import { tripEconomics } from '../src/economics/trip-economics.js';
import { adjustLink, adjustStage, installScanners, japan2025 } from '../src/measures/index.js';
import { middleCorridor } from '../src/network/load.js';
import { parseNetwork } from '../src/network/network.js';
import type { NetworkSpec } from '../src/network/types.js';
import { renderReport } from '../src/report/html/render.js';
import type { ReportInput } from '../src/report/model.js';
import { reportTrip } from '../src/report/trip.js';
import { toySpec } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
/** Nodes in the shipped dataset (0 if it does not load): the corridor test needs the full dataset. */
const CORRIDOR_NODES = ((): number => {
  try {
    return middleCorridor().nodes.length;
  } catch {
    return 0;
  }
})();
const ARTIFACTS = resolve('test/artifacts');
/** Charts every trip with a route has. */
const CHARTS = ['map-before', 'map-after', 'map-legend', 'distribution', 'breakdown', 'attribution'];
/** Charts every trip with its economics has (the Time/Cost–Distance chart's two panels). */
const ECONOMICS_CHARTS = ['time-distance', 'cost-distance'];

function toyInput(): ReportInput {
  const spec = structuredClone(toySpec()) as unknown as { nodes: { id: string; name: string }[] };
  spec.nodes.find((n) => n.id === 'b')!.name = 'Border "B" & <script>alert(1)</script>';
  const network = parseNetwork(spec as unknown as NetworkSpec);
  const measures = [
    adjustStage({ id: 'customs', node: 'b', stage: 'customs', durationFactor: 0.5 }),
    installScanners({ id: 'scanners', nodes: ['b'] }),
    adjustLink({ id: 'faster-ferry', link: 'pq-ferry', headwayFactor: 0.5 }),
  ];
  const trips = [
    reportTrip(network, measures, { origin: 'a', destination: 'z', profile: 'container-rail', runs: 2000, seed: 3 }, { title: 'Rail and ferry' }),
    reportTrip(network, measures, { origin: 'a', destination: 'q', profile: 'truck', runs: 2000, seed: 3 }, { title: 'By road and ro-ro ferry' }),
  ];
  return { network, measures, trips, measuresArg: 'measures.json' };
}

function corridorInput(): ReportInput {
  const network = middleCorridor();
  const pkg = japan2025();
  const trips = MAIN_JOB_TRIPS.map((t) =>
    reportTrip(
      network,
      pkg.measures,
      { origin: t.origin, destination: t.destination, profile: t.profile, runs: 1000, seed: 2025, ...(t.avoid !== undefined ? { avoid: t.avoid } : {}) },
      { title: t.why },
    ),
  );
  const withEconomics = trips.map((t) => ({ ...t, economics: tripEconomics(t, { chartRuns: 500 })! }));
  const choice = corridorChoice(network, { measures: pkg.measures, runs: 300 });
  return { network, measures: pkg.measures, package: pkg, trips: withEconomics, measuresArg: 'japan2025', corridorChoice: choice };
}

interface ChartBox {
  readonly chart: string;
  readonly width: number;
  readonly height: number;
  /** Graphical elements (path, rect, circle, line, polyline, text, use) with a non-empty box. */
  readonly drawn: number;
}

describe.runIf(existsSync(CHROMIUM))('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function check(name: string, input: ReportInput): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `report-${name}.html`);
    writeFileSync(file, renderReport(input));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('request', (r) => {
      if (r.url() !== pathToFileURL(file).href) problems.push(`request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const boxes: ChartBox[] = await page.$$eval('svg[data-chart]', (svgs) =>
      svgs.map((svg) => {
        const r = svg.getBoundingClientRect();
        const drawn = [...svg.querySelectorAll('path, rect, circle, line, polyline, text, use')].filter((el) => {
          const b = el.getBoundingClientRect();
          return b.width > 0 || b.height > 0;
        }).length;
        return { chart: svg.getAttribute('data-chart') ?? '', width: r.width, height: r.height, drawn };
      }),
    );
    const routed = input.trips.filter((t) => t.comparison !== null && t.attribution !== undefined).length;
    for (const chart of CHARTS) expect(boxes.filter((b) => b.chart === chart), chart).toHaveLength(routed);
    const priced = input.trips.filter((t) => t.economics !== undefined).length;
    for (const chart of ECONOMICS_CHARTS) expect(boxes.filter((b) => b.chart === chart), chart).toHaveLength(priced);
    for (const b of boxes) {
      expect(b.width, b.chart).toBeGreaterThan(1000);
      expect(b.height, b.chart).toBeGreaterThan(60);
      expect(b.drawn, b.chart).toBeGreaterThan(b.chart.startsWith('map-') && b.chart !== 'map-legend' ? 20 : 10);
    }
    const layout = await page.$eval('html', (root) => ({ scrollWidth: root.scrollWidth, scripts: root.querySelectorAll('script').length, title: root.ownerDocument.title }));
    expect(layout.scrollWidth).toBeLessThanOrEqual(1280);
    expect(layout.scripts).toBe(0);
    expect(layout.title.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, `report-${name}.png`), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  }

  it('the toy report renders every chart at 1280 px with no errors or requests', async () => {
    await check('toy', toyInput());
  }, 120_000);

  it.runIf(CORRIDOR_NODES >= 45)(
    'the report of the main job on the shipped corridor renders every chart at 1280 px',
    async () => {
      await check('corridor', corridorInput());
    },
    300_000,
  );
});
