import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Stats } from './stats.type';

@Resolver(() => Stats)
export class StatsResolver {
  @Query(() => Stats, { description: 'How many municipalities, task areas and cooperations the graph holds.' })
  stats(@Ctx() ctx: Context): Promise<Stats> {
    return ctx.services.stats.stats(ctx.queryCounter);
  }
}
