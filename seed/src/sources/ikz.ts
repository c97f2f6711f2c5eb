import type { CooperationRecord, CooperationStatus, LegalForm, MemberKind, MemberRole } from '../model';
import type { ImportReport } from '../report';
import { CONFIDENCE, isHttpUrl, readCsv } from './csv';

/** Register ids: a letter prefix and a number (K01, A117, B12, D3). */
export const COOPERATION_ID = /^[A-Z]+\d+$/;

const LEGAL_FORMS: Record<string, LegalForm> = {
  zweckverband: 'ZWECKVERBAND',
  'öffentlich-rechtliche vereinbarung': 'OEFFENTLICH_RECHTLICHE_VEREINBARUNG',
  verwaltungsvereinbarung: 'VERWALTUNGSVEREINBARUNG',
  aör: 'AOER',
  'gemeinsames kommunalunternehmen': 'AOER',
  gmbh: 'GMBH',
  arbeitsgemeinschaft: 'ARBEITSGEMEINSCHAFT',
  'shared service center': 'SHARED_SERVICE_CENTER',
  other: 'OTHER',
};
const STATUSES: Record<string, CooperationStatus> = { aktiv: 'ACTIVE', beendet: 'ENDED', geplant: 'PLANNED', unklar: 'UNCLEAR', '': 'UNCLEAR' };
const ROLES: Record<string, MemberRole> = { mitglied: 'MEMBER', übernehmend: 'LEAD', abgebend: 'DELEGATING', partner: 'PARTNER' };
const KINDS: Record<string, { kind: MemberKind; pattern: RegExp }> = {
  gemeinde: { kind: 'MUNICIPALITY', pattern: /^\d{8}$/ },
  kreis: { kind: 'DISTRICT', pattern: /^\d{5}$/ },
  zweckverband: { kind: 'COOPERATION', pattern: COOPERATION_ID },
  // A partner without an official key: identified by its name, the key column stays empty.
  extern: { kind: 'EXTERNAL', pattern: /^$/ },
};

/** The register's words, compared without regard to case or to how an editor encoded the umlauts. */
const word = (value: string | undefined) => (value ?? '').normalize('NFC').toLowerCase();

const YEAR = /^\d{4}$/;
const inYearRange = (year: number) => year >= 1800 && year <= 2100;

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real date. */
function isPartialDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : 1, match[3] ? Number(match[3]) : 1];
  const date = new Date(Date.UTC(year, month - 1, day));
  return inYearRange(year) && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface IkzInput {
  cooperations: CooperationRecord[];
}

/**
 * The register of real NRW cooperations (register_kooperationen.csv) and their members (register_mitglieder.csv).
 * Every record gets provenance RESEARCHED and keeps its source. Municipality, Kreis and cooperation members are
 * checked against the graph later (see `prepareData`), because only then is it known what exists.
 */
export function parseIkz(
  cooperationsCsv: string,
  membersCsv: string,
  files: { cooperations: string; members: string },
  taskAreaIds: Set<string>,
  report: ImportReport,
): IkzInput {
  const byId = new Map<string, CooperationRecord>();
  const required = ['kooperation_id', 'name', 'rechtsform', 'aufgabenfeld_ids', 'status', 'beginn_jahr', 'stand_datum', 'quelle_url', 'konfidenz'];
  for (const { line, row } of readCsv(cooperationsCsv, files.cooperations, report, required)) {
    const id = row.kooperation_id ?? '';
    const legalForm = LEGAL_FORMS[word(row.rechtsform)];
    const taskAreas = (row.aufgabenfeld_ids ?? '')
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean);
    const unknownTask = taskAreas.find((t) => !taskAreaIds.has(t));
    const status = STATUSES[word(row.status)];
    const startYear = row.beginn_jahr ? Number(row.beginn_jahr) : null;
    const sourceDate = row.stand_datum || null;
    const sourceUrl = row.quelle_url ?? '';
    const confidence = CONFIDENCE[word(row.konfidenz)];
    // Optional column: the day the record was last checked against its source (YYYY-MM-DD).
    const verifiedOn = row.geprueft_am || null;
    const reason = !COOPERATION_ID.test(id)
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
                : !status
                  ? `unknown status "${row.status}" (aktiv, beendet, geplant or unklar)`
                  : startYear !== null && !(YEAR.test(row.beginn_jahr!) && inYearRange(startYear))
                    ? `beginn_jahr "${row.beginn_jahr}" is not a year between 1800 and 2100`
                    : sourceDate !== null && !isPartialDate(sourceDate)
                      ? `stand_datum "${sourceDate}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`
                      : !isHttpUrl(sourceUrl)
                        ? sourceUrl
                          ? 'source URL is not an http(s) URL'
                          : 'no source URL'
                        : !confidence
                          ? `unknown konfidenz "${row.konfidenz}" (sicher, mittel or unsicher)`
                          : verifiedOn !== null &&
                              !(/^\d{4}-\d{2}-\d{2}$/.test(verifiedOn) && isPartialDate(verifiedOn) && Date.parse(verifiedOn) <= Date.now())
                            ? `geprueft_am "${verifiedOn}" is not a past date (YYYY-MM-DD)`
                            : null;
    if (reason) {
      report.problem(files.cooperations, line, reason);
      continue;
    }
    byId.set(id, {
      id,
      name: row.name!,
      legalForm: legalForm!,
      status: status!,
      startYear,
      sourceDate,
      seat: row.sitz_oder_ausfuehrend || null,
      description: row.aufgaben || null,
      provenance: 'RESEARCHED',
      sourceUrl,
      evidence: row.beleg || null,
      remark: row.hinweis || null,
      confidence: confidence!,
      verifiedAt: verifiedOn,
      taskAreaIds: taskAreas,
      members: [],
    });
  }

  const seenMember = new Set<string>();
  for (const { line, row } of readCsv(membersCsv, files.members, report, ['kooperation_id', 'mitglied_typ', 'mitglied_schluessel', 'mitglied_name', 'rolle'])) {
    const cooperation = byId.get(row.kooperation_id ?? '');
    const kind = KINDS[word(row.mitglied_typ)];
    const role = ROLES[word(row.rolle)];
    const external = kind?.kind === 'EXTERNAL';
    const key = external ? (row.mitglied_name ?? '') : (row.mitglied_schluessel ?? '');
    const duplicateKey = `${row.kooperation_id}|${kind?.kind}|${key}`;
    const reason = !cooperation
      ? `member of unknown cooperation "${row.kooperation_id}"`
      : !kind
        ? `unknown member type "${row.mitglied_typ}"`
        : !kind.pattern.test(row.mitglied_schluessel ?? '')
          ? external
            ? `an extern member has no key, but this one has "${row.mitglied_schluessel}"`
            : `malformed key "${row.mitglied_schluessel}" for a member of type ${row.mitglied_typ}`
          : external && !key
            ? 'extern member without a name'
            : !role
              ? `unknown role "${row.rolle}" (mitglied, übernehmend, abgebend or partner)`
              : seenMember.has(duplicateKey)
                ? `duplicate member ${external ? `"${key}"` : key} of ${row.kooperation_id}`
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
