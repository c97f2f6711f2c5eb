import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import http from 'node:http';
import type { Database } from './db/database';
import { EXPORT_FORMATS, type ExportFile } from './analytics/exports';
import { WorkerNetworkAnalyzer } from './analytics/network-analyzer';
import { EDGE_DEFAULTS } from './config';
import { createContext, createServices, type Context, type Services } from './context';
import { formatError } from './edge/format-error';
import { healthRouter } from './edge/health';
import {
  ensureBody,
  errorHandler,
  MAX_BODY,
  MAX_RESPONSE_BYTES,
  notFound,
  rateLimits,
  responseSizeCap,
  securityHeaders,
  sendError,
  type RateLimitOptions,
} from './edge/http';
import { createLogger, recordOf, requestLogger, requestScope, type Logger } from './edge/logger';
import { SupportedOperationTypesRule } from './edge/operation-rules';
import { queryCostPlugin } from './edge/query-cost';
import { responseCache } from './edge/response-cache';
import { exportGaps, exportNetwork, GAP_EXPORTS, type GapExportFile } from './modules/network/network.service';
import { LegalForm, Provenance } from './shared/enums';
import { AppError, httpStatusOf, isClientVisibleCode } from './shared/errors';
import { buildAppSchema } from './schema';
import { DEFAULT_AUTH_OPTIONS, type AuthOptions } from './modules/accounts/auth.options';
import { httpExchange } from './modules/accounts/auth.request';
import { oidcRouter } from './modules/accounts/oidc.routes';
import type { MailOptions } from './modules/notifications/mail.options';
import { createNoticeMailer, smtpServerName } from './modules/notifications/notice-mail.module';
import type { NoticeMailer } from './modules/notifications/notice-mailer';

export interface AppOptions {
  db: Database;
  production: boolean;
  /** Folder of the built client; served at / when it exists. */
  clientDist?: string;
  /** Structured log (pino); tests pass a silent one. */
  logger?: Logger;
  /** Plain lines, for code that logs text (defaults to the logger at level info). */
  log?: (line: string) => void;
  /** Rate limits, timeouts and proxy trust (config.ts); tests raise the rate limits. */
  edge?: Partial<EdgeOptions>;
  /** Sessions, sign-in throttling and OpenID Connect (docs/decisions/011); tests shorten the windows. */
  auth?: AuthOptions;
  /** E-mail of the board's notices (docs/decisions/018); without it the in-app inbox is the only channel. */
  mail?: MailOptions;
}

export interface EdgeOptions extends RateLimitOptions {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Express "trust proxy": which X-Forwarded-For hops to believe for the client's address (rate limits, logs). */
  trustProxy: boolean | number | string;
  /** Largest GraphQL response sent; larger ones become an error (edge/http.ts). */
  maxResponseBytes: number;
}

const EDGE_OPTIONS: EdgeOptions = {
  windowMs: EDGE_DEFAULTS.rateLimitWindowMs,
  max: EDGE_DEFAULTS.rateLimitMax,
  expensiveMax: EDGE_DEFAULTS.rateLimitExpensiveMax,
  headersTimeoutMs: EDGE_DEFAULTS.headersTimeoutMs,
  requestTimeoutMs: EDGE_DEFAULTS.requestTimeoutMs,
  trustProxy: false,
  maxResponseBytes: MAX_RESPONSE_BYTES,
};

/**
 * Limits every operation must pass before it reaches a resolver (docs/decisions/003 and 009). The token limit is
 * graphql-js's own (`parseOptions.maxTokens`: a syntax error, 400); the cost is graphql-query-complexity's with
 * list sizes (edge/query-cost.ts); depth, aliases and directives are graphql-armor's validation rules.
 */
export const ARMOR_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
};

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

export interface App {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  services: Services;
  /** The notice outbox, running when `mail` was given (stopped with Apollo). */
  mailer: NoticeMailer | null;
}

