import { createHash } from 'node:crypto';
import { isHttpUrl } from '@ka/seed';
import type { QueryCounter } from '../../db/database';
import { BadUserInputError, ConflictError, NotFoundError } from '../../shared/errors';
import { CooperationStatus, MemberKind, MemberRole } from '../../shared/enums';
import { fieldLabel } from '../../shared/validation-messages';
import { STAGE_DE } from '../board/board.service';
import type { IdeaStage } from '../board/board.type';
import type { AuditEntry } from '../accounts/account.repository';
import { AuditAction } from '../accounts/account.type';
import { guard } from '../accounts/auth.guard';
import type { Caller, HttpExchange } from '../accounts/auth.request';
import type { ContributionService } from '../contributions/contribution.service';
import { ContributionKind, type ContributionRecord } from '../contributions/contribution.type';
import { PARTNERED_STAGES } from './outcome.queries';
import type { ExposureRow, OutcomeLoaders, OutcomeRepository } from './outcome.repository';
import type { BoardOutcomeRecord, CreateContributionFromIdeaInput, IdeaLinkRecord, IdeaRegisterRecord, ShownRanking } from './outcome.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AGS = /^\d{8}$/;
const IDEA_KIND = 'Vorhaben / Project idea';
/** Exposure keys this process has written already: a reload of the idea page costs no write. Bounded, then reset. */
const MAX_REMEMBERED = 50_000;
/** The longest note the office may give (the contributions allow 2,000; the rest is the idea's marker). */
const NOTE_MAX = 1900;

/** What the recorder reads of the idea being shown (structural, so this module does not import the board's types). */
export interface ShownIdea {
  /** True for the owner municipality's staff, the office and administrators: the views that are recorded. */
  viewerCanEdit: boolean;
  viewerIsOwner: boolean;
  record: { id: string; taskAreaId: string };
}

/**
 * The Kooperationsbörse's feedback loop (issue 12 part 6, docs/decisions/019): it records which suggestions were
 * shown for an idea, turns an agreed idea into a register contribution (through the contributions service and its
 * review, never writing the register itself), and reads what came of the suggestions for the eval.
 */
export class OutcomeService {
  private readonly remembered = new Set<string>();
  private pending = new Set<Promise<void>>();
  /** Exposure batches that failed to write (the answer went out regardless). */
  failures = 0;

