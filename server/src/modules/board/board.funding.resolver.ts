import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { FundingCheck } from './board.funding.type';
import { ProjectIdea } from './board.type';

/** The funding check on an idea (issue 12, part 7), beside the board's own resolver: thin, the rule is in the service. */
@Resolver(() => ProjectIdea)
export class ProjectIdeaFundingResolver {
  @FieldResolver(() => FundingCheck, {
    nullable: true,
    description:
      'The check of the Förderrichtlinie IKZ NRW for the idea with the chosen partners (1–30; NRW or a cross-border candidate, not the owner) and the grant for the project cost entered; null while the owner is hidden (ownerRevealed false)',
  })
  fundingCheck(
    @Root() idea: ProjectIdea,
    @Ctx() ctx: Context,
    @Arg('partnerAgs', () => [ID], { description: 'The partners besides the owner municipality' }) partnerAgs: string[],
    @Arg('projectCostEur', () => Int, { nullable: true, description: 'Project cost in €, 1–100,000,000: the grant is at most 90 % of it' })
    projectCostEur?: number | null,
  ): Promise<FundingCheck | null> {
    return ctx.services.boardFunding.check(idea, partnerAgs, projectCostEur, ctx.queryCounter);
  }
}