export async function createApp({
  db,
  production,
  clientDist,
  logger = createLogger(),
  log = (line) => logger.info(line),
  auth = DEFAULT_AUTH_OPTIONS,
  edge = {},
  mail,
}: AppOptions): Promise<App> {
  const limits: EdgeOptions = { ...EDGE_OPTIONS, ...edge };
  const schema = await buildAppSchema();
  // The network analytics run in a worker thread so that the event loop stays free (docs/decisions/009).
  const services = createServices(db, auth, { networkAnalyzer: new WorkerNetworkAnalyzer(), log });
  const mailer = mail ? createNoticeMailer(db, { board: services.board, municipalities: services.repositories.municipalities }, mail, logger) : null;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', limits.trustProxy);
  // A client gets this long for its headers and for the whole request; Node checks every second, not every 30 s.
  const httpServer = http.createServer(
    { headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs), requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: 1000 },
    app,
  );

  const armor = new ApolloArmor({
    // Depth counts fields as the response nests them: a fragment spread is not a level, so a page whose query composes
    // its components' colocated fragments is measured like the same query written out.
    maxDepth: { n: ARMOR_LIMITS.maxDepth, ignoreIntrospection: false, flattenFragments: true },
    maxAliases: { n: ARMOR_LIMITS.maxAliases },
    maxDirectives: { n: ARMOR_LIMITS.maxDirectives },
    // Its cost limit ignores list sizes and its token limit throws inside parsingDidStart (a 500): see above.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Suggestions are removed in formatError, also from the messages of variable coercion.
    blockFieldSuggestion: { enabled: false },
  }).protect();

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !production,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: ARMOR_LIMITS.maxTokens },
    validationRules: [SupportedOperationTypesRule, ...armor.validationRules],
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      queryCostPlugin<Context>(),
      // Apollo's default landing page loads scripts and fonts from third-party CDNs.
      ApolloServerPluginLandingPageDisabled(),
      // Nothing reads cache hints (the response cache keys on the data version), and the plugin's hook runs for
      // every resolved field: about 2 % of a ranking request.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        serverWillStart: async () => ({
          serverWillStop: async () => {
            await mailer?.stop();
            services.snapshots.close();
            await services.network.close();
            await services.outcomes.flush(); // exposures still being written
          },
        }),
      },
      ...(production ? [] : [queryCountPlugin]),
    ],
    formatError: formatError(logger, production),
  });
  await apollo.start();
  if (mailer && mail) {
    mailer.start();
    log(`notice e-mail on: ${smtpServerName(mail)}, from ${mail.from}, links to ${mail.publicBaseUrl}`);
  }

  app.use(requestLogger(logger) as unknown as express.RequestHandler, requestScope(), securityHeaders());
  app.use('/health', healthRouter(db, services.snapshots));
  const limiter = rateLimits(limits);
  app.use(['/graphql', '/api', '/auth'], limiter.all);
  app.use('/api/export', limiter.expensive);

  // The gap analysis of a task for the commissioner's office, with the page's filter:
  // /api/export/luecken.csv?aufgabe=standesamt&kreis=05962&bezirk=059
  app.get(
    Object.keys(GAP_EXPORTS).map((file) => `/api/export/${file}`),
    async (req, res) => {
      const file = req.path.slice('/api/export/'.length) as GapExportFile;
      const param = (name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : undefined);
      const taskArea = param('aufgabe');
      const filter = { districtKey: param('kreis'), regionKey: param('bezirk') };
      if (!taskArea || !/^[a-z][a-z0-9_]{0,40}$/.test(taskArea)) {
        sendError(
          req,
          res,
          'BAD_USER_INPUT',
          'Bitte ein Aufgabenfeld angeben (?aufgabe=…, z. B. standesamt).',
          'Please name a task area (?aufgabe=…, e.g. standesamt).',
        );
        return;
      }
      if ((filter.districtKey && !/^\d{5}$/.test(filter.districtKey)) || (filter.regionKey && !/^\d{3}$/.test(filter.regionKey))) {
        sendError(
          req,
          res,
          'BAD_USER_INPUT',
          'Der Kreis braucht einen 5-stelligen, der Regierungsbezirk einen 3-stelligen Schlüssel.',
          'The Kreis needs a 5-digit key, the Regierungsbezirk a 3-digit one.',
        );
        return;
      }
      try {
        const result = await exportGaps(services.network, services.repositories.network, file, taskArea, filter);
        res.setHeader('content-type', result.contentType);
        res.setHeader('content-disposition', `attachment; filename="${result.filename}"`);
        res.send(result.body);
      } catch (error) {
        const code = error instanceof AppError ? error.extensions.code : undefined;
        if (!isClientVisibleCode(code)) throw error;
        const { messageDe, messageEn } = (error as AppError).extensions as { messageDe: string; messageEn: string };
        sendError(req, res, code, messageDe, messageEn);
      }
    },
  );

  // Open exports of the cooperation network, dated and attributed: /api/export/netzwerk.gexf?aufgabe=it
  app.get('/api/export/:file', async (req, res) => {
    const file = req.params.file as ExportFile;
    // Object.hasOwn: `file in` would accept constructor, toString and every other key of Object.prototype.
    if (!Object.hasOwn(EXPORT_FORMATS, file)) {
      sendError(
        req,
        res,
        'NOT_FOUND',
        `Unbekanntes Exportformat; es gibt ${Object.keys(EXPORT_FORMATS).join(', ')}`,
        `Unknown export; there are ${Object.keys(EXPORT_FORMATS).join(', ')}`,
      );
      return;
    }
    const param = (name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? (req.query[name] as string) : undefined);
    const filter = {
      taskArea: param('aufgabe'),
      legalForm: param('rechtsform') as LegalForm | undefined,
      provenance: param('herkunft') as Provenance | undefined,
    };
    if (
      (filter.taskArea && !/^[a-z][a-z0-9_]{0,40}$/.test(filter.taskArea)) ||
      (filter.legalForm && !Object.values(LegalForm).includes(filter.legalForm)) ||
      (filter.provenance && !Object.values(Provenance).includes(filter.provenance))
    ) {
      sendError(req, res, 'BAD_USER_INPUT', 'Ungültiger Filter.', 'Invalid filter.');
      return;
    }
    try {
      const result = await exportNetwork(services.network, services.repositories.network, file, filter);
      res.setHeader('content-type', result.contentType);
      res.setHeader('content-disposition', `attachment; filename="${result.filename}"`);
      res.send(result.body);
    } catch (error) {
      const code = error instanceof AppError ? error.extensions.code : undefined;
      if (isClientVisibleCode(code)) {
        const { messageDe, messageEn } = (error as AppError).extensions as { messageDe: string; messageEn: string };
        if (httpStatusOf(code) >= 500) recordOf(req).log.warn({ code }, 'export unavailable');
        sendError(req, res, code, messageDe, messageEn);
        return;
      }
      throw error;
    }
  });

  app.use('/api', notFound);

  if (auth.oidc) app.use('/auth/oidc', oidcRouter(services.accounts, auth.oidc, log));

  app.use(
    '/graphql',
    express.json({ limit: MAX_BODY }),
    ensureBody,
    limiter.expensive,
    // Reading the body left the request's async context; enter it again for everything below.
    requestScope(),
    // Answers that depend only on the data version are kept (production only: development adds a per-request
    // query count to every answer).
    ...(production ? [responseCache(async () => (await services.snapshots.current()).version)] : []),
    responseSizeCap(limits.maxResponseBytes),
    expressMiddleware(apollo, {
      // The caller is resolved once per request from the session cookie; a bad cookie is simply anonymous.
      context: async ({ req, res }) => {
        const http = httpExchange(req, res);
        return services.accounts.resolveCaller(http).then(
          (caller) => createContext(services, caller, http),
          (error: unknown) => ({ ...createContext(services, null, http), callerError: error }),
        );
      },
    }),
  );

  if (clientDist && fs.existsSync(path.join(clientDist, 'index.html'))) {
    app.use(express.static(clientDist, { index: false, maxAge: production ? '1h' : 0 }));
    // Client-side routes: every other GET gets the app shell.
    app.get(/^(?!\/graphql|\/health|\/api\/|\/(livez|readyz|healthz|ready|metrics)(\/|$)).*/, (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  }
  // Everything else, including probe paths other tools guess (/livez, /metrics), is a JSON 404, not the app shell.
  app.use(notFound);
  app.use(errorHandler());

  return { app, httpServer, apollo, services, mailer };
}
