import { randomUUID } from 'node:crypto';
import type { QueryCounter } from '../../db/database';
import { BadUserInputError, ConflictError, NotFoundError } from '../../shared/errors';
import { CooperationStatus, MemberKind, Provenance } from '../../shared/enums';
import { decodeCursor, pageSize, toPage, type Page } from '../../shared/pagination';
import type { AuditEntry } from '../accounts/account.repository';
import { AuditAction, type AccountRecord } from '../accounts/account.type';
import { guard } from '../accounts/auth.guard';
import type { Caller, HttpExchange } from '../accounts/auth.request';
import { COOPERATION_ID_PATTERN } from '../cooperations/cooperation.service';
import type { AlsoInTransaction } from '../register/register-write.repository';
import type { CooperationRecordInput, HistoryEntry, RegisterWriteMeta, RegisterWriteResult } from '../register/register-write.types';
import type {
  ApproveContributionInput,
  CreateCooperationInput,
  RejectContributionInput,
  SubmitContributionInput,
  UpdateCooperationInput,
} from './contribution.input';
import type { ContributionLoaders, ContributionRepository, CurrentRecord } from './contribution.repository';
import { ContributionKind, ContributionOrigin, ContributionStatus, type ContributionRecord } from './contribution.type';
import { checkIsoDate, checkSource, recordChanges, validateRecord } from './record-validation';
import { fieldLabel } from '../../shared/validation-messages';

export type { HistoryEntry };

/** The write path (issue 11, part 7), bound to the database; the one way this module changes the register. */
export interface RegisterWriter {
  /** `also` runs in the write's transaction (AlsoInTransaction in register-write.repository.ts). */
  createCooperation(input: CooperationRecordInput, meta: RegisterWriteMeta, also?: AlsoInTransaction): Promise<RegisterWriteResult>;
  updateCooperation(
    id: string,
    expectedVersion: number,
    input: CooperationRecordInput,
    meta: RegisterWriteMeta,
    also?: AlsoInTransaction,
  ): Promise<RegisterWriteResult>;
  cooperationHistory(id: string): Promise<HistoryEntry[]>;
}

/** Records not verified for this long are on the office's worklist. */
export const STALE_AFTER_YEARS = 2;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function staleBefore(now = new Date()): string {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - STALE_AFTER_YEARS);
  return date.toISOString();
}

export function checkCooperationId(id: string | null | undefined, field = 'cooperationId'): string {
  if (!id || !COOPERATION_ID_PATTERN.test(id))
    throw new BadUserInputError(
      field,
      `${fieldLabel(field, 'de')} ist keine gültige Kooperations-ID.`,
      `${fieldLabel(field, 'en')} is not a valid cooperation id.`,
    );
  return id;
}

export function checkContributionId(id: string): string {
  if (!UUID.test(id))
    throw new BadUserInputError(
      'contributionId',
      `${fieldLabel('contributionId', 'de')} ist keine gültige ID.`,
      `${fieldLabel('contributionId', 'en')} is not a valid id.`,
    );
  return id;
}

function optionalText(value: string | null | undefined, field: string, max: number, min = 1): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return null;
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadUserInputError(
      field,
      `${fieldLabel(field, 'de')} muss ${min} bis ${max} Zeichen lang sein.`,
      `${fieldLabel(field, 'en')} must be ${min} to ${max} characters long.`,
    );
  }
  return trimmed;
}

const municipalities = (record: CooperationRecordInput | null | undefined) =>
  (record?.members ?? []).filter((m) => m.kind === MemberKind.MUNICIPALITY).map((m) => m.key);

/** A stale version: the client gets the current record with its version, never a silent overwrite. */
export function staleVersionError(id: string, current: CurrentRecord): ConflictError {
  return new ConflictError(
    `Die Kooperation ${id} wurde inzwischen geändert (aktuell Version ${current.version}). Bitte prüfen Sie den aktuellen Stand.`,
    `Cooperation ${id} has changed in the meantime (now version ${current.version}). Please check the current record.`,
    { current: { id, version: current.version, ...current.record } },
  );
}

