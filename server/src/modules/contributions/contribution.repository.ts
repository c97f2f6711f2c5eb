import type { ManagedTransaction } from 'neo4j-driver';
import type { Database, QueryCounter } from '../../db/database';
import { keyedLoader } from '../../db/loader';
import type { AuditEntry } from '../accounts/account.repository';
import type { AccountRecord } from '../accounts/account.type';
import type { CooperationRecordInput } from '../register/register-write.types';
import * as Q from './contribution.queries';
import type { ContributionKind, ContributionOrigin, ContributionRecord, ContributionStatus } from './contribution.type';

export interface NewContribution {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  origin: ContributionOrigin;
  cooperationId: string | null;
  baseVersion: number | null;
  proposal: CooperationRecordInput | null;
  endDate: string | null;
  endSourceUrl: string | null;
  endSourceReference: string | null;
  note: string | null;
  municipalityAgs: string | null;
  authorId: string;
  reviewerId: string | null;
  resultVersion: number | null;
  importKey: string | null;
}

export interface CurrentRecord {
  version: number;
  provenance: string;
  record: CooperationRecordInput;
}

interface StoredRow extends Omit<ContributionRecord, 'proposal' | 'baseVersion' | 'resultVersion'> {
  proposal: string | null;
  baseVersion: unknown;
  resultVersion: unknown;
}

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Neo4j integers and the JSON text of the proposal are converted here, at the repository edge. */
function fromRow(row: StoredRow): ContributionRecord {
  return {
    ...row,
    proposal: row.proposal ? (JSON.parse(row.proposal) as CooperationRecordInput) : null,
    baseVersion: toNumber(row.baseVersion),
    resultVersion: toNumber(row.resultVersion),
  };
}

function toCurrent(current: CurrentRecord): CurrentRecord {
  return { version: Number(current.version), provenance: current.provenance, record: { ...current.record, startYear: toNumber(current.record.startYear) } };
}

export class ContributionRepository {
  constructor(private readonly db: Database) {}

  async existingKeys(keys: {
    ags: string[];
    districts: string[];
    cooperations: string[];
    taskAreas: string[];
  }): Promise<{ municipalities: Set<string>; districts: Set<string>; cooperations: Set<string>; taskAreas: Set<string> }> {
    const result = await this.db.read(Q.EXISTING_KEYS, keys);
    const row = result.records[0]!;
    return {
      municipalities: new Set(row.get('municipalities') as string[]),
      districts: new Set(row.get('districts') as string[]),
      cooperations: new Set(row.get('cooperations') as string[]),
      taskAreas: new Set(row.get('taskAreas') as string[]),
    };
  }

  async currentRecord(id: string): Promise<CurrentRecord | null> {
    const result = await this.db.read(Q.CURRENT_RECORD, { id });
    const row = result.records[0];
    return row ? toCurrent(row.get('current') as CurrentRecord) : null;
  }

  async create(contribution: NewContribution, audit: AuditEntry): Promise<ContributionRecord> {
    const c = { ...contribution, proposal: contribution.proposal ? JSON.stringify(contribution.proposal) : null };
    const result = await this.db.write(Q.CREATE_CONTRIBUTION, { c, audit: { ...audit, targetId: contribution.id } });
    return fromRow(result.records[0]!.get('contribution') as StoredRow);
  }

  async byId(id: string, counter?: QueryCounter): Promise<ContributionRecord | null> {
    const result = await this.db.read(Q.CONTRIBUTIONS_BY_ID, { keys: [id] }, counter);
    const row = result.records[0];
    return row ? fromRow(row.get('value') as StoredRow) : null;
  }

  /** Null: no such contribution; `free` false: not pending or being approved by someone else right now. */
  async claim(id: string, reviewerId: string): Promise<{ free: boolean; contribution: ContributionRecord } | null> {
    const result = await this.db.write(Q.CLAIM_CONTRIBUTION, { id, reviewerId });
    const row = result.records[0];
    return row ? { free: row.get('free') as boolean, contribution: fromRow(row.get('contribution') as StoredRow) } : null;
  }

