import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { StatsResolver } from './modules/stats/stats.resolver';

export const RESOLVERS = [StatsResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    // Validation errors must not echo the input object back to the client.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
}
