import type { IncomingMessage } from 'node:http';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { httpStatusOf, type KnownErrorCode } from '../shared/errors';
import { bounded, recordOf } from './logger';
import { namesExpensiveField } from './query-cost';

/** Last line of defence behind the query cost: no GraphQL response is sent larger than this. */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Largest request body /graphql accepts (an operation with its variables). */
export const MAX_BODY = '100kb';

export interface RateLimitOptions {
  windowMs: number;
  /** Requests per address and window to /graphql, /api and /auth. */
  max: number;
  /** Of those, requests for the analytics, coalition search and the exports. */
  expensiveMax: number;
}

/** The path as requested (inside a mounted router `req.url` is relative to the mount point). */
const pathOf = (req: IncomingMessage) => ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0] ?? '';
const isGraphQL = (req: IncomingMessage) => pathOf(req).startsWith('/graphql');

/**
 * Sends an error in the shape the client expects: a GraphQL response (`errors[].extensions.code`) on /graphql,
 * `{ error, code, messageDe, messageEn }` elsewhere; the status comes from the one table in shared/errors.ts.
 */
export function sendError(
  req: IncomingMessage,
  res: Response,
  code: KnownErrorCode,
  messageDe: string,
  messageEn: string,
  extra: Record<string, unknown> = {},
): void {
  recordOf(req).errorCode = code;
  const message = `${messageDe} / ${messageEn}`;
  res.status(httpStatusOf(code));
  res.setHeader('cache-control', 'no-store');
  if (isGraphQL(req)) res.json({ errors: [{ message, extensions: { code, messageDe, messageEn, ...extra } }] });
  else res.json({ error: message, code, messageDe, messageEn, ...extra });
}

/**
 * Security headers on every response (the app, the API, the exports): a CSP that allows nothing from another
 * origin, no framing, nosniff, no referrer. Scripts are strictly 'self'. Styles need 'unsafe-inline' for one
 * thing only: the network graph (@react-sigma) injects a <style> element; Leaflet sets its styles through the DOM,
 * which a CSP does not restrict (checked in Chromium: tests/integration/content-security-policy.test.ts).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  }) as RequestHandler;
}

/** Rate limits per address (IPv6 by /56): one for every request to the API, a stricter one for expensive ones. */
export function rateLimits({ windowMs, max, expensiveMax }: RateLimitOptions): { all: RequestHandler; expensive: RequestHandler } {
  const tooMany = (req: Request, res: Response) =>
    sendError(
      req,
      res,
      'TOO_MANY_REQUESTS',
      `Zu viele Anfragen von Ihrer Adresse. Bitte warten Sie ${Math.ceil(windowMs / 1000)} Sekunden.`,
      `Too many requests from your address. Please wait ${Math.ceil(windowMs / 1000)} seconds.`,
    );
  const common = {
    windowMs,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: tooMany,
    // Behind a proxy the operator sets KA_TRUST_PROXY; until then X-Forwarded-For is ignored, not an error.
    validate: { xForwardedForHeader: false },
  };
  return {
    all: rateLimit({ ...common, limit: max, identifier: 'all' }),
    expensive: rateLimit({
      ...common,
      limit: expensiveMax,
      identifier: 'expensive',
      skip: (req) => !(pathOf(req).startsWith('/api/export') || (isGraphQL(req) && namesExpensiveField((req.body as { query?: unknown } | undefined)?.query))),
    }),
  };
}

/**
 * Apollo reads `req.body`; Express 5 leaves it unset when the content type is not JSON. An empty body lets Apollo
 * answer with its 400 (CSRF prevention or "POST body missing") instead of a 500.
 */
export const ensureBody: RequestHandler = (req, _res, next) => {
  req.body ??= {};
  next();
};

/**
 * Replaces a GraphQL response larger than the cap by an error before anything is sent. The query cost keeps normal
 * responses far below it; this catches what the estimate missed.
 */
