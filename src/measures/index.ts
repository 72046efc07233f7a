// The measures module: measure factories, the Japan 2025 package, and applyMeasures.
export type {
  Measure,
  MeasureKind,
  MeasureParameter,
  MeasureCitation,
  MeasureScope,
  MeasureDefinition,
  LinkDirections,
  StreamlineCustomsOptions,
  InstallScannersOptions,
  ReplaceBridgesOptions,
  ImprovePortCustomsOptions,
  AdjustStageOptions,
  AdjustLinkOptions,
  CloseLinkOptions,
  AddLinkOptions,
  PatchFiguresOptions,
  FigureChange,
  FigureAddress,
} from './types.js';
export { applyMeasures } from './apply.js';
export { createMeasure, MEASURE_KINDS } from './create.js';
export { streamlineCustoms } from './streamline-customs.js';
export { installScanners } from './install-scanners.js';
export { replaceBridges } from './replace-bridges.js';
export { improvePortCustoms } from './improve-port-customs.js';
export { adjustStage } from './adjust-stage.js';
export { adjustLink } from './adjust-link.js';
export { closeLink } from './close-link.js';
export { addLink } from './add-link.js';
export { patchFigures } from './patch-figures.js';
export { scaleDistribution } from './scale.js';
export {
  japan2025,
  JAPAN2025_MEASURE_IDS,
  CENTRAL_ASIA,
  type Japan2025Package,
  type Japan2025Overrides,
  type Japan2025MeasureId,
  type MeasurePackage,
} from './japan2025.js';
