import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { TaskArea } from './task-area.type';

@Resolver(() => TaskArea)
export class TaskAreaResolver {
  @Query(() => [TaskArea], { description: 'All task areas, by German name' })
  taskAreas(@Ctx() ctx: Context): Promise<TaskArea[]> {
    return ctx.services.taskAreas.all(ctx.queryCounter);
  }
}
