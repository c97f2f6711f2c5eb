import { parse } from 'csv-parse/sync';
import type { CooperationRecord, LegalForm, MemberKind, MemberRole } from '../model';
import type { ImportReport } from '../report';

const LEGAL_FORMS: Record<string, LegalForm> = {
  zweckverband: 'ZWECKVERBAND',
  'öffentlich-rechtliche vereinbarung': 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
  'gemeinsames kommunalunternehmen': 'AOER',
  aör: 'AOER',
  gmbh: 'GMBH',
  arbeitsgemeinschaft: 'ARBEITSGEMEINSCHAFT',
  'shared service center': 'SHARED_SERVICE_CENTER',
};
const ROLES: Record<string, MemberRole> = { mitglied: 'MEMBER', übernehmend: 'LEAD', abgebend: 'DELEGATING', partner: 'PARTNER' };
const KINDS: Record<string, { kind: MemberKind; pattern: RegExp }> = {
  gemeinde: { kind: 'MUNICIPALITY', pattern: /^\d{8}$/ },
  kreis: { kind: 'DISTRICT', pattern: /^\d{5}$/ },
  zweckverband: { kind: 'COOPERATION', pattern: /^[A-Z]+\d+$/ },
};

type Row = Record<string, string>;

/** csv-parse with line numbers, so each problem names the line of the file it came from. */
function readCsv(text: string, file: string, report: ImportReport, required: string[]): Array<{ line: number; row: Row }> {
  let records: Array<{ info: { lines: number }; record: Row }>;
  try {
    // Files edited on different systems mix CRLF and LF; one line ending keeps records and line numbers right.
    records = parse(text.replace(/\r\n?/g, '\n'), { columns: true, skip_empty_lines: true, info: true, bom: true, relax_column_count: true, trim: true });
  } catch (error) {
    report.problem(file, (error as { lines?: number }).lines ?? 1, `CSV does not parse (${(error as Error).message})`);
    return [];
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = required.filter((column) => records.length > 0 && !header.includes(column));
  if (missing.length > 0) {
    report.problem(file, 1, `missing column(s) ${missing.join(', ')}`);
    return [];
  }
  return records.map(({ info, record }) => ({ line: info.lines, row: record }));
}

export interface IkzInput {
  cooperations: CooperationRecord[];
}

/**
 * The hand-compiled real cooperations (ikz_seed_kooperationen.csv) and their members (ikz_seed_mitglieder.csv).
 * Every record gets provenance RESEARCHED and keeps its source URL. Members are checked against the graph later
 * (see `validateMembers`), because only then is it known which municipalities exist.
 */
export function parseIkz(cooperationsCsv: string, membersCsv: string, files: { cooperations: string; members: string }, taskAreaIds: Set<string>, report: ImportReport): IkzInput {
  const byId = new Map<string, CooperationRecord>();
  for (const { line, row } of readCsv(cooperationsCsv, files.cooperations, report, ['kooperation_id', 'name', 'rechtsform', 'aufgabenfeld_ids'])) {
    const id = row.kooperation_id ?? '';
    const legalForm = LEGAL_FORMS[(row.rechtsform ?? '').toLowerCase()] ?? null;
    const taskAreas = (row.aufgabenfeld_ids ?? '').split(';').map((t) => t.trim()).filter(Boolean);
    const unknownTask = taskAreas.find((t) => !taskAreaIds.has(t));
    const reason = !/^[A-Z]+\d+$/.test(id)
      ? `malformed cooperation id "${id}"`
      : byId.has(id)
        ? `duplicate cooperation id ${id}`
        : !row.name
          ? 'name is empty'
          : !legalForm
            ? `unknown legal form "${row.rechtsform}"`
            : taskAreas.length === 0
              ? 'no task area'
              : unknownTask
                ? `unknown task area "${unknownTask}"`
                : row.quelle_url && !/^https?:\/\//.test(row.quelle_url)
                  ? 'source URL is not an http(s) URL'
                  : null;
    if (reason) {
      report.problem(files.cooperations, line, reason);
      continue;
    }
    byId.set(id, {
      id,
      name: row.name!,
      legalForm: legalForm!,
      status: row.status || 'aktiv',
      startDate: /^\d{4}(-\d{2}-\d{2})?$/.test(row.stand_datum ?? '') ? row.stand_datum! : null,
      seat: row.sitz_oder_ausfuehrend || null,
      description: row.aufgaben || null,
      provenance: 'RESEARCHED',
      sourceUrl: row.quelle_url || null,
      remark: row.hinweis || null,
      verifiedAt: null,
      taskAreaIds: taskAreas,
      members: [],
    });
  }

  const seenMember = new Set<string>();
  for (const { line, row } of readCsv(membersCsv, files.members, report, ['kooperation_id', 'mitglied_typ', 'mitglied_schluessel', 'rolle'])) {
    const cooperation = byId.get(row.kooperation_id ?? '');
    const kind = KINDS[(row.mitglied_typ ?? '').toLowerCase()];
    const role = ROLES[(row.rolle ?? '').toLowerCase()];
    const key = row.mitglied_schluessel ?? '';
    const duplicateKey = `${row.kooperation_id}|${key}`;
    const reason = !cooperation
      ? `member of unknown cooperation "${row.kooperation_id}"`
      : !kind
        ? `unknown member type "${row.mitglied_typ}"`
        : !kind.pattern.test(key)
          ? `malformed key "${key}" for a member of type ${row.mitglied_typ}`
          : !role
            ? `unknown role "${row.rolle}"`
            : seenMember.has(duplicateKey)
              ? `duplicate member ${key} of ${row.kooperation_id}`
              : null;
    if (reason) {
      report.problem(files.members, line, reason);
      continue;
    }
    seenMember.add(duplicateKey);
    cooperation!.members.push({ kind: kind!.kind, key, role: role!, line });
  }
  return { cooperations: [...byId.values()] };
}
