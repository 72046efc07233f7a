// Today's Middle Corridor traffic as flows of consignments for the queue model: what `volume: 1`
// means, and where each figure comes from (the citations below).
import type { MeasureCitation } from '../../measures/types.js';
import type { FlowSpec, TodayVolume } from './types.js';

function cite(ref: string, title: string, organisation: string, year: number | null, url: string): MeasureCitation {
  return Object.freeze({ ref, title, organisation, year, url });
}

const S = Object.freeze({
  S1w: cite('S1w', 'Middle Trade and Transport Corridor: Policies and Investments to Triple Freight Volumes and Halve Travel Time by 2030', 'World Bank', 2023, 'http://hdl.handle.net/10986/40626'),
  S3b: cite('S3b', 'World Bank Regional Director on the Middle Corridor (11 Mt, +209%)', 'Trend / MENAFN', 2023, 'https://en.trend.az/business/3831948.html'),
  S17: cite('S17', 'BSEC-URTA summary of OECD initial findings, Realising the Potential of the Middle Corridor', 'BSEC-URTA / OECD', 2023, 'https://bsec-urta.org/2023/11/13/bsec-urta-is-proud-to-contribute-to-the-oecd-study-realising-the-potential-of-the-middle-corridor/'),
  S45: cite('S45', 'The logistics problem in the Caspian affected Central Asia (Kuryk: 54 wagons at a time)', 'Zamin.uz', null, 'https://zamin.uz/en/world/166683-the-logistics-problem-in-the-caspian-affected-central-asia.html'),
  S54: cite('S54', 'E60 Poti–Constanța ferry weekly, to double', 'Commersant.ge', null, 'https://commersant.ge/ru/news/economics/s-leta-mezdu-batumi-i-konstancei-budut-xodit-passazirskie-suda'),
  S78: cite('S78', 'The Middle Corridor: Growth of Freight Volumes and Prospects', 'GWL.ge', 2025, 'https://gwl.ge/en/article/the-middle-corridor-growth-of-freight-volumes-and-prospects'),
  S82: cite('S82', 'ASCO and KMTF feeder capacity ~89,000 TEU Aktau→Alyat', 'SIA.az / Report', 2025, 'https://sia.az/en/news/economy/1235452.html'),
  S84: cite('S84', '"Zarifa Aliyeva" reaches Kuryk (56 tank wagons or 50 trucks)', 'Sea-news.az', 2022, 'https://sea-news.az/2022/05/06/ferry-vessel-zarifa-aliyeva-reaches-port-of-kuryk/'),
  S95: cite('S95', 'Khorgos: the gateway dry port (45–50 cars per train)', 'Worldtradia', null, 'https://www.worldtradia.com/khorgos-the-gateway-dry-port/'),
  S116: cite('S116', 'Cargo shipment via Azerbaijan\'s railways along Middle Corridor (4.5 Mt in 2024)', 'Report.az / AZCON', 2025, 'https://report.az/en/infrastructure/cargo-shipment-via-azerbaijan-s-railways-along-middle-corridor-up-6'),
  S118: cite('S118', 'Trans-Caspian International Transport Route plans 2.5 million tons of cargo for 2025 (56,500 TEU in 2024)', 'The Astana Times', 2025, 'https://astanatimes.com/2025/03/trans-caspian-international-transport-route-plans-2-5-million-tons-of-cargo-for-2025/'),
  S120: cite('S120', 'Freight traffic rises in 2024 along the Middle Corridor (358 trains China → Azerbaijan)', 'TrasportoEuropa', 2025, 'https://www.trasportoeuropa.it/english/freight-traffic-rises-in-2024-along-the-middle-corridor/'),
});

/** Weeks in a year (365.25 / 7). */
export const WEEKS_PER_YEAR = 365.25 / 7;

/** Containers through the Kazakh and Azerbaijani seaports in 2024 [S118]. */
const TEU_2024 = 56_500;
/** TEU of one container block train: 45 forty-foot boxes (EST from 45–50 cars per train at Khorgos [S95]). */
const BLOCK_TRAIN_TEU = 90;
/** Container block trains per week in 2024: 56,500 TEU / 90 TEU / 52.18 weeks ≈ 12.0. */
const BLOCK_TRAINS_PER_WEEK = TEU_2024 / BLOCK_TRAIN_TEU / WEEKS_PER_YEAR;
/** Block trains China → Azerbaijan in 2024 [S120], per week (≈ 6.9). */
const BAKU_TRAINS_PER_WEEK = 358 / WEEKS_PER_YEAR;
/** Block trains per week continuing by the Black Sea ferry from Poti (EST). */
const CONSTANTA_TRAINS_PER_WEEK = 0.5;

