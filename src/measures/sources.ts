// The sources the shipped measures rest on, keyed as in the shipped dataset's sources table. URLs
// recorded only in part (S2l, S76) are left out rather than guessed; years a source does not
// state are null.
import type { MeasureCitation } from './types.js';

function cite(ref: string, title: string, organisation: string, year: number | null, url?: string): MeasureCitation {
  return Object.freeze(url === undefined ? { ref, title, organisation, year } : { ref, title, organisation, year, url });
}

/** Citations by S-key (internal). */
export const CITATIONS = Object.freeze({
  S1: cite('S1', 'Japan to Support Central Asian Logistics Route That Bypasses Russia', 'Yomiuri Shimbun / The Japan News', 2025, 'https://japannews.yomiuri.co.jp/politics/politics-government/20251215-298616/'),
  S1b: cite('S1b', 'Japan to Support Central Asia in Developing Logistic Network', 'Yomiuri Shimbun / The Japan News', 2025, 'https://japannews.yomiuri.co.jp/politics/politics-government/20251220-299636'),
  S2j: cite('S2j', 'Kazakhstan, Japan outline plans to develop Middle Corridor infrastructure', 'Trend', 2025, 'https://www.trend.az/business/4132433.html'),
  S2k: cite('S2k', 'Tokayev on Japanese participation in Middle Corridor infrastructure (customs procedures at the port of Aktau)', 'Kazpravda', 2025, 'https://kazpravda.kz/n/tokaev-schitaet-poleznym-uchastie-yaponskih-kompaniy-v-razvitii-infrastruktury-vdol-srednego-koridora/'),
  S2l: cite('S2l', 'Japan supports digitalisation of customs services at Aktau port', 'Europetime', null),
  S2m: cite('S2m', 'China–Central Asia media monitoring, 22 December 2025 (secondary; scanners at Aktau and Baku ports)', 'China–Central Asia', 2025, 'https://chinacentralasia.org/projects/media-monitoring-reports/335-media-monitoring-22-12-2025'),
  S3: cite('S3', "World Bank unveils roadmap for enhancing Middle Corridor's capacities", 'Trend', 2024, 'https://en.trend.az/business/3887962.html'),
  S6: cite('S6', 'Corridor Performance Measurement and Monitoring, 2023 report: BCP Monitor', 'ADB / CAREC', null, 'https://cpmm.carecprogram.org/?p=440'),
  S10b: cite('S10b', 'Corridor Performance Measurement and Monitoring, 2023 report: Kyrgyz Republic (Table 6.4)', 'ADB / CAREC', null, 'https://cpmm.carecprogram.org/2023-report/kyrgyz-republic'),
  S17: cite('S17', 'BSEC-URTA summary of OECD initial findings, Realising the Potential of the Middle Corridor', 'BSEC-URTA / OECD', 2023, 'https://bsec-urta.org/2023/11/13/bsec-urta-is-proud-to-contribute-to-the-oecd-study-realising-the-potential-of-the-middle-corridor/'),
  S34: cite('S34', 'Khorgos Gateway boosts transit capacity, handles over 372,000 TEUs in 2025', 'The Astana Times', 2026, 'https://astanatimes.com/2026/02/khorgos-gateway-boosts-transit-capacity-handles-over-372000-teus-in-2025/'),
  S46: cite('S46', 'Baku port: TITR vessel-handling protocol (30 h) and 20.1 h average', 'Trend', 2025, 'https://en.trend.az/business/4052708.html'),
  S74: cite('S74', 'Japan to allocate $20.5 million for construction of bridge across Naryn River', '24.kg', 2026, 'https://24.kg/english/363320__Japan_to_allocate_205_million_for_construction_of_bridge_across_Naryn_River/'),
  S75: cite('S75', 'Transport Ministry to build bridge across Naryn River on Bishkek–Osh road', '24.kg', 2025, 'https://24.kg/english/342398_Transport_Ministry_to_build_bridge_across_Naryn_River_on_BishkekOsh_road/'),
  S76: cite('S76', 'Kok-Art River bridge reconstruction, km 564 of the Bishkek–Osh road', 'Vb.kg', null),
  S77: cite('S77', 'Kazygurt and Temir-Baba border crossings upgraded', 'Trend', 2025, 'https://www.trend.az/casia/kazakhstan/4129243.html'),
  S93: cite('S93', 'More than 3 mln of freights transported through the Chinese–Kazakhstani border via Alashankou–Dostyk', 'Silkroadnews', 2016, 'https://silkroadnews.org/en/news/more-than-3-mln-of-freights-transported-through-chinese-kazakhstani-border-via-alashankou-dostyk-passage'),
  S104: cite('S104', 'Temir-Baba/Tazhen border crossing modernisation', 'Informburo (via airto-kr.com)', null, 'https://airto-kr.com/?p=3811'),
  jica2025Spitamen: cite('jica-2025-spitamen', 'Signing of Grant Agreement with Tajikistan: the Project for the Improvement of Freight-Scanning Equipment at Spitamen Customs on the Trans-Caspian International Transport Route', 'Japan International Cooperation Agency (JICA)', 2025, 'https://www.jica.go.jp/english/information/press/2025/20251222_17.html'),
  S121: cite('S121', 'Scanner sees everything, as do customs officers (Kozlovichi)', 'SB.by', null, 'https://www.sb.by/articles/scanner-sees-everything-as-do-customs-officers.html'),
  S122: cite('S122', 'Inspection systems (PortStrategy)', 'Jamaica Gleaner', 2004, 'http://www.jamaica-gleaner.com/gleaner/20040622/shipping/shipping3.html'),
  S123: cite('S123', 'Inspection-screening complex (IDK) explainer', 'geek-info', null, 'https://geek-info.imtqy.com/articles/M19264/index.html'),
  S124: cite('S124', 'US Customs and Border Protection new scanning equipment is a game changer', 'FreightWaves', null, 'https://www.freightwaves.com/news/us-customs-and-border-protection-new-scanning-equipment-is-a-game-changer'),
  S126: cite('S126', 'FreightWaves Flashback: Customs to X-ray your pallet', 'FreightWaves', null, 'https://www.freightwaves.com/news/freightwaves-flashback-customs-to-x-ray-your-pallet'),
  S127: cite('S127', 'EU ACXIS project', 'Open Access Government', null, 'https://openaccessgovernment.org/?p=26400'),
  S128: cite('S128', 'Border Management Modernization', 'World Bank', 2011, 'http://issuu.com/world.bank.publications/docs/9780821385968/87'),
} satisfies Record<string, MeasureCitation>);

/** A frozen list of citations by key. */
export function citations(...keys: (keyof typeof CITATIONS)[]): readonly MeasureCitation[] {
  return Object.freeze(keys.map((k) => CITATIONS[k]));
}
