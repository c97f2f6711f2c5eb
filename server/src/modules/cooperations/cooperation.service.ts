import type { QueryCounter } from '../../db/database';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { decodeCursor, pageSize, toPage, type Page } from '../../shared/pagination';
import type { TaskAreaLoaders } from '../task-areas/task-area.repository';
import type { TaskArea } from '../task-areas/task-area.type';
import type { CooperationFilter } from './cooperation.input';
import type { CooperationLoaders, CooperationRepository } from './cooperation.repository';
import type { Cooperation, TaskAreaCooperations } from './cooperation.type';

export class CooperationService {
  constructor(private readonly repository: CooperationRepository) {}

  async list(filter: CooperationFilter | undefined, first: number | undefined, after: string | undefined, counter: QueryCounter): Promise<Page<Cooperation>> {
    const limit = pageSize(first);
    const skip = decodeCursor(after);
    const { total, page } = await this.repository.list(
      {
        taskArea: filter?.taskArea ?? null,
        legalForm: filter?.legalForm ?? null,
        districtKey: filter?.districtKey ?? null,
        provenance: filter?.provenance ?? null,
        status: filter?.status ?? null,
        memberAgs: filter?.memberAgs ?? null,
        skip,
        limit,
      },
      counter,
    );
    return toPage(page, skip, limit, total);
  }

  async byId(id: string, loaders: CooperationLoaders): Promise<Cooperation> {
    if (!/^[A-Z]{1,4}\d{1,8}$/.test(id)) throw new BadUserInputError('id', '„id“ ist keine gültige Kooperations-ID.', '"id" is not a valid cooperation id.');
    const cooperation = await loaders.cooperation.load(id);
    if (!cooperation) throw new NotFoundError('Kooperation / Cooperation', id);
    return cooperation;
  }

  /** A municipality's cooperations grouped by task area (a cooperation covering two areas appears in both). */
  async groupedByTaskArea(ags: string, loaders: CooperationLoaders & TaskAreaLoaders): Promise<TaskAreaCooperations[]> {
    const entries = await loaders.byMember.load(ags);
    const groups = new Map<string, Cooperation[]>();
    for (const { cooperation, taskAreaIds } of entries) for (const id of taskAreaIds) groups.set(id, [...(groups.get(id) ?? []), cooperation]);
    const taskAreas = await loaders.taskArea.loadMany([...groups.keys()]);
    return taskAreas
      .filter((t): t is TaskArea => t !== null && !(t instanceof Error))
      .sort((a, b) => a.nameDe.localeCompare(b.nameDe, 'de'))
      .map((taskArea) => ({ taskArea, cooperations: groups.get(taskArea.id)! }));
  }
}
