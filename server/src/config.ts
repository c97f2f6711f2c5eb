import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { StartupError } from '@ka/db';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  /** An external Neo4j (server, cluster or Aura). When set, no embedded Neo4j is started. */
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI').optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** How long start-up waits for Bolt to answer. */
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** Embedded Neo4j only. */
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data', 'neo4j')),
  NEO4J_EPHEMERAL: booleanString.default(false),
  NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 2g').default('1g'),
  NEO4J_LOG_FILE: z.string().min(1).default(path.join(REPO_ROOT, '.data', 'neo4j.log')),
  /** The official data files (see ../shared/data/SOURCES.md). */
  KA_DATA_DIR: z.string().min(1).default(path.resolve(REPO_ROOT, '..', 'shared', 'data')),
  /** Load the NRW data into an empty database at start. */
  KA_SEED_ON_START: booleanString.default(true),
  /** Serve a synthetic (generated) dataset: only for benchmarks and load tests, never for users (ADR 008). */
  KA_ALLOW_SYNTHETIC: booleanString.default(false),
  CLIENT_DIST: z.string().min(1).default(path.join(REPO_ROOT, 'client', 'dist')),
});

export type Config = z.infer<typeof EnvSchema> & { embedded: boolean; production: boolean };

/** Parses the environment once; a bad value ends start-up with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = issue.path.join('.');
    throw new StartupError(`invalid environment value ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`);
  }
  const config = parsed.data;
  return { ...config, embedded: !config.NEO4J_URI, production: config.NODE_ENV === 'production' };
}
