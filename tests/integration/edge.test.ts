import net from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '@ka/server/src/edge/logger';
import { MAX_QUERY_COST } from '@ka/server/src/edge/query-cost';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/** What the API edge promises (docs/decisions/003 and 009): status codes, limits, headers, health, logs. */

const AMPLIFICATION =
  '{ cooperationNetwork { nodes { municipality { neighbours { municipality { neighbours { municipality { neighbours { municipality { boundary } } } } } } } } } }';
const NETWORK_PAGE =
  'cooperationNetwork { nodes { community degree x y municipality { ags shortName boundary district { name } } } edges { source target weight } }';

/** A logger that keeps its lines, to read what the app logged. */
function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

const post = (app: TestApp, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers, body });

let app: TestApp;
const log = capturingLogger();
beforeAll(async () => {
  app = await startTestApp({ production: true, logger: log.logger });
});
afterAll(async () => {
  await app?.close();
});

describe('query cost', () => {
  it('rejects the amplification query before it runs: 400, BAD_USER_INPUT, in German and English', async () => {
    const response = await post(app, JSON.stringify({ query: AMPLIFICATION }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_EXPENSIVE', maxCost: MAX_QUERY_COST });
    expect(body.errors[0]!.extensions.messageDe).toMatch(/zu aufwendig/);
    expect(body.errors[0]!.extensions.messageEn).toMatch(/too expensive/);
    expect(body.errors[0]!.extensions.cost as number).toBeGreaterThan(MAX_QUERY_COST);
  });

  it('counts aliases: the network page once is fine, five times is not', async () => {
    const once = await app.graphql(`query Once { ${NETWORK_PAGE} }`);
    expect(once.errors).toBeUndefined();
    const five = await post(app, JSON.stringify({ query: `query Five { ${[1, 2, 3, 4, 5].map((i) => `n${i}: ${NETWORK_PAGE}`).join(' ')} }` }));
    expect(five.status).toBe(400);
    expect(((await five.json()) as { errors: Array<{ extensions: { reason: string } }> }).errors[0]!.extensions.reason).toBe('QUERY_TOO_EXPENSIVE');
  });

  it('replaces a response over the size cap by an error (last line of defence)', async () => {
    const small = await startTestApp({ production: true, edge: { maxResponseBytes: 50_000 } });
    try {
      const response = await post(small, JSON.stringify({ query: `query Page { ${NETWORK_PAGE} }` }));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: Record<string, unknown> }> };
      expect(body.data).toBeUndefined();
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RESPONSE_TOO_LARGE', maxBytes: 50_000 });
    } finally {
      await small.close();
    }
  });
});

describe('the response cache', () => {
  it('answers a repeated network page from memory, byte for byte, and never caches an error', async () => {
    const page = JSON.stringify({ query: `query CachedPage { ${NETWORK_PAGE} taskAreas { id } }` });
    const first = await (await post(app, page)).text();
    const second = await (await post(app, page)).text();
    expect(second).toBe(first);
    const lines = log.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.operation === 'CachedPage');
    expect(lines.map((line) => line.cache ?? 'computed')).toEqual(['computed', 'hit']);
    const missing = JSON.stringify({ query: 'query MissingArea { cooperationNetwork(filter: { taskArea: "gibt_es_nicht" }) { modularity } }' });
    await post(app, missing);
    const again = (await (await post(app, missing)).json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(again.errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(log.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.operation === 'MissingArea' && line.cache)).toEqual([]);
  });
});

