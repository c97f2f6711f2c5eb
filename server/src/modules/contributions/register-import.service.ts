import { createHash } from 'node:crypto';
import path from 'node:path';
import { ImportReport, parseIkz, readCsv } from '@ka/seed';
import { BadUserInputError } from '../../shared/errors';
import { CooperationStatus, MemberKind } from '../../shared/enums';
import { AuditAction } from '../accounts/account.type';
import { guard } from '../accounts/auth.guard';
import type { Caller, HttpExchange } from '../accounts/auth.request';
import type { CooperationRecordInput } from '../register/register-write.types';
import type { ImportCooperationsInput } from './contribution.input';
import type { ContributionRepository } from './contribution.repository';
import type { ContributionService } from './contribution.service';
import { ContributionKind, ContributionOrigin, type ImportCooperationsPayload } from './contribution.type';
import { recordChanges, validateRecord } from './record-validation';

/** Files travel in the GraphQL body (100 kB in all): about 150 records a request. */
const MAX_FILE_CHARS = 95_000;

function fileName(name: string | null | undefined, fallback: string): string {
  const base = path
    .basename((name ?? '').trim())
    .replace(/[^\w.\-äöüÄÖÜß ]/g, '_')
    .slice(0, 100);
  return base || fallback;
}

const fingerprint = (record: CooperationRecordInput) => createHash('sha256').update(JSON.stringify(record)).digest('hex');

/**
 * The office's file import in the register format (the seed's own parser, seed/src/sources/ikz.ts). Each good row
 * becomes a register write with provenance USER, recorded as an approved contribution of origin IMPORT; each bad
 * row is reported as `file:line: reason` and left out. The id column is the row's key across imports: a re-run
 * leaves unchanged rows alone and turns changed rows into a new version of the record the first run created.
 */
export class RegisterImportService {
  constructor(
    private readonly repository: ContributionRepository,
    private readonly contributions: ContributionService,
  ) {}

  async run(caller: Caller, input: ImportCooperationsInput, http: HttpExchange): Promise<ImportCooperationsPayload> {
    guard.office(caller);
    for (const [field, value] of [
      ['cooperationsCsv', input.cooperationsCsv],
      ['membersCsv', input.membersCsv],
    ] as const) {
      if (value.length > MAX_FILE_CHARS)
        throw new BadUserInputError(
          field,
          `„${field}“ ist zu groß (höchstens ${MAX_FILE_CHARS} Zeichen); bitte die Datei aufteilen.`,
          `"${field}" is too large (at most ${MAX_FILE_CHARS} characters); please split the file.`,
        );
    }
    const files = { cooperations: fileName(input.cooperationsFileName, 'kooperationen.csv'), members: fileName(input.membersFileName, 'mitglieder.csv') };
    const report = new ImportReport();
    const parsed = parseIkz(input.cooperationsCsv, input.membersCsv, files, await this.repository.taskAreaIds(), report);
    // The line of each record, for problems found after parsing (against the graph).
    const lines = new Map<string, number>();
    for (const { line, row } of readCsv(input.cooperationsCsv, files.cooperations, new ImportReport(), []))
      if (row.kooperation_id && !lines.has(row.kooperation_id)) lines.set(row.kooperation_id, line);

    const earlier = await this.repository.importedRecords(parsed.cooperations.map((c) => c.id));
    const resolved = new Map([...earlier].map(([key, value]) => [key, value.cooperationId]));
    const result: ImportCooperationsPayload = { dryRun: input.dryRun, created: 0, updated: 0, unchanged: 0, problems: [], cooperationIds: [] };

    for (const row of parsed.cooperations) {
      const line = lines.get(row.id) ?? 1;
      try {
        const previous = earlier.get(row.id);
        const current = previous ? await this.contributions.currentRecord(previous.cooperationId) : null;
        if (previous && !current) throw new BadUserInputError('row', '', `imported earlier as ${previous.cooperationId}, which no longer exists`);
        // A member that is a cooperation names another row of an office file (imported before) or a register id.
        const members = row.members.map((m) => ({
          kind: m.kind,
          key: m.kind === MemberKind.COOPERATION ? (resolved.get(m.key) ?? m.key) : m.key,
          role: m.role,
        }));
        const record = await validateRecord(
          {
            name: row.name,
            legalForm: row.legalForm,
            status: row.status,
            startYear: row.startYear,
            // The register format has no end date: an ended record keeps its previous one, or the source's date.
            endDate:
              row.status === CooperationStatus.ENDED
                ? (current?.record.endDate ??
                  (row.sourceDate && row.sourceDate.length === 10 ? row.sourceDate : `${row.sourceDate?.slice(0, 4) ?? new Date().getUTCFullYear()}-12-31`))
                : null,
            seat: row.seat,
            description: row.description,
            sourceUrl: row.sourceUrl,
            sourceReference: null,
            sourceDate: row.sourceDate,
            evidence: row.evidence,
            confidence: row.confidence,
            taskAreaIds: row.taskAreaIds,
            members,
          },
          { minimumMembers: current ? Math.min(2, current.record.members.length) : 2, selfId: previous?.cooperationId ?? null, prefix: '' },
          this.repository,
        );
        const print = fingerprint(record);
        if (previous && current && (previous.fingerprint === print || recordChanges(current.record, record).length === 0)) {
          result.unchanged++;
          continue;
        }
        if (input.dryRun) {
          if (previous) result.updated++;
          else result.created++;
          continue;
        }
        const kind = previous
          ? record.status === CooperationStatus.ENDED && current!.record.status !== CooperationStatus.ENDED
            ? ContributionKind.END
            : ContributionKind.CHANGE
          : ContributionKind.NEW;
        const summary = `Import ${files.cooperations}, Zeile ${line} (${row.id})`;
        const { result: written } = await this.contributions.writeDirect(
          caller,
          http,
          kind,
          previous?.cooperationId ?? null,
          current?.version ?? null,
          record,
          summary,
          ContributionOrigin.IMPORT,
          row.id,
        );
        await this.repository.saveImportedRecord(row.id, written.id, print, caller.account.id);
        resolved.set(row.id, written.id);
        result.cooperationIds.push(written.id);
        if (previous) result.updated++;
        else result.created++;
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        const field = (error.extensions.field as string | undefined) ?? '';
        report.problem(files.cooperations, line, `${field && field !== 'row' ? `${field}: ` : ''}${error.extensions.messageEn as string}`);
      }
    }

    result.problems = report.problems.map((p) => {
      const lineNumber = Number(/\d+/.exec(p.location)?.[0] ?? 0);
      return { file: p.file, line: lineNumber, reason: p.reason, text: `${p.file}:${p.location}: ${p.reason}` };
    });
    result.problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === files.cooperations ? -1 : 1));
    if (!input.dryRun) {
      await this.repository.audit({
        action: AuditAction.COOPERATIONS_IMPORTED,
        actorId: caller.account.id,
        targetId: null,
        address: http.address,
        detail: JSON.stringify({
          file: files.cooperations,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          problems: result.problems.length,
        }),
      });
    }
    return result;
  }
}
