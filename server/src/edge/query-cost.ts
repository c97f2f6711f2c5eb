import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  Kind,
  TypeInfo,
  ValidationContext,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';
import { COMPONENT_KEYS } from '../matching/components';
import { DEFAULT_LIMITS } from '../modules/matching/matching.input';
import { DEFAULT_PAGE_SIZE } from '../shared/pagination';
import { AppError } from '../shared/errors';
import { currentRequest } from './logger';

/**
 * The budget of one GraphQL request, in cost units (docs/decisions/009). A unit is about one resolved field of one
 * object, which is also about a microsecond of the server's main thread: lists multiply what is selected under them
 * by their size, and the searches that compute on the main thread cost what they take there. The budget is about a
 * tenth of a second of work. The web app's heaviest page (the network with every municipality's boundary) costs about
 * 25,000; neighbours of neighbours of every node of the network cost millions.
 */
export const MAX_QUERY_COST = 100_000;

/** Beyond this many selections visited (fragments expanded) a document is rejected without counting further. */
const MAX_QUERY_NODES = 20_000;

/** Root-field arguments by root-field name: list sizes under a root field depend on them (`first`, `limit`). */
type RootArguments = ReadonlyMap<string, ReadonlyArray<Record<string, unknown>>>;

type Size = number | ((args: Record<string, unknown>, roots: RootArguments) => number);

const option = (args: Record<string, unknown>, name: string): unknown => (args.options as Record<string, unknown> | null | undefined)?.[name];
const positive = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback);

/** A size given by an argument of the root field the list hangs under (the largest, when it is selected twice). */
const byRoot =
  (rootField: string, size: (args: Record<string, unknown>) => number): Size =>
  (_args, roots) =>
    Math.max(...(roots.get(rootField) ?? [{}]).map(size));

/**
 * How many items each list of the schema holds: page sizes and limits from the arguments, the others from the NRW
 * register, measured on the real data: near the largest where a list stands alone, near the 95th percentile where
 * lists nest (the largest of each level never meet: a product of maxima would overstate a profile's cooperations
 * tenfold). A unit test fails when a list field is added to the schema without an entry here.
 */
