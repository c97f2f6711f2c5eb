import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';
import seedrandom from 'seedrandom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startTestApp, type TestApp } from '../support/app';

/**
 * Thousands of hostile requests, generated from the schema and from lists of known attacks, against the real app in
 * production mode: every answer must be a 4xx or 2xx (never a 5xx), none may carry a stack trace, Cypher or a
 * driver message, none may send a long payload back, and the database must be unchanged afterwards. Loopback
 * only; every loop is bounded.
 */

const schema = buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'schema', 'schema.graphql'), 'utf8'));
const queryType = schema.getQueryType()!;
const mutationType = schema.getMutationType();

interface Probe {
  category: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Bytes written to a socket as they are, for requests no HTTP client would send. */
  raw?: string | Buffer;
}

interface Outcome {
  probe: Probe;
  status: number;
  contentType: string;
  body: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Values from the schema

/** Plausible values for required arguments, so that only the argument under test is wrong. */
const GOOD_STRINGS: Record<string, string> = { ags: '05958004', taskArea: 'it', id: 'K01', memberAgs: '05958004', email: 'robust@example.org', password: 'x' };

function validLiteral(type: GraphQLInputType, name: string, depth = 0): string {
  if (isNonNullType(type)) return validLiteral(type.ofType, name, depth);
  if (isListType(type)) return `[${validLiteral(type.ofType, name, depth)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${depth < 4 ? validLiteral(f.type, f.name, depth + 1) : 'null'}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return '1';
    case 'Float':
      return '10';
    case 'Boolean':
      return 'false';
    default:
      return JSON.stringify(GOOD_STRINGS[name] ?? 'x');
  }
}

/** The same valid value as JSON, for variables. */
function validValue(type: GraphQLInputType, name: string, depth = 0): unknown {
  if (isNonNullType(type)) return validValue(type.ofType, name, depth);
  if (isListType(type)) return [validValue(type.ofType, name, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(required.map((f) => [f.name, depth < 4 ? validValue(f.type, f.name, depth + 1) : null]));
  }
  return { Int: 1, Float: 10, Boolean: false }[type.name] ?? GOOD_STRINGS[name] ?? 'x';
}

/** Values of the wrong type for an input of `type`, as GraphQL literals. */
function wrongLiterals(type: GraphQLInputType): string[] {
  const nullable = isNonNullType(type) ? type.ofType : type;
  const nullIfRequired = isNonNullType(type) ? ['null'] : [];
  if (isListType(nullable)) return ['{ a: 1 }', '[[[[1]]]]', ...nullIfRequired];
  const named = nullable as GraphQLNamedType;
  if (isEnumType(named))
    return [`"${named.getValues()[0]!.name}"`, named.getValues()[0]!.name.toLowerCase(), 'NOT_A_VALUE', '1', '[NOT_A_VALUE]', ...nullIfRequired];
  if (isInputObjectType(named)) return ['1', '"x"', '[1]', '{ unknownField: 1 }', 'true', ...nullIfRequired];
  const scalar: Record<string, string[]> = {
    Int: ['"1"', '1.5', '2147483648', '-2147483649', 'true', '[1, 2]', '{ a: 1 }', 'ENUM_LIKE', '99999999999999999999999'],
    Float: ['"x"', 'true', '[1.5]', '{ a: 1 }', '1e999', 'ENUM_LIKE'],
    String: ['1', 'true', '[["x"]]', '{ a: "x" }', 'ENUM_LIKE', '1.5'],
    ID: ['1.5', 'true', '[["x"]]', '{ a: 1 }', 'ENUM_LIKE'],
    Boolean: ['"true"', '1', '[true]', 'ENUM_LIKE'],
  };
  return [...(scalar[named.name] ?? ['{ a: 1 }', '[1]']), ...nullIfRequired];
}

/** The same mistakes as JSON variables. */
function wrongValues(type: GraphQLInputType): unknown[] {
  const nullable = isNonNullType(type) ? type.ofType : type;
  const nullIfRequired = isNonNullType(type) ? [null] : [];
  if (isListType(nullable)) return [{ a: 1 }, [[[[1]]]], ...nullIfRequired];
  const named = nullable as GraphQLNamedType;
  if (isEnumType(named)) return ['lowercase', 'NOT_A_VALUE', 1, ['NOT_A_VALUE'], { a: 1 }, ...nullIfRequired];
  // JSON.parse makes "__proto__" an own key, so it is really sent (an object literal would set the prototype and send {}).
  if (isInputObjectType(named)) return [1, 'x', [1], { unknownField: 1 }, true, JSON.parse('{"__proto__":{"polluted":true}}') as unknown, ...nullIfRequired];
  const scalar: Record<string, unknown[]> = {
    Int: ['1', 1.5, 2147483648, -2147483649, true, [1, 2], { a: 1 }, 1e300],
    Float: ['x', true, [1.5], { a: 1 }, 'NaN', 'Infinity'],
    String: [1, true, [['x']], { a: 'x' }, 1.5],
    ID: [1.5, true, [['x']], { a: 1 }],
    Boolean: ['true', 1, [true], 'false'],
  };
  return [...(scalar[named.name] ?? [{ a: 1 }, [1]]), ...nullIfRequired];
}

/** A small valid selection for a field's type, so that only the arguments are under test. */
function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named) || !isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaf = fields.find((f) => isLeafType(getNamedType(f.type)));
  if (leaf || depth > 4) return `{ ${(leaf ?? fields[0]!).name} }`;
  return `{ ${fields[0]!.name} ${selectionFor(fields[0]!.type, depth + 1)} }`;
}

const printType = (type: GraphQLInputType): string => String(type);

/** One operation calling `field` with every argument valid except `override` (by argument name). */
function callWith(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, override: Record<string, string>, variableDefinitions = ''): string {
  const args = field.args
    .filter((a) => a.name in override || (isNonNullType(a.type) && a.defaultValue === undefined))
    .map((a) => `${a.name}: ${override[a.name] ?? validLiteral(a.type, a.name)}`);
  // Names the field does not have stay in: the operation must fail validation for them.
  for (const [name, value] of Object.entries(override)) if (!field.args.some((a) => a.name === name)) args.push(`${name}: ${value}`);
  const argText = args.length > 0 ? `(${args.join(', ')})` : '';
  return `${kind} Robust${variableDefinitions} { ${field.name}${argText} ${selectionFor(field.type)} }`;
}

/** Every place an argument value sits: the argument itself and, inside input objects, each field (two levels). */
interface Position {
  label: string;
  type: GraphQLInputType;
  /** The argument's literal with `inner` at this position. */
  literal: (inner: string) => string;
  /** The argument's JSON value with `inner` at this position. */
  value: (inner: unknown) => unknown;
}

function positions(arg: GraphQLArgument): Position[] {
  const result: Position[] = [{ label: arg.name, type: arg.type, literal: (inner) => inner, value: (inner) => inner }];
  const walk = (type: GraphQLInputType, prefix: string, wrap: (inner: string) => string, wrapValue: (inner: unknown) => unknown, depth: number) => {
    const named = getNamedType(type);
    if (!isInputObjectType(named) || depth > 2) return;
    // A list of input objects takes its one element here.
    const list = isListType(isNonNullType(type) ? type.ofType : type);
    for (const field of Object.values(named.getFields())) {
      const siblings = Object.values(named.getFields()).filter((f) => f !== field && isNonNullType(f.type) && f.defaultValue === undefined);
      const object = (inner: string) => `{ ${[...siblings.map((f) => `${f.name}: ${validLiteral(f.type, f.name)}`), `${field.name}: ${inner}`].join(', ')} }`;
      const objectValue = (inner: unknown) => ({ ...Object.fromEntries(siblings.map((f) => [f.name, validValue(f.type, f.name)])), [field.name]: inner });
      const fieldWrap = (inner: string) => wrap(list ? `[${object(inner)}]` : object(inner));
      const fieldWrapValue = (inner: unknown) => wrapValue(list ? [objectValue(inner)] : objectValue(inner));
      result.push({ label: `${prefix}.${field.name}`, type: field.type, literal: fieldWrap, value: fieldWrapValue });
      walk(field.type, `${prefix}.${field.name}`, fieldWrap, fieldWrapValue, depth + 1);
    }
  };
  walk(
    arg.type,
    arg.name,
    (inner) => inner,
    (inner) => inner,
    1,
  );
  return result;
}

const graphqlProbe = (category: string, query: string, variables?: Record<string, unknown>): Probe => ({
  category,
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(variables === undefined ? { query } : { query, variables }),
});

// ---------------------------------------------------------------------------------------------------------------
// The generators

function wrongTypeProbes(): Probe[] {
  const probes: Probe[] = [];
  const roots: Array<['query' | 'mutation', GraphQLField<unknown, unknown>]> = [
    ...Object.values(queryType.getFields()).map((f) => ['query', f] as ['query', GraphQLField<unknown, unknown>]),
    // Mutations only with arguments of the wrong type: validation refuses them, nothing is written.
    ...Object.values(mutationType?.getFields() ?? {}).map((f) => ['mutation', f] as ['mutation', GraphQLField<unknown, unknown>]),
  ];
  for (const [kind, field] of roots) {
    for (const arg of field.args) {
      for (const position of positions(arg)) {
        for (const wrong of wrongLiterals(position.type))
          probes.push(graphqlProbe('wrong types (inline)', callWith(kind, field, { [arg.name]: position.literal(wrong) })));
        // As a variable declared with the argument's own type: coercion must refuse the value.
        for (const value of wrongValues(position.type)) {
          probes.push(
            graphqlProbe('wrong types (variables)', callWith(kind, field, { [arg.name]: '$v' }, `($v: ${printType(arg.type)})`), { v: position.value(value) }),
          );
        }
        if (position.label === arg.name) {
          // Declared with another type than the argument's: validation must refuse the operation.
          probes.push(graphqlProbe('wrong types (variables)', callWith(kind, field, { [arg.name]: '$v' }, '($v: [[Boolean]])'), { v: [[true]] }));
          probes.push(graphqlProbe('wrong types (variables)', callWith(kind, field, { [arg.name]: '$v' }, `($v: ${printType(arg.type)})`), {}));
        }
      }
    }
    probes.push(graphqlProbe('wrong types (inline)', callWith(kind, field, { unknownArgument: '1' })));
  }
  return probes;
}

/** Strings that break out of Cypher, HTML, templates, paths or encodings where input is handled carelessly. */
const INJECTIONS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "05958004' OR '1'='1",
  '05958004\u0000',
  '$ags',
  '${ags}',
  '{{7*7}}',
  'CALL db.labels() YIELD label RETURN label',
  '`Municipality`',
  '\\u0027 OR 1=1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00%27%22',
  '\u202eevil\u202c',
  '🧨'.repeat(50),
  'a'.repeat(20_000),
  '\r\nX-Injected: 1',
];

function injectionProbes(): Probe[] {
  const probes: Probe[] = [];
  for (const field of Object.values(queryType.getFields())) {
    for (const arg of field.args) {
      for (const position of positions(arg)) {
        const named = getNamedType(position.type);
        if (named.name !== 'String' && named.name !== 'ID') continue;
        for (const payload of INJECTIONS) {
          probes.push(graphqlProbe('injection strings', callWith('query', field, { [arg.name]: position.literal(JSON.stringify(payload)) })));
        }
        for (const payload of INJECTIONS)
          probes.push(
            graphqlProbe('injection strings', callWith('query', field, { [arg.name]: '$v' }, `($v: ${printType(arg.type)})`), { v: position.value(payload) }),
          );
      }
    }
  }
  // The same strings in the export filters and paths.
  for (const payload of INJECTIONS) {
    const value = encodeURIComponent(payload.slice(0, 500));
    for (const param of ['aufgabe', 'rechtsform', 'herkunft']) probes.push({ category: 'injection strings', path: `/api/export/knoten.csv?${param}=${value}` });
    probes.push({ category: 'injection strings', path: `/api/export/${value}` });
  }
  return probes;
}

function shapeProbes(): Probe[] {
  const probes: Probe[] = [];
  const neighbours = (depth: number) => `${'neighbours { municipality { '.repeat(depth)}ags${' } }'.repeat(depth)}`;
  for (let depth = 1; depth <= 40; depth += 3) probes.push(graphqlProbe('deep queries', `{ municipality(ags: "05958004") { ${neighbours(depth)} } }`));
  for (let depth = 2; depth <= 30; depth += 4)
    probes.push(graphqlProbe('deep queries', `{ __schema { types { ${'fields { type { '.repeat(depth)}name${' } }'.repeat(depth)} } } }`));
  probes.push(
    graphqlProbe(
      'deep queries',
      '{ cooperationNetwork { nodes { municipality { neighbours { municipality { neighbours { municipality { neighbours { municipality { boundary } } } } } } } } } }',
    ),
  );
  for (const width of [10, 100, 500, 2000]) probes.push(graphqlProbe('wide queries', `{ stats { ${'municipalities '.repeat(width)} } }`));
  for (const width of [5, 50, 300])
    probes.push(graphqlProbe('wide queries', `{ municipalities(first: 100) { edges { node { ${'boundary '.repeat(width)} } } } }`));
  for (const count of [2, 5, 14, 15, 16, 50, 200]) {
    probes.push(
      graphqlProbe(
        'alias bombs',
        `{ ${Array.from({ length: count }, (_, i) => `a${i}: cooperationNetwork { nodes { municipality { boundary } } }`).join(' ')} }`,
      ),
    );
    probes.push(
      graphqlProbe(
        'alias bombs',
        `{ municipality(ags: "05958004") { ${Array.from({ length: count }, (_, i) => `n${i}: neighbours { municipality { boundary } }`).join(' ')} } }`,
      ),
    );
    probes.push(
      graphqlProbe(
        'alias bombs',
        `{ ${Array.from({ length: count }, (_, i) => `c${i}: coalitionSuggestions(ags: "05958004", taskArea: "it", options: { limit: 50, maxSize: 6 }) { coalitions { members { boundary } } }`).join(' ')} }`,
      ),
    );
  }
  for (const levels of [4, 8, 12, 16, 24]) {
    const chain = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Municipality { ...F${i + 1} ...F${i + 1} neighbours { municipality { ags } } }`,
    ).join(' ');
    probes.push(graphqlProbe('fragment bombs', `{ municipality(ags: "05958004") { ...F0 } } ${chain} fragment F${levels} on Municipality { ags boundary }`));
  }
  probes.push(graphqlProbe('fragment bombs', '{ stats { ...A } } fragment A on Stats { ...B } fragment B on Stats { ...A }'));
  probes.push(graphqlProbe('fragment bombs', '{ stats { ...A } } fragment A on Stats { ...A municipalities }'));
  probes.push(graphqlProbe('fragment bombs', '{ stats { ... on Stats { ... on Stats { ... on Stats { ... on Stats { municipalities } } } } } }'));
  for (const count of [5, 25, 100, 400]) probes.push(graphqlProbe('directive bombs', `{ stats { municipalities ${'@include(if: true) '.repeat(count)} } }`));
  probes.push(graphqlProbe('directive bombs', '{ stats { municipalities @unknown } }'));
  probes.push(graphqlProbe('introspection', '{ __schema { types { name fields { name } } } }'));
  probes.push(graphqlProbe('introspection', '{ __type(name: "Municipality") { fields { name } } }'));
  probes.push(graphqlProbe('operations', 'subscription S { stats { municipalities } }'));
  probes.push(graphqlProbe('operations', 'mutation M { nothing }'));
  probes.push(graphqlProbe('operations', 'query A { stats { municipalities } } query B { stats { taskAreas } }'));
  probes.push(graphqlProbe('operations', 'query A { stats { municipalities } } query A { stats { taskAreas } }'));
  probes.push({
    ...graphqlProbe('operations', 'query A { stats { municipalities } }'),
    body: JSON.stringify({ query: 'query A { stats { municipalities } }', operationName: 'B' }),
  });
  probes.push({
    ...graphqlProbe('operations', '{ stats { municipalities } }'),
    body: JSON.stringify({ query: '{ stats { municipalities } }', variables: 'not an object' }),
  });
  probes.push({
    ...graphqlProbe('operations', '{ stats { municipalities } }'),
    body: JSON.stringify({ query: '{ stats { municipalities } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
  });
  probes.push({ ...graphqlProbe('operations', ''), body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }) });
  for (const text of [
    '{',
    '}',
    '{ stats { municipalities }',
    'query {',
    '"unterminated',
    '{ stats { municipalities } } }',
    '\u0000',
    '#'.repeat(1000),
    '{ stats(a: $undefined) { municipalities } }',
    '{ stats { ... } }',
    '{ 1 }',
  ]) {
    probes.push(graphqlProbe('syntax errors', text));
  }
  return probes;
}