  constructor(
    private readonly repository: OutcomeRepository,
    private readonly contributions: ContributionService,
    private readonly snapshotVersion: (counter?: QueryCounter) => Promise<string | null>,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  loaders(counter: QueryCounter): OutcomeLoaders {
    return this.repository.loaders(counter);
  }

  // --- exposures ----------------------------------------------------------------------------------------------

  /**
   * The board's resolver hands every answer of `ProjectIdea.suggestions` through here and gets it back unchanged at
   * once: the write runs after, off the request's path, and a failure is counted and logged, never thrown. Only the
   * views of the owner side and the office are recorded — they are the ones who act on the suggestions; a public
   * or other staff view of the same ranking says nothing about what came of it (docs/decisions/019).
   */
  shown<T extends ShownRanking | null>(idea: ShownIdea, suggestions: T): T {
    if (suggestions && idea.viewerCanEdit && suggestions.candidates.length > 0) {
      const work = this.record(idea, suggestions).catch((error: unknown) => {
        this.failures += 1;
        this.log(`outcomes: exposures of idea ${idea.record.id} not recorded: ${error instanceof Error ? error.message : String(error)}`);
      });
      this.pending.add(work);
      void work.finally(() => this.pending.delete(work));
    }
    return suggestions;
  }

  /** Waits for the exposure writes started so far (tests, and a graceful stop). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /**
   * The ranking version: what the ranking depends on (task area, radius, target population, weights) and the order
   * of its first ten — so one ranking is one version whether 10 or 25 of it were shown, and a register change that
   * reorders it starts a new one.
   */
  static rankingVersion(s: ShownRanking): string {
    const weights = [...s.weights].sort((a, b) => a.key.localeCompare(b.key)).map((w) => `${w.key}=${w.weight}`);
    const order = s.candidates.slice(0, 10).map((c) => c.municipality.ags);
    return createHash('sha1')
      .update([s.taskArea.id, s.maxDistanceKm, s.targetPopulation, weights.join(','), order.join(',')].join('|'))
      .digest('hex')
      .slice(0, 16);
  }

  private async record(idea: ShownIdea, s: ShownRanking): Promise<void> {
    const rankingVersion = OutcomeService.rankingVersion(s);
    const fresh = s.candidates
      .map((c) => ({ c, key: `${idea.record.id}|${c.municipality.ags}|${rankingVersion}` }))
      .filter(({ key }) => !this.remembered.has(key));
    if (fresh.length === 0) return;
    const snapshotVersion = await this.snapshotVersion().catch(() => null);
    const rows: ExposureRow[] = fresh.map(({ c, key }) => ({
      key,
      ideaId: idea.record.id,
      municipalityAgs: c.municipality.ags,
      rank: c.rank,
      score: Math.round(c.score * 10) / 10,
      rankingVersion,
      snapshotVersion,
      taskAreaId: s.taskArea.id,
      maxDistanceKm: s.maxDistanceKm,
      targetPopulation: s.targetPopulation,
      shownTo: idea.viewerIsOwner ? 'OWNER' : 'OFFICE',
    }));
    await this.repository.recordExposures(rows);
    if (this.remembered.size + rows.length > MAX_REMEMBERED) this.remembered.clear();
    for (const row of rows) this.remembered.add(row.key);
  }

  // --- outcomes -----------------------------------------------------------------------------------------------

  /** Every idea with exposures, with who was contacted and who became a partner (the owner never counts as one). */
  async boardOutcomes(): Promise<Array<BoardOutcomeRecord & { partners: string[] }>> {
    const rows = await this.repository.boardOutcomes();
    return rows.map((row) => ({
      ...row,
      partners: [...new Set([...row.accepted, ...row.recordMembers])].filter((ags) => ags !== row.ownerAgs).sort(),
    }));
  }

  // --- idea → register record ---------------------------------------------------------------------------------

  async registerRecords(ideaId: string, loaders: OutcomeLoaders): Promise<IdeaRegisterRecord[]> {
    const links: IdeaLinkRecord[] = await loaders.linksOfIdea.load(ideaId);
    return links.map((l) => ({ ...l, cooperationId: l.cooperationId ?? null }));
  }

  /**
   * The office turns an idea at „Vereinbarung“ or later into a NEW contribution (pending review): the idea's task
   * area, the chosen members (default: the owner and the accepted interests), linked to the idea. Every check runs
   * before anything is written; the contribution itself is made by the contributions service with its own rules.
   */
  /** What the report's note always carries, so a report of the idea is found also without its link. */
  static noteMarker(ideaId: string): string {
    return `[Kooperationsbörse, Vorhaben ${ideaId}]`;
  }

  async createContributionFromIdea(
    caller: Caller,
    input: CreateContributionFromIdeaInput,
    http: HttpExchange,
  ): Promise<{ contribution: ContributionRecord; registerRecord: IdeaRegisterRecord }> {
    guard.office(caller);
    if (!input.ideaId || !UUID.test(input.ideaId))
      throw new BadUserInputError('ideaId', `${fieldLabel('ideaId', 'de')} ist keine gültige ID.`, `${fieldLabel('ideaId', 'en')} is not a valid id.`);
    const marker = OutcomeService.noteMarker(input.ideaId);
    const idea = await this.repository.ideaForRecord(input.ideaId, marker);
    if (!idea) throw new NotFoundError(IDEA_KIND, input.ideaId);
    if (idea.status === 'WITHDRAWN')
      throw new ConflictError(
        'Das Vorhaben wurde zurückgezogen; ein zurückgezogenes Vorhaben wird kein Registereintrag.',
        'The idea was withdrawn; a withdrawn idea does not become a register record.',
        { current: { id: idea.id, status: idea.status, stage: idea.stage } },
      );
    if (!(PARTNERED_STAGES as readonly string[]).includes(idea.stage)) {
      throw new ConflictError(
        `Erst ab der Stufe „Vereinbarung“ wird ein Vorhaben zum Registereintrag; es steht bei „${STAGE_DE[idea.stage as IdeaStage] ?? idea.stage}“.`,
        `An idea becomes a register record only from the stage AGREEMENT on; it is at ${idea.stage}.`,
        { current: { id: idea.id, stage: idea.stage } },
      );
    }
    // A linked report, or one made for this idea whose link was never written (the two are separate writes, see
    // docs/decisions/019): either way a second report would make the review see the idea twice.
    const open = [...idea.links, ...idea.unlinked].find((l) => l.status === 'PENDING' || l.status === 'APPROVED');
    if (open) {
      throw new ConflictError(
        open.status === 'PENDING'
          ? 'Für dieses Vorhaben wartet bereits ein Registereintrag auf die Prüfung.'
          : 'Dieses Vorhaben ist bereits als Kooperation im Register.',
        open.status === 'PENDING' ? 'A register record for this idea is already waiting for review.' : 'This idea is already a cooperation in the register.',
        { current: open },
      );
    }
    const memberAgs = [...new Set(input.memberAgs ?? [idea.municipalityAgs, ...idea.acceptedAgs])];
    for (const ags of memberAgs) {
      if (!AGS.test(ags))
        throw new BadUserInputError(
          'memberAgs',
          `${fieldLabel('memberAgs', 'de')}: „${ags}“ ist kein gültiger Gemeindeschlüssel (8 Ziffern).`,
          `${fieldLabel('memberAgs', 'en')}: "${ags}" is not a valid municipality key (8 digits).`,
        );
    }
    if (!memberAgs.includes(idea.municipalityAgs)) {
      throw new BadUserInputError(
        'memberAgs',
        'Die Kommune, die das Vorhaben eingestellt hat, muss Mitglied sein.',
        'The municipality that posted the idea must be a member.',
      );
    }
    const externals = [...new Set((input.externalMembers ?? []).map((n) => n.trim()).filter(Boolean))];
    if (memberAgs.length + externals.length < 2) {
      throw new BadUserInputError(
        'memberAgs',
        'Eine Kooperation braucht mindestens zwei Mitglieder: Es gibt noch kein angenommenes Interesse — bitte die Mitglieder angeben.',
        'A cooperation needs at least two members: there is no accepted interest yet — please name the members.',
      );
    }
    const source = (input.source ?? '').trim();
    const url = isHttpUrl(source) ? source : null;
    // Something that looks like an address but is not http(s) is a mistake, not a gazette reference.
    if (!url && /^[a-z][a-z0-9+.-]*:\/\//i.test(source))
      throw new BadUserInputError(
        'source',
        'Die Quelle muss eine http- oder https-Adresse oder eine Fundstelle im Amtsblatt sein.',
        'The source must be an http or https address or an official gazette reference.',
      );
    // Name, description and evidence are public once the record is approved: for an idea that is not PUBLIC its
    // title, description and id stay on the board (behind its visibility rule); the office names the record itself.
    const isPublic = idea.visibility === 'PUBLIC';
    const name = (input.name ?? '').trim();
    if (!name && !isPublic)
      throw new BadUserInputError(
        'name',
        `${fieldLabel('name', 'de')} fehlt: Das Vorhaben ist nicht öffentlich, sein Titel wird nicht übernommen — bitte einen Namen für den Registereintrag angeben.`,
        `${fieldLabel('name', 'en')} is missing: the idea is not public, so its title is not copied — please give a name for the register record.`,
      );
    const description = (input.description ?? '').trim() || (isPublic ? idea.description : null);
    // The note carries the idea's marker besides (below): room for it within the contributions' 2,000 characters.
    if ((input.note ?? '').trim().length > NOTE_MAX)
      throw new BadUserInputError(
        'note',
        `${fieldLabel('note', 'de')} darf höchstens ${NOTE_MAX.toLocaleString('de-DE')} Zeichen lang sein.`,
        `${fieldLabel('note', 'en')} may be at most ${NOTE_MAX} characters long.`,
      );
    const record = {
      name: name || idea.title,
      legalForm: input.legalForm,
      // Agreed but not yet running: planned (it counts as a future tie, never as an existing partnership).
      status: idea.stage === 'AGREEMENT' ? CooperationStatus.PLANNED : CooperationStatus.ACTIVE,
      startYear: input.startYear ?? null,
      description,
      sourceUrl: url,
      sourceReference: url ? null : source,
      // The IdeaRegisterLink keeps which idea it was; the public evidence names it only when the idea is public.
      evidence: isPublic ? `Aus der Kooperationsbörse: Vorhaben ${idea.id} („${idea.title}“)` : 'Aus der Kooperationsbörse',
      taskAreaIds: [idea.taskAreaId],
      members: [
        ...memberAgs.map((key) => ({ kind: MemberKind.MUNICIPALITY, key, role: MemberRole.MEMBER })),
        ...externals.map((key) => ({ kind: MemberKind.EXTERNAL, key, role: MemberRole.MEMBER })),
      ],
    };
    // The contributions service validates the record (members exist, NRW or across the border, source, year) and
    // writes it as a pending report; refused there, nothing was written.
    const contribution = await this.contributions.submit(
      caller,
      {
        kind: ContributionKind.NEW,
        record: record as never,
        // The note (seen by the office only) always names the idea: the duplicate check above finds a report by it.
        note: `${(input.note ?? '').trim() || `Aus dem Vorhaben „${idea.title.slice(0, 150)}“ der Kooperationsbörse (Stufe ${STAGE_DE[idea.stage as IdeaStage] ?? idea.stage}).`} ${marker}`,
      },
      http,
    );
    const audit: AuditEntry = {
      action: AuditAction.IDEA_TURNED_INTO_RECORD,
      actorId: caller.account.id,
      targetId: idea.id,
      address: http.address,
      detail: JSON.stringify({ contributionId: contribution.id, memberAgs }),
    };
    await this.repository.createLink({ ideaId: idea.id, contributionId: contribution.id, memberAgs }, audit);
    return {
      contribution,
      registerRecord: { contributionId: contribution.id, status: contribution.status, cooperationId: null, memberAgs, createdAt: contribution.createdAt },
    };
  }
}
