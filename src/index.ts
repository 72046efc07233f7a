// The public API of transcaspian for planners, and nothing else: what this file does not export is
// internal. The numeric core (CSR graphs, searches, compile) is the `transcaspian/engine` entry point,
// src/engine-entry.ts.

export {
  TranscaspianError,
  InvalidNetworkError,
  UnknownNodeError,
  UnknownProfileError,
  InvalidArgumentError,
  InvalidMeasureError,
  InvalidTableError,
  InvalidStudyError,
  ERROR_CODES,
  PROBLEM_CODES,
  type ErrorCode,
  type NetworkProblem,
  type ProblemCode,
} from './errors.js';

export {
  MODES,
  NODE_KINDS,
  CATEGORIES,
  STAGE_KINDS,
  STAGE_WHEN_VALUES,
  WAIT_CAUSES,
  STRUCTURE_KINDS,
  SOURCE_CONFIDENCES,
  DISTRIBUTION_TYPES,
  EPISODE_EFFECTS,
  EPISODE_OCCURRENCES,
  type Mode,
  type NodeKind,
  type Category,
  type StageKind,
  type StageWhen,
  type WaitCause,
  type StructureKind,
  type SourceConfidence,
  type DistributionType,
  type BuiltInProfileId,
  type Distribution,
  type Provenance,
  type ProvenanceSpec,
  type FigureRange,
  type SourceSpec,
  type StageSpec,
  type NodeSpec,
  type ServiceSpec,
  type StructureSpec,
  type LinkSpec,
  type ProfileSpec,
  type NetworkSpec,
  type TrafficSpec,
  type RegimeSpec,
  type RegimeServiceSpec,
  type RegimeStageSpec,
  type TrafficFlowSpec,
  type ConsignmentSizeSpec,
  type CalibrationRecord,
  type EpisodeSpec,
  type EpisodeEffect,
  type EpisodeOccurrence,
  type EpisodePlace,
  type DateWindow,
  type RecurringWindow,
  type CalendarSpec,
  type CorrelationSpec,
} from './network/types.js';
export { COUNTRY_CODES, isCountryCode } from './network/countries.js';
export { BUILT_IN_PROFILES } from './network/profiles.js';
export { networkJsonSchema } from './network/schema.js';
export { validateNetwork, parseNetworkSpec, MAX_PROBLEMS, type ValidateOptions } from './network/validate.js';
export { parseNetwork, resolveProfile, type Network, type Link } from './network/network.js';
export { loadNetwork, middleCorridor, FileReadError, FileTooLargeError, DEFAULT_MAX_FILE_BYTES, type LoadOptions } from './network/load.js';
export { findNode, foldName } from './network/lookup.js';
export { toGraph, type GraphNodeAttributes, type GraphLinkAttributes } from './network/graph.js';
export { checkedMeanOf as meanOf, checkedExpectedDepartureWaitHours as expectedDepartureWaitHours } from './network/distribution-check.js';

export { fastestRoute, type Route, type RouteLeg, type RouteStop, type RoutePart } from './route/fastest.js';
export type { RouteOptions } from './route/trip.js';
export { criticality, type Criticality, type CriticalitySettings, type CriticalityElements, type ElementCriticality, type TripImpact } from './route/criticality.js';
export { alternativeRoutes, DEFAULT_MIN_DIFFERENCE, DEFAULT_MAX_CANDIDATES, type AlternativeSettings, type AlternativeRoute } from './route/alternatives.js';
export { breakdown, type Breakdown, type CountryHours, type CategoryHours } from './route/breakdown.js';
// A route part's `kind` is a PartKind; the rest of the expanded graph is in transcaspian/engine.
export type { PartKind, Avoid, WaitTable } from './route/expand.js';

