import fs from 'node:fs';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
  validate,
  type DefinitionNode,
  type GraphQLInputType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config';
import { buildAppSchema } from '../schema';
import { LIST_SIZES, listFieldsOf, MAX_QUERY_COST, namesExpensiveField, operationCost, QueryTooExpensiveError } from './query-cost';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), undefined, variables);

const AMPLIFICATION =
  '{ cooperationNetwork { nodes { municipality { neighbours { municipality { neighbours { municipality { neighbours { municipality { boundary } } } } } } } } } }';

describe('the size table', () => {
  it('has an entry for every list field of the schema, and none for a field that is gone', () => {
    const lists = listFieldsOf(schema).sort();
    expect(lists.filter((field) => !(field in LIST_SIZES))).toEqual([]);
    expect(Object.keys(LIST_SIZES).filter((field) => !lists.includes(field))).toEqual([]);
  });
});

describe('the cost of an operation', () => {
  it('multiplies by the sizes of unbounded lists: the amplification query is far over the budget', () => {
    // 400 nodes × 12 neighbours × 12 × 12 × a boundary
    expect(cost(AMPLIFICATION)).toBeGreaterThan(100 * MAX_QUERY_COST);
    expect(cost('{ cooperationNetwork { nodes { municipality { neighbours { municipality { boundary } } } } } }')).toBeGreaterThan(MAX_QUERY_COST);
    expect(cost('{ cooperationNetwork { nodes { degree } } }')).toBeLessThan(MAX_QUERY_COST);
  });

  it('counts every alias', () => {
    const one = cost('{ cooperationNetwork { nodes { municipality { boundary } } } }');
    const three = cost(
      '{ a: cooperationNetwork { nodes { municipality { boundary } } } b: cooperationNetwork { nodes { municipality { boundary } } } c: cooperationNetwork { nodes { municipality { boundary } } } }',
    );
    expect(three).toBe(3 * one);
  });

  it('reads page sizes and limits from the arguments, inline or as variables', () => {
    const page = (first: number) => cost(`{ municipalities(first: ${first}) { edges { node { ags boundary } } } }`);
    expect(page(100)).toBeGreaterThan(4 * page(20));
    expect(cost('query ($first: Int) { municipalities(first: $first) { edges { node { ags boundary } } } }', { first: 100 })).toBe(page(100));
    const partners = (limit: number) =>
      cost(`{ partnerSuggestions(ags: "05958004", taskArea: "it", options: { limit: ${limit} }) { candidates { municipality { boundary } } } }`);
    // The search itself is paid once; each candidate adds what is selected for it (here a boundary).
    const perCandidate = (partners(20) - partners(10)) / 10;
    expect(perCandidate).toBeGreaterThan(25);
    expect(partners(50) - partners(10)).toBe(40 * perCandidate);
    expect(cost('{ partnerSuggestions(ags: "05958004", taskArea: "it") { candidates { municipality { boundary } } } }')).toBe(partners(10));
    const groups = (maxSize: number) =>
      cost(`{ coalitionSuggestions(ags: "05958004", taskArea: "it", options: { maxSize: ${maxSize} }) { coalitions { members { boundary } } } }`);
    expect(groups(6)).toBeGreaterThan(groups(2));
  });

  it('costs an idea’s suggestions by the limit asked, not by the partner search’s default', () => {
    const idea = (limit: number) => cost(`{ projectIdea(id: "x") { suggestions(limit: ${limit}) { candidates { municipality { boundary } } } } }`);
    const perCandidate = (idea(20) - idea(10)) / 10;
    expect(perCandidate).toBeGreaterThan(25);
    expect(idea(25) - idea(10)).toBe(15 * perCandidate);
    expect(cost('{ projectIdea(id: "x") { suggestions { candidates { municipality { boundary } } } } }')).toBe(idea(10));
  });

  it('follows fragments and rejects a fragment bomb without expanding it', () => {
    const withFragment = cost('{ cooperationNetwork { ...N } } fragment N on CooperationNetwork { nodes { municipality { boundary } } }');
    expect(withFragment).toBe(cost('{ cooperationNetwork { nodes { municipality { boundary } } } }'));
    const levels = Array.from({ length: 16 }, (_, i) => `fragment F${i} on Municipality { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const bomb = `{ municipality(ags: "05315000") { ...F0 } } ${levels} fragment F16 on Municipality { ags }`;
    expect(() => cost(bomb)).toThrow(QueryTooExpensiveError);
  });

  it('names the expensive root fields for the stricter rate limit', () => {
    expect(namesExpensiveField('{ x: cooperationNetwork { modularity } }')).toBe(true);
    expect(namesExpensiveField('{ stats { municipalities } }')).toBe(false);
  });
});

/** Every `graphql(`…`)` document of the web app, read from its source (the client may change them any time). */
function clientDocuments(): Array<{ file: string; definitions: readonly DefinitionNode[] }> {
  const root = path.join(REPO_ROOT, 'client', 'src');
  const files = (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(`gql${path.sep}`))
    .map((file) => path.join(root, file));
  return files.flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`/g)].map((match) => ({
      file: path.relative(REPO_ROOT, file),
      definitions: parse(match[1]!).definitions,
    })),
  );
}

/** The largest values the API accepts for the arguments that size lists: the worst a page may ask. */
const WORST_CASE: Record<string, unknown> = {
  first: 100,
  options: { limit: 50, maxSize: 6 },
};

/** The worst case where one is known (only the fields the input type has), else a sample value. */
function worstCase(name: string, type: GraphQLInputType): unknown {
  const worst = WORST_CASE[name];
  const named = isNonNullType(type) ? type.ofType : type;
  if (worst === undefined) return sampleValue(type);
  if (!isInputObjectType(named)) return worst;
  const fields = named.getFields();
  return { ...(sampleValue(type) as object), ...Object.fromEntries(Object.entries(worst as object).filter(([field]) => field in fields)) };
}

/** A value of the type that coerces (required fields only), so that the cost is computed for every operation. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  return { Int: 1, Float: 1, Boolean: true, ID: '05958004', String: 'standesamt' }[type.name] ?? 'x';
}

describe('the web app', () => {
  const documents = clientDocuments();
  const fragments = new Map(
    documents.flatMap((d) =>
      d.definitions.filter((x): x is FragmentDefinitionNode => x.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f] as const),
    ),
  );
  const operations = documents.flatMap((d) =>
    d.definitions.filter((x): x is OperationDefinitionNode => x.kind === Kind.OPERATION_DEFINITION).map((operation) => ({ file: d.file, operation })),
  );

  /** The operation with the fragments it uses, transitively. */
  const documentOf = (operation: OperationDefinitionNode): DocumentNode => {
    const used = new Map<string, FragmentDefinitionNode>();
    const collect = (text: string) => {
      for (const [, name] of text.matchAll(/\.\.\.\s*([A-Za-z_]\w*)/g)) {
        const fragment = fragments.get(name!);
        if (fragment && !used.has(name!)) {
          used.set(name!, fragment);
          collect(fragment.loc!.source.body.slice(fragment.loc!.start, fragment.loc!.end));
        }
      }
    };
    collect(operation.loc!.source.body.slice(operation.loc!.start, operation.loc!.end));
    return { kind: Kind.DOCUMENT, definitions: [operation, ...used.values()] };
  };

  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
  });

  it('stays within the budget in every operation, also with the largest page sizes and limits', () => {
    const costs = operations.map(({ file, operation }) => {
      const document = documentOf(operation);
      expect(validate(schema, document), `${operation.name?.value} in ${file}`).toEqual([]);
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [
          v.variable.name.value,
          worstCase(v.variable.name.value, typeFromAST(schema, v.type as never) as GraphQLInputType),
        ]),
      );
      return { operation: operation.name?.value ?? '(anonymous)', file, cost: operationCost(schema, document, operation.name?.value, variables) };
    });
    // A cost of 0 would mean the variables did not coerce and nothing was counted.
    expect(costs.filter((c) => c.cost === 0)).toEqual([]);
    console.table(costs.sort((a, b) => b.cost - a.cost).map(({ operation, cost }) => ({ operation, cost: Math.round(cost) })));
    expect(costs.filter((c) => c.cost > MAX_QUERY_COST)).toEqual([]);
  });
});
