import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../../db/database';
import { BadUserInputError, ConflictError, NotFoundError } from '../../shared/errors';
import { registerCommitted } from '../../shared/register-commits';
import { recordRegisterChange } from './register-change.repository';
import * as Q from './register-write.queries';
import { RECORD_SCALAR_FIELDS, type CooperationRecordInput, type HistoryEntry, type RegisterWriteMeta, type RegisterWriteResult } from './register-write.types';

/**
 * The register's write path (issue 11, part 7; docs/decisions/013). Every write is one transaction that checks the
 * version, keeps the previous state as a CooperationVersion, writes the new state in the importer's shape, keeps the
 * COOPERATES_WITH projection right for the pairs it touches and appends to the change feed, from which every app
 * server updates its in-memory snapshot within a second. The services validate; this trusts its input, except that
 * a member or task area that does not exist refuses the write (nothing is written).
 */

/** Ids of records entered through the app: never of the register's form (letters and digits, COOPERATION_ID). */
export const USER_COOPERATION_ID = /^U-[0-9a-f-]{36}$/;
const newCooperationId = () => `U-${randomUUID()}`;

const RECORD_FIELDS = RECORD_SCALAR_FIELDS;
type RecordField = (typeof RECORD_FIELDS)[number];

/** A cooperation as stored now, with the metadata of the write that made this state. */
export interface StoredCooperation extends CooperationRecordInput {
  id: string;
  version: number;
  remark: string | null;
  provenance: string;
  at: string | null;
  actorId: string | null;
  reviewerId: string | null;
  contributionId: string | null;
  summary: string | null;
  verifiedAt: string | null;
}

/** The summary of the state a register import wrote (version 1 of every imported record). */
const IMPORT_SUMMARY = 'Aus dem Register importiert / Imported from the register';

type Member = CooperationRecordInput['members'][number];

const memberText = (m: Member) => `${m.kind}:${m.role}:${m.key}`;
function memberFromText(text: string): Member {
  const [kind, role] = text.split(':', 2) as [Member['kind'], Member['role']];
  return { kind, role, key: text.slice(kind.length + role.length + 2) };
}