describe('status codes', () => {
  it.each([
    ['a syntax error', '{"query":"{"}', 'GRAPHQL_PARSE_FAILED'],
    ['more tokens than allowed', JSON.stringify({ query: `{ stats { ${'municipalities '.repeat(2100)} } }` }), 'GRAPHQL_PARSE_FAILED'],
    ['a field that does not exist', '{"query":"{ nothing }"}', 'GRAPHQL_VALIDATION_FAILED'],
    ['a subscription (the schema has none)', '{"query":"subscription S { stats { municipalities } }"}', 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a variable of the wrong type',
      JSON.stringify({ query: 'query ($n: Int) { municipalities(first: $n) { totalCount } }', variables: { n: 'zehn' } }),
      'BAD_USER_INPUT',
    ],
    ['invalid JSON', '{"query": "{ stats { municipalities } }"', 'BAD_REQUEST'],
  ])('answers %s with 400 and a GraphQL error body', async (_what, body, code) => {
    const response = await post(app, body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/json/);
    const json = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(json.errors[0]!.extensions.code).toBe(code);
  });

  it('answers a body over 100 kB with 413 in the GraphQL shape', async () => {
    const response = await post(app, JSON.stringify({ query: '{ stats { municipalities } }', variables: { pad: 'x'.repeat(120_000) } }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('does not write the text of a bad body to the log', async () => {
    const secret = 'ATTACKER-TEXT-' + 'x'.repeat(5000);
    const response = await post(app, `{"query": "${secret}`);
    expect(response.status).toBe(400);
    const logged = log.lines.join('\n');
    expect(logged).toMatch(/entity\.parse\.failed/);
    expect(logged).not.toMatch(/ATTACKER-TEXT/);
    expect(Math.max(...log.lines.map((line) => line.length))).toBeLessThan(2000);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'nichts.csv'])('answers the unknown export %s with a JSON 404', async (name) => {
    const response = await fetch(`${app.url}/api/export/${name}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
  });

  it.each(['/api/nothing', '/api', '/health/nothing', '/livez', '/metrics', '/ready'])('answers %s with a JSON 404, not the app', async (path) => {
    const served = await startTestApp({ serveClient: true });
    try {
      const response = await fetch(`${served.url}${path}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/json/);
    } finally {
      await served.close();
    }
  });

  it('hides "Did you mean" suggestions in production, and only there', async () => {
    const typo = '{"query":"{ cooperations(filter: { legalForm: GMBX }) { totalCount } stats { municipalitie } }"}';
    const messages = async (target: TestApp) =>
      ((await (await post(target, typo)).json()) as { errors: Array<{ message: string }> }).errors.map((e) => e.message).join('\n');
    const production = await messages(app);
    expect(production).toMatch(/GMBX/);
    expect(production).not.toMatch(/Did you mean/);
    const development = await startTestApp({ production: false });
    try {
      expect(await messages(development)).toMatch(/Did you mean the enum value "GMBH"/);
    } finally {
      await development.close();
    }
  });
});

describe('headers', () => {
  it.each(['/graphql', '/api/export/knoten.csv', '/health/live', '/'])('sets the security headers on %s', async (path) => {
    const served = await startTestApp({ serveClient: true });
    try {
      const response = await fetch(
        `${served.url}${path}`,
        path === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { municipalities } }"}' } : {},
      );
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      // Nothing from another origin: every source is 'self', 'none', 'unsafe-inline' (styles) or data:/blob:.
      expect(csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1))).toEqual(expect.not.arrayContaining([expect.stringMatching(/^(https?:|\*|\/\/)/)]));
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
    } finally {
      await served.close();
    }
  });

  it('shows no landing page from a CDN on GET /graphql', async () => {
    const response = await fetch(`${app.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(response.status).toBeLessThan(500);
    expect(text).not.toMatch(/<html|cdn|googleapis|apollographql\.com/i);
  });

  it('keeps a plain client request id and replaces a hostile one', async () => {
    const kept = await fetch(`${app.url}/health/live`, { headers: { 'x-request-id': 'proxy-1234' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-1234');
    const replaced = await fetch(`${app.url}/health/live`, { headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('rate limits', () => {
  it('answers with 429 and a German and English message past the limit, stricter for expensive operations', async () => {
    const limited = await startTestApp({ production: true, edge: { max: 6, expensiveMax: 2, windowMs: 60_000 } });
    try {
      const network = () => post(limited, JSON.stringify({ query: 'query N { cooperationNetwork { modularity } }' }));
      expect((await network()).status).toBe(200);
      expect((await network()).status).toBe(200);
      const third = await network();
      expect(third.status).toBe(429);
      const body = (await third.json()) as { errors: Array<{ extensions: { code: string; messageDe: string; messageEn: string } }> };
      expect(body.errors[0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      expect(body.errors[0]!.extensions.messageDe).toMatch(/Zu viele Anfragen/);
      expect(body.errors[0]!.extensions.messageEn).toMatch(/Too many requests/);
      expect(third.headers.get('ratelimit-policy') ?? third.headers.get('ratelimit')).toBeTruthy();
      // Cheap requests still pass until the general limit …
      const stats = () => post(limited, JSON.stringify({ query: 'query S { stats { municipalities } }' }));
      expect((await stats()).status).toBe(200);
      expect((await stats()).status).toBe(200);
      expect((await stats()).status).toBe(200);
      const over = await stats();
      expect(over.status).toBe(429);
      // … and the exports count as expensive, answered in their JSON shape.
      const exported = await fetch(`${limited.url}/api/export/knoten.csv`);
      expect(exported.status).toBe(429);
      expect(((await exported.json()) as { code: string }).code).toBe('TOO_MANY_REQUESTS');
      // Health checks are never limited.
      expect((await fetch(`${limited.url}/health/live`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('timeouts', () => {
  it('drops a request whose body trickles in, within the request timeout', async () => {
    const slow = await startTestApp({ edge: { headersTimeoutMs: 1000, requestTimeoutMs: 2000 } });
    try {
      const { port } = new URL(slow.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1');
        let text = '';
        const drip = setInterval(() => socket.write('x'), 300);
        const stop = () => {
          clearInterval(drip);
          resolve(text);
        };
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', stop);
        socket.on('error', stop);
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
        // A bound for the test only: without the timeout the server would wait for minutes.
        setTimeout(() => socket.destroy(), 15_000);
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await slow.close();
    }
  });
});

describe('health', () => {
  it('answers liveness without the database and readiness once Neo4j answers and the snapshot is loaded', async () => {
    expect(await (await fetch(`${app.url}/health/live`)).json()).toEqual({ status: 'ok' });
    let ready = await fetch(`${app.url}/health/ready`);
    for (let i = 0; i < 50 && ready.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await fetch(`${app.url}/health/ready`);
    }
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up', snapshot: 'loaded' });
    expect(await (await fetch(`${app.url}/health`)).json()).toEqual({ status: 'ok', neo4j: 'up' });
  });

  it('is live but not ready when Neo4j cannot be reached', async () => {
    const dead = await startTestApp({ boltUri: 'bolt://127.0.0.1:1' });
    try {
      expect((await fetch(`${dead.url}/health/live`)).status).toBe(200);
      const ready = await fetch(`${dead.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not ready', neo4j: 'down' });
    } finally {
      await dead.close();
    }
  });
});

describe('logs', () => {
  it('write one structured line per request with id, operation, duration, cost and error code, and no body', async () => {
    const own = capturingLogger();
    const logged = await startTestApp({ production: true, logger: own.logger });
    try {
      await post(logged, JSON.stringify({ query: 'query StatsForTheLog { stats { municipalities } }', variables: { secretValue: 'geheim-123' } }), {
        'content-type': 'application/json',
        'x-request-id': 'log-test-1',
      });
      await post(logged, JSON.stringify({ query: `query TooMuch ${AMPLIFICATION}` }));
      const lines = own.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'request');
      expect(lines).toContainEqual(
        expect.objectContaining({ reqId: 'log-test-1', method: 'POST', path: '/graphql', status: 200, operation: 'StatsForTheLog', ms: expect.any(Number) }),
      );
      expect(lines).toContainEqual(expect.objectContaining({ operation: 'TooMuch', status: 400, errorCode: 'BAD_USER_INPUT', cost: expect.any(Number) }));
      expect(own.lines.join('\n')).not.toMatch(/geheim-123|secretValue|municipalities/);
    } finally {
      await logged.close();
    }
  });

  it('can be silenced (tests) and leveled (LOG_LEVEL)', () => {
    expect(createLogger('silent').isLevelEnabled('error')).toBe(false);
    expect(createLogger('warn').isLevelEnabled('info')).toBe(false);
  });
});
