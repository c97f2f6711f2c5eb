import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { MapBase } from './map.type';

@Resolver(() => MapBase)
export class MapResolver {
  @Query(() => MapBase, { description: 'NRW outline and Kreis borders for the web maps, derived from the municipality boundaries' })
  mapBase(@Ctx() ctx: Context): Promise<MapBase> {
    return ctx.services.map.base(ctx.queryCounter);
  }
}
