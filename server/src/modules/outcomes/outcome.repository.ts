import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import type { AuditEntry } from '../accounts/account.repository';
import * as Q from './outcome.queries';
import type { BoardOutcomeRecord, IdeaLinkRecord } from './outcome.types';

export interface ExposureRow {
  key: string;
  ideaId: string;
  municipalityAgs: string;
  rank: number;
  score: number;
  rankingVersion: string;
  snapshotVersion: string | null;
  taskAreaId: string;
  maxDistanceKm: number;
  targetPopulation: number;
  shownTo: 'OWNER' | 'OFFICE';
}

export interface IdeaForRecord {
  id: string;
  title: string;
  description: string;
  municipalityAgs: string;
  taskAreaId: string;
  stage: string;
  status: string;
  visibility: string;
  acceptedAgs: string[];
  links: Array<{ contributionId: string; status: string; cooperationId: string | null }>;
  /** Pending or approved reports whose note names the idea but that have no link (a failed link write). */
  unlinked: Array<{ contributionId: string; status: string; cooperationId: string | null }>;
}

export class OutcomeRepository {
  constructor(private readonly db: Database) {}

  async recordExposures(rows: ExposureRow[]): Promise<void> {
    if (rows.length > 0) await this.db.write(Q.RECORD_EXPOSURES, { rows });
  }

  /** Every idea with exposures and what came of it (the eval's one query). */
  async boardOutcomes(): Promise<BoardOutcomeRecord[]> {
    const result = await this.db.read(Q.BOARD_OUTCOMES, { partneredStages: [...Q.PARTNERED_STAGES] });
    return result.records.map((r) => {
      const o = r.get('outcome') as BoardOutcomeRecord;
      return {
        ...o,
        radiusKm: o.radiusKm === null ? null : Number(o.radiusKm),
        targetPopulation: o.targetPopulation === null ? null : Number(o.targetPopulation),
        shown: o.shown.map((s) => ({ ags: s.ags, rank: Number(s.rank), score: Number(s.score) })),
        rankingVersions: Number(o.rankingVersions),
        contacted: [...new Set(o.contacted)].sort(),
      };
    });
  }

  async ideaForRecord(id: string, marker: string): Promise<IdeaForRecord | null> {
    const result = await this.db.read(Q.IDEA_FOR_RECORD, { id, marker });
    return (result.records[0]?.get('idea') as IdeaForRecord | undefined) ?? null;
  }

  async createLink(link: { ideaId: string; contributionId: string; memberAgs: string[] }, audit: AuditEntry): Promise<void> {
    await this.db.write(Q.CREATE_LINK, { link, audit });
  }

  loaders(counter: QueryCounter) {
    return {
      linksOfIdea: keyedLoader<IdeaLinkRecord[]>(this.db, Q.LINKS_OF_IDEAS, counter, []),
      ideaOfCooperation: keyedLoader<string | null>(this.db, Q.IDEAS_OF_COOPERATIONS, counter, null),
    };
  }
}

export type OutcomeLoaders = ReturnType<OutcomeRepository['loaders']>;
