import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { RequestHandler } from 'express';
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { recordOf } from './logger';

/**
 * Root fields whose answer depends only on the data version (the snapshot of an import) and on nothing about the
 * caller: the network with its analytics, the taxonomy, the score components.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set(['cooperationNetwork', 'taskAreas', 'scoreComponents', '__typename']);

const gzip = promisify(zlib.gzip);

interface Entry {
  body: Buffer;
  /** Filled in shortly after the entry is made (compressed in libuv's thread pool, not on the event loop). */
  gzipped?: Buffer;
  etag: string;
  contentType: string;
}

/** Longest operation text looked at: the web app's network query is about 600 characters. */
const MAX_QUERY_LENGTH = 4000;

/** The root fields a query selects (fragments on the root type expanded) and its name; null if it is not a plain query. */
export function rootFields(query: string, operationName: unknown): { name: string | undefined; fields: string[] } | null {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 500 });
  } catch {
    return null;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation =
    typeof operationName === 'string' ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'query') return null;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const names: string[] = [];
  const walk = (selectionSet: SelectionSetNode, depth: number): boolean =>
    depth < 5 &&
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return names.push(selection.name.value) > 0;
      const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments.get(selection.name.value);
      return inner !== undefined && walk(inner, depth + 1);
    });
  return walk(operation.selectionSet, 0) ? { name: operation.name?.value, fields: names } : null;
}

/**
 * Keeps the serialized answers of operations that only select cacheable root fields, per data version: the network
 * page's answer (about 450 kB) is then sent from memory instead of resolving some 12,000 fields, reading 400
 * boundaries and serializing them again for every visitor, which under load kept the event loop busy enough to
 * delay health checks by a third of a second (docs/decisions/009). Errors are never cached.
 */
export function responseCache(dataVersion: () => Promise<string>, maxBytes = 64 * 1024 * 1024): RequestHandler {
  const cache = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (entry) => entry.body.length + (entry.gzipped?.length ?? 0) || 1 });
  // Whether an operation text is cacheable, so that a cache hit does not parse it again.
  const shapes = new LRUCache<string, NonNullable<ReturnType<typeof rootFields>> | false>({ max: 500 });
  return (req, res, next) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (req.method !== 'POST' || typeof body?.query !== 'string' || body.query.length > MAX_QUERY_LENGTH) return next();
    const shapeKey = `${String(body.operationName ?? '')}\u0000${body.query}`;
    let roots = shapes.get(shapeKey);
    if (roots === undefined) {
      const parsed = rootFields(body.query, body.operationName);
      roots = parsed && parsed.fields.every((field) => CACHEABLE_ROOT_FIELDS.has(field)) ? parsed : false;
      shapes.set(shapeKey, roots);
    }
    if (!roots) return next();
    dataVersion().then(
      (version) => {
        const key = createHash('sha256')
          .update(JSON.stringify([version, req.headers.accept ?? '', body.query, body.operationName ?? null, body.variables ?? null]))
          .digest('base64url');
        const hit = cache.get(key);
        if (hit) {
          const record = recordOf(req);
          record.cache = 'hit';
          if (roots.name) record.operation = roots.name;
          // The stored bytes, their ETag and, when the client takes it, their gzip: no hashing, encoding or
          // compressing per request.
          res.status(200).setHeader('content-type', hit.contentType);
          res.setHeader('etag', hit.etag);
          res.setHeader('vary', 'Accept, Accept-Encoding');
          if (req.headers['if-none-match'] === hit.etag) {
            res.status(304).end();
            return;
          }
          const zipped = hit.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          if (zipped) res.setHeader('content-encoding', 'gzip');
          res.setHeader('content-length', (zipped ? hit.gzipped! : hit.body).length);
          res.end(zipped ? hit.gzipped : hit.body);
          return;
        }
        const send = res.send.bind(res);
        res.send = (sent?: unknown) => {
          if (res.statusCode === 200 && typeof sent === 'string' && !sent.startsWith('{"errors"') && !sent.includes('"errors":[')) {
            const body = Buffer.from(sent);
            const entry: Entry = {
              body,
              etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
              contentType: String(res.getHeader('content-type') ?? 'application/json; charset=utf-8'),
            };
            cache.set(key, entry);
            gzip(body).then(
              (gzipped) => {
                entry.gzipped = gzipped;
                // Re-set so that the cache counts the compressed copy against its size.
                if (cache.get(key) === entry) cache.set(key, entry);
              },
              () => undefined,
            );
          }
          return send(sent);
        };
        next();
      },
      // No data version (database down): no cache, the resolvers answer with UNAVAILABLE.
      () => next(),
    );
  };
}
