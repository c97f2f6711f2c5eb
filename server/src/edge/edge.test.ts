import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_STATUS, httpStatusOf, isClientVisibleCode } from '../shared/errors';
import { sanitizeMessage } from './format-error';
import { bounded } from './logger';
import { SupportedOperationTypesRule } from './operation-rules';

describe('operations the schema has no root type for', () => {
  const schema = buildSchema('type Query { a: Int }');

  it.each(['mutation M { a }', 'subscription S { a }'])('fail validation (a 400), not execution (a 500): %s', (query) => {
    const errors = validate(schema, parse(query), [SupportedOperationTypesRule]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/Diese API kennt keine .* \/ This API has no (mutation|subscription) operations/);
  });

  it('leave queries alone', () => {
    expect(validate(schema, parse('{ a }'), [SupportedOperationTypesRule])).toEqual([]);
  });
});

describe('messages of graphql-js errors', () => {
  it('lose their suggestions in production only', () => {
    const message = 'Value "GMBX" does not exist in "LegalForm" enum. Did you mean the enum value "GMBH"?';
    expect(sanitizeMessage(message, true)).toBe('Value "GMBX" does not exist in "LegalForm" enum.');
    expect(sanitizeMessage(message, false)).toBe(message);
  });

  it('never send a long value back', () => {
    const payload = 'MATCH (n) DETACH DELETE n '.repeat(20);
    expect(sanitizeMessage(`Variable "$v" got invalid value "${payload}"; Int cannot represent non-integer value`, true)).toBe(
      'Variable "$v" got an invalid value; Int cannot represent non-integer value',
    );
    expect(sanitizeMessage(`Expected value of type "Int!", found "${payload}".`, true)).not.toContain('DETACH DELETE n MATCH');
    expect(sanitizeMessage('x'.repeat(5000), false).length).toBeLessThanOrEqual(401);
  });
});

describe('the error table', () => {
  it('gives every code of our errors a status and masks what it does not know', () => {
    expect(httpStatusOf(new AppError('NOT_FOUND', 'de', 'en').extensions.code)).toBe(404);
    expect(httpStatusOf('BAD_USER_INPUT')).toBe(400);
    expect(httpStatusOf('TOO_MANY_REQUESTS')).toBe(429);
    expect(httpStatusOf('UNAVAILABLE')).toBe(503);
    expect(httpStatusOf('constructor')).toBe(500);
    expect(httpStatusOf(undefined)).toBe(500);
    expect(isClientVisibleCode('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(isClientVisibleCode('toString')).toBe(false);
    expect(Object.values(ERROR_STATUS).every((status) => status >= 400 && status < 600)).toBe(true);
  });
});

describe('log text', () => {
  it('is bounded and has no control characters', () => {
    expect(bounded('a\nb\u0000c')).toBe('a b c');
    expect(bounded('x'.repeat(1000), 10)).toBe('xxxxxxxxxx… (990 more characters)');
  });
});

describe('the edge settings in the environment', () => {
  it('default to the documented limits and parse the proxy trust', async () => {
    const { EDGE_DEFAULTS, loadConfig } = await import('../config');
    const config = loadConfig({});
    expect(config.KA_RATE_LIMIT_MAX).toBe(EDGE_DEFAULTS.rateLimitMax);
    expect(config.KA_RATE_LIMIT_EXPENSIVE_MAX).toBe(EDGE_DEFAULTS.rateLimitExpensiveMax);
    expect(config.KA_REQUEST_TIMEOUT_MS).toBe(15_000);
    expect(config.KA_TRUST_PROXY).toBe(false);
    expect(loadConfig({ KA_TRUST_PROXY: '1' }).KA_TRUST_PROXY).toBe(1);
    expect(loadConfig({ KA_TRUST_PROXY: 'loopback' }).KA_TRUST_PROXY).toBe('loopback');
    expect(() => loadConfig({ KA_RATE_LIMIT_MAX: '0' })).toThrowError(/^invalid environment value KA_RATE_LIMIT_MAX=/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrowError(/^invalid environment value LOG_LEVEL=/);
  });
});
