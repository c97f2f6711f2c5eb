import { isHttpUrl } from '@ka/seed';
import { BadUserInputError } from '../../shared/errors';
import { Confidence, CooperationStatus, MemberKind } from '../../shared/enums';
import { COOPERATION_ID_PATTERN } from '../cooperations/cooperation.service';
import { RECORD_SCALAR_FIELDS, type CooperationRecordInput } from '../register/register-write.types';
import type { ContributionRepository } from './contribution.repository';
import { fieldLabel } from '../../shared/validation-messages';

/** What a record input carries before it is checked (GraphQL input or a parsed import row). */
export interface RawRecord {
  name: string;
  legalForm: CooperationRecordInput['legalForm'];
  status?: CooperationRecordInput['status'] | null;
  startYear?: number | null;
  endDate?: string | null;
  seat?: string | null;
  description?: string | null;
  sourceUrl?: string | null;
  sourceReference?: string | null;
  sourceDate?: string | null;
  evidence?: string | null;
  confidence?: CooperationRecordInput['confidence'] | null;
  taskAreaIds: string[];
  members: Array<{ kind: CooperationRecordInput['members'][number]['kind']; key: string; role: CooperationRecordInput['members'][number]['role'] }>;
}

const bad = (field: string, de: string, en: string) => new BadUserInputError(field, de, en);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const AGS = /^\d{8}$/;
const DISTRICT_KEY = /^\d{5}$/;
const TASK_AREA_ID = /^[a-z][a-z0-9_]{0,40}$/;

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A real calendar date (YYYY-MM-DD) between 1800 and one year from now. */
export function checkIsoDate(value: string, field: string): string {
  const match = ISO_DATE.exec(value.trim());
  const ok = match && realDate(Number(match[1]), Number(match[2]), Number(match[3])) && Number(match[1]) >= 1800;
  if (!ok) throw bad(field, `${fieldLabel(field, 'de')} ist kein gültiges Datum (JJJJ-MM-TT).`, `${fieldLabel(field, 'en')} is not a valid date (YYYY-MM-DD).`);
  const limit = new Date();
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  if (Date.parse(`${value.trim()}T00:00:00Z`) > limit.getTime()) {
    throw bad(field, `${fieldLabel(field, 'de')} liegt mehr als ein Jahr in der Zukunft.`, `${fieldLabel(field, 'en')} is more than a year in the future.`);
  }
  return value.trim();
}

/** Trimmed text of at most `max` characters; empty becomes null (or an error when required). */
function text(value: string | null | undefined, field: string, max: number, { min = 1, required = false } = {}): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') {
    if (required) throw bad(field, `${fieldLabel(field, 'de')} darf nicht leer sein.`, `${fieldLabel(field, 'en')} must not be empty.`);
    return null;
  }
  if (trimmed.length < min || trimmed.length > max) {
    throw bad(
      field,
      `${fieldLabel(field, 'de')} muss ${min} bis ${max} Zeichen lang sein.`,
      `${fieldLabel(field, 'en')} must be ${min} to ${max} characters long.`,
    );
  }
  return trimmed;
}

/** A source URL (http or https) or a gazette reference; at least one of the two. */
export function checkSource(
  url: string | null | undefined,
  reference: string | null | undefined,
  prefix: string,
): { sourceUrl: string | null; sourceReference: string | null } {
  const sourceUrl = text(url, `${prefix}sourceUrl`, 1000);
  const sourceReference = text(reference, `${prefix}sourceReference`, 300, { min: 5 });
  if (sourceUrl !== null && !isHttpUrl(sourceUrl)) {
    throw bad(
      `${prefix}sourceUrl`,
      `${fieldLabel('sourceUrl', 'de')} muss eine http- oder https-Adresse sein.`,
      `${fieldLabel('sourceUrl', 'en')} must be an http or https URL.`,
    );
  }
  if (sourceUrl === null && sourceReference === null) {
    throw bad(
      `${prefix}sourceUrl`,
      'Bitte eine Quelle angeben: eine Web-Adresse (http/https) oder eine Fundstelle im Amtsblatt.',
      'Please give a source: a web address (http/https) or an official gazette reference.',
    );
  }
  return { sourceUrl, sourceReference };
}

