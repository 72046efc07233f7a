// The Japanese support package for the Middle Corridor announced at the first Central Asia + Japan
// summit (Tokyo, 19–20 December 2025), as measures at the places the sources name [S1, S1b, S2j, S2k].
import { InvalidMeasureError } from '../errors.js';
import { AKTAU_NODE_ID, improvePortCustoms, PORT_CUSTOMS_CUT } from './improve-port-customs.js';
import { installScanners, SCAN_MINUTES, STILL_EXAMINED_SHARE } from './install-scanners.js';
import { replaceBridges, RESIDUAL_CLOSURE_PROBABILITY } from './replace-bridges.js';
import { citations } from './sources.js';
import { INSPECTION_RATE_CUT, PROCEDURAL_CUT, streamlineCustoms } from './streamline-customs.js';
import type { Measure, MeasureCitation } from './types.js';

/** The ids of the package's measures, in the order they are applied. */
export const JAPAN2025_MEASURE_IDS = Object.freeze(['customs-streamlining', 'xray-scanners', 'kyrgyz-bridges', 'aktau-customs'] as const);

/** Id of one of the package's measures. */
export type Japan2025MeasureId = (typeof JAPAN2025_MEASURE_IDS)[number];

/** Parameter overrides per measure id (only the numeric parameters; the places are the announcement's). */
export interface Japan2025Overrides {
  readonly 'customs-streamlining'?: { readonly proceduralCut?: number; readonly inspectionRateCut?: number };
  readonly 'xray-scanners'?: { readonly scanMinutes?: number; readonly stillExaminedShare?: number };
  readonly 'kyrgyz-bridges'?: { readonly residualClosureProbability?: number };
  readonly 'aktau-customs'?: { readonly cut?: number };
}

/** A package of measures announced together. */
export interface MeasurePackage {
  readonly id: string;
  readonly title: string;
  /** ISO 8601 date of the announcement. */
  readonly announced: string;
  /** Sources of the announcement (each measure also cites the evidence for its parameters). */
  readonly sources: readonly MeasureCitation[];
  /** What the package contains that is not modelled as a network change, and the modelling choices. */
  readonly notes: readonly string[];
  /** The measures, in the order they are applied; ids unique. */
  readonly measures: readonly Measure[];
}

/** The Japan 2025 package. */
export interface Japan2025Package extends MeasurePackage {
  readonly id: 'japan2025';
  readonly announced: '2025-12-20';
}

/** The five Central Asian countries of the summit. */
export const CENTRAL_ASIA: readonly string[] = Object.freeze(['KZ', 'KG', 'TJ', 'TM', 'UZ']);

const PARAMETERS: Readonly<Record<Japan2025MeasureId, readonly string[]>> = {
  'customs-streamlining': [PROCEDURAL_CUT.name, INSPECTION_RATE_CUT.name],
  'xray-scanners': [SCAN_MINUTES.name, STILL_EXAMINED_SHARE.name],
  'kyrgyz-bridges': [RESIDUAL_CLOSURE_PROBABILITY.name],
  'aktau-customs': [PORT_CUSTOMS_CUT.name],
};

function checkOverrides(overrides: unknown): Japan2025Overrides {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new InvalidMeasureError('japan2025', 'overrides', overrides, 'an object of parameter overrides per measure id');
  }
  for (const [key, value] of Object.entries(overrides)) {
    const names = PARAMETERS[key as Japan2025MeasureId];
    if (names === undefined) throw new InvalidMeasureError('japan2025', `overrides.${key}`, value, `a measure id of the package: ${JAPAN2025_MEASURE_IDS.join(', ')}`);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidMeasureError('japan2025', `overrides.${key}`, value, 'an object of parameter values');
    for (const p of Object.keys(value)) {
      if (!names.includes(p)) throw new InvalidMeasureError(key, p, (value as Record<string, unknown>)[p], `one of the parameters ${names.join(', ')}`);
    }
  }
  return overrides as Japan2025Overrides;
}

