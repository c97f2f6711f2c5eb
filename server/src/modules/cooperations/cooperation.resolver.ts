import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Municipality } from '../municipalities/municipality.type';
import { TaskArea } from '../task-areas/task-area.type';
import { CooperationFilter } from './cooperation.input';
import { Cooperation, CooperationConnection, CooperationMember, TaskAreaCooperations } from './cooperation.type';

@Resolver(() => Cooperation)
export class CooperationResolver {
  @Query(() => CooperationConnection, { description: 'The cooperation directory (the register), by name' })
  cooperations(
    @Ctx() ctx: Context,
    @Arg('filter', () => CooperationFilter, { nullable: true }) filter?: CooperationFilter,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<CooperationConnection> {
    return ctx.services.cooperations.list(filter, first, after, ctx.queryCounter);
  }

  @Query(() => Cooperation, { description: 'One cooperation; NOT_FOUND if there is none' })
  cooperation(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Cooperation> {
    return ctx.services.cooperations.byId(id, ctx.loaders.cooperations);
  }

  @FieldResolver(() => [CooperationMember], { description: 'Members with their roles, the host first' })
  members(@Root() cooperation: Cooperation, @Ctx() ctx: Context): Promise<CooperationMember[]> {
    return ctx.loaders.cooperations.members.load(cooperation.id);
  }

  @FieldResolver(() => [TaskArea])
  async taskAreas(@Root() cooperation: Cooperation, @Ctx() ctx: Context): Promise<TaskArea[]> {
    const ids = await ctx.loaders.cooperations.taskAreaIds.load(cooperation.id);
    const areas = await ctx.loaders.taskAreas.taskArea.loadMany(ids);
    return areas.filter((t): t is TaskArea => t !== null && !(t instanceof Error));
  }
}

@Resolver(() => CooperationMember)
export class CooperationMemberResolver {
  // Through the per-request loader: a page asking for every member's shape sends one batched query, not one per member.
  @FieldResolver(() => Municipality, { nullable: true, description: 'The municipality, for a member that is one (its shape for the map); null otherwise' })
  municipality(@Root() member: CooperationMember, @Ctx() ctx: Context): Promise<Municipality | null> {
    return member.kind === 'MUNICIPALITY' && member.key ? ctx.loaders.municipalities.municipality.load(member.key) : Promise.resolve(null);
  }
}

@Resolver(() => Municipality)
export class MunicipalityCooperationsResolver {
  @FieldResolver(() => [TaskAreaCooperations], { description: "The municipality's cooperations grouped by task area" })
  cooperationsByTaskArea(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<TaskAreaCooperations[]> {
    return ctx.services.cooperations.groupedByTaskArea(municipality.ags, { ...ctx.loaders.cooperations, ...ctx.loaders.taskAreas });
  }
}
