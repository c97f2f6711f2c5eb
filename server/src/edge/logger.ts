import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger } from 'pino';

/** Longest text any log field may carry: a hostile URL or message must not blow up the log. */
export const MAX_LOG_TEXT = 300;

/** Cuts a text to `max` characters and says how much was left out; control characters become spaces. */
export function bounded(text: string, max = MAX_LOG_TEXT): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return clean.length <= max ? clean : `${clean.slice(0, max)}… (${clean.length - max} more characters)`;
}

/** The first lines of an error's stack, bounded: enough to find the bug, never a wall of text. */
export function boundedError(error: unknown): { type: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { type: typeof error, message: bounded(String(error)) };
  const stack = error.stack
    ?.split('\n')
    .slice(1, 8)
    .map((line) => line.trim())
    .join(' | ');
  return { type: error.name, message: bounded(error.message), ...(stack ? { stack: bounded(stack, 1000) } : {}) };
}

/** JSON lines on stdout, or on `destination` (tests read them). */
export function createLogger(level = 'info', destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { service: 'kooperationsatlas' }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * What one request did, for its log line: filled in by the GraphQL plugins (operation name, cost, error code) and
 * the HTTP error handlers, and read when the response is finished. It rides in AsyncLocalStorage (entered once per
 * request) so code deep in a request can log with the request id without passing it down.
 */
export interface RequestRecord {
  id: string;
  log: Logger;
  operation?: string;
  cost?: number;
  errorCode?: string;
  /** 'hit' when the answer came from the response cache. */
  cache?: 'hit';
}

const scope = new AsyncLocalStorage<RequestRecord>();

/** The current request's record, if the code runs inside one. */
export const currentRequest = (): RequestRecord | undefined => scope.getStore();

/** Runs `work` with the request's record as the current one. */
export const withRequest = <T>(record: RequestRecord, work: () => T): T => scope.run(record, work);

type Request = IncomingMessage & { id?: string | number; record?: RequestRecord };

/** A client-supplied request id is kept when it is short and plain, so a proxy's id joins both logs. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * One structured line per request: id, method, path (bounded), status, duration, GraphQL operation name, query cost
 * and error code. Never bodies, headers or query strings (they may carry anything).
 */
export function requestLogger(logger: Logger) {
  return pinoHttp<Request, ServerResponse>({
    logger,
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    // Liveness probes every few seconds would drown everything else.
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value: { responseTime: number }) => line(req, res, value.responseTime),
    customErrorObject: (req, res, error, value: { responseTime: number }) => ({ ...line(req, res, value.responseTime), error: boundedError(error).message }),
  });
}

function line(req: Request, res: ServerResponse, ms: number) {
  const record = req.record;
  // Inside a mounted router Express rewrites req.url; originalUrl is what the client asked for.
  const path = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0] ?? '';
  return {
    method: req.method,
    path: bounded(path, 200),
    status: res.statusCode,
    ms,
    ...(record?.operation ? { operation: bounded(record.operation, 100) } : {}),
    ...(record?.cost !== undefined ? { cost: record.cost } : {}),
    ...(record?.errorCode ? { errorCode: record.errorCode } : {}),
    ...(record?.cache ? { cache: record.cache } : {}),
  };
}

/** The record of a request, created on first use (error handlers may run before requestScope). */
export function recordOf(req: IncomingMessage): RequestRecord {
  const request = req as Request & { log?: Logger };
  request.record ??= { id: String(request.id ?? randomUUID()), log: request.log ?? silent };
  return request.record;
}

/** Makes the request's record current for everything that follows; mounted after the body is read. */
export function requestScope() {
  return (req: IncomingMessage, _res: ServerResponse, next: () => void) => withRequest(recordOf(req), next);
}

const silent = pino({ level: 'silent' });
