import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import { ALL_TASK_AREAS, TASK_AREAS_BY_ID } from './task-area.queries';
import type { TaskArea } from './task-area.type';

export class TaskAreaRepository {
  constructor(private readonly db: Database) {}

  async all(counter?: QueryCounter): Promise<TaskArea[]> {
    const result = await this.db.read(ALL_TASK_AREAS, {}, counter);
    return result.records.map((r) => r.get('value') as TaskArea);
  }

  loaders(counter: QueryCounter) {
    return { taskArea: keyedLoader<TaskArea | null>(this.db, TASK_AREAS_BY_ID, counter, null) };
  }
}

export type TaskAreaLoaders = ReturnType<TaskAreaRepository['loaders']>;