  async releaseClaim(id: string): Promise<void> {
    await this.db.write(Q.RELEASE_CLAIM, { id });
  }

  /**
   * Marks a claimed contribution approved inside the register write's own transaction (RegisterWriter's `also`), so
   * the record and the approval land together: a crash in between cannot leave a record whose report still waits
   * and could be approved a second time. Null when the claim was lost (the caller then rolls the write back).
   */
  async finishApprovalIn(
    tx: ManagedTransaction,
    args: { id: string; reviewerId: string; cooperationId: string; resultVersion: number; audit: AuditEntry },
  ): Promise<ContributionRecord | null> {
    const result = await tx.run(Q.FINISH_APPROVAL, args);
    const row = result.records[0];
    return row ? fromRow(row.get('contribution') as StoredRow) : null;
  }

  async reject(id: string, reviewerId: string, reason: string, audit: AuditEntry): Promise<ContributionRecord | null> {
    const result = await this.db.write(Q.REJECT_CONTRIBUTION, { id, reviewerId, reason, audit });
    const row = result.records[0];
    return row ? fromRow(row.get('contribution') as StoredRow) : null;
  }

  async list(
    filter: { status: ContributionStatus | null; authorId: string | null; cooperationId: string | null; reportsOnly: boolean },
    skip: number,
    limit: number,
    counter?: QueryCounter,
  ): Promise<{ total: number; page: ContributionRecord[] }> {
    const [count, page] = await Promise.all([
      this.db.read(Q.COUNT_CONTRIBUTIONS, filter, counter),
      this.db.read(Q.LIST_CONTRIBUTIONS, { ...filter, skip, limit }, counter),
    ]);
    return { total: Number(count.records[0]!.get('total')), page: page.records.map((r) => fromRow(r.get('contribution') as StoredRow)) };
  }

  async worklistCooperations(staleBefore: string, limit: number, counter?: QueryCounter) {
    const result = await this.db.read(Q.WORKLIST_COOPERATIONS, { staleBefore, limit }, counter);
    const row = result.records[0]!;
    return {
      neverCount: Number(row.get('neverCount')),
      never: row.get('never') as string[],
      staleCount: Number(row.get('staleCount')),
      stale: row.get('stale') as string[],
      lowCount: Number(row.get('lowCount')),
      low: row.get('low') as string[],
    };
  }

  async pendingAccounts(limit: number, counter?: QueryCounter): Promise<{ total: number; accounts: AccountRecord[] }> {
    const result = await this.db.read(Q.PENDING_ACCOUNTS, { limit }, counter);
    const row = result.records[0]!;
    return { total: Number(row.get('total')), accounts: row.get('accounts') as AccountRecord[] };
  }

  async importedRecords(keys: string[]): Promise<Map<string, { cooperationId: string; fingerprint: string }>> {
    const result = await this.db.read(Q.IMPORTED_RECORDS, { keys });
    return new Map(
      result.records.map((r) => [r.get('key') as string, { cooperationId: r.get('cooperationId') as string, fingerprint: r.get('fingerprint') as string }]),
    );
  }

  async saveImportedRecord(key: string, cooperationId: string, fingerprint: string, actorId: string): Promise<void> {
    await this.db.write(Q.SAVE_IMPORTED_RECORD, { key, cooperationId, fingerprint, actorId });
  }

  async taskAreaIds(): Promise<Set<string>> {
    const result = await this.db.read(Q.ALL_TASK_AREA_IDS);
    return new Set(result.records[0]!.get('ids') as string[]);
  }

  async audit(entry: AuditEntry): Promise<void> {
    await this.db.write(Q.APPEND_AUDIT_ONLY, { audit: entry });
  }

  loaders(counter: QueryCounter) {
    return {
      displayName: keyedLoader<string | null>(this.db, Q.DISPLAY_NAMES, counter, null),
      currentRecord: keyedLoader<CurrentRecord | null>(this.db, Q.CURRENT_RECORDS, counter, null),
    };
  }
}

export type ContributionLoaders = ReturnType<ContributionRepository['loaders']>;
export { fromRow as contributionFromRow, type StoredRow as StoredContributionRow };
