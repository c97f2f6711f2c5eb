import { Neo4jError } from 'neo4j-driver';
import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import type { AuditEntry } from '../accounts/account.repository';
import * as Q from './board.queries';
import type {
  IdeaNoteRecord,
  IdeaRecord,
  IdeaStage,
  IdeaStatus,
  InterestRecord,
  InterestStatus,
  NoticeKind,
  NoticeRecord,
  ProposalRecord,
  StageChangeRecord,
} from './board.type';
import type { District, Region } from '../municipalities/municipality.type';

/** A row of the office dashboard as read: the idea, its owner's Kreis and Regierungsbezirk, its age and counts. */
export interface DashboardRow {
  idea: IdeaRecord;
  district: District | null;
  region: Region | null;
  ageDays: number;
  interestCount: number;
  proposalCount: number;
}

/** What posting an idea writes; the rest of the record (version, status, stage, dates) the statement sets. */
export type NewIdea = Pick<
  IdeaRecord,
  | 'id'
  | 'municipalityAgs'
  | 'taskAreaId'
  | 'title'
  | 'description'
  | 'partnersSought'
  | 'targetPopulation'
  | 'radiusKm'
  | 'timeline'
  | 'fundingPlanned'
  | 'visibility'
>;

/** The fields an update may set (only the ones that change are passed; null removes an optional one). */
export type IdeaChanges = Partial<Omit<NewIdea, 'id' | 'municipalityAgs'>>;

/** A guarded write: `ok` false when the state it starts from was not the expected one (nothing was written). */
export interface Guarded<T> {
  ok: boolean;
  value: T | null;
}

const isConstraintViolation = (error: unknown): boolean => error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';

export class BoardRepository {
  constructor(private readonly db: Database) {}

  async nrwMunicipalityExists(ags: string): Promise<boolean> {
    const result = await this.db.read(Q.NRW_MUNICIPALITY_EXISTS, { ags });
    return result.records[0]!.get('found') as boolean;
  }

  async taskAreaExists(id: string): Promise<boolean> {
    const result = await this.db.read(Q.TASK_AREA_EXISTS, { id });
    return result.records[0]!.get('found') as boolean;
  }

  async createIdea(idea: NewIdea, audit: AuditEntry): Promise<IdeaRecord | null> {
    const result = await this.db.write(Q.CREATE_IDEA, { idea, audit });
    return (result.records[0]?.get('idea') as IdeaRecord | undefined) ?? null;
  }

  async idea(id: string, counter?: QueryCounter): Promise<IdeaRecord | null> {
    const result = await this.db.read(Q.IDEA_BY_ID, { id }, counter);
    return (result.records[0]?.get('idea') as IdeaRecord | undefined) ?? null;
  }

  async ideas(
    filter: {
      statuses: IdeaStatus[];
      taskAreaId: string | null;
      municipalityAgs: string[] | null;
      stages?: IdeaStage[] | null;
      districtKey?: string | null;
      regionKey?: string | null;
    },
    counter?: QueryCounter,
  ): Promise<IdeaRecord[]> {
    const result = await this.db.read(Q.LIST_IDEAS, { stages: null, districtKey: null, regionKey: null, ...filter }, counter);
    return result.records.map((r) => r.get('idea') as IdeaRecord);
  }

  async updateIdea(id: string, expectedVersion: number, changes: IdeaChanges, audit: AuditEntry): Promise<Guarded<IdeaRecord>> {
    const result = await this.db.write(Q.UPDATE_IDEA, { id, expectedVersion, changes, audit });
    const row = result.records[0];
    return row ? { ok: row.get('ok') as boolean, value: row.get('idea') as IdeaRecord } : { ok: false, value: null };
  }

  async setIdeaStatus(id: string, from: IdeaStatus[], to: IdeaStatus, expectedVersion: number | null, audit: AuditEntry): Promise<Guarded<IdeaRecord>> {
    const result = await this.db.write(Q.SET_IDEA_STATUS, { id, from, to, expectedVersion, audit });
    const row = result.records[0];
    return row ? { ok: row.get('ok') as boolean, value: row.get('idea') as IdeaRecord } : { ok: false, value: null };
  }

  /** `duplicate`: the municipality already holds an interest in the idea (the unique activeKey refused it). */
  async expressInterest(
    ideaId: string,
    interest: { id: string; municipalityAgs: string; message: string },
    audit: AuditEntry,
  ): Promise<Guarded<InterestRecord> & { duplicate: boolean }> {
    try {
      const result = await this.db.write(Q.EXPRESS_INTEREST, { ideaId, interest, audit });
      const row = result.records[0];
      return row
        ? { ok: row.get('ok') as boolean, value: row.get('interest') as InterestRecord | null, duplicate: false }
        : { ok: false, value: null, duplicate: false };
    } catch (error) {
      if (isConstraintViolation(error)) return { ok: false, value: null, duplicate: true };
      throw error;
    }
  }

  async respondToInterest(
    id: string,
    from: InterestStatus,
    to: InterestStatus,
    noticeKind: NoticeKind,
    ideaStatuses: IdeaStatus[],
    audit: AuditEntry,
  ): Promise<Guarded<InterestRecord>> {
    const result = await this.db.write(Q.RESPOND_TO_INTEREST, { id, from, to, noticeKind, ideaStatuses, audit });
    const row = result.records[0];
    return row ? { ok: row.get('ok') as boolean, value: row.get('interest') as InterestRecord } : { ok: false, value: null };
  }

  async withdrawInterest(id: string, audit: AuditEntry): Promise<Guarded<InterestRecord>> {
    const result = await this.db.write(Q.WITHDRAW_INTEREST, { id, audit });
    const row = result.records[0];
    return row ? { ok: row.get('ok') as boolean, value: row.get('interest') as InterestRecord } : { ok: false, value: null };
  }