/** Contributions, their review, and the office's direct edits (docs/decisions/012). Roles are checked before (auth.guard.ts). */
export class ContributionService {
  constructor(
    private readonly repository: ContributionRepository,
    private readonly writer: RegisterWriter,
  ) {}

  private audit(action: AuditAction, http: HttpExchange, caller: Caller, targetId: string | null, detail?: Record<string, unknown>): AuditEntry {
    return { action, actorId: caller.account.id, targetId, address: http.address, detail: detail ? JSON.stringify(detail) : null };
  }

  private async current(id: string): Promise<CurrentRecord> {
    const current = await this.repository.currentRecord(id);
    if (!current) throw new NotFoundError('cooperation', id);
    return current;
  }

  private static minimumMembers(current: CurrentRecord | null): number {
    // Some register records know a cooperation but not its members: a correction need not add them.
    return current ? Math.min(2, current.record.members.length) : 2;
  }

  // --- reports --------------------------------------------------------------------------------------------

  async submit(caller: Caller, input: SubmitContributionInput, http: HttpExchange): Promise<ContributionRecord> {
    const note = optionalText(input.note, 'note', 2000);
    const base = {
      id: randomUUID(),
      status: ContributionStatus.PENDING,
      origin: ContributionOrigin.REPORT,
      authorId: caller.account.id,
      reviewerId: null,
      resultVersion: null,
      importKey: null,
      note,
    };
    let contribution: Parameters<ContributionRepository['create']>[0];
    if (input.kind === ContributionKind.NEW) {
      if (input.cooperationId) throw new BadUserInputError('cooperationId', 'Eine neue Kooperation hat noch keine ID.', 'A new cooperation has no id yet.');
      if (!input.record) throw new BadUserInputError('record', 'Bitte die Kooperation angeben („record“).', 'Please give the cooperation ("record").');
      const record = await validateRecord(input.record, { minimumMembers: 2, selfId: null }, this.repository);
      const { municipalityAgs } = guard.cooperationMembers(caller, municipalities(record));
      contribution = {
        ...base,
        kind: ContributionKind.NEW,
        cooperationId: null,
        baseVersion: null,
        proposal: record,
        endDate: null,
        endSourceUrl: null,
        endSourceReference: null,
        municipalityAgs,
      };
    } else {
      const id = checkCooperationId(input.cooperationId);
      if (input.baseVersion === null || input.baseVersion === undefined || !Number.isInteger(input.baseVersion) || input.baseVersion < 1) {
        throw new BadUserInputError(
          'baseVersion',
          'Bitte die Version angeben, auf der die Meldung beruht („baseVersion“).',
          'Please give the version the report is based on ("baseVersion").',
        );
      }
      const current = await this.current(id);
      if (input.kind === ContributionKind.CHANGE) {
        if (!input.record)
          throw new BadUserInputError('record', 'Bitte den geänderten Datensatz angeben („record“).', 'Please give the changed record ("record").');
        const record = await validateRecord(input.record, { minimumMembers: ContributionService.minimumMembers(current), selfId: id }, this.repository);
        const { municipalityAgs } = guard.cooperationMembers(caller, [...municipalities(current.record), ...municipalities(record)]);
        if (input.baseVersion !== current.version) throw staleVersionError(id, current);
        if (recordChanges(current.record, record).length === 0)
          throw new BadUserInputError('record', 'Der Datensatz ist unverändert.', 'The record is unchanged.');
        contribution = {
          ...base,
          kind: ContributionKind.CHANGE,
          cooperationId: id,
          baseVersion: current.version,
          proposal: record,
          endDate: null,
          endSourceUrl: null,
          endSourceReference: null,
          municipalityAgs,
        };
      } else {
        if (!input.end) throw new BadUserInputError('end', 'Bitte Enddatum und Quelle angeben („end“).', 'Please give the end date and a source ("end").');
        const endDate = checkIsoDate(input.end.endDate, 'end.endDate');
        const source = checkSource(input.end.sourceUrl, input.end.sourceReference, 'end.');
        if (current.record.startYear !== null && Number(endDate.slice(0, 4)) < current.record.startYear) {
          throw new BadUserInputError('end.endDate', 'Das Enddatum liegt vor dem Beginn der Kooperation.', 'The end date is before the cooperation began.');
        }
        const { municipalityAgs } = guard.cooperationMembers(caller, municipalities(current.record));
        if (input.baseVersion !== current.version) throw staleVersionError(id, current);
        if (current.record.status === CooperationStatus.ENDED)
          throw new ConflictError('Die Kooperation ist bereits als beendet erfasst.', 'The cooperation is already recorded as ended.');
        contribution = {
          ...base,
          kind: ContributionKind.END,
          cooperationId: id,
          baseVersion: current.version,
          proposal: null,
          endDate,
          endSourceUrl: source.sourceUrl,
          endSourceReference: source.sourceReference,
          municipalityAgs,
        };
      }
    }
    return this.repository.create(
      contribution,
      this.audit(AuditAction.CONTRIBUTION_SUBMITTED, http, caller, null, { kind: contribution.kind, cooperationId: contribution.cooperationId }),
    );
  }