/**
 * Valid operations, cut and spliced at random (seeded): a deleted brace, a doubled token, a stray character, a
 * truncated document. Parser and validator must answer each with a 400, never stumble.
 */
function fuzzProbes(count: number): Probe[] {
  const random = seedrandom('robustness');
  const seeds = Object.values(queryType.getFields()).map((field) => callWith('query', field, {}));
  const junk = ['{', '}', '(', ')', ':', '$', '@', '...', '"', '\\', '#', ',', '[', ']', '!', '=', '\u0000', 'ü', '𝔘', ' on ', 'fragment', 'query', 'null'];
  const probes: Probe[] = [];
  for (let i = 0; i < count; i++) {
    let text = seeds[Math.floor(random() * seeds.length)]!;
    const edits = 1 + Math.floor(random() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * text.length);
      const kind = Math.floor(random() * 4);
      if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
      else if (kind === 1) text = text.slice(0, at) + junk[Math.floor(random() * junk.length)] + text.slice(at);
      else if (kind === 2) text = text.slice(0, at) + text.slice(at, at + 8) + text.slice(at);
      else text = text.slice(0, at);
    }
    probes.push(graphqlProbe('fuzzed documents', text));
  }
  return probes;
}

function bodyProbes(): Probe[] {
  const post = (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): Probe => ({
    category: 'malformed bodies',
    method: 'POST',
    path: '/graphql',
    headers,
    body,
  });
  const valid = JSON.stringify({ query: '{ stats { municipalities } }' });
  const probes: Probe[] = [
    post(''),
    post('null'),
    post('[]'),
    post(`[${valid},${valid}]`),
    post('"a string"'),
    post('12345'),
    post('{"query": 123}'),
    post('{"query": null}'),
    post('{"query": ["{ stats { municipalities } }"]}'),
    post('{"query": {"$ne": null}}'),
    post('{"query": "{ stats { municipalities } }", "operationName": 5}'),
    post('{"query": "{ stats { municipalities } }", "variables": [1]}'),
    post('{"query": "{ stats { municipalities } }", "extensions": "x"}'),
    post('{"__proto__": {"query": "{ stats { municipalities } }"}}'),
    post('{"constructor": {"prototype": {"polluted": true}}, "query": "{ stats { municipalities } }"}'),
    post(`{"query": "${'x'.repeat(200)}`),
    post(`${'['.repeat(5000)}${']'.repeat(5000)}`),
    post(`{"query": "{ stats { municipalities } }", "variables": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`),
    post(JSON.stringify({ query: '{ stats { municipalities } }', variables: { v: 'x'.repeat(150_000) } })),
    post(Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x00])),
    post(valid, { 'content-type': 'text/plain' }),
    post(valid, { 'content-type': 'application/x-www-form-urlencoded' }),
    post(valid, { 'content-type': 'multipart/form-data; boundary=x' }),
    post(valid, { 'content-type': 'application/json; charset=latin1' }),
    post(valid, { 'content-type': 'application/json; charset=utf-16' }),
    post(valid, { 'content-type': 'application/graphql' }),
    post(valid, { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    post(zlib.gzipSync(valid), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    post(zlib.gzipSync('x'.repeat(2_000_000)), { 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    post(valid, { 'content-type': 'application/json', 'content-encoding': 'br' }),
    post(valid, { 'content-type': 'application/json', 'content-encoding': 'compress' }),
    post(valid, { 'content-type': '' }),
    post(valid, { 'content-type': 'application/json'.repeat(100) }),
    {
      category: 'malformed bodies',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ stats { municipalities } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    {
      category: 'malformed bodies',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { signOut { ok } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    {
      category: 'malformed bodies',
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{ stats { municipalities } }')}&variables=not-json`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    { category: 'malformed bodies', method: 'GET', path: '/graphql?query[]=a&query[]=b', headers: { 'apollo-require-preflight': 'true' } },
    { category: 'malformed bodies', method: 'PUT', path: '/graphql', headers: { 'content-type': 'application/json' }, body: valid },
    { category: 'malformed bodies', method: 'DELETE', path: '/graphql' },
    { category: 'malformed bodies', method: 'PATCH', path: '/api/export/knoten.csv', body: valid },
    { category: 'malformed bodies', method: 'OPTIONS', path: '/graphql' },
  ];
  return probes;
}

function headerAndPathProbes(): Probe[] {
  const valid = JSON.stringify({ query: 'query Stats { stats { municipalities } }' });
  const withHeaders = (headers: Record<string, string>): Probe => ({
    category: 'malformed headers',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    body: valid,
  });
  const probes: Probe[] = [
    withHeaders({ 'x-request-id': '<script>alert(1)</script>' }),
    withHeaders({ 'x-request-id': 'a'.repeat(5000) }),
    withHeaders({ cookie: 'ka_session=' + 'x'.repeat(4000) }),
    withHeaders({ cookie: 'ka_session=%E0%A4%A; other=\u00ff' }),
    withHeaders({ cookie: '=; ;;=;a=b=c' }),
    withHeaders({ 'x-forwarded-for': '1.2.3.4, <script>, ::1' }),
    withHeaders({ 'x-forwarded-host': 'evil.example' }),
    withHeaders({ origin: 'https://evil.example' }),
    withHeaders({ accept: 'text/html' }),
    withHeaders({ accept: 'application/xml' }),
    withHeaders({ accept: '*/*;q=abc' }),
    withHeaders({ 'accept-encoding': 'gzip;q=2, br;q=NaN, *;q=0' }),
    withHeaders({ 'accept-language': 'x'.repeat(3000) }),
    withHeaders({ 'apollo-require-preflight': 'true', 'content-type': 'text/plain' }),
    withHeaders({ 'x-apollo-operation-name': '<script>' }),
    withHeaders({ range: 'bytes=0-1' }),
    withHeaders({ 'if-none-match': '*' }),
    withHeaders({ expect: '100-continue' }),
  ];
  const paths = [
    '/api/export/constructor',
    '/api/export/__proto__',
    '/api/export/toString',
    '/api/export/hasOwnProperty',
    '/api/export/%00',
    '/api/export/..%2F..%2Fetc%2Fpasswd',
    '/api/export/knoten.csv?aufgabe[]=it&aufgabe[]=vhs',
    '/api/export/knoten.csv?aufgabe[$ne]=x',
    '/api/export/knoten.csv?rechtsform=__proto__',
    '/api/%E0%A4%A',
    '/%',
    '/api/unknown',
    '/api',
    '/health/unknown',
    '/health/live/extra',
    '/health/../graphql',
    '/livez',
    '/readyz',
    '/metrics',
    '/ready',
    '/.env',
    '/.git/config',
    '/server/src/config.ts',
    '/node_modules/graphql/package.json',
    `/${'a'.repeat(7000)}`,
    '/graphql/extra',
    '//graphql',
  ];
  for (const p of paths) probes.push({ category: 'paths', path: p });
  return probes;
}

/** Requests no well-behaved client sends: Node's parser must refuse them with a 4xx, never crash or hang. */
function rawProbes(): Probe[] {
  const body = JSON.stringify({ query: '{ stats { municipalities } }' });
  const raw = (bytes: string | Buffer): Probe => ({ category: 'raw protocol', raw: bytes });
  return [
    raw('GARBAGE\r\n\r\n'),
    raw('GET / HTTP/9.9\r\nHost: x\r\n\r\n'),
    raw('GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header: yes\r\n\r\n'),
    raw('GET /health/live HTTP/1.1\r\nHost: x\r\nX-Null: a\u0000b\r\n\r\n'),
    raw(`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
    raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n${body}`),
    raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body}\r\n0\r\n\r\n`),
    raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n${body}`),
    raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n${body}`),
    raw(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n`,
    ),
    raw('GET /health/live HTTP/1.1\r\n\r\n'),
    raw('BREW /graphql HTTP/1.1\r\nHost: x\r\n\r\n'),
    raw('GET http://evil.example/health/live HTTP/1.1\r\nHost: x\r\n\r\n'),
    raw('GET * HTTP/1.1\r\nHost: x\r\n\r\n'),
    raw(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03])),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Sending and checking

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function send(base: URL, probe: Probe): Promise<Outcome> {
  if (probe.raw !== undefined) return sendRaw(base, probe);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: base.hostname, port: base.port, method: probe.method ?? 'GET', path: probe.path ?? '/', headers: probe.headers, agent, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            probe,
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within 30 s: ${describeProbe(probe)}`)));
    request.on('error', reject);
    request.end(probe.body);
  });
}

/** Writes the bytes, reads until the server closes (or 5 s pass) and parses the first status line. */
function sendRaw(base: URL, probe: Probe): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(base.port), base.hostname);
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ probe, status, contentType: /content-type: ([^\r\n]*)/i.exec(text)?.[1] ?? '', body: text });
    };
    const timer = setTimeout(done, 5000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', done);
    socket.on('error', done);
    socket.write(probe.raw!, () => socket.end());
  });
}

async function sendAll(base: URL, probes: Probe[], concurrency = 8): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array(probes.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < probes.length) {
        const index = next++;
        outcomes[index] = await send(base, probes[index]!);
      }
    }),
  );
  return outcomes;
}

const describeProbe = (probe: Probe) =>
  `${probe.category}: ${probe.method ?? 'GET'} ${probe.path ?? '(raw)'} ${String(probe.body ?? probe.raw ?? '').slice(0, 300)}`;

/** Text that only the server's internals contain: stack frames, source paths, driver errors, our Cypher. */
function leakPatterns(): RegExp[] {
  const cypher = new Set<string>();
  const modules = path.join(REPO_ROOT, 'server', 'src', 'modules');
  for (const dir of fs.readdirSync(modules)) {
    for (const file of fs.readdirSync(path.join(modules, dir)).filter((f) => f.endsWith('.queries.ts'))) {
      const text = fs.readFileSync(path.join(modules, dir, file), 'utf8');
      for (const match of text.matchAll(/(?:MATCH|MERGE|UNWIND|OPTIONAL MATCH) [^\n`]{12,40}/g)) cypher.add(match[0].trim());
    }
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    /\n\s+at [\w$.<>]+ \(/,
    /at (async )?[\w$.<>]+ \((file:|\/)/,
    /node_modules/,
    /\/work\/|\/home\/|\/root\//,
    /\.tsx?:\d+/,
    /Neo4jError|Neo\.(Client|Transient|Database)Error|neo4j-driver|bolt:\/\/|neo4j:\/\//,
    /stacktrace/i,
    /TypeError|ReferenceError|RangeError|SyntaxError: Unexpected token/,
    ...[...cypher].map((snippet) => new RegExp(escape(snippet))),
  ];
}

interface Tally {
  requests: number;
  fiveHundreds: number;
  statuses: Set<number>;
}

let app: TestApp;
let base: URL;
let before: Record<string, number>;

/** Nodes per label set and relationships per type: what any write would change. */
async function graphCounts(): Promise<Record<string, number>> {
  const session = app.driver.session();
  try {
    const nodes = await session.run('MATCH (n) WITH labels(n) AS labels RETURN labels, count(*) AS n');
    const relationships = await session.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
    return Object.fromEntries([
      ...nodes.records.map((r) => [`(${(r.get('labels') as string[]).sort().join(':')})`, Number(r.get('n'))] as const),
      ...relationships.records.map((r) => [`[${r.get('type') as string}]`, Number(r.get('n'))] as const),
    ]);
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  app = await startTestApp({ production: true });
  base = new URL(app.url);
  before = await graphCounts();
});

afterAll(async () => {
  agent.destroy();
  await app?.close();
});

describe('thousands of hostile requests', () => {
  it('get a 4xx or 2xx, never a 5xx, nothing internal, no payload back, and change nothing', async () => {
    const probes = [
      ...wrongTypeProbes(),
      ...injectionProbes(),
      ...shapeProbes(),
      ...fuzzProbes(2500),
      ...bodyProbes(),
      ...headerAndPathProbes(),
      ...rawProbes(),
    ];
    expect(probes.length).toBeGreaterThan(2000);
    const started = performance.now();
    const outcomes = await sendAll(base, probes);
    const seconds = (performance.now() - started) / 1000;

    const leaks = leakPatterns();
    const tallies = new Map<string, Tally>();
    const failures: string[] = [];
    for (const outcome of outcomes) {
      const tally = tallies.get(outcome.probe.category) ?? { requests: 0, fiveHundreds: 0, statuses: new Set<number>() };
      tally.requests += 1;
      tally.statuses.add(outcome.status);
      tallies.set(outcome.probe.category, tally);
      if (outcome.status >= 500) {
        tally.fiveHundreds += 1;
        failures.push(`${outcome.status} for ${describeProbe(outcome.probe)} → ${outcome.body.slice(0, 300)}`);
      }
      // A raw request that the parser refused may get no answer at all (the socket closes): that is fine.
      if (outcome.status === 0 && outcome.probe.raw === undefined) failures.push(`no answer for ${describeProbe(outcome.probe)}`);
      // Every mutation here has an argument of the wrong type: validation or coercion must refuse it.
      if (String(outcome.probe.body ?? '').includes('"mutation ') && outcome.status === 200)
        failures.push(`a mutation ran: ${describeProbe(outcome.probe)} → ${outcome.body.slice(0, 200)}`);
      const leak = leaks.find((pattern) => pattern.test(outcome.body));
      if (leak) failures.push(`${leak} in the answer to ${describeProbe(outcome.probe)} → ${outcome.body.slice(0, 300)}`);
      // Long payloads never come back (the 20,000-character string, the script tags inside a message).
      if (outcome.body.includes('a'.repeat(200)) || outcome.body.includes('<script>') || outcome.body.includes('onerror=alert'))
        failures.push(`payload echoed: ${describeProbe(outcome.probe)} → ${outcome.body.slice(0, 300)}`);
      // Without a built client there is no HTML page to serve: every answer is JSON (or empty), except an export.
      const isExport = outcome.status === 200 && (outcome.probe.path ?? '').startsWith('/api/export/');
      if (outcome.probe.raw === undefined && outcome.body !== '' && !isExport && !/json/.test(outcome.contentType))
        failures.push(`${outcome.contentType} for ${describeProbe(outcome.probe)}`);
    }
    console.table([...tallies].map(([category, t]) => ({ category, requests: t.requests, '5xx': t.fiveHundreds, statuses: [...t.statuses].sort().join(' ') })));
    console.log(`${outcomes.length} requests in ${seconds.toFixed(1)} s, ${outcomes.filter((o) => o.status >= 500).length} with a 5xx`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await graphCounts()).toEqual(before);
  }, 120_000);

  it('leave the server answering normally', async () => {
    const { data, errors } = await app.graphql<{ stats: { municipalities: number } }>('query Stats { stats { municipalities } }');
    expect(errors).toBeUndefined();
    expect(data!.stats.municipalities).toBe(396);
    expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
  });
});
