import type { QueryCounter } from '../../db/database';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { decodeCursor, pageSize, toPage, type Page } from '../../shared/pagination';
import type { TaskAreaLoaders } from '../task-areas/task-area.repository';
import type { TaskArea } from '../task-areas/task-area.type';
import type { CooperationFilter } from './cooperation.input';
import type { CooperationLoaders, CooperationRepository } from './cooperation.repository';
import type { Cooperation, TaskAreaCooperations } from './cooperation.type';

/** The search text as the directory query compares it (see `fold` in cooperation.queries.ts). */
export function foldSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Register ids (K01, A117) and the ids of records entered through the app ('U-' + UUID, register-write.repository.ts). */
export const COOPERATION_ID_PATTERN = /^(?:[A-Z]{1,4}\d{1,8}|U-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export class CooperationService {
  constructor(private readonly repository: CooperationRepository) {}

  async list(filter: CooperationFilter | undefined, first: number | undefined, after: string | undefined, counter: QueryCounter): Promise<Page<Cooperation>> {
    const limit = pageSize(first);
    const skip = decodeCursor(after);
    const { total, page } = await this.repository.list(
      {
        search: filter?.search ? foldSearch(filter.search) || null : null,
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
    if (!COOPERATION_ID_PATTERN.test(id))
      throw new BadUserInputError('id', 'Die Kennung der Kooperation ist ungültig (z. B. K20).', 'The cooperation id is not valid (e.g. K20).');
    const cooperation = await loaders.cooperation.load(id);
    if (!cooperation) throw new NotFoundError('cooperation', id);
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
