import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { CoalitionOptions, JoinableOptions, PartnerOptions } from './matching.input';
import { CoalitionSuggestions, JoinableCooperation, PartnerSuggestions, ScoreComponentInfo } from './matching.type';

@Resolver()
export class MatchingResolver {
  @Query(() => [ScoreComponentInfo], { description: 'The score components of the partner ranking: names, what each measures and its source' })
  scoreComponents(@Ctx() ctx: Context): ScoreComponentInfo[] {
    return ctx.services.matching.scoreComponents();
  }

  @Query(() => PartnerSuggestions, { description: 'Ranked, explained partner candidates for a new cooperation in a task area' })
  partnerSuggestions(
    @Ctx() ctx: Context,
    @Arg('ags', () => ID) ags: string,
    @Arg('taskArea', () => ID) taskArea: string,
    @Arg('options', () => PartnerOptions, { nullable: true }) options?: PartnerOptions,
  ): Promise<PartnerSuggestions> {
    return ctx.services.matching.partnerSuggestions(ags, taskArea, options, ctx.queryCounter);
  }

  @Query(() => CoalitionSuggestions, { description: 'Groups of 2–6 municipalities including this one, ranked' })
  coalitionSuggestions(
    @Ctx() ctx: Context,
    @Arg('ags', () => ID) ags: string,
    @Arg('taskArea', () => ID) taskArea: string,
    @Arg('options', () => CoalitionOptions, { nullable: true }) options?: CoalitionOptions,
  ): Promise<CoalitionSuggestions> {
    return ctx.services.matching.coalitionSuggestions(ags, taskArea, options, ctx.queryCounter);
  }

  @Query(() => [JoinableCooperation], { description: 'Existing cooperations in the task nearby that the municipality is not a member of' })
  joinableCooperations(
    @Ctx() ctx: Context,
    @Arg('ags', () => ID) ags: string,
    @Arg('taskArea', () => ID) taskArea: string,
    @Arg('options', () => JoinableOptions, { nullable: true }) options?: JoinableOptions,
  ): Promise<JoinableCooperation[]> {
    return ctx.services.matching.joinableCooperations(ags, taskArea, options, ctx.loaders.cooperations, ctx.queryCounter);
  }
}