  async interest(id: string, counter?: QueryCounter): Promise<InterestRecord | null> {
    const result = await this.db.read(Q.INTEREST_BY_ID, { id }, counter);
    return (result.records[0]?.get('interest') as InterestRecord | undefined) ?? null;
  }

  async interestsOfMunicipalities(ags: string[], counter?: QueryCounter): Promise<InterestRecord[]> {
    const result = await this.db.read(Q.INTERESTS_OF_MUNICIPALITIES, { ags }, counter);
    return result.records.map((r) => r.get('interest') as InterestRecord);
  }

  async inbox(
    accountId: string,
    unreadOnly: boolean,
    skip: number,
    limit: number,
    counter?: QueryCounter,
  ): Promise<{ total: number; unread: number; page: NoticeRecord[] }> {
    const [count, page] = await Promise.all([
      this.db.read(Q.COUNT_INBOX, { accountId }, counter),
      this.db.read(Q.LIST_INBOX, { accountId, unreadOnly, skip, limit }, counter),
    ]);
    const row = count.records[0]!;
    return { total: row.get('total') as number, unread: row.get('unread') as number, page: page.records.map((r) => r.get('notice') as NoticeRecord) };
  }

  async ownNoticeIds(accountId: string, ids: string[]): Promise<string[]> {
    const result = await this.db.read(Q.OWN_NOTICE_IDS, { accountId, ids });
    return result.records[0]!.get('found') as string[];
  }

  async markNoticesRead(accountId: string, ids: string[], all: boolean, audit: AuditEntry): Promise<number> {
    const result = await this.db.write(Q.MARK_NOTICES_READ, { accountId, ids, all, audit });
    return result.records[0]!.get('updated') as number;
  }

  // --- brokering by the office (docs/decisions/017) ---------------------------------------------------------

  async setIdeaStage(
    id: string,
    from: IdeaStage[],
    to: IdeaStage,
    statuses: IdeaStatus[],
    expectedVersion: number | null,
    note: string | null,
    audit: AuditEntry,
  ): Promise<Guarded<IdeaRecord>> {
    const result = await this.db.write(Q.SET_IDEA_STAGE, { id, from, to, statuses, expectedVersion, note, audit });
    const row = result.records[0];
    return row ? { ok: row.get('ok') as boolean, value: row.get('idea') as IdeaRecord } : { ok: false, value: null };
  }

  /** `duplicate`: the municipality was already proposed for the idea (the unique key refused it). */
  async proposeMatch(
    ideaId: string,
    proposal: { id: string; municipalityAgs: string; message: string },
    audit: AuditEntry,
  ): Promise<Guarded<ProposalRecord> & { duplicate: boolean }> {
    try {
      const result = await this.db.write(Q.PROPOSE_MATCH, { ideaId, proposal, audit });
      const row = result.records[0];
      return row
        ? { ok: row.get('ok') as boolean, value: row.get('proposal') as ProposalRecord | null, duplicate: false }
        : { ok: false, value: null, duplicate: false };
    } catch (error) {
      if (isConstraintViolation(error)) return { ok: false, value: null, duplicate: true };
      throw error;
    }
  }

  async proposalsOfMunicipalities(ags: string[], counter?: QueryCounter): Promise<ProposalRecord[]> {
    const result = await this.db.read(Q.PROPOSALS_OF_MUNICIPALITIES, { ags }, counter);
    return result.records.map((r) => r.get('proposal') as ProposalRecord);
  }

  async addNote(ideaId: string, note: { id: string; text: string }, audit: AuditEntry): Promise<IdeaNoteRecord | null> {
    const result = await this.db.write(Q.ADD_NOTE, { ideaId, note, audit });
    return (result.records[0]?.get('note') as IdeaNoteRecord | undefined) ?? null;
  }

  async dashboardRows(counter?: QueryCounter): Promise<DashboardRow[]> {
    const result = await this.db.read(Q.DASHBOARD_IDEAS, {}, counter);
    return result.records.map((r) => ({
      idea: r.get('idea') as IdeaRecord,
      district: r.get('district') as District | null,
      region: r.get('region') as Region | null,
      ageDays: r.get('ageDays') as number,
      interestCount: r.get('interestCount') as number,
      proposalCount: r.get('proposalCount') as number,
    }));
  }

  loaders(counter: QueryCounter) {
    return {
      proposalsOfIdea: keyedLoader<ProposalRecord[]>(this.db, Q.PROPOSALS_OF_IDEAS, counter, []),
      proposal: keyedLoader<ProposalRecord | null>(this.db, Q.PROPOSALS_BY_ID, counter, null),
      stageHistory: keyedLoader<StageChangeRecord[]>(this.db, Q.STAGE_HISTORIES, counter, []),
      notesOfIdea: keyedLoader<IdeaNoteRecord[]>(this.db, Q.NOTES_OF_IDEAS, counter, []),
      /** Municipalities with an accepted interest with the key municipality, either direction (contact-person consent). */
      acceptedPartners: keyedLoader<string[]>(this.db, Q.ACCEPTED_PARTNERS, counter, []),
      idea: keyedLoader<IdeaRecord | null>(this.db, Q.IDEAS_BY_ID, counter, null),
      interest: keyedLoader<InterestRecord | null>(this.db, Q.INTERESTS_BY_ID, counter, null),
      interestsOfIdea: keyedLoader<InterestRecord[]>(this.db, Q.INTERESTS_OF_IDEAS, counter, []),
      accountContact: keyedLoader<{ name: string; email: string } | null>(this.db, Q.ACCOUNT_CONTACTS, counter, null),
    };
  }
}

export type BoardLoaders = ReturnType<BoardRepository['loaders']>;
