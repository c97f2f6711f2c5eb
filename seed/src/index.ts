export { importData, DataDirectoryError, DATA_FILES, TAXONOMY_FILE, type ImportOptions, type Scope } from './import';
export { ImportReport, type Problem } from './report';
export { searchName } from './search-name';
export type { Progress } from './load/writer';
