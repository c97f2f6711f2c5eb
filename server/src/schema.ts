import './shared/enums';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AccountResolver, MunicipalityStaffResolver } from './modules/accounts/account.resolver';
import { authChecker } from './modules/accounts/auth.guard';
import {
  ContactSideResolver,
  InterestResolver,
  NoticeResolver,
  OfficeBoardDashboardResolver,
  ProjectIdeaResolver,
  ProposalResolver,
} from './modules/board/board.resolver';
import { ProjectIdeaFundingResolver } from './modules/board/board.funding.resolver';
import { ContactPersonResolver, CooperationContactsResolver, MunicipalityContactsResolver } from './modules/contacts/contact.resolver';
import {
  ContributionResolver,
  CooperationHistoryResolver,
  CooperationVersionResolver,
  ProposedMemberResolver,
} from './modules/contributions/contribution.resolver';
import { CooperationMemberResolver, CooperationResolver, MunicipalityCooperationsResolver } from './modules/cooperations/cooperation.resolver';
import { MapResolver } from './modules/map/map.resolver';
import { MatchingResolver } from './modules/matching/matching.resolver';
import { NetworkResolver } from './modules/network/network.resolver';
import { CooperationBoardIdeaResolver, IdeaOutcomeResolver } from './modules/outcomes/outcome.resolver';
import { DistrictResolver, MunicipalityResolver } from './modules/municipalities/municipality.resolver';
import { StatsResolver } from './modules/stats/stats.resolver';
import { TaskAreaResolver } from './modules/task-areas/task-area.resolver';

export const RESOLVERS = [
  StatsResolver,
  MunicipalityResolver,
  DistrictResolver,
  TaskAreaResolver,
  CooperationResolver,
  CooperationMemberResolver,
  MunicipalityCooperationsResolver,
  MatchingResolver,
  NetworkResolver,
  MapResolver,
  AccountResolver,
  MunicipalityStaffResolver,
  ContributionResolver,
  CooperationHistoryResolver,
  CooperationVersionResolver,
  ProposedMemberResolver,
  ContactPersonResolver,
  MunicipalityContactsResolver,
  CooperationContactsResolver,
  ProjectIdeaResolver,
  ProjectIdeaFundingResolver,
  InterestResolver,
  ProposalResolver,
  OfficeBoardDashboardResolver,
  ContactSideResolver,
  NoticeResolver,
  IdeaOutcomeResolver,
  CooperationBoardIdeaResolver,
] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...RESOLVERS],
    // Every @Authorized field and mutation goes through this one check (docs/decisions/011).
    authChecker,
    // Validation errors must not echo the input object back to the client.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
}