/**
 * The package Japan announced for the Middle Corridor at the Central Asia + Japan summit (Tokyo,
 * 19–20 December 2025) [S1, S1b, S2j, S2k], as four measures applied in this order:
 * 1. `customs-streamlining`: customs streamlining and officer training in KZ, KG, TJ, TM and UZ
 *    (`streamlineCustoms`), everywhere except the Port of Aktau, which has its own measure (4), so
 *    its customs time is not cut twice (border and port customs have separate bands);
 * 2. `xray-scanners`: X-ray cargo scanners for the inspections of Kazakhstan and Tajikistan at their
 *    border and port nodes (`installScanners`) [S1]; the one site named so far is the Spitamen customs post
 *    in Tajikistan (JICA grant, December 2025), node `spitamen`;
 * 3. `kyrgyz-bridges`: replacement of aging bridges on Kyrgyz main roads (`replaceBridges` on every
 *    bridge of a road link in KG: the Naryn km 315 and Kok-Art km 564 bridges of the Bishkek–Osh
 *    road [S74, S75, S76]);
 * 4. `aktau-customs`: customs procedures at the Port of Aktau (`improvePortCustoms`, node `aktau`) [S2j, S2k, S2l].
 * No quantified target was published [S1, S1b]: every default is an assumption, with its
 * range and evidence in the measure's `parameters`. `overrides` changes parameters per measure id,
 * e.g. `{ 'customs-streamlining': { proceduralCut: 0.5 } }`. The package applies to the countries
 * a network models (`absentCountries: 'ignore'`: a network without Turkmenistan gets the rest), but
 * it needs the node `aktau` (a port): without it, applying throws `InvalidMeasureError` on
 * `scope.exceptNodes` or `scope.nodes`; compose the factories yourself for such networks.
 */
export function japan2025(overrides: Japan2025Overrides = {}): Japan2025Package {
  const o = checkOverrides(overrides);
  const announcement = citations('S1', 'S1b', 'S2j', 'S2k');
  const measures: Measure[] = [
    streamlineCustoms({
      id: 'customs-streamlining',
      title: 'Customs streamlining and officer training in Central Asia (Japan 2025)',
      sources: citations('S1', 'S1b'),
      countries: CENTRAL_ASIA,
      absentCountries: 'ignore',
      exceptNodes: [AKTAU_NODE_ID],
      ...o['customs-streamlining'],
    }),
    installScanners({
      id: 'xray-scanners',
      title: 'X-ray cargo scanners in Kazakhstan and Tajikistan (Japan 2025)',
      sources: citations('S1', 'S1b', 'S2m', 'jica2025Spitamen'),
      countries: ['KZ', 'TJ'],
      absentCountries: 'ignore',
      ...o['xray-scanners'],
    }),
    replaceBridges({
      id: 'kyrgyz-bridges',
      title: 'Replacement of aging road bridges in Kyrgyzstan (Japan 2025)',
      sources: citations('S1', 'S1b'),
      countries: ['KG'],
      absentCountries: 'ignore',
      ...o['kyrgyz-bridges'],
    }),
    improvePortCustoms({
      id: 'aktau-customs',
      title: 'Customs procedures at the Port of Aktau (Japan 2025)',
      sources: citations('S2j', 'S2k'),
      nodes: [AKTAU_NODE_ID],
      ...o['aktau-customs'],
    }),
  ];
  return Object.freeze({
    id: 'japan2025',
    title: 'Japanese support for the Middle Corridor (Central Asia + Japan summit, Tokyo, December 2025)',
    announced: '2025-12-20',
    sources: announcement,
    notes: Object.freeze([
      'No quantified Japanese target (hours or days saved) was published; every parameter is a scenario assumption with a range [S1, S1b].',
      'The survey of time taken on the route in each Central Asian country is not a network change: it corresponds to the per-country breakdown of results (`breakdown`), and its figures should replace the ADB CAREC CPMM baseline when published.',
      'The cold-chain feasibility check is not a network change: model it with a profile whose `maxHours` is the perishable\'s limit, and read the on-time probability (no reefer transit-time figures were found).',
      'Scanner sites: one is named, the Spitamen customs post in Tajikistan (JICA grant agreement of 10 December 2025 for freight-scanning equipment and a rail track there [jica-2025-spitamen]; node `spitamen` of the shipped network). The Kazakh sites are not named: Yomiuri names Tajikistan and Kazakhstan [S1]; a secondary digest names the ports of Aktau and Baku [S2m]. The package follows Yomiuri: inspections by KZ and TJ at their border and port nodes (which includes Spitamen and Aktau, not Baku).',
      'Customs streamlining excludes the Port of Aktau, whose customs are cut by the Aktau measure alone, so the port is not counted twice.',
      'Bridges: every bridge on a road link in Kyrgyzstan is replaced (the sources name Naryn km 315 and Kok-Art km 564 of Bishkek–Osh). Weight limits and detours of the old bridges were not found in published sources, so the effect rests on the dataset\'s estimates and shows mainly in heavy loads and p95 times.',
      'Scanners also add inspection capacity; that effect belongs to the queue model, the network document only gets service times and rates.',
      'The ¥3 trillion of public–private projects over five years (all sectors) is not modelled [S2n].',
      'Countries the network does not model are skipped (a measure there has nothing to act on); the node `aktau` is required.',
      'Order matters where measures meet: customs streamlining cuts the inspection rate first, then scanners replace the remaining physical exams.',
    ]),
    measures: Object.freeze(measures),
  });
}