export function responseSizeCap(maxBytes = MAX_RESPONSE_BYTES): RequestHandler {
  return (req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const size = typeof body === 'string' ? (body.length * 3 > maxBytes ? Buffer.byteLength(body) : body.length) : Buffer.isBuffer(body) ? body.length : 0;
      if (size > maxBytes) {
        res.removeHeader('content-length');
        res.setHeader('content-type', 'application/json; charset=utf-8');
        sendError(
          req,
          res,
          'BAD_USER_INPUT',
          `Die Antwort wäre ${(size / 1024 / 1024).toFixed(1)} MB groß; höchstens ${maxBytes / 1024 / 1024} MB werden gesendet. Bitte weniger Felder oder kleinere Listen abfragen.`,
          `The response would be ${(size / 1024 / 1024).toFixed(1)} MB; at most ${maxBytes / 1024 / 1024} MB are sent. Please select fewer fields or smaller lists.`,
          { reason: 'RESPONSE_TOO_LARGE', maxBytes },
        );
        return res;
      }
      return send(body);
    };
    next();
  };
}

/** Which body-parser and router failures are the client's, with the code they get. */
const CLIENT_FAILURES: Record<string, { code: KnownErrorCode; de: string; en: string }> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', de: 'Der Rumpf der Anfrage ist kein gültiges JSON.', en: 'The request body is not valid JSON.' },
  'entity.too.large': {
    code: 'PAYLOAD_TOO_LARGE',
    de: `Die Anfrage ist zu groß (höchstens ${MAX_BODY}).`,
    en: `The request is too large (at most ${MAX_BODY}).`,
  },
  'encoding.unsupported': { code: 'UNSUPPORTED_MEDIA_TYPE', de: 'Diese Kodierung wird nicht unterstützt.', en: 'This content encoding is not supported.' },
  'charset.unsupported': {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    de: 'Dieser Zeichensatz wird nicht unterstützt (nur UTF-8).',
    en: 'This charset is not supported (UTF-8 only).',
  },
  'request.aborted': { code: 'BAD_REQUEST', de: 'Die Anfrage wurde abgebrochen.', en: 'The request was aborted.' },
  'request.size.invalid': { code: 'BAD_REQUEST', de: 'Die Länge der Anfrage stimmt nicht.', en: 'The request length does not match its content.' },
};

/**
 * The last error handler: a body that is not JSON, too large or cut off is the client's mistake (4xx, in the
 * GraphQL shape on /graphql); the log line names the kind and size, never the body's text. Anything else is
 * logged, bounded, and answered with a masked 500.
 */
export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const failure = error as { type?: string; status?: number; statusCode?: number; length?: number; expected?: number };
    const known = failure.type ? CLIENT_FAILURES[failure.type] : undefined;
    const log = recordOf(req).log;
    if (known) {
      log.warn({ kind: failure.type, bytes: failure.length ?? failure.expected }, 'rejected request body');
      return sendError(req, res, known.code, known.de, known.en);
    }
    const status = failure.status ?? failure.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // e.g. a path that does not decode (URIError from the router)
      log.warn({ kind: failure.type ?? (error instanceof Error ? error.name : typeof error), status }, 'rejected request');
      return sendError(req, res, 'BAD_REQUEST', 'Ungültige Anfrage.', 'Invalid request.');
    }
    log.error(
      { err: { type: error instanceof Error ? error.name : typeof error, message: bounded(error instanceof Error ? error.message : String(error)) } },
      'internal error',
    );
    return sendError(req, res, 'INTERNAL_SERVER_ERROR', 'Interner Fehler.', 'Internal server error.');
  };
}

/** JSON 404 for every path no route answered (the API, health, exports, and anything that is not a page). */
export const notFound: RequestHandler = (req, res) => sendError(req, res, 'NOT_FOUND', 'Diese Adresse gibt es nicht.', 'There is nothing at this address.');
