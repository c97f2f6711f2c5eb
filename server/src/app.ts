import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import http from 'node:http';
import type { Database } from './db/database';
import { EXPORT_FORMATS, type ExportFile } from './analytics/exports';
import { createContext, createServices, type Context, type Services } from './context';
import { germanValidationMessage } from './shared/validation-messages';
import { exportNetwork } from './modules/network/network.service';
import { LegalForm, Provenance } from './shared/enums';
import { AppError } from './shared/errors';
import { buildAppSchema } from './schema';

export interface AppOptions {
  db: Database;
  production: boolean;
  /** Folder of the built client; served at / when it exists. */
  clientDist?: string;
  log?: (line: string) => void;
}

/** Limits every operation must pass before it reaches a resolver (see docs/decisions/003). */
export const ARMOR_LIMITS = {
  maxDepth: 10,
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
};

const PASSTHROUGH_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * Known errors keep their message and code; anything else is logged here and masked, so internals
 * (Cypher, stack traces, driver messages) never reach a client.
 */
export function formatError(log: (line: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = (error as { originalError?: unknown } | null)?.originalError;
    // type-graphql reports class-validator failures with extensions.validationErrors; name the fields (nested
    // ones as weights.proximity) and their rules, never the values.
    const validationErrors = (formatted.extensions?.validationErrors ?? (original as { extensions?: { validationErrors?: unknown } } | undefined)?.extensions?.validationErrors) as
      | ValidationProblem[]
      | undefined;
    if (Array.isArray(validationErrors)) {
      const details = flattenValidation(validationErrors);
      const messageDe = `Ungültige Eingabe: ${details.flatMap((d) => d.problemsDe).join(' ')}`;
      const messageEn = `Invalid input: ${details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; ')}`;
      return {
        message: `${messageDe} / ${messageEn}`,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', messageDe, messageEn, fields: details },
      };
    }
    if (code && PASSTHROUGH_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return {
      message: 'Interner Fehler / Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Outside production, every response reports how many Cypher queries it took (extensions.queryCount), so tests
 * can prove that nested fields are batched instead of costing one query per parent.
 */
const queryCountPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, queryCount: contextValue.queryCounter.count };
        }
      },
    };
  },
};

interface ValidationProblem {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationProblem[];
}

function flattenValidation(problems: ValidationProblem[], prefix = ''): Array<{ field: string; problems: string[]; problemsDe: string[] }> {
  return problems.flatMap((p) => {
    const field = prefix ? `${prefix}.${p.property}` : p.property;
    const rules = Object.entries(p.constraints ?? {});
    const own = rules.length > 0 ? [{ field, problems: rules.map(([, message]) => message), problemsDe: rules.map(([rule, message]) => germanValidationMessage(field, rule, message)) }] : [];
    return [...own, ...flattenValidation(p.children ?? [], field)];
  });
}

export interface App {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  services: Services;
}

export async function createApp({ db, production, clientDist, log = console.error }: AppOptions): Promise<App> {
  const schema = await buildAppSchema();
  const services = createServices(db);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);

  const armor = new ApolloArmor({
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: false },
    costLimit: { maxCost: ARMOR_LIMITS.maxCost, ignoreIntrospection: false },
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    maxTokens: { n: ARMOR_LIMITS.maxTokens },
    blockFieldSuggestion: { enabled: production },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: armor.validationRules,
    plugins: [...(armor.plugins as ApolloServerPlugin<Context>[]), ApolloServerPluginDrainHttpServer({ httpServer }), ...(production ? [] : [queryCountPlugin])],
    formatError: formatError(log),
  });
  await apollo.start();

  app.get('/health', async (_req, res) => {
    const neo4j = await db.ping();
    res.status(neo4j ? 200 : 503).json({ status: neo4j ? 'ok' : 'degraded', neo4j: neo4j ? 'up' : 'down' });
  });

  // Open exports of the cooperation network, dated and attributed: /api/export/netzwerk.gexf?aufgabe=it
  app.get('/api/export/:file', async (req, res) => {
    const file = req.params.file as ExportFile;
    if (!(file in EXPORT_FORMATS)) {
      res.status(404).json({ error: `Unbekanntes Exportformat / unknown export: ${Object.keys(EXPORT_FORMATS).join(', ')}` });
      return;
    }
    const param = (name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : undefined);
    const filter = { taskArea: param('aufgabe'), legalForm: param('rechtsform') as LegalForm | undefined, provenance: param('herkunft') as Provenance | undefined };
    if ((filter.taskArea && !/^[a-z][a-z0-9_]{0,40}$/.test(filter.taskArea)) || (filter.legalForm && !Object.values(LegalForm).includes(filter.legalForm)) || (filter.provenance && !Object.values(Provenance).includes(filter.provenance))) {
      res.status(400).json({ error: 'Ungültiger Filter / invalid filter' });
      return;
    }
    try {
      const result = await exportNetwork(services.network, services.repositories.network, file, filter);
      res.setHeader('content-type', result.contentType);
      res.setHeader('content-disposition', `attachment; filename="${result.filename}"`);
      res.send(result.body);
    } catch (error) {
      if (error instanceof AppError) {
        const code = error.extensions.code;
        res.status(code === 'NOT_FOUND' ? 404 : code === 'UNAVAILABLE' ? 503 : code === 'BAD_USER_INPUT' ? 400 : 500).json({ error: error.message });
        return;
      }
      log(`internal error in export: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      res.status(500).json({ error: 'Interner Fehler / Internal server error' });
    }
  });

  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo, { context: async () => createContext(services) }));

  if (clientDist && fs.existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: production ? '1h' : 0 }));
    // Client-side routes: every other GET gets the app shell.
    app.get(/^(?!\/graphql|\/health|\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  }

  return { app, httpServer, apollo, services };
}
