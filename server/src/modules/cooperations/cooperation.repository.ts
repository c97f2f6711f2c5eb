import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import { COOPERATIONS_BY_ID, COOPERATIONS_BY_MEMBER, LIST_COOPERATIONS, MEMBERS_BY_COOPERATION, TASK_AREA_IDS_BY_COOPERATION } from './cooperation.queries';
import type { Cooperation, CooperationMember } from './cooperation.type';

export interface CooperationQuery {
  taskArea: string | null;
  legalForm: string | null;
  /** Folded text (lower case, umlauts as vowels) to find in the name, a member or a task area. */
  search: string | null;
  districtKey: string | null;
  provenance: string | null;
  status: string | null;
  memberAgs: string | null;
  skip: number;
  limit: number;
}

export class CooperationRepository {
  constructor(private readonly db: Database) {}

  async list(query: CooperationQuery, counter?: QueryCounter): Promise<{ total: number; page: Cooperation[] }> {
    const result = await this.db.read(LIST_COOPERATIONS, { ...query }, counter);
    const row = result.records[0]!;
    return { total: row.get('total') as number, page: row.get('page') as Cooperation[] };
  }

  loaders(counter: QueryCounter) {
    return {
      cooperation: keyedLoader<Cooperation | null>(this.db, COOPERATIONS_BY_ID, counter, null),
      members: keyedLoader<CooperationMember[]>(this.db, MEMBERS_BY_COOPERATION, counter, []),
      taskAreaIds: keyedLoader<string[]>(this.db, TASK_AREA_IDS_BY_COOPERATION, counter, []),
      byMember: keyedLoader<Array<{ cooperation: Cooperation; taskAreaIds: string[] }>>(this.db, COOPERATIONS_BY_MEMBER, counter, []),
    };
  }
}

export type CooperationLoaders = ReturnType<CooperationRepository['loaders']>;
