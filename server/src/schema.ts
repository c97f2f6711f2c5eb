import './shared/enums';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AccountResolver, MunicipalityStaffResolver } from './modules/accounts/account.resolver';
import { authChecker } from './modules/accounts/auth.guard';
import { CooperationResolver, MunicipalityCooperationsResolver } from './modules/cooperations/cooperation.resolver';
import { MatchingResolver } from './modules/matching/matching.resolver';
import { NetworkResolver } from './modules/network/network.resolver';
import { DistrictResolver, MunicipalityResolver } from './modules/municipalities/municipality.resolver';
import { StatsResolver } from './modules/stats/stats.resolver';
import { TaskAreaResolver } from './modules/task-areas/task-area.resolver';

export const RESOLVERS = [StatsResolver, MunicipalityResolver, DistrictResolver, TaskAreaResolver, CooperationResolver, MunicipalityCooperationsResolver, MatchingResolver, NetworkResolver, AccountResolver, MunicipalityStaffResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    // Every @Authorized field and mutation goes through this one check (docs/decisions/011).
    authChecker,
    // Validation errors must not echo the input object back to the client.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
}
