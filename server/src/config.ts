import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { StartupError } from '@ka/db';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const booleanString = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce.number().int().min(0).max(65535);

/** Defaults of the limits at the edge; tests pass higher rate limits to createApp (tests/support/app.ts). */
export const EDGE_DEFAULTS = {
  rateLimitWindowMs: 60_000,
  rateLimitMax: 600,
  rateLimitExpensiveMax: 60,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
} as const;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  /** An external Neo4j (server, cluster or Aura). When set, no embedded Neo4j is started. */
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USER: z.string().optional(),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** How long start-up waits for Bolt to answer. */
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  /** Embedded Neo4j only. */
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_DATA_DIR: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, '.data', 'neo4j')),
  NEO4J_EPHEMERAL: booleanString.default(false),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'must look like 512m or 2g')
    .default('1g'),
  NEO4J_LOG_FILE: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, '.data', 'neo4j.log')),
  /** The official data files (see ../shared/data/SOURCES.md). */
  KA_DATA_DIR: z
    .string()
    .min(1)
    .default(path.resolve(REPO_ROOT, '..', 'shared', 'data')),
  /** Load the NRW data into an empty database at start. */
  KA_SEED_ON_START: booleanString.default(true),
  /** Serve a synthetic (generated) dataset: only for benchmarks and load tests, never for users (ADR 008). */
  KA_ALLOW_SYNTHETIC: booleanString.default(false),
  CLIENT_DIST: z
    .string()
    .min(1)
    .default(path.join(REPO_ROOT, 'client', 'dist')),
  /** Requests per address and window to /graphql, /api and /auth (docs/decisions/009). */
  KA_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).max(3_600_000).default(EDGE_DEFAULTS.rateLimitWindowMs),
  KA_RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(EDGE_DEFAULTS.rateLimitMax),
  /** Stricter: the network analytics, the gap analysis, coalition search and the exports. */
  KA_RATE_LIMIT_EXPENSIVE_MAX: z.coerce.number().int().min(1).default(EDGE_DEFAULTS.rateLimitExpensiveMax),
  /** Express "trust proxy": false, true, a hop count or a list such as "loopback"; set it behind a reverse proxy. */
  KA_TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value): boolean | number | string => (value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value)),
  /** How long a client may take to send the headers, and the whole request with its body. */
  KA_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(EDGE_DEFAULTS.headersTimeoutMs),
  KA_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(EDGE_DEFAULTS.requestTimeoutMs),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Sessions (docs/decisions/011): ended after this long unused, and this long after sign-in at the latest. */
  KA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(8 * 60),
  KA_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  /** Wrong passwords per e-mail (and per address) within the lock time before sign-in is locked for that long. */
  KA_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  KA_SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(20),
  KA_SIGNIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** OpenID Connect sign-in through the state's identity provider: all four or none (then it is off). */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  /** E-mail of the board's notices (docs/decisions/018): off without SMTP_URL; with it MAIL_FROM and PUBLIC_BASE_URL are needed. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// (STARTTLS when offered) or smtps:// (TLS) URL')
    .optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** Send over smtp:// only after STARTTLS. */
  SMTP_REQUIRE_TLS: booleanString.default(false),
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]{3,320}$/, 'must be one line such as "Kooperationsatlas NRW <noreply@example.nrw>"')
    .optional(),
  /** Where users open the app; the e-mails link to it. */
  PUBLIC_BASE_URL: z
    .url()
    .regex(/^https?:\/\//, 'must be an http:// or https:// address')
    .optional(),
  KA_MAIL_POLL_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  KA_MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(20),
  KA_MAIL_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(48),
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
  const oidc = [config.OIDC_ISSUER, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET, config.OIDC_REDIRECT_URI];
  if (oidc.some((value) => value !== undefined) && !oidc.every((value) => value !== undefined)) {
    throw new StartupError('OpenID Connect needs all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI, or none of them');
  }
  if (config.SMTP_URL && (!config.MAIL_FROM || !config.PUBLIC_BASE_URL)) {
    throw new StartupError('E-mail needs MAIL_FROM and PUBLIC_BASE_URL besides SMTP_URL (the sender and the address the links in the e-mails open)');
  }
  return { ...config, embedded: !config.NEO4J_URI, production: config.NODE_ENV === 'production' };
}
