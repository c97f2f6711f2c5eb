import type { Confidence, CooperationStatus, LegalForm, MemberKind, MemberRole, Provenance } from '@ka/seed';

/**
 * The contract between the services that decide a register change (contributions, review, the office's direct
 * edits and file imports: issue 11, parts 2–4) and the repository that writes it (register-write.repository.ts,
 * part 7). The repository trusts its input: validation happens in the services before anything is written.
 */
export interface CooperationRecordInput {
  name: string;
  legalForm: LegalForm;
  status: CooperationStatus;
  startYear: number | null;
  /** ISO date (YYYY-MM-DD) on which an ended cooperation ended; null otherwise. */
  endDate: string | null;
  seat: string | null;
  description: string | null;
  /** A URL or a gazette reference (e.g. "Amtsblatt Kreis Soest 12/2024, S. 3"); at least one is required by the services. */
  sourceUrl: string | null;
  sourceReference: string | null;
  /** Date of the source (YYYY, YYYY-MM or YYYY-MM-DD), where known. */
  sourceDate: string | null;
  evidence: string | null;
  confidence: Confidence;
  taskAreaIds: string[];
  /** key: AGS (MUNICIPALITY), Kreis key (DISTRICT), cooperation id (COOPERATION), the partner's name (EXTERNAL). */
  members: Array<{ kind: MemberKind; key: string; role: MemberRole }>;
}

/** Who made a change, on what authority; stored with the version it creates. */
export interface RegisterWriteMeta {
  /** Account id of the author of the change (for an approved contribution: its author). */
  actorId: string;
  /** Account id of the office member who approved or made it. */
  reviewerId: string;
  provenance: Provenance;
  /** The contribution this change comes from, if any. */
  contributionId: string | null;
  /** One line on what changed and why, shown in the history. */
  summary: string;
}

export interface RegisterWriteResult {
  id: string;
  /** The cooperation's version after the write (1 for a new record). */
  version: number;
  /** Position in the register change feed (RegisterChange.seq). */
  seq: number;
}

/** The plain fields of a record (besides task areas and members), in the order reviews and the history list them. */
export const RECORD_SCALAR_FIELDS = [
  'name',
  'legalForm',
  'status',
  'startYear',
  'endDate',
  'seat',
  'description',
  'sourceUrl',
  'sourceReference',
  'sourceDate',
  'evidence',
  'confidence',
] as const satisfies ReadonlyArray<keyof CooperationRecordInput>;

/** One version of a cooperation in its history, newest first, with what changed against the version before. */
export interface HistoryEntry {
  version: number;
  at: string;
  actorId: string | null;
  reviewerId: string | null;
  provenance: string;
  contributionId: string | null;
  summary: string;
  sourceUrl: string | null;
  sourceReference: string | null;
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}
