// X-ray (non-intrusive) scanners replace most physical exams: a unit selected for inspection is
// scanned in minutes, and only a share of the scanned units still goes to a physical exam
// (scanners replace exams, they do not add to them: World Bank, Border Management Modernization, 2011 [S128]).
import { indexSpec, requireCountries, requireNodes } from './spec-index.js';
import { absentCountriesOf, checkOptions, countryList, extraSources, idList, measureIdOf, percent, requireParameter, type ParameterDef } from './parameters.js';
import { InvalidMeasureError } from '../errors.js';
import { defineMeasure } from './define.js';
import { mapNodes } from './rewrite.js';
import { citations } from './sources.js';
import type { NodeKind, StageSpec } from '../network/types.js';
import type { InstallScannersOptions, Measure } from './types.js';

/** `scanMinutes` of `installScanners`. */
export const SCAN_MINUTES: ParameterDef & { readonly default: number } = Object.freeze({
  name: 'scanMinutes',
  unit: 'minutes',
  description: 'Mean time of the scan path per unit: positioning, scan and image decision.',
  default: 10,
  min: 5,
  max: 20,
  // Beyond a day the scan path is no longer a scan (the physical exam it replaces takes hours).
  hardMin: 0,
  hardMax: 1440,
  assumption:
    'Estimate (a band of 5–20 min including positioning, built from the figures that follow): scan plus image decision ' +
    '3–4 min at Kozlovichi [S121], under 1 min per container for a portal [S122], about 5 min for an EAEU-type ' +
    'inspection complex [S123], container X-ray about 3 min [S126]; the default adds positioning and queueing at the portal.',
});

/** `stillExaminedShare` of `installScanners`. */
export const STILL_EXAMINED_SHARE: ParameterDef & { readonly default: number } = Object.freeze({
  name: 'stillExaminedShare',
  unit: 'share',
  description: 'Share of scanned units whose image still sends them to a physical exam.',
  default: 0.1,
  min: 0.05,
  max: 0.15,
  hardMin: 0,
  hardMax: 1,
  assumption:
    'Estimate (a band of 5–15%, ours); no published referral rate for Kazakh or Tajik ' +
    'scanners was found. The scan-then-manual process takes "minutes to a few hours" (EU ACXIS [S127]).',
});

/** Node kinds that get scanners when `nodes` is not given: where goods cross a border. */
const SCANNER_NODE_KINDS: readonly NodeKind[] = Object.freeze(['border', 'port']);

/**
 * Install X-ray scanners. At each node in scope (the `nodes` given, or else every `border` and
 * `port` node), each `inspection` stage in scope (its `country` in `countries`, when given) with
 * probability p and duration D is split between the units it selected: it keeps its id and duration
 * at probability p × stillExaminedShare (the units whose image still sends them to a physical exam),
 * and a `scan` stage `insteadOf` it, inserted before it, takes the rest, p × (1 − stillExaminedShare),
 * with a triangular duration (½s, s, 1½s) of mean s = scanMinutes/60 hours. The two share the
 * inspection's draw (the scan's probability is set so that the two sum to p exactly): a unit is
 * scanned or examined exactly when it was examined before, and the units still examined are a subset
 * of those. A unit still examined is counted the exam's time only: its image targets the exam (which
 * part of the load to open), which we take to save at least the scan's minutes, so that no unit's
 * time grows where an exam takes longer than a scan. The expected time saved per consignment is
 * p·(1 − stillExaminedShare)·(E[D] − s), negative only where an exam is quicker than a scan. The scan
 * stage's id is `<inspection id>-scan` (with `-2`, `-3`… when taken). An inspection that already has
 * a stage instead of it (scanners installed before) is left as it is. Scanners also add capacity;
 * that belongs to the queue model, not to the network document. Default id `install-scanners`.
 */
