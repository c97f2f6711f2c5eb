import type { Confidence, CooperationRecordInput, CooperationRecordQuery, CooperationStatus, LegalForm, MemberKind, MemberRole } from '../../../gql/graphql';

export interface MemberDraft {
  kind: MemberKind;
  /** AGS, Kreis key, cooperation id, or the name of a partner without an entry (EXTERNAL). */
  key: string;
  role: MemberRole;
  /** Shown in the form only. */
  name: string;
}

/** The form's state: strings as typed, so nothing is lost or reformatted between a failed submit and the next. */
export interface RecordDraft {
  name: string;
  legalForm: LegalForm | '';
  status: CooperationStatus;
  startYear: string;
  endDate: string;
  seat: string;
  description: string;
  evidence: string;
  sourceUrl: string;
  sourceReference: string;
  sourceDate: string;
  confidence: Confidence | '';
  taskAreaIds: string[];
  members: MemberDraft[];
  /** A note to the office (reports) or the history line (direct edits). */
  note: string;
}

export const EMPTY_DRAFT: RecordDraft = {
  name: '',
  legalForm: '',
  status: 'ACTIVE',
  startYear: '',
  endDate: '',
  seat: '',
  description: '',
  evidence: '',
  sourceUrl: '',
  sourceReference: '',
  sourceDate: '',
  confidence: '',
  taskAreaIds: [],
  members: [],
  note: '',
};

type Record = CooperationRecordQuery['cooperation'];

/** The form's state for a change of a record. The source stays as it is: a change usually cites a new one. */
export function draftFromRecord(c: Record): RecordDraft {
  return {
    name: c.name,
    legalForm: c.legalForm,
    status: c.status,
    startYear: c.startYear === null || c.startYear === undefined ? '' : String(c.startYear),
    endDate: c.endDate ?? '',
    seat: c.seat ?? '',
    description: c.description ?? '',
    evidence: c.evidence ?? '',
    sourceUrl: c.sourceUrl ?? '',
    sourceReference: c.sourceReference ?? '',
    sourceDate: c.sourceDate ?? '',
    confidence: c.confidence,
    taskAreaIds: c.taskAreas.map((a) => a.id),
    // An external partner has no key in the register: its name is its key.
    members: c.members.map((m) => ({ kind: m.kind, key: m.key ?? m.name, role: m.role, name: m.municipality?.shortName ?? m.name })),
    note: '',
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The API's input; empty fields are left out (null), the server validates everything and names the field. */
export function recordInput(draft: RecordDraft, { withConfidence }: { withConfidence: boolean }): CooperationRecordInput {
  const year = draft.startYear.trim();
  return {
    name: draft.name.trim(),
    legalForm: (draft.legalForm || 'OTHER') as LegalForm,
    status: draft.status,
    startYear: year === '' ? null : Number(year),
    endDate: draft.status === 'ENDED' ? text(draft.endDate) : null,
    seat: text(draft.seat),
    description: text(draft.description),
    evidence: text(draft.evidence),
    sourceUrl: text(draft.sourceUrl),
    sourceReference: text(draft.sourceReference),
    sourceDate: text(draft.sourceDate),
    ...(withConfidence && draft.confidence ? { confidence: draft.confidence } : {}),
    taskAreaIds: draft.taskAreaIds,
    members: draft.members.map((m) => ({ kind: m.kind, key: m.key, role: m.role })),
  };
}

/**
 * An unsent form survives a reload, a lost session or a trip to the sign-in page: kept in this tab's session
 * storage until it is sent (or discarded).
 */
export function loadDraft<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(key: string, value: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the form still works, it only forgets on reload.
  }
}

export function dropDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // see saveDraft
  }
}
