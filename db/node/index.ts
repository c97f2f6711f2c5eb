export { StartupError } from './errors';
export { createDriver, waitForBolt, type DriverOptions } from './driver';
export { startEmbeddedNeo4j, isLauncherBuilt, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded';
export { migrate, parseMigration, DEFAULT_MIGRATIONS_DIR, type MigrationResult } from './migrate';
export { isPortFree, findFreePort } from './ports';
export { openCliDatabase, type CliDatabase } from './cli-database';