export function installScanners(options: InstallScannersOptions): Measure {
  const id = measureIdOf(options, 'install-scanners');
  checkOptions(id, options, ['absentCountries', 'countries', 'nodes', 'scanMinutes', 'stillExaminedShare']);
  const countries = countryList(id, options.countries, false);
  const absent = absentCountriesOf(id, options.absentCountries);
  const nodes = idList(id, 'scope.nodes', options.nodes);
  if (countries === undefined && nodes === undefined) {
    throw new InvalidMeasureError(id, 'scope', options, 'at least one of countries, nodes');
  }
  const scan = requireParameter(id, SCAN_MINUTES, options.scanMinutes);
  const share = requireParameter(id, STILL_EXAMINED_SHARE, options.stillExaminedShare);
  const scanHours = scan.value / 60;
  const countrySet = countries === undefined ? undefined : new Set(countries);
  const nodeSet = nodes === undefined ? undefined : new Set(nodes);
  const where = [
    nodes === undefined ? 'border and port nodes' : `nodes ${nodes.join(', ')}`,
    countries === undefined ? '' : ` (inspections by ${countries.join(', ')})`,
  ].join('');
  const scanSource = {
    estimate: `Added by measure "${id}": scan path of ${scan.value} min, positioning and image decision included (scan times: S121, S122, S123, S126).`,
  };
  return defineMeasure({
    id,
    kind: 'install-scanners',
    title: options.title ?? `Install X-ray scanners${countries === undefined ? '' : ` in ${countries.join(', ')}`}${nodes === undefined ? '' : ` at ${nodes.join(', ')}`}`,
    changes:
      `At ${where}, every consignment selected for a physical inspection is scanned instead (about ${scan.value} min), ` +
      `except the ${percent(share.value)} whose image still sends them to the physical exam, which keeps its duration (the scan that targets it counted within it). ` +
      'Queues and other stages are unchanged; the added capacity is for the queue model.' +
      (absent === 'ignore' ? ' Countries the network does not model are skipped.' : ''),
    sources: [...extraSources(id, options.sources), ...citations('S121', 'S122', 'S123', 'S124', 'S126', 'S127', 'S128')],
    parameters: [scan, share],
    scope: { countries, nodes, nodeKinds: nodes === undefined ? SCANNER_NODE_KINDS : undefined },
    options: { title: options.title, sources: options.sources, absentCountries: absent, countries, nodes, scanMinutes: scan.value, stillExaminedShare: share.value },
    transform(spec) {
      const index = indexSpec(spec);
      requireCountries(id, index, countries, absent);
      requireNodes(id, 'scope.nodes', index, nodes);
      return mapNodes(spec, (node) => {
        if (node.stages === undefined) return node;
        if (nodeSet !== undefined ? !nodeSet.has(node.id) : !SCANNER_NODE_KINDS.includes(node.kind)) return node;
        const taken = new Set(node.stages.map((s) => s.id));
        const uniqueId = (base: string): string => {
          let candidate = base;
          for (let k = 2; taken.has(candidate); k++) candidate = `${base}-${k}`;
          taken.add(candidate);
          return candidate;
        };
        let changed = false;
        const stages: StageSpec[] = [];
        const replaced = new Set(node.stages.flatMap((x) => (x.insteadOf === undefined ? [] : [x.insteadOf])));
        for (const s of node.stages) {
          if (s.kind !== 'inspection' || (countrySet !== undefined && !countrySet.has(s.country)) || replaced.has(s.id) || s.insteadOf !== undefined) {
            stages.push(s);
            continue;
          }
          changed = true;
          const p = s.probability ?? 1;
          const { examined, scanned } = splitProbability(p, share.value);
          const scanStage: StageSpec = {
            id: uniqueId(`${s.id}-scan`),
            name: `${s.name}: X-ray scan`,
            kind: 'scan',
            category: s.category,
            country: s.country,
            durationHours: { type: 'triangular', min: 0.5 * scanHours, mode: scanHours, max: 1.5 * scanHours },
            probability: scanned,
            insteadOf: s.id,
            modes: s.modes,
            ...(s.when === undefined ? {} : { when: s.when }),
            ...(s.profiles === undefined ? {} : { profiles: s.profiles }),
            source: scanSource,
            notes: `Replaces the physical exam "${s.id}" for ${percent(1 - share.value)} of the units it selected (measure "${id}").`,
          };
          stages.push(scanStage, { ...s, probability: examined });
        }
        return changed ? { ...node, stages } : node;
      });
    },
  });
}

/**
 * Split p into the exam's share, about p × share, and the scan's, summing to p exactly, so that the
 * scan's share of the draw ends exactly where the exam's old share ended and the two stages tile the
 * units the exam selected, bit for bit. Of two doubles within a factor of 2 the difference is exact
 * (Sterbenz), so the larger part is rounded and the other is p minus it, exactly.
 */
function splitProbability(p: number, share: number): { examined: number; scanned: number } {
  const examined = p * share;
  if (examined >= p / 2) return { examined, scanned: p - examined };
  const scanned = p - examined;
  return { examined: p - scanned, scanned };
}