export interface ValidationContext {
  /** NEW needs at least two members; a change may not leave fewer than two unless the record had fewer. */
  minimumMembers: number;
  /** The cooperation being changed (it cannot be its own member). */
  selfId: string | null;
  prefix?: string;
}

/**
 * Checks a whole cooperation record and returns it normalised (trimmed, defaults filled), or throws
 * BAD_USER_INPUT naming the field. Members and task areas must exist in the graph. Nothing is written here.
 */
export async function validateRecord(raw: RawRecord, context: ValidationContext, repository: ContributionRepository): Promise<CooperationRecordInput> {
  const p = context.prefix ?? 'record.';
  const name = text(raw.name, `${p}name`, 200, { min: 3, required: true })!;
  const status = raw.status ?? CooperationStatus.ACTIVE;
  const currentYear = new Date().getUTCFullYear();
  const startYear = raw.startYear ?? null;
  if (startYear !== null && (!Number.isInteger(startYear) || startYear < 1800 || startYear > currentYear + 5)) {
    throw bad(
      `${p}startYear`,
      `${fieldLabel('startYear', 'de')} muss ein Jahr zwischen 1800 und ${currentYear + 5} sein.`,
      `${fieldLabel('startYear', 'en')} must be a year between 1800 and ${currentYear + 5}.`,
    );
  }
  const endDate = raw.endDate ? checkIsoDate(raw.endDate, `${p}endDate`) : null;
  if (status === CooperationStatus.ENDED && endDate === null) {
    throw bad(`${p}endDate`, 'Eine beendete Kooperation braucht ein Enddatum.', 'An ended cooperation needs an end date.');
  }
  if (status !== CooperationStatus.ENDED && endDate !== null) {
    throw bad(`${p}endDate`, 'Ein Enddatum gibt es nur bei Status ENDED.', 'An end date is allowed only with status ENDED.');
  }
  if (endDate !== null && startYear !== null && Number(endDate.slice(0, 4)) < startYear) {
    throw bad(`${p}endDate`, 'Das Enddatum liegt vor dem Beginn.', 'The end date is before the start year.');
  }
  const sourceDate = text(raw.sourceDate, `${p}sourceDate`, 10);
  if (sourceDate !== null) {
    const match = PARTIAL_DATE.exec(sourceDate);
    const ok = match && Number(match[1]) >= 1800 && realDate(Number(match[1]), match[2] ? Number(match[2]) : 1, match[3] ? Number(match[3]) : 1);
    if (!ok || Date.parse(`${sourceDate.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`) > Date.now()) {
      throw bad(
        `${p}sourceDate`,
        `${fieldLabel('sourceDate', 'de')} ist kein gültiges, vergangenes Datum (JJJJ, JJJJ-MM oder JJJJ-MM-TT).`,
        `${fieldLabel('sourceDate', 'en')} is not a valid past date (YYYY, YYYY-MM or YYYY-MM-DD).`,
      );
    }
  }
  const source = checkSource(raw.sourceUrl, raw.sourceReference, p);

  const taskAreaIds = [...new Set(raw.taskAreaIds.map((t) => t.trim()))];
  if (taskAreaIds.length < 1 || taskAreaIds.length > 5) {
    throw bad(
      `${p}taskAreaIds`,
      `${fieldLabel('taskAreaIds', 'de')} muss 1 bis 5 Aufgabenfelder nennen.`,
      `${fieldLabel('taskAreaIds', 'en')} must name 1 to 5 task areas.`,
    );
  }
  if (taskAreaIds.some((t) => !TASK_AREA_ID.test(t)))
    throw bad(`${p}taskAreaIds`, `${fieldLabel('taskAreaIds', 'de')} enthält eine ungültige ID.`, `${fieldLabel('taskAreaIds', 'en')} contains an invalid id.`);

  if (raw.members.length > 500) throw bad(`${p}members`, 'Höchstens 500 Mitglieder.', 'At most 500 members.');
  const members = raw.members.map((m) => ({
    kind: m.kind,
    key: m.kind === MemberKind.EXTERNAL ? m.key.trim().replace(/\s+/g, ' ') : m.key.trim(),
    role: m.role,
  }));
  const seen = new Set<string>();
  for (const member of members) {
    const pattern = { MUNICIPALITY: AGS, DISTRICT: DISTRICT_KEY, COOPERATION: COOPERATION_ID_PATTERN, EXTERNAL: null }[member.kind];
    if (pattern ? !pattern.test(member.key) : member.key.length < 2 || member.key.length > 200) {
      throw bad(
        `${p}members`,
        `Ungültiger Schlüssel „${member.key.slice(0, 40)}“ für ein Mitglied der Art ${member.kind}.`,
        `Invalid key "${member.key.slice(0, 40)}" for a member of kind ${member.kind}.`,
      );
    }
    const id = `${member.kind}|${member.key.toLowerCase()}`;
    if (seen.has(id)) throw bad(`${p}members`, `Das Mitglied ${member.key} ist doppelt genannt.`, `Member ${member.key} is listed twice.`);
    seen.add(id);
    if (member.kind === MemberKind.COOPERATION && member.key === context.selfId) {
      throw bad(`${p}members`, 'Eine Kooperation kann nicht ihr eigenes Mitglied sein.', 'A cooperation cannot be its own member.');
    }
  }
  if (members.length < context.minimumMembers) {
    throw bad(
      `${p}members`,
      `Eine Kooperation braucht mindestens ${context.minimumMembers} Mitglieder.`,
      `A cooperation needs at least ${context.minimumMembers} members.`,
    );
  }

  const of = (kind: MemberKind) => members.filter((m) => m.kind === kind).map((m) => m.key);
  const found = await repository.existingKeys({
    ags: of(MemberKind.MUNICIPALITY),
    districts: of(MemberKind.DISTRICT),
    cooperations: of(MemberKind.COOPERATION),
    taskAreas: taskAreaIds,
  });
  const unknownTask = taskAreaIds.find((t) => !found.taskAreas.has(t));
  if (unknownTask) throw bad(`${p}taskAreaIds`, `Unbekanntes Aufgabenfeld „${unknownTask}“.`, `Unknown task area "${unknownTask}".`);
  const missing = members.find(
    (m) =>
      (m.kind === MemberKind.MUNICIPALITY && !found.municipalities.has(m.key)) ||
      (m.kind === MemberKind.DISTRICT && !found.districts.has(m.key)) ||
      (m.kind === MemberKind.COOPERATION && !found.cooperations.has(m.key)),
  );
  if (missing) {
    const what = { MUNICIPALITY: ['Kommune', 'municipality'], DISTRICT: ['Kreis', 'Kreis'], COOPERATION: ['Kooperation', 'cooperation'], EXTERNAL: ['', ''] }[
      missing.kind
    ];
    throw bad(`${p}members`, `${what[0]} ${missing.key} gibt es nicht.`, `There is no ${what[1]} ${missing.key}.`);
  }

  return {
    name,
    legalForm: raw.legalForm,
    status,
    startYear,
    endDate,
    seat: text(raw.seat, `${p}seat`, 200),
    description: text(raw.description, `${p}description`, 2000),
    sourceUrl: source.sourceUrl,
    sourceReference: source.sourceReference,
    sourceDate,
    evidence: text(raw.evidence, `${p}evidence`, 2000),
    confidence: raw.confidence ?? Confidence.MEDIUM,
    taskAreaIds: taskAreaIds.sort(),
    members,
  };
}

/** Field-by-field differences of two records, values as text (for the office's review and the history). */
export function recordChanges(
  before: CooperationRecordInput | null,
  after: CooperationRecordInput,
): Array<{ field: string; before: string | null; after: string | null }> {
  const show = (record: CooperationRecordInput | null, field: keyof CooperationRecordInput): string | null => {
    if (!record) return null;
    const value = record[field];
    if (field === 'members')
      return (
        (value as CooperationRecordInput['members'])
          .map((m) => `${m.kind}:${m.key}:${m.role}`)
          .sort()
          .join('; ') || null
      );
    if (Array.isArray(value)) return [...(value as string[])].sort().join('; ') || null;
    return value === null || value === undefined ? null : String(value);
  };
  const fields: Array<keyof CooperationRecordInput> = [...RECORD_SCALAR_FIELDS, 'taskAreaIds', 'members'];
  return fields.map((field) => ({ field, before: show(before, field), after: show(after, field) })).filter((c) => c.before !== c.after);
}
