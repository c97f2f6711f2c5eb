export {
  importData,
  prepareData,
  writeData,
  IMPORT_VERSION,
  DataDirectoryError,
  DatasetConflictError,
  DATA_FILES,
  TAXONOMY_FILE,
  type ImportOptions,
  type PreparedData,
  type Scope,
} from './import';
export { ImportReport, type Problem } from './report';
export { searchName } from './search-name';
export type { Progress } from './load/writer';
export { GraphWriter } from './load/writer';
export type { Confidence, CooperationStatus, LegalForm, MemberKind, MemberRole, Provenance, CooperationRecord, MembershipRecord } from './model';
// The register format, for the office's file import in the app (server/src/modules/contributions).
export { parseIkz, COOPERATION_ID } from './sources/ikz';
export { isHttpUrl } from './sources/csv';
export { baseLayer, type BaseLayer, type BaseLayerInput } from './geometry/base-layer';
export { readCsv } from './sources/csv';