/** What `volume: 1` stands for. */
export const TODAY_VOLUME: TodayVolume = Object.freeze({
  year: 2024,
  description:
    '2024: 56,500 TEU through the Kazakh and Azerbaijani seaports [S118] (about 12 container block trains a week at 90 TEU) ' +
    'within 4.5 Mt of TITR cargo [S116]; the World Bank target is about three times that, ~11 Mt a year by 2030 [S1w, S3b]. ' +
    'Wagonload and ro-ro truck volumes were not found and are estimates (see each flow\'s basis).',
  teuPerYear: TEU_2024,
  tonnesPerYear: 4_500_000,
  target2030: Object.freeze({
    tonnesPerYear: 11_000_000,
    factor: 3,
    description: 'The World Bank aims to triple Middle Corridor freight to ~11 Mt a year by 2030 [S1w, S3b]: volume 3 in this model.',
  }),
  sources: Object.freeze([S.S118, S.S116, S.S1w, S.S3b, S.S120, S.S78]),
});

/** Middle Corridor flows bypass Russia, Belarus and Iran; TITR crosses the Caspian from Kazakhstan, not Turkmenistan. */
const TITR: readonly string[] = Object.freeze(['RU', 'BY', 'IR', 'TM']);

/**
 * Today's Middle Corridor traffic (westbound, the main direction), as five flows on the shipped
 * network. Containers are anchored on the 56,500 TEU of 2024 [S118] in 90-TEU block trains; their
 * split by destination uses the 358 China → Azerbaijan trains of 2024 [S120]; wagonload and ro-ro
 * truck volumes were not found and are estimated (each flow's `basis` says how). Eastbound
 * traffic is not modelled.
 */
export const CORRIDOR_FLOWS: readonly FlowSpec[] = Object.freeze([
  Object.freeze({
    id: 'block-train-baku',
    name: "Container block trains Xi'an → Baku",
    origin: 'xian',
    destination: 'baku',
    profile: 'container-rail',
    avoid: { countries: TITR },
    perWeek: BAKU_TRAINS_PER_WEEK,
    size: { teu: BLOCK_TRAIN_TEU, wagons: 45 },
    basis:
      '358 block trains China → Azerbaijan in 2024 [S120] = 6.9 a week; 90 TEU each (45 forty-foot boxes, EST from 45–50 cars per train [S95]), ' +
      '45 flat wagons on a rail ferry.',
    sources: Object.freeze([S.S120, S.S95]),
  }),
  Object.freeze({
    id: 'block-train-turkiye',
    name: "Container block trains Xi'an → Istanbul (Baku–Tbilisi–Kars)",
    origin: 'xian',
    destination: 'istanbul',
    profile: 'container-rail',
    avoid: { countries: TITR },
    perWeek: BLOCK_TRAINS_PER_WEEK - BAKU_TRAINS_PER_WEEK - CONSTANTA_TRAINS_PER_WEEK,
    size: { teu: BLOCK_TRAIN_TEU, wagons: 45 },
    basis:
      'The rest of the 2024 containers: 56,500 TEU [S118] / 90 TEU / 52.2 weeks = 12.0 trains a week, less the Baku (6.9) and Constanța (0.5) flows = 4.6 a week (EST split).',
    sources: Object.freeze([S.S118, S.S120]),
  }),
  Object.freeze({
    id: 'block-train-constanta',
    name: "Container block trains Xi'an → Constanța by the Poti rail ferry",
    origin: 'xian',
    destination: 'constanta',
    profile: 'container-rail',
    avoid: { countries: [...TITR, 'TR'] },
    perWeek: CONSTANTA_TRAINS_PER_WEEK,
    size: { teu: BLOCK_TRAIN_TEU, wagons: 45 },
    basis:
      'EST: the weekly Poti–Constanța ferry takes ~50 wagons [S54, S90], at most one 45-wagon train a week; half of that assumed used by corridor block trains.',
    sources: Object.freeze([S.S54]),
  }),
  Object.freeze({
    id: 'wagonload-tbilisi',
    name: "Wagonload trains Xi'an → Tbilisi by the Kuryk rail ferry",
    origin: 'xian',
    destination: 'tbilisi',
    profile: 'wagon',
    avoid: { countries: TITR },
    perWeek: 1,
    size: { wagons: 50 },
    basis:
      'EST, no count of wagons across the Caspian found: one wagonload train of 50 wagons a week (the load of one rail ferry, 56 wagons [S84]; ' +
      'Kuryk processes 54 wagons at a time [S45]), about half the sailing capacity the network gives the Kuryk–Alat ferry.',
    sources: Object.freeze([S.S84, S.S45, S.S17]),
  }),
  Object.freeze({
    id: 'truck-tbilisi',
    name: 'Trucks Kashgar → Tbilisi by the Aktau ro-ro ferry',
    origin: 'kashgar',
    destination: 'tbilisi',
    profile: 'truck',
    avoid: { countries: TITR },
    perWeek: 30,
    size: { trucks: 1 },
    basis:
      'EST, no count of ro-ro trucks across the Caspian found: 30 trucks a week, about a third of the sailing capacity the network gives the Aktau–Alat ro-ro ferry (50 trucks a sailing [S84]).',
    sources: Object.freeze([S.S84]),
  }),
]);

/** The citations behind the default flows and today's volume, by key. */
export const FLOW_CITATIONS = S;