export { simulate, BLOCK_RUNS, type SimulateOptions, type SimulationResult, type RoutePolicy, type RouteShare, type CalendarSettings } from './simulate/montecarlo.js';
export type { DepartureWindow, ResolvedDeparture } from './simulate/calendar.js';
export type { MonthSummary } from './simulate/by-month.js';
export { simulateParallel, type ParallelOptions } from './simulate/parallel.js';
export { compare, compareResults, type CompareOptions, type Comparison, type Difference, type Interval, type CountryDelta, type MonthDifference } from './simulate/compare.js';
export { summarize, type Summary } from './stats/summary.js';
export { attribute, type AttributeSettings, type Attribution, type MeasureAttribution, type HoursSaved, type SubsetResult } from './simulate/attribute.js';
export { sensitivity, type Sensitivity, type SensitivityRow, type SensitivityPoint } from './simulate/sensitivity.js';
export { routePlanner, type RoutePlanner } from './simulate/route-planner.js';
export { studyJsonSchema, type StudySpec } from './simulate/study/schema.js';
export {
  loadStudy,
  parseStudy,
  validateStudy,
  STUDY_PASS_THROUGH_OPTIONS,
  DEFAULT_BLOCK_RUNS,
  type Study,
  type StudyTrip,
  type StudyAlternative,
  type StudyOptions,
} from './simulate/study/load.js';
export { runStudy, studyUnits, type StudyPart, type StudyUnit, type Shard, type UnitOutput, type StudySynopsis, type RouteDescription, type RunStudySettings } from './simulate/study/run.js';
export { studyPartJson, parseStudyPart } from './simulate/study/part-file.js';
export { mergeStudyParts, type StudyResult, type StudyTripResult, type StudyAlternativeResult } from './simulate/study/merge.js';
export { runScenario, type Scenario, type ScenarioSettings, type ScenarioProgress } from './simulate/scenario.js';
export { congestionModel, type CongestionModel, type PlaceWait, type WaitMethod } from './simulate/congestion/model.js';
export { CONGESTION_MODES, type CongestionMode, type CongestionOptions, type CongestionSettings, type RoutePlace } from './simulate/congestion/settings.js';
export { volumeFactorOf, type VolumeSpec } from './simulate/congestion/volume.js';
export { regimeNetwork, TODAY_REGIME } from './simulate/congestion/regime.js';
export { uncertainInputs, type UncertainInput } from './simulate/uncertain-inputs.js';
export {
  corridorTargets,
  parseTargets,
  loadTargets,
  targetsJsonSchema,
  type TargetsDocument,
  type Target,
  type TargetMeasure,
  type TargetTrip,
  type TargetSource,
  type TargetBand,
  type TripStatistic,
} from './evidence/targets.js';
export { validation, inBand, type Validation, type ValidationOptions, type TargetResult, type TargetStatus } from './evidence/validation.js';
export { validationText, validationJson } from './report/validation-text.js';
export { surveyRecordsFromCsv, type SurveyRecord } from './evidence/survey-records.js';
export { fitSurvey, type SurveyFit, type SurveyFitOptions, type StageFit } from './evidence/fit-survey.js';
export { surveyText, surveyJson } from './report/survey-text.js';
export {
  CALIBRATION_PARAMETERS,
  parseCalibrationParameters,
  type CalibrationParameter,
  type FigureSelector,
} from './evidence/calibration-parameters.js';
export { calibrate, calibrationObjective, type Calibration, type CalibrateOptions, type FittedParameter } from './evidence/calibrate.js';
export { calibrationText, calibrationJson } from './report/calibration-text.js';
export type { Uncertainty, UncertaintySettings, EffectDistribution, InputSensitivity } from './simulate/uncertainty.js';

export {
  applyMeasures,
  createMeasure,
  MEASURE_KINDS,
  streamlineCustoms,
  installScanners,
  replaceBridges,
  improvePortCustoms,
  adjustStage,
  adjustLink,
  closeLink,
  addLink,
  patchFigures,
  scaleDistribution,
  japan2025,
  JAPAN2025_MEASURE_IDS,
  CENTRAL_ASIA,
  type Measure,
  type MeasureKind,
  type MeasureParameter,
  type MeasureCitation,
  type MeasureScope,
  type MeasureDefinition,
  type LinkDirections,
  type StreamlineCustomsOptions,
  type InstallScannersOptions,
  type ReplaceBridgesOptions,
  type ImprovePortCustomsOptions,
  type AdjustStageOptions,
  type AdjustLinkOptions,
  type CloseLinkOptions,
  type AddLinkOptions,
  type PatchFiguresOptions,
  type FigureChange,
  type FigureAddress,
  type Japan2025Package,
  type Japan2025Overrides,
  type Japan2025MeasureId,
  type MeasurePackage,
} from './measures/index.js';

export { renderReport } from './report/html/render.js';
export { renderStudyReport } from './report/html/study.js';
export { studyText, studyJson, studyCsv } from './report/study-text.js';
export type { ReportInput, ReportTrip } from './report/model.js';
export { reportTrip, type ReportProgress, type ReportTripSettings } from './report/trip.js';
export {
  reportJson,
  tripJson,
  samplesCsv,
  breakdownCsv,
  breakdownCsvPath,
  csvField,
  toCsv,
  networkGeoJson,
  type CsvValue,
  type GeoJsonFeature,
  type GeoJsonFeatureCollection,
  type GeoJsonPosition,
  type GeoJsonRoutes,
} from './report/export.js';

