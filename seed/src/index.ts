export { importData, prepareData, writeData, IMPORT_VERSION, DataDirectoryError, DatasetConflictError, DATA_FILES, TAXONOMY_FILE, type ImportOptions, type PreparedData, type Scope } from './import';
export { ImportReport, type Problem } from './report';
export { searchName } from './search-name';
export type { Progress } from './load/writer';
export { GraphWriter } from './load/writer';
export type { Confidence, CooperationStatus, LegalForm, MemberKind, MemberRole, Provenance, CooperationRecord, MembershipRecord } from './model';