  async byId(caller: Caller, id: string, counter?: QueryCounter): Promise<ContributionRecord> {
    checkContributionId(id);
    const found = await this.repository.byId(id, counter);
    if (!found) throw new NotFoundError('contribution', id);
    guard.contribution(caller, found);
    return found;
  }

  async list(
    filter: { status?: ContributionStatus | null; authorId?: string | null; cooperationId?: string | null; reportsOnly?: boolean },
    first: number | undefined,
    after: string | undefined,
    counter?: QueryCounter,
  ): Promise<Page<ContributionRecord>> {
    const limit = pageSize(first);
    const skip = decodeCursor(after);
    if (filter.cooperationId) checkCooperationId(filter.cooperationId);
    const { total, page } = await this.repository.list(
      {
        status: filter.status ?? null,
        authorId: filter.authorId ?? null,
        cooperationId: filter.cooperationId ?? null,
        reportsOnly: filter.reportsOnly ?? false,
      },
      skip,
      limit,
      counter,
    );
    return toPage(page, skip, limit, total);
  }

  /** The proposal against the cooperation as it is now (NEW: against nothing). */
  async changes(
    contribution: ContributionRecord,
    loaders: ContributionLoaders,
  ): Promise<Array<{ field: string; before: string | null; after: string | null }>> {
    const loaded = contribution.cooperationId ? await loaders.currentRecord.load(contribution.cooperationId) : null;
    const current = loaded ? { ...loaded, version: Number(loaded.version) } : null;
    const proposal = contribution.proposal ?? (current ? this.endedRecord(current, contribution) : null);
    return proposal
      ? recordChanges(
          contribution.kind === ContributionKind.NEW && contribution.status === ContributionStatus.PENDING ? null : (current?.record ?? null),
          proposal,
        )
      : [];
  }

  private endedRecord(current: CurrentRecord, contribution: ContributionRecord): CooperationRecordInput {
    return {
      ...current.record,
      status: CooperationStatus.ENDED,
      endDate: contribution.endDate,
      sourceUrl: contribution.endSourceUrl,
      sourceReference: contribution.endSourceReference,
    };
  }

  // --- review ---------------------------------------------------------------------------------------------