/** One entry per member (kind and key); the first role given wins, as the relationship can hold only one. */
function distinctMembers(members: readonly Member[]): Member[] {
  const seen = new Set<string>();
  return members.filter((m) => {
    const key = `${m.kind}:${m.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

function storedFromRecord(record: Record<string, unknown>): StoredCooperation {
  return {
    id: record.id as string,
    version: Number(record.version),
    name: record.name as string,
    legalForm: record.legalForm as StoredCooperation['legalForm'],
    status: record.status as StoredCooperation['status'],
    startYear: toNumber(record.startYear),
    endDate: (record.endDate as string | null) ?? null,
    seat: (record.seat as string | null) ?? null,
    description: (record.description as string | null) ?? null,
    sourceUrl: (record.sourceUrl as string | null) ?? null,
    sourceReference: (record.sourceReference as string | null) ?? null,
    sourceDate: (record.sourceDate as string | null) ?? null,
    evidence: (record.evidence as string | null) ?? null,
    confidence: record.confidence as StoredCooperation['confidence'],
    remark: (record.remark as string | null) ?? null,
    taskAreaIds: [...(record.taskAreaIds as string[])].sort(),
    members: sortMembers(record.members as Member[]),
    provenance: record.provenance as string,
    at: (record.at as string | null) ?? null,
    actorId: (record.actorId as string | null) ?? null,
    reviewerId: (record.reviewerId as string | null) ?? null,
    contributionId: (record.contributionId as string | null) ?? null,
    summary: (record.summary as string | null) ?? null,
    verifiedAt: (record.verifiedAt as string | null) ?? null,
  };
}

const sortMembers = (members: Member[]) => [...members].sort((a, b) => (memberText(a) < memberText(b) ? -1 : memberText(a) > memberText(b) ? 1 : 0));

/** What a CooperationVersion node holds: every field, members as text, and who made that state, when and why. */
function versionProperties(state: StoredCooperation): Record<string, unknown> {
  return {
    cooperationId: state.id,
    version: state.version,
    ...Object.fromEntries(RECORD_FIELDS.map((field) => [field, state[field]])),
    remark: state.remark,
    taskAreaIds: state.taskAreaIds,
    members: state.members.map(memberText),
    at: state.at,
    actorId: state.actorId,
    reviewerId: state.reviewerId,
    provenance: state.provenance,
    contributionId: state.contributionId,
    summary: state.summary ?? (state.version === 1 ? IMPORT_SUMMARY : ''),
    verifiedAt: state.verifiedAt,
  };
}

function storedFromVersion(v: Record<string, unknown>): StoredCooperation {
  return storedFromRecord({ ...v, id: v.cooperationId, members: (v.members as string[]).map(memberFromText) });
}

/** The record as the ConflictError shows it: the fields the client edits, plus id and version. */
function publicRecord(state: StoredCooperation): CooperationRecordInput & { id: string; version: number; provenance: string; verifiedAt: string | null } {
  const { id, version, provenance, verifiedAt, taskAreaIds, members } = state;
  return {
    id,
    version,
    ...(Object.fromEntries(RECORD_FIELDS.map((f) => [f, state[f]])) as Pick<CooperationRecordInput, RecordField>),
    taskAreaIds,
    members,
    provenance,
    verifiedAt,
  };
}

async function readState(tx: ManagedTransaction, id: string, lock: boolean): Promise<StoredCooperation | null> {
  const result = await tx.run(lock ? Q.LOCK_AND_READ : Q.READ_STATE, { id });
  const record = result.records[0];
  return record ? storedFromRecord(record.toObject()) : null;
}

/** Municipal members (AGS), for the COOPERATES_WITH pairs a write touches. */
const municipalKeys = (members: readonly Member[]) => members.filter((m) => m.kind === 'MUNICIPALITY').map((m) => m.key);

/**
 * Writes the new state of `id` (created just before, or locked and read) and everything that goes with it in the
 * same transaction; refuses (throwing, so the transaction rolls back) a record naming a missing member or task area.
 */
async function writeState(
  tx: ManagedTransaction,
  id: string,
  newVersion: number,
  input: CooperationRecordInput,
  meta: RegisterWriteMeta,
  writeId: string,
  previousMembers: readonly Member[],
): Promise<RegisterWriteResult> {
  const members = distinctMembers(input.members);
  const taskAreaIds = [...new Set(input.taskAreaIds)];
  const props = Object.fromEntries(RECORD_FIELDS.map((field) => [field, input[field] ?? null]));
  const written = await tx.run(Q.WRITE_STATE, { id, props, newVersion, meta, writeId, taskAreaIds, members });
  const counts = written.records[0]!;
  if (Number(counts.get('taskAreas')) !== taskAreaIds.length) {
    throw new BadUserInputError('taskAreaIds', 'Mindestens ein Aufgabenfeld gibt es nicht.', 'At least one task area does not exist.');
  }
  if (Number(counts.get('members')) !== members.length) {
    throw new BadUserInputError(
      'members',
      'Mindestens ein Mitglied (Kommune, Kreis oder Kooperation) gibt es nicht.',
      'At least one member (municipality, district or cooperation) does not exist.',
    );
  }
  const affected = [...new Set([...municipalKeys(previousMembers), ...municipalKeys(members)])];
  if (affected.length > 1) {
    await tx.run(Q.RELINK_PAIRS, { affected });
    await tx.run(Q.LINK_PAIRS, { affected });
  }
  const seq = await recordRegisterChange(tx, [id]);
  await tx.run(Q.SET_WRITE_SEQ, { id, seq });
  return { id, version: newVersion, seq };
}

/**
 * A retried transaction (the driver reruns the work when a commit's answer was lost) finds its own first attempt by
 * the write id and returns that result instead of writing twice or reporting a conflict with itself.
 */
async function landedBefore(tx: ManagedTransaction, id: string, writeId: string): Promise<RegisterWriteResult | null> {
  const result = await tx.run(Q.WRITE_OUTCOME, { id });
  const record = result.records[0]!;
  if (!record.get('exists') || record.get('lastWriteId') !== writeId) return null;
  return { id, version: Number(record.get('version')), seq: Number(record.get('lastWriteSeq')) };
}

/**
 * More work in the same transaction, after the register write (e.g. a contribution marked approved, an audit entry):
 * it lands with the write or not at all. Runs again if the driver retries the transaction, so it must be idempotent
 * like the rest; not run when a retry finds that its first attempt committed (then its own work committed too).
 */
export type AlsoInTransaction = (tx: ManagedTransaction, result: RegisterWriteResult) => Promise<void>;

/** A new cooperation in the register, version 1, with a new id of its own scheme ('U-' + UUID). */
export async function createCooperation(
  db: Database,
  input: CooperationRecordInput,
  meta: RegisterWriteMeta,
  also?: AlsoInTransaction,
): Promise<RegisterWriteResult> {
  // Both chosen once, outside the transaction: a retry reruns the work with the same ones.
  const id = newCooperationId();
  const writeId = randomUUID();
  const result = await db.writeTransaction(async (tx) => {
    const landed = await landedBefore(tx, id, writeId);
    if (landed) return landed;
    await tx.run(Q.CREATE_COOPERATION, { id });
    const written = await writeState(tx, id, 1, input, meta, writeId, []);
    await also?.(tx, written);
    return written;
  });
  registerCommitted(result.seq);
  return result;
}

/**
 * A new version of an existing cooperation, if `expectedVersion` is still its version; otherwise CONFLICT with the
 * current record (and nothing written). The previous state is kept as a CooperationVersion.
 */
export async function updateCooperation(
  db: Database,
  id: string,
  expectedVersion: number,
  input: CooperationRecordInput,
  meta: RegisterWriteMeta,
  also?: AlsoInTransaction,
): Promise<RegisterWriteResult> {
  const writeId = randomUUID();
  const result = await db.writeTransaction(async (tx) => {
    const landed = await landedBefore(tx, id, writeId);
    if (landed) return landed;
    const current = await readState(tx, id, true);
    if (!current) throw new NotFoundError('Kooperation / Cooperation', id);
    if (current.version !== expectedVersion) {
      throw new ConflictError(
        `Die Kooperation wurde inzwischen geändert (jetzt Version ${current.version}, Ihre Änderung beruht auf Version ${expectedVersion}). Bitte prüfen Sie die aktuelle Fassung.`,
        `The cooperation has been changed meanwhile (now version ${current.version}, your change is based on version ${expectedVersion}). Please review the current version.`,
        { current: publicRecord(current) },
      );
    }
    await tx.run(Q.KEEP_VERSION, { id, version: versionProperties(current) });
    const written = await writeState(tx, id, current.version + 1, input, meta, writeId, current.members);
    await also?.(tx, written);
    return written;
  });
  registerCommitted(result.seq);
  return result;
}

const show = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : Array.isArray(value) ? value.join(', ') : String(value);

/** The fields that differ between two states (a first version: every field it sets). */
function changesBetween(before: StoredCooperation | null, after: StoredCooperation): HistoryEntry['changes'] {
  const changes: HistoryEntry['changes'] = [];
  const compare = (field: string, a: unknown, b: unknown) => {
    const [x, y] = [show(a), show(b)];
    if (x !== y) changes.push({ field, before: x, after: y });
  };
  for (const field of RECORD_FIELDS) compare(field, before?.[field] ?? null, after[field]);
  compare('taskAreaIds', before?.taskAreaIds ?? null, after.taskAreaIds);
  compare('members', before ? before.members.map(memberText) : null, after.members.map(memberText));
  return changes;
}

/**
 * Every version of a cooperation, newest first: when, by whom, on whose review, with what provenance and source,
 * and what changed against the version before. The state the register import wrote is version 1 (RESEARCHED).
 */
export async function cooperationHistory(db: Database, id: string): Promise<HistoryEntry[]> {
  const record = (await db.read(Q.HISTORY, { id })).records[0];
  if (!record) throw new NotFoundError('Kooperation / Cooperation', id);
  const current = storedFromRecord(record.toObject());
  const versions = record.get('versions') as Array<Record<string, unknown>>;
  const states = [...versions.map(storedFromVersion), current].sort((a, b) => a.version - b.version);
  return states
    .map((state, index) => ({
      version: state.version,
      at: state.at ?? '',
      actorId: state.actorId,
      reviewerId: state.reviewerId,
      provenance: state.provenance,
      contributionId: state.contributionId,
      summary: state.summary ?? (state.version === 1 ? IMPORT_SUMMARY : ''),
      sourceUrl: state.sourceUrl,
      sourceReference: state.sourceReference,
      changes: changesBetween(index > 0 ? states[index - 1]! : null, state),
    }))
    .reverse();
}