export const LIST_SIZES: Readonly<Record<string, Size>> = {
  'Query.taskAreas': 40, // 30 in the taxonomy
  'Query.scoreComponents': COMPONENT_KEYS.length,
  'Query.joinableCooperations': (args) => positive(option(args, 'limit'), DEFAULT_LIMITS.joinable),
  'MunicipalityConnection.edges': byRoot('municipalities', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'CooperationConnection.edges': byRoot('cooperations', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'PartnerSuggestions.candidates': byRoot('partnerSuggestions', (args) => positive(option(args, 'limit'), DEFAULT_LIMITS.partners)),
  'PartnerSuggestions.weights': COMPONENT_KEYS.length,
  'PartnerSuggestions.existingPartners': 20,
  'PartnerCandidate.components': COMPONENT_KEYS.length,
  'CandidateFacts.sharedCooperations': 10,
  'CandidateFacts.sharedRegions': 5, // at most 5 regions per municipality
  'SharedCooperation.taskAreaIds': 5, // at most 5 task areas per cooperation
  'CoalitionSuggestions.coalitions': byRoot('coalitionSuggestions', (args) => positive(option(args, 'limit'), DEFAULT_LIMITS.coalitions)),
  'Coalition.members': byRoot('coalitionSuggestions', (args) => positive(option(args, 'maxSize'), DEFAULT_LIMITS.coalitionMaxSize)),
  'Coalition.components': COMPONENT_KEYS.length,
  'CooperationNetwork.nodes': 400, // the 396 NRW municipalities
  'CooperationNetwork.edges': 2500, // 2419 cooperating pairs without a filter
  'CooperationNetwork.districts': 55, // 53 Kreise and kreisfreie Städte
  'GapAnalysis.gaps': 50, // at most 23 per task area
  'GapAnalysis.hosts': 20, // at most 6
  'HostCandidate.catchment': 20, // at most 9
  'HostCandidate.cooperations': 5,
  'Query.districts': 55, // 53 Kreise and kreisfreie Städte
  'Municipality.cooperationOpenings': 30, // at most one per task area
  'Municipality.neighbours': 12, // 95th percentile 9, largest 15 (with the neighbours across the Land border)
  'Municipality.cooperationsByTaskArea': 6, // 95th percentile 6, largest 10
  'TaskAreaCooperations.cooperations': 3, // 95th percentile 2, largest 6
  'Cooperation.members': 20, // 95th percentile 11, largest 40
  'Cooperation.taskAreas': 3, // 95th percentile 2, largest 5
  'JoinableCooperation.members': 20,
  'TaskArea.typicalLegalForms': 3,
  // Accounts (docs/decisions/011)
  'AccountConnection.edges': byRoot('accounts', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'AuditEventConnection.edges': byRoot('auditLog', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'Account.municipalityAgs': 3,
  'Municipality.staff': 10,
  // Contributions, history, worklist and contact persons (docs/decisions/012)
  'ContributionConnection.edges': (args, roots) =>
    Math.max(...['contributions', 'myContributions'].flatMap((root) => (roots.get(root) ?? [{}]).map((a) => positive(a.first, DEFAULT_PAGE_SIZE)))),
  'Contribution.changes': 14, // the fields of a record
  'ProposedRecord.taskAreaIds': 5,
  'ProposedRecord.members': 20, // as Cooperation.members
  'Worklist.pendingContributions': byRoot('worklist', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'Worklist.pendingAccounts': byRoot('worklist', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'Worklist.neverVerified': byRoot('worklist', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'Worklist.notVerifiedRecently': byRoot('worklist', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'Worklist.lowConfidence': byRoot('worklist', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'Cooperation.history': 5, // a version per reviewed change
  'CooperationVersion.changes': 14,
  'ImportCooperationsPayload.problems': 100,
  'ImportCooperationsPayload.cooperationIds': 150, // what fits in a 100 kB request
  'Municipality.contactPersons': 5,
  'Cooperation.contactPersons': 5,
  // Kooperationsbörse (docs/decisions/014)
  'ProjectIdeaConnection.edges': byRoot('projectIdeas', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'IdeaFitConnection.edges': byRoot('fittingProjectIdeas', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'InterestConnection.edges': byRoot('myInterests', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'NoticeConnection.edges': byRoot('inbox', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'ProjectIdea.interests': 10,
  'ContactSide.contactPersons': 5,
  // The feedback loop (docs/decisions/019): at most one pending or approved record per idea, a few rejected ones
  'ProjectIdea.registerRecords': 5,
  'IdeaRegisterRecord.memberAgs': 20, // as Cooperation.members
  // Brokering by the office (docs/decisions/017)
  'ProjectIdea.nextStages': 6,
  'ProjectIdea.stageHistory': 7, // the posting and at most one step per stage (forward only)
  'ProjectIdea.proposals': 10,
  'ProjectIdea.notes': 20,
  'ProposalConnection.edges': byRoot('myProposals', (args) => positive(args.first, DEFAULT_PAGE_SIZE)),
  'OfficeBoardDashboard.byStage': 7,
  'OfficeBoardDashboard.byStatus': 3,
  'OfficeBoardDashboard.byRegion': 5, // the five Regierungsbezirke
  'OfficeBoardDashboard.byDistrict': 55,
  'OfficeBoardDashboard.ageBands': 5,
  'OfficeBoardDashboard.ideas': 300, // every idea not withdrawn: a few hundred expected
  'OfficeBoardDashboard.ideasWithoutInterest': 100,
  // The funding check (issue 12, part 7): up to 30 partners; cooperations in the task among them, a few at most.
  'FundingCheck.partners': 30,
  'FundingCheck.items': 4,
  'FundingCheck.existingCooperations': 10,
  'FundingCheckCooperation.members': 6,
};

/** Lists of the introspection types (__Schema.types, __Type.fields, …): the schema is small and fixed. */
const INTROSPECTION_LIST_SIZE = 10;

/**
 * What a field costs beyond one unit, once (not per item of a list). A boundary is a GeoJSON text of about 600 bytes (25 plain fields) read from
 * Neo4j. The searches run on the main thread: their cost is what one takes there, in microseconds, measured on this
 * project's 2-core machine with the NRW data (coalitions with groups of six within 500 km: about 25 ms). The network
 * analytics run in a worker thread; on the main thread a network costs its edges query.
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Municipality.boundary': 25,
  // In memory once the participation is read (once per import); a profile asks for it once.
  'Municipality.cooperationOpenings': 200,
  'Query.cooperationNetwork': 2_000,
  'Query.cooperationGaps': 5_000,
  'Query.coalitionSuggestions': 25_000,
  'Query.partnerSuggestions': 8_000,
  'Query.joinableCooperations': 8_000,
  // An idea's ranking is cached per snapshot, but a cold one costs a partner search; a fit list may rank many ideas.
  'ProjectIdea.suggestions': 8_000,
  'Query.fittingProjectIdeas': 10_000,
  // One read of every idea with its counts, tallied in memory (office only).
  'Query.officeBoardDashboard': 2_000,
};

const sizeOf = (size: Size, args: Record<string, unknown>, roots: RootArguments): number => (typeof size === 'number' ? size : size(args, roots));

/**
 * Fields whose own argument sizes a list below them that the size table sizes by a root field: what is selected
 * under them is scaled by the ratio. `ProjectIdea.suggestions(limit)` returns up to 25 candidates, while
 * `PartnerSuggestions.candidates` counts by the root `partnerSuggestions` (default 10). The whole subtree is scaled
 * (the weights and existing partners too), so it over-counts a little, never under (at least 1).
 */
const CHILD_SCALES: Readonly<Record<string, (args: Record<string, unknown>, roots: RootArguments) => number>> = {
  'ProjectIdea.suggestions': (args, roots) =>
    Math.max(1, positive(args.limit, DEFAULT_LIMITS.partners) / sizeOf(LIST_SIZES['PartnerSuggestions.candidates']!, {}, roots)),
};

const estimator =
  (roots: RootArguments): ComplexityEstimator =>
  ({ type, field, args, childComplexity }) => {
    const key = `${type.name}.${field.name}`;
    // Paid once per field, also for a list (a search that returns 20 results runs once).
    const extra = FIELD_COSTS[key] ?? 0;
    const scale = CHILD_SCALES[key]?.(args, roots) ?? 1;
    if (!isListType(getNullableType(field.type))) return extra + 1 + childComplexity * scale;
    const size = LIST_SIZES[key] ?? INTROSPECTION_LIST_SIZE;
    return extra + (typeof size === 'number' ? size : size(args, roots)) * (1 + childComplexity);
  };

export class QueryTooExpensiveError extends AppError {
  constructor(cost: number | null) {
    const shown = cost === null ? '' : ` (${Math.round(cost).toLocaleString('de-DE')})`;
    super(
      'BAD_USER_INPUT',
      `Die Abfrage ist zu aufwendig${shown}; erlaubt sind ${MAX_QUERY_COST.toLocaleString('de-DE')} Einheiten. Bitte weniger Felder, kleinere Listen oder weniger Aliasse abfragen.`,
      `The query is too expensive${cost === null ? '' : ` (${Math.round(cost)})`}; the limit is ${MAX_QUERY_COST} units. Please select fewer fields, smaller lists or fewer aliases.`,
      { reason: 'QUERY_TOO_EXPENSIVE', cost: cost === null ? null : Math.round(cost), maxCost: MAX_QUERY_COST, http: { status: 400 } },
    );
  }
}

/** The arguments of every root field of the operation(s), with fragments on the root type expanded. */
function rootArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): RootArguments {
  const roots = new Map<string, Array<Record<string, unknown>>>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  let visited = 0;
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION || (operationName && operation.name?.value !== operationName)) continue;
    const rootType = schema.getRootType(operation.operation);
    if (!rootType) continue;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) continue; // execution will refuse the operation before any resolver runs
    const walk = (selectionSet: SelectionSetNode, seen: Set<string>) => {
      for (const selection of selectionSet.selections) {
        if (++visited > MAX_QUERY_NODES) throw new QueryTooExpensiveError(null);
        if (selection.kind === Kind.FIELD) {
          const definition = rootType.getFields()[selection.name.value];
          if (!definition) continue;
          let args: Record<string, unknown> = {};
          try {
            args = getArgumentValues(definition, selection, coerced.coerced);
          } catch {
            // An argument that does not coerce fails this field at execution; its subtree never runs.
          }
          roots.set(selection.name.value, [...(roots.get(selection.name.value) ?? []), args]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          walk(selection.selectionSet, seen);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && !seen.has(fragment.name.value)) walk(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        }
      }
    };
    walk(operation.selectionSet, new Set());
  }
  return roots;
}

/**
 * The cost of a parsed, validated document with its variables. Counts every operation when no name is given (more
 * than one then fails at execution anyway). A field whose arguments do not coerce is left out: it fails at
 * execution without running its subtree.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): number {
  const roots = rootArguments(schema, document, operationName, variables);
  const typeInfo = new TypeInfo(schema);
  // Errors reported while counting (variables or arguments that do not coerce) are execution's to report.
  const context = new ValidationContext(schema, document, typeInfo, () => undefined);
  let cost = 0;
  const rule = createComplexityRule({
    maximumComplexity: Number.MAX_SAFE_INTEGER,
    estimators: [estimator(roots)],
    variables,
    ...(operationName ? { operationName } : {}),
    maxQueryNodes: MAX_QUERY_NODES,
    // Called when each operation is left, with the running total.
    onComplete: (complexity) => (cost = complexity),
  });
  try {
    visit(document, visitWithTypeInfo(typeInfo, rule(context)));
  } catch (error) {
    // graphql-query-complexity throws when a document expands to more than maxQueryNodes selections.
    if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) throw new QueryTooExpensiveError(null);
    throw error;
  }
  return cost;
}

/**
 * Rejects, before execution, an operation that costs more than the budget; records the operation's name and cost
 * for the request's log line.
 */
export function queryCostPlugin<T extends object>(maxCost = MAX_QUERY_COST): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const record = currentRequest();
          if (record && operationName) record.operation = operationName;
          const cost = operationCost(schema, document, request.operationName, request.variables ?? {});
          if (record) record.cost = Math.round(cost);
          if (cost > maxCost) throw new QueryTooExpensiveError(cost);
        },
      };
    },
  };
}

/** True for an operation document that names a field whose cost is more than plain reading (for the rate limit). */
export function namesExpensiveField(query: unknown): boolean {
  return typeof query === 'string' && EXPENSIVE_FIELD.test(query);
}

// Field names cannot be computed or escaped in GraphQL, so an operation selecting one must spell it out.
const EXPENSIVE_FIELD = new RegExp(
  `\\b(${Object.entries(FIELD_COSTS)
    .filter(([key, cost]) => key.startsWith('Query.') && cost >= 2_000)
    .map(([key]) => key.slice('Query.'.length))
    .join('|')})\\b`,
);

/** Every list field of the schema's own types, as "Type.field" (for the unit test of the size table). */
export const listFieldsOf = (schema: GraphQLSchema): string[] =>
  Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => isListType(getNullableType(field.type)))
        .map((field) => `${type.name}.${field.name}`),
    );