  async approve(caller: Caller, input: ApproveContributionInput, http: HttpExchange): Promise<ContributionRecord> {
    guard.office(caller);
    checkContributionId(input.contributionId);
    const claimed = await this.repository.claim(input.contributionId, caller.account.id);
    if (!claimed) throw new NotFoundError('contribution', input.contributionId);
    const { contribution } = claimed;
    if (!claimed.free) throw alreadyReviewed(contribution);
    let finished: ContributionRecord | null = null;
    const markApproved: AlsoInTransaction = async (tx, written) => {
      finished = await this.repository.finishApprovalIn(tx, {
        id: contribution.id,
        reviewerId: caller.account.id,
        cooperationId: written.id,
        resultVersion: written.version,
        audit: this.audit(AuditAction.CONTRIBUTION_APPROVED, http, caller, contribution.id, {
          kind: contribution.kind,
          cooperationId: written.id,
          version: written.version,
        }),
      });
      // The claim was lost (expired and taken by another reviewer): the register write is rolled back with it.
      if (!finished) throw alreadyReviewed(contribution);
    };
    try {
      const meta: RegisterWriteMeta = {
        actorId: contribution.authorId,
        reviewerId: caller.account.id,
        provenance: Provenance.USER,
        contributionId: contribution.id,
        summary: '',
      };
      if (contribution.kind === ContributionKind.NEW) {
        // Members may have changed since the report (a Kreis renamed, a cooperation merged): check again.
        const record = await validateRecord(
          { ...contribution.proposal!, confidence: input.confidence ?? contribution.proposal!.confidence },
          { minimumMembers: 2, selfId: null },
          this.repository,
        );
        await this.writer.createCooperation(record, { ...meta, summary: 'Neue Kooperation gemeldet und von der Geschäftsstelle geprüft' }, markApproved);
      } else {
        const id = contribution.cooperationId!;
        const current = await this.current(id);
        const expected = input.expectedVersion ?? contribution.baseVersion!;
        if (expected !== current.version) throw staleVersionError(id, current);
        const proposal = contribution.kind === ContributionKind.END ? this.endedRecord(current, contribution) : contribution.proposal!;
        const record = await validateRecord(
          { ...proposal, confidence: input.confidence ?? proposal.confidence },
          { minimumMembers: ContributionService.minimumMembers(current), selfId: id },
          this.repository,
        );
        const summary =
          contribution.kind === ContributionKind.END
            ? `Ende zum ${contribution.endDate} gemeldet und von der Geschäftsstelle geprüft`
            : `Änderung gemeldet und von der Geschäftsstelle geprüft: ${recordChanges(current.record, record)
                .map((c) => c.field)
                .join(', ')}`;
        await this.writer.updateCooperation(id, expected, record, { ...meta, summary }, markApproved);
      }
    } catch (error) {
      await this.repository.releaseClaim(contribution.id).catch(() => undefined);
      throw error;
    }
    // A retry that found its first attempt committed does not run `markApproved` again: read the approval back.
    finished ??= await this.repository.byId(contribution.id);
    if (!finished) throw alreadyReviewed(contribution);
    return finished;
  }

  async reject(caller: Caller, input: RejectContributionInput, http: HttpExchange): Promise<ContributionRecord> {
    guard.office(caller);
    checkContributionId(input.contributionId);
    const reason = optionalText(input.reason, 'reason', 2000, 5);
    if (!reason)
      throw new BadUserInputError(
        'reason',
        'Bitte einen Grund angeben (mindestens 5 Zeichen); die meldende Person sieht ihn.',
        'Please give a reason (at least 5 characters); the author sees it.',
      );
    const rejected = await this.repository.reject(
      input.contributionId,
      caller.account.id,
      reason,
      this.audit(AuditAction.CONTRIBUTION_REJECTED, http, caller, input.contributionId),
    );
    if (rejected) return rejected;
    const existing = await this.repository.byId(input.contributionId);
    if (!existing) throw new NotFoundError('contribution', input.contributionId);
    throw alreadyReviewed(existing);
  }

  // --- the office's direct edits ------------------------------------------------------------------------------

  async createDirect(
    caller: Caller,
    input: CreateCooperationInput,
    http: HttpExchange,
  ): Promise<{ result: RegisterWriteResult; contribution: ContributionRecord }> {
    guard.office(caller);
    const summary = optionalText(input.summary, 'summary', 300) ?? 'Von der Geschäftsstelle erfasst';
    const record = await validateRecord(input.record, { minimumMembers: 2, selfId: null }, this.repository);
    return this.writeDirect(caller, http, ContributionKind.NEW, null, null, record, summary, ContributionOrigin.EDIT, null);
  }

