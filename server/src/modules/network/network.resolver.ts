import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { CooperationNetwork, GapAnalysis, GapFilter, NetworkFilter } from './network.type';

@Resolver()
export class NetworkResolver {
  @Query(() => CooperationNetwork, { description: 'The municipality–municipality cooperation network with communities, centrality and Kreis density' })
  cooperationNetwork(@Ctx() ctx: Context, @Arg('filter', () => NetworkFilter, { nullable: true }) filter?: NetworkFilter): Promise<CooperationNetwork> {
    return ctx.services.network.network(filter, ctx.queryCounter);
  }

  @Query(() => GapAnalysis, { description: 'Where cooperation in a task is missing, and who could host a shared service centre' })
  cooperationGaps(
    @Ctx() ctx: Context,
    @Arg('taskArea', () => ID) taskArea: string,
    @Arg('filter', () => GapFilter, { nullable: true }) filter?: GapFilter,
  ): Promise<GapAnalysis> {
    ctx.services.taskAreas.assertId(taskArea);
    return ctx.services.network.gaps(taskArea, ctx.queryCounter, filter);
  }
}
