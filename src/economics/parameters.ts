// The economic parameters the library assumes, each with its default, its plausible range and the
// evidence behind both: what a reviewer checks first. `varied` marks the parameters whose ranges
// give an appraisal's and a corridor choice's ranges; the others describe the case (a cargo, a
// horizon) rather than an uncertainty, and are inputs.

/** Where a parameter's figures come from. */
export interface ParameterSource {
  readonly title: string;
  readonly organisation: string;
  readonly year: number | null;
  readonly url?: string;
}

/** An economic parameter: default, plausible range, unit, the assumption and its sources. */
export interface EconomicParameter {
  readonly name: string;
  readonly unit: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Whether the appraisal's and the corridor choice's ranges vary it (between min and max). */
  readonly varied: boolean;
  readonly assumption: string;
  readonly sources: readonly ParameterSource[];
}

const HUMMELS: ParameterSource = { title: 'Time as a Trade Barrier, American Economic Review 103(7)', organisation: 'Hummels & Schaur', year: 2013 };
const ADB: ParameterSource = { title: 'Guidelines for the Economic Analysis of Projects', organisation: 'Asian Development Bank', year: 2017, url: 'https://www.adb.org/documents/guidelines-economic-analysis-projects' };

/** The economic parameters, by name. */
export const ECONOMIC_PARAMETERS = Object.freeze({
  dailyTimeValueShare: {
    name: 'dailyTimeValueShare',
    unit: 'share of cargo value per day',
    default: 0.0135,
    min: 0.006,
    max: 0.021,
    varied: true,
    assumption: 'Each day in transit costs the shipper 0.6–2.1% of the cargo’s value (an ad-valorem equivalent: inventory, depreciation, missed sales); the default is the middle of that range.',
    sources: [HUMMELS],
  },
  cargoValueUsdPerTeu: {
    name: 'cargoValueUsdPerTeu',
    unit: 'USD per TEU',
    default: 54_500,
    min: 12_300,
    max: 217_800,
    varied: false,
    assumption:
      'The average value of containerised cargo, about $54,500 per TEU ($109,000 per FEU). An input describing the cargo: give your own. The range is where rail competes (goods worth $1.23–21.78 per kg, at 10 t per TEU), not an uncertainty, so appraisal ranges do not vary it.',
    sources: [
      { title: 'Port Economics, Management and Policy', organisation: 'Rodrigue (with Notteboom and Pallis), Routledge', year: 2020, url: 'https://porteconomicsmanagement.org' },
      { title: 'International Journal of Logistics Management 31(4): rail is the cheapest in total logistics cost for goods worth $1.23–21.78 per kg', organisation: 'Zhang & Schramm', year: 2020 },
    ],
  },
  reliabilityRatio: {
    name: 'reliabilityRatio',
    unit: 'value of an hour of spread ÷ value of an hour of mean time',
    default: 1,
    min: 0.5,
    max: 1.5,
    varied: true,
    assumption:
      'The value of reliability as a multiple of the value of time (the reliability-ratio method, applied to the spread of transit time). Freight studies put the ratio around 1 (estimate); the Florida DOT’s values per ton-hour (time $0.50–23, reliability $1.38–10.20) are of the same order.',
    sources: [
      { title: 'European Journal of Transport and Infrastructure Research: reliability ratios for freight', organisation: 'de Jong et al. (EJTIR)', year: null, url: 'https://journals.open.tudelft.nl/ejtir/article/view/3291' },
      { title: 'Values of time and reliability in freight transportation', organisation: 'Florida Department of Transportation', year: 2017, url: 'https://rosap.ntl.bts.gov/view/dot/31708' },
    ],
  },
  discountRate: {
    name: 'discountRate',
    unit: 'per year (real)',
    default: 0.09,
    min: 0.06,
    max: 0.12,
    varied: true,
    assumption: 'The real discount rate of the economic analysis: ADB’s general rate of 9% since 2017, between its 6% for selected sectors and its earlier 12%.',
    sources: [ADB],
  },
  years: {
    name: 'years',
    unit: 'years of benefits',
    default: 20,
    min: 15,
    max: 30,
    varied: false,
    assumption: 'The appraisal horizon: 20 years of benefits after the investment, as development banks appraise transport projects (an input; 15–30 years are common).',
    sources: [ADB],
  },
  volumeGrowthPerYear: {
    name: 'volumeGrowthPerYear',
    unit: 'per year',
    default: 0,
    min: 0,
    max: 0.16,
    varied: true,
    assumption:
      'Growth of the corridor’s volume over the horizon. The default holds today’s volume (conservative); the top reaches the World Bank’s 11 Mt by 2030 from 4.5 Mt in 2024 ((11/4.5)^(1/6) − 1 ≈ 16% a year).',
    sources: [{ title: 'Middle Trade and Transport Corridor', organisation: 'World Bank', year: 2023, url: 'https://hdl.handle.net/10986/40626' }],
  },
  priceElasticity: {
    name: 'priceElasticity',
    unit: 'elasticity of the Middle Corridor’s share with respect to its money cost',
    default: -1,
    min: -1.5,
    max: -0.5,
    varied: true,
    assumption:
      'Sets the corridor choice’s cost coefficient: freight demand is mostly price-inelastic, but shipments facing intermodal competition are about unit-elastic or more (estimate from the survey’s ranges).',
    sources: [{ title: 'A Survey of Recent Estimates of Price Elasticities of Demand for Transport (Policy, Planning and Research working paper 359)', organisation: 'Oum, Waters & Yong (World Bank)', year: 1990 }],
  },
} as const satisfies Record<string, EconomicParameter>);

/** The name of an economic parameter. */
export type EconomicParameterName = keyof typeof ECONOMIC_PARAMETERS;