export { flowText, flowJson, sweepText, sweepJson } from './report/flow-text.js';
export {
  simulateFlow,
  volumeSweep,
  networkFlows,
  referenceVolume,
  FLOW_DEFAULTS,
  DEFAULT_FACTORS,
  SATURATED_UTILISATION,
  FLOW_EVENT_BUDGET,
  type FlowSpec,
  type ConsignmentSize,
  type TodayVolume,
  type FlowOptions,
  type TimeKindHours,
  type FlowBreakdown,
  type ReplacedQueue,
  type FlowReport,
  type ServerReport,
  type FlowBalance,
  type FlowResult,
  type SweepOptions,
  type SaturationRow,
  type VolumeSweep,
} from './simulate/flow/index.js';
export {
  COST_CATEGORIES,
  CHARGE_UNITS,
  type CostCategory,
  type ChargeUnit,
  type Amount,
  type LineHaulRate,
  type NodeCharge,
  type ServiceTariff,
  type TimeCharge,
  type CostFit,
  type CostTablesSpec,
} from './economics/cost-types.js';
export { costTablesJsonSchema } from './economics/cost-schema.js';
export { parseCostTables, validateCostTables, loadCostTables, middleCorridorCosts, costTablesProblems, type CostTables, type TableOptions, type LoadTableOptions } from './economics/cost-tables.js';
export { routeCost, type RouteCost, type CostItem, type CountryUsd, type CategoryUsd, type CostOptions } from './economics/route-cost.js';
export {
  INTENSITY_UNITS,
  TRACTIONS,
  type IntensityUnit,
  type Traction,
  type Figure,
  type Intensity,
  type GridIntensity,
  type RailElectrification,
  type RailLinkTraction,
  type RoadIntensity,
  type VesselIntensity,
  type WaterDefault,
  type HubIntensity,
  type RailEnergy,
  type EmissionTablesSpec,
} from './economics/emission-types.js';
export { emissionTablesJsonSchema } from './economics/emission-schema.js';
export { parseEmissionTables, validateEmissionTables, loadEmissionTables, middleCorridorEmissions, emissionTablesProblems, type EmissionTables } from './economics/emission-tables.js';
export { routeEmissions, type RouteEmissions, type EmissionItem, type EmissionOptions } from './economics/route-emissions.js';
export { ECONOMIC_PARAMETERS, type EconomicParameter, type EconomicParameterName, type ParameterSource } from './economics/parameters.js';
export { valueOfTime, spreadHours, type ValueOfTime, type ValueOfTimeOptions, type ReliabilityOptions, type SpreadMeasure } from './economics/value-of-time.js';
export { cheapestRoute, ROUTE_OBJECTIVES, type RouteObjective, type CheapestRouteOptions, type CostedRoute } from './economics/objective-route.js';
export { simulationCost, type CostDistribution, type UsdSummary } from './economics/cost-distribution.js';
export { generalizedCost, type GeneralizedCost, type GeneralizedCostOptions } from './economics/generalized-cost.js';
export { appraise, type Appraisal, type AppraisalOptions, type PackageCosts, type AnnualBenefit, type MeasureBenefit, type Ranged, type MaybeRanged } from './economics/appraise.js';
export { cashFlows, presentValue, benefitCostRatio, internalRateOfReturn, type CashFlows, type CashFlowInputs } from './economics/discounting.js';
export { type CorridorAlternativeSpec, type CorridorAlternativesSpec } from './economics/corridor-types.js';
export { corridorAlternativesJsonSchema } from './economics/corridor-schema.js';
export { parseCorridorAlternatives, validateCorridorAlternatives, loadCorridorAlternatives, chinaEuropeCorridors } from './economics/corridor-tables.js';
export { corridorChoice, logitShares, type CorridorChoice, type CorridorChoiceOptions, type CorridorAlternativeResult, type CorridorState } from './economics/corridor-choice.js';
export { timeCostDistance, type TimeCostDistance, type TimeCostProfile, type TimeCostPoint } from './economics/time-cost-distance.js';
export { alongRoute, type AlongRoute, type RoutePosition } from './simulate/along-route.js';
export { shapleyValues } from './stats/shapley.js';
export { tripEconomics, type TripEconomics } from './economics/trip-economics.js';