  async updateDirect(
    caller: Caller,
    input: UpdateCooperationInput,
    http: HttpExchange,
  ): Promise<{ result: RegisterWriteResult; contribution: ContributionRecord }> {
    guard.office(caller);
    const id = checkCooperationId(input.cooperationId);
    const current = await this.current(id);
    const record = await validateRecord(input.record, { minimumMembers: ContributionService.minimumMembers(current), selfId: id }, this.repository);
    if (input.expectedVersion !== current.version) throw staleVersionError(id, current);
    const changed = recordChanges(current.record, record).map((c) => c.field);
    const kind =
      record.status === CooperationStatus.ENDED && current.record.status !== CooperationStatus.ENDED ? ContributionKind.END : ContributionKind.CHANGE;
    // An edit without changes is a verification: it records that the office checked the record today.
    const summary =
      optionalText(input.summary, 'summary', 300) ??
      (changed.length > 0 ? `Von der Geschäftsstelle geändert: ${changed.join(', ')}` : 'Von der Geschäftsstelle geprüft, unverändert');
    return this.writeDirect(caller, http, kind, id, input.expectedVersion, record, summary, ContributionOrigin.EDIT, null);
  }

  /**
   * Writes through the register's write path and records the edit as an approved contribution (so every version
   * names the contribution it came from) with its audit event.
   */
  async writeDirect(
    caller: Caller,
    http: HttpExchange,
    kind: ContributionKind,
    cooperationId: string | null,
    expectedVersion: number | null,
    record: CooperationRecordInput,
    summary: string,
    origin: ContributionOrigin,
    importKey: string | null,
  ): Promise<{ result: RegisterWriteResult; contribution: ContributionRecord }> {
    const contributionId = randomUUID();
    const meta: RegisterWriteMeta = { actorId: caller.account.id, reviewerId: caller.account.id, provenance: Provenance.USER, contributionId, summary };
    const result =
      cooperationId === null
        ? await this.writer.createCooperation(record, meta)
        : await this.writer.updateCooperation(cooperationId, expectedVersion!, record, meta);
    const contribution = await this.repository.create(
      {
        id: contributionId,
        kind,
        status: ContributionStatus.APPROVED,
        origin,
        cooperationId: result.id,
        baseVersion: expectedVersion,
        proposal: record,
        endDate: kind === ContributionKind.END ? record.endDate : null,
        endSourceUrl: null,
        endSourceReference: null,
        note: summary,
        municipalityAgs: null,
        authorId: caller.account.id,
        reviewerId: caller.account.id,
        resultVersion: result.version,
        importKey,
      },
      this.audit(origin === ContributionOrigin.IMPORT ? AuditAction.COOPERATIONS_IMPORTED : AuditAction.COOPERATION_EDITED, http, caller, null, {
        cooperationId: result.id,
        version: result.version,
        importKey: importKey ?? undefined,
      }),
    );
    return { result, contribution };
  }

  loaders(counter: QueryCounter): ContributionLoaders {
    return this.repository.loaders(counter);
  }

  async currentRecord(id: string): Promise<CurrentRecord | null> {
    return this.repository.currentRecord(id);
  }

  // --- history and the worklist --------------------------------------------------------------------------------

  async history(id: string): Promise<HistoryEntry[]> {
    return this.writer.cooperationHistory(id);
  }

  async worklist(first: number | undefined, counter?: QueryCounter) {
    const limit = pageSize(first);
    const before = staleBefore();
    const [pending, accounts, records] = await Promise.all([
      this.repository.list({ status: ContributionStatus.PENDING, authorId: null, cooperationId: null, reportsOnly: true }, 0, limit, counter),
      this.repository.pendingAccounts(limit, counter),
      this.repository.worklistCooperations(before, limit, counter),
    ]);
    return { staleBefore: before, pending, accounts: accounts as { total: number; accounts: AccountRecord[] }, records };
  }
}

function alreadyReviewed(contribution: ContributionRecord): ConflictError {
  return contribution.status === ContributionStatus.PENDING
    ? new ConflictError('Die Meldung wird gerade von jemand anderem geprüft.', 'The contribution is being reviewed by someone else right now.', {
        status: contribution.status,
      })
    : new ConflictError('Die Meldung wurde bereits entschieden.', 'The contribution has already been decided.', { status: contribution.status });
}
