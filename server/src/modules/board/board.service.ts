import { randomUUID } from 'node:crypto';
import type { QueryCounter } from '../../db/database';
import { AppError, BadUserInputError, ConflictError, NotFoundError } from '../../shared/errors';
import { decodeCursor, pageSize, toPage, type Page } from '../../shared/pagination';
import type { AuditEntry } from '../accounts/account.repository';
import { AuditAction } from '../accounts/account.type';
import { boardGuard, guard } from '../accounts/auth.guard';
import type { Caller, HttpExchange } from '../accounts/auth.request';
import type { PartnerCandidate, PartnerSuggestions } from '../matching/matching.type';
import type { Municipality } from '../municipalities/municipality.type';
import { FIT_WITHIN_RANK, IDEA_SUGGESTION_LIMIT, type IdeaRankings } from './board.fit';
import type {
  AddProjectIdeaNoteInput,
  CreateProjectIdeaInput,
  ExpressInterestInput,
  MarkNoticesReadInput,
  ProjectIdeaFilter,
  ProjectIdeaStateInput,
  ProposeMatchInput,
  SetProjectIdeaStageInput,
  UpdateProjectIdeaInput,
} from './board.input';
import type { BoardLoaders, BoardRepository, IdeaChanges } from './board.repository';
import {
  IdeaStage,
  IdeaStatus,
  InterestStatus,
  NoticeKind,
  ProposalStatus,
  type DashboardIdea,
  type IdeaAccess,
  type IdeaNote,
  type IdeaNoteRecord,
  type IdeaRecord,
  type IdeaStageChange,
  type InterestRecord,
  type NoticeRecord,
  type OfficeBoardDashboard,
  type ProjectIdea,
  type Proposal,
  type ProposalRecord,
  type Interest,
  type Notice,
} from './board.type';
import { fieldLabel } from '../../shared/validation-messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const AGS = /^\d{8}$/;
const TASK_AREA_ID = /^[a-z][a-z0-9_]{0,40}$/;
const IDEA_KIND = 'Vorhaben / Project idea';
const INTEREST_KIND = 'Interesse / Interest';
const NOTICE_KIND = 'Mitteilung / Notice';

function checkId(value: string | null | undefined, field: string): string {
  if (!value || !UUID.test(value))
    throw new BadUserInputError(field, `${fieldLabel(field, 'de')} ist keine gültige ID.`, `${fieldLabel(field, 'en')} is not a valid id.`);
  return value;
}

function checkAgs(value: string | null | undefined, field = 'municipalityAgs'): string {
  if (!value || !AGS.test(value))
    throw new BadUserInputError(
      field,
      `${fieldLabel(field, 'de')} ist kein gültiger Gemeindeschlüssel (8 Ziffern).`,
      `${fieldLabel(field, 'en')} is not a valid municipality key (8 digits).`,
    );
  return value;
}

function text(value: string | null | undefined, field: string, min: number, max: number): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < min || trimmed.length > max) {
    throw new BadUserInputError(
      field,
      // Numbers as in the other messages: German with thousands separators („5.000“).
      `${fieldLabel(field, 'de')} muss ${min.toLocaleString('de-DE')} bis ${max.toLocaleString('de-DE')} Zeichen lang sein.`,
      `${fieldLabel(field, 'en')} must be ${min} to ${max} characters long.`,
    );
  }
  return trimmed;
}

function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return null;
  return text(trimmed, field, 1, max);
}

function integer(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(
      field,
      `${fieldLabel(field, 'de')} muss eine ganze Zahl von ${min.toLocaleString('de-DE')} bis ${max.toLocaleString('de-DE')} sein.`,
      `${fieldLabel(field, 'en')} must be a whole number from ${min} to ${max}.`,
    );
  }
  return value;
}

function radius(value: number): number {
  if (!Number.isFinite(value) || value < 1 || value > 500)
    throw new BadUserInputError(
      'radiusKm',
      `${fieldLabel('radiusKm', 'de')} muss zwischen 1 und 500 km liegen.`,
      `${fieldLabel('radiusKm', 'en')} must be between 1 and 500 km.`,
    );
  return Math.round(value * 10) / 10;
}

const staleVersion = (idea: IdeaRecord) =>
  new ConflictError(
    `Das Vorhaben wurde inzwischen geändert (aktuell Version ${idea.version}). Bitte laden Sie es neu und prüfen Sie den aktuellen Stand.`,
    `The idea has changed in the meantime (now version ${idea.version}). Please reload it and check the current state.`,
    { current: { id: idea.id, version: idea.version, status: idea.status } },
  );

const STATUS_DE: Record<IdeaStatus, string> = { OPEN: 'offen', PARTNERSHIP_COMPLETE: 'Partnerschaft vollständig', WITHDRAWN: 'zurückgezogen' };
const STATUS_EN: Record<IdeaStatus, string> = { OPEN: 'open', PARTNERSHIP_COMPLETE: 'partnership complete', WITHDRAWN: 'withdrawn' };
const notOpen = (idea: IdeaRecord, whatDe: string, whatEn: string) =>
  new ConflictError(`${whatDe}: Das Vorhaben ist ${STATUS_DE[idea.status]}.`, `${whatEn}: the idea is ${STATUS_EN[idea.status]}.`, {
    current: { id: idea.id, version: idea.version, status: idea.status },
  });

// --- the pipeline (docs/decisions/017) ---------------------------------------------------------------------

/** The stages in order; the last three are final: IMPLEMENTED and FUNDED only from AGREEMENT, DISCONTINUED from any other. */
const PIPELINE: IdeaStage[] = [IdeaStage.IDEA, IdeaStage.TALKS, IdeaStage.LETTER_OF_INTENT, IdeaStage.AGREEMENT];
const FINAL_STAGES: IdeaStage[] = [IdeaStage.IMPLEMENTED, IdeaStage.FUNDED, IdeaStage.DISCONTINUED];
export const STAGE_DE: Record<IdeaStage, string> = {
  IDEA: 'Idee',
  TALKS: 'Gespräche',
  LETTER_OF_INTENT: 'Absichtserklärung',
  AGREEMENT: 'Vereinbarung',
  IMPLEMENTED: 'umgesetzt',
  FUNDED: 'gefördert',
  DISCONTINUED: 'eingestellt',
};
export const STAGE_EN: Record<IdeaStage, string> = {
  IDEA: 'idea',
  TALKS: 'talks',
  LETTER_OF_INTENT: 'letter of intent',
  AGREEMENT: 'agreement',
  IMPLEMENTED: 'implemented',
  FUNDED: 'funded',
  DISCONTINUED: 'discontinued',
};
/** The stages a move to `to` may start from: forward by one or more steps, never back, nothing after a final stage. */
export function stagesBefore(to: IdeaStage): IdeaStage[] {
  if (to === IdeaStage.IMPLEMENTED || to === IdeaStage.FUNDED) return [IdeaStage.AGREEMENT];
  if (to === IdeaStage.DISCONTINUED) return PIPELINE;
  return PIPELINE.slice(0, PIPELINE.indexOf(to));
}
/** Where an idea at `stage` may go next. */
export const nextStages = (stage: IdeaStage): IdeaStage[] => Object.values(IdeaStage).filter((to) => stagesBefore(to).includes(stage));
/** Board statuses in which the stage may change: not for a withdrawn idea. */
const STAGE_STATUSES = [IdeaStatus.OPEN, IdeaStatus.PARTNERSHIP_COMPLETE];

/** Why a move from the idea's stage to `to` is refused (CONFLICT: it depends on the current state), or null when it is allowed. */
function stageRefusal(idea: IdeaRecord, to: IdeaStage): ConflictError | null {
  const current = idea.stage;
  const extra = { current: { id: idea.id, version: idea.version, status: idea.status, stage: current } };
  if (idea.status === IdeaStatus.WITHDRAWN)
    return new ConflictError('Die Phase eines zurückgezogenen Vorhabens ändert sich nicht mehr.', 'The stage of a withdrawn idea no longer changes.', extra);
  if (stagesBefore(to).includes(current)) return null;
  const [de, en] = [STAGE_DE, STAGE_EN].map((labels) => [labels[current], labels[to]] as const);
  if (FINAL_STAGES.includes(current))
    return new ConflictError(
      `Das Vorhaben ist bereits „${de![0]}“; danach kommt keine Phase mehr.`,
      `The idea is already "${en![0]}"; no stage follows.`,
      extra,
    );
  if (current === to) return new ConflictError(`Das Vorhaben ist bereits in der Phase „${de![0]}“.`, `The idea is already at the stage "${en![0]}".`, extra);
  if (to === IdeaStage.IMPLEMENTED || to === IdeaStage.FUNDED)
    return new ConflictError(
      `„${de![1]}“ folgt erst auf die Vereinbarung; das Vorhaben ist in der Phase „${de![0]}“.`,
      `"${en![1]}" only follows the agreement; the idea is at the stage "${en![0]}".`,
      extra,
    );
  return new ConflictError(
    `Phasen gehen nur vorwärts: von „${de![0]}“ nicht zurück zu „${de![1]}“.`,
    `Stages only move forward: not back from "${en![0]}" to "${en![1]}".`,
    extra,
  );
}

/** Age bands of the dashboard, in days since posting. */
const AGE_BANDS: Array<[number, number | null]> = [
  [0, 7],
  [7, 30],
  [30, 90],
  [90, 180],
  [180, null],
];

export interface NoticeText {
  textDe: string;
  textEn: string;
}

/**
 * The Kooperationsbörse (issue 12, parts 1–3 and the inbox of part 5; docs/decisions/014). Roles are checked before
 * (@Authorized); the data rules — who sees an idea, who may change it, who decides on an interest, who sees contact
 * details — are the accounts module's guard (`boardGuard`), called here and nowhere else.
 */
export class BoardService {
  constructor(
    private readonly repository: BoardRepository,
    private readonly rankings: IdeaRankings,
  ) {}

  loaders(counter: QueryCounter): BoardLoaders {
    return this.repository.loaders(counter);
  }

  private audit(action: AuditAction, http: HttpExchange, caller: Caller, targetId: string, detail?: Record<string, unknown>): AuditEntry {
    return { action, actorId: caller.account.id, targetId, address: http.address, detail: detail ? JSON.stringify(detail) : null };
  }

  /** The API object of an idea the caller may see, with the flags the client shows buttons by. */
  view(caller: Caller | null, record: IdeaRecord, access: IdeaAccess): ProjectIdea {
    const open = record.status === IdeaStatus.OPEN;
    // Boolean predicates of the guard, not its throwing checks: a list builds these flags for every idea.
    // A municipality the office proposed may express interest also in an office-only idea it sees anonymised.
    const canInterest =
      open &&
      (caller?.account.municipalityAgs ?? []).some(
        (ags) =>
          ags !== record.municipalityAgs &&
          (access === 'FULL' || record.proposedAgs.includes(ags)) &&
          !record.interestedAgs.includes(ags) &&
          boardGuard.mayActFor(caller, ags),
      );
    const canSetStage = boardGuard.maySetStage(caller, record);
    return {
      id: record.id,
      version: record.version,
      title: record.title,
      description: record.description,
      partnersSought: record.partnersSought,
      targetPopulation: record.targetPopulation,
      radiusKm: record.radiusKm,
      timeline: record.timeline,
      fundingPlanned: record.fundingPlanned,
      visibility: record.visibility,
      status: record.status,
      stage: record.stage,
      stageChangedAt: record.stageChangedAt,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      completedAt: record.completedAt,
      withdrawnAt: record.withdrawnAt,
      ownerRevealed: access === 'FULL',
      viewerIsOwner: boardGuard.mayRespond(caller, record),
      viewerCanEdit: boardGuard.mayManageIdea(caller, record),
      viewerCanExpressInterest: canInterest,
      viewerCanSetStage: canSetStage,
      nextStages: canSetStage && record.status !== IdeaStatus.WITHDRAWN ? nextStages(record.stage) : [],
      record,
      access,
    };
  }

  /** The idea as the caller may see it; NOT_FOUND when it does not exist for them (hidden ideas are not admitted to). */
  private visible(caller: Caller | null, record: IdeaRecord | null, id: string): { record: IdeaRecord; access: IdeaAccess } {
    const access = record ? boardGuard.ideaAccess(caller, record) : null;
    if (!record || !access) throw new NotFoundError(IDEA_KIND, id);
    return { record, access };
  }

  private async load(caller: Caller | null, id: string, counter?: QueryCounter) {
    checkId(id, 'ideaId');
    return this.visible(caller, await this.repository.idea(id, counter), id);
  }

  // --- ideas ------------------------------------------------------------------------------------------------

  async idea(caller: Caller | null, id: string, counter: QueryCounter): Promise<ProjectIdea> {
    const { record, access } = await this.load(caller, id, counter);
    return this.view(caller, record, access);
  }

  /** An idea by id for a field (an interest's, a notice's): null when the caller may not see it. */
  async ideaOrNull(caller: Caller | null, id: string, loaders: BoardLoaders): Promise<ProjectIdea | null> {
    const record = await loaders.idea.load(id);
    const access = record ? boardGuard.ideaAccess(caller, record) : null;
    return record && access ? this.view(caller, record, access) : null;
  }

  async list(
    caller: Caller | null,
    filter: ProjectIdeaFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    counter: QueryCounter,
  ): Promise<Page<ProjectIdea>> {
    const size = pageSize(first);
    const offset = decodeCursor(after);
    const taskAreaId = filter?.taskAreaId ?? null;
    if (taskAreaId !== null && !TASK_AREA_ID.test(taskAreaId))
      throw new BadUserInputError(
        'taskAreaId',
        `${fieldLabel('taskAreaId', 'de')} ist kein gültiges Aufgabenfeld.`,
        `${fieldLabel('taskAreaId', 'en')} is not a valid task area.`,
      );
    let municipalityAgs = filter?.municipalityAgs ? [checkAgs(filter.municipalityAgs)] : null;
    if (filter?.mine) {
      const own = guard.signedIn(caller).account.municipalityAgs;
      municipalityAgs = municipalityAgs ? municipalityAgs.filter((ags) => own.includes(ags)) : own;
    }
    const statuses = filter?.status?.length ? [...new Set(filter.status)] : [IdeaStatus.OPEN, IdeaStatus.PARTNERSHIP_COMPLETE];
    const stages = filter?.stage?.length ? [...new Set(filter.stage)] : null;
    const districtKey = filter?.districtKey ?? null;
    if (districtKey !== null && !/^\d{5}$/.test(districtKey))
      throw new BadUserInputError(
        'districtKey',
        `${fieldLabel('districtKey', 'de')} muss 5 Ziffern haben.`,
        `${fieldLabel('districtKey', 'en')} must have 5 digits.`,
      );
    const regionKey = filter?.regionKey ?? null;
    if (regionKey !== null && !/^\d{3}$/.test(regionKey))
      throw new BadUserInputError(
        'regionKey',
        `${fieldLabel('regionKey', 'de')} muss 3 Ziffern haben.`,
        `${fieldLabel('regionKey', 'en')} must have 3 digits.`,
      );
    // Filters by the owner (its AGS, Kreis or Regierungsbezirk) match only ideas whose owner the caller sees: an
    // anonymised idea must not be findable by who posted it (docs/decisions/017).
    const byOwner = filter?.municipalityAgs != null || districtKey !== null || regionKey !== null;
    // The query narrows by the filter; the guard decides, idea by idea, what the caller sees (one rule for every path).
    const records =
      municipalityAgs?.length === 0 ? [] : await this.repository.ideas({ statuses, taskAreaId, municipalityAgs, stages, districtKey, regionKey }, counter);
    const visible = records.flatMap((record) => {
      const access = boardGuard.ideaAccess(caller, record);
      return access && (access === 'FULL' || !byOwner) ? [{ record, access }] : [];
    });
    return toPage(
      visible.slice(offset, offset + size).map(({ record, access }) => this.view(caller, record, access)),
      offset,
      size,
      visible.length,
    );
  }

  async create(caller: Caller, input: CreateProjectIdeaInput, http: HttpExchange): Promise<ProjectIdea> {
    const municipalityAgs = checkAgs(input.municipalityAgs);
    guard.municipality(caller, municipalityAgs);
    const idea = {
      id: randomUUID(),
      municipalityAgs,
      title: text(input.title, 'title', 3, 150),
      taskAreaId: await this.checkTaskArea(input.taskAreaId),
      description: text(input.description, 'description', 10, 5000),
      partnersSought: integer(input.partnersSought, 'partnersSought', 1, 30),
      targetPopulation:
        input.targetPopulation === null || input.targetPopulation === undefined ? null : integer(input.targetPopulation, 'targetPopulation', 1, 20_000_000),
      radiusKm: input.radiusKm === null || input.radiusKm === undefined ? null : radius(input.radiusKm),
      timeline: optionalText(input.timeline, 'timeline', 200),
      fundingPlanned: input.fundingPlanned,
      visibility: input.visibility,
    };
    if (!(await this.repository.nrwMunicipalityExists(municipalityAgs))) {
      throw new BadUserInputError('municipalityAgs', `Keine Kommune in NRW: ${municipalityAgs}.`, `Not a municipality in NRW: ${municipalityAgs}.`);
    }
    const created = await this.repository.createIdea(
      idea,
      this.audit(AuditAction.IDEA_CREATED, http, caller, idea.id, { municipalityAgs, visibility: idea.visibility }),
    );
    if (!created) throw new NotFoundError('municipality', municipalityAgs);
    return this.view(caller, created, 'FULL');
  }

  private async checkTaskArea(id: string, field = 'taskAreaId'): Promise<string> {
    if (!TASK_AREA_ID.test(id))
      throw new BadUserInputError(
        field,
        `${fieldLabel('taskAreaId', 'de')} ist kein gültiges Aufgabenfeld (Kleinbuchstaben, z. B. standesamt).`,
        `${fieldLabel('taskAreaId', 'en')} is not a valid task area (lower case, e.g. standesamt).`,
      );
    if (!(await this.repository.taskAreaExists(id)))
      throw new BadUserInputError(field, `Das Aufgabenfeld „${id}“ gibt es nicht.`, `The task area "${id}" does not exist.`);
    return id;
  }

  async update(caller: Caller, input: UpdateProjectIdeaInput, http: HttpExchange): Promise<ProjectIdea> {
    const { record } = await this.load(caller, input.ideaId);
    boardGuard.manageIdea(caller, record);
    integer(input.expectedVersion, 'expectedVersion', 1, Number.MAX_SAFE_INTEGER);
    const changes: IdeaChanges = {};
    if (input.title !== null && input.title !== undefined) changes.title = text(input.title, 'title', 3, 150);
    if (input.taskAreaId !== null && input.taskAreaId !== undefined) changes.taskAreaId = await this.checkTaskArea(input.taskAreaId);
    if (input.description !== null && input.description !== undefined) changes.description = text(input.description, 'description', 10, 5000);
    if (input.partnersSought !== null && input.partnersSought !== undefined) changes.partnersSought = integer(input.partnersSought, 'partnersSought', 1, 30);
    if (input.clearTargetPopulation) {
      if (input.targetPopulation !== null && input.targetPopulation !== undefined)
        throw new BadUserInputError(
          'targetPopulation',
          'Bitte entweder „targetPopulation“ oder „clearTargetPopulation“ angeben.',
          'Please give either "targetPopulation" or "clearTargetPopulation".',
        );
      changes.targetPopulation = null;
    } else if (input.targetPopulation !== null && input.targetPopulation !== undefined)
      changes.targetPopulation = integer(input.targetPopulation, 'targetPopulation', 1, 20_000_000);
    if (input.clearRadiusKm) {
      if (input.radiusKm !== null && input.radiusKm !== undefined)
        throw new BadUserInputError('radiusKm', 'Bitte entweder „radiusKm“ oder „clearRadiusKm“ angeben.', 'Please give either "radiusKm" or "clearRadiusKm".');
      changes.radiusKm = null;
    } else if (input.radiusKm !== null && input.radiusKm !== undefined) changes.radiusKm = radius(input.radiusKm);
    if (input.timeline !== null && input.timeline !== undefined) changes.timeline = optionalText(input.timeline, 'timeline', 200);
    if (input.fundingPlanned !== null && input.fundingPlanned !== undefined) changes.fundingPlanned = input.fundingPlanned;
    if (input.visibility !== null && input.visibility !== undefined) changes.visibility = input.visibility;
    if (Object.keys(changes).length === 0) throw new BadUserInputError('input', 'Die Änderung enthält kein Feld.', 'The update names no field.');
    if (record.version !== input.expectedVersion) throw staleVersion(record);
    if (record.status !== IdeaStatus.OPEN) throw notOpen(record, 'Nicht mehr änderbar', 'It can no longer be edited');
    const result = await this.repository.updateIdea(
      record.id,
      input.expectedVersion,
      changes,
      this.audit(AuditAction.IDEA_UPDATED, http, caller, record.id, { fields: Object.keys(changes), version: input.expectedVersion + 1 }),
    );
    if (!result.value) throw new NotFoundError(IDEA_KIND, record.id);
    // Someone else got in between the check above and the write: the statement refused it.
    if (!result.ok)
      throw result.value.version !== input.expectedVersion
        ? staleVersion(result.value)
        : notOpen(result.value, 'Nicht mehr änderbar', 'It can no longer be edited');
    return this.view(caller, result.value, 'FULL');
  }

  async withdraw(caller: Caller, input: ProjectIdeaStateInput, http: HttpExchange): Promise<ProjectIdea> {
    return this.setStatus(caller, input, http, [IdeaStatus.OPEN, IdeaStatus.PARTNERSHIP_COMPLETE], IdeaStatus.WITHDRAWN, AuditAction.IDEA_WITHDRAWN, [
      'Zurückziehen nicht möglich',
      'It cannot be withdrawn',
    ]);
  }

  /** „Partnerschaft vollständig“: the idea stays on the board, marked complete; no new interests. */
  async complete(caller: Caller, input: ProjectIdeaStateInput, http: HttpExchange): Promise<ProjectIdea> {
    return this.setStatus(caller, input, http, [IdeaStatus.OPEN], IdeaStatus.PARTNERSHIP_COMPLETE, AuditAction.IDEA_COMPLETED, [
      'Abschließen nicht möglich',
      'It cannot be completed',
    ]);
  }

  private async setStatus(
    caller: Caller,
    input: ProjectIdeaStateInput,
    http: HttpExchange,
    from: IdeaStatus[],
    to: IdeaStatus,
    action: AuditAction,
    [whatDe, whatEn]: [string, string],
  ): Promise<ProjectIdea> {
    const { record } = await this.load(caller, input.ideaId);
    boardGuard.manageIdea(caller, record);
    const expected = input.expectedVersion ?? null;
    if (expected !== null) integer(expected, 'expectedVersion', 1, Number.MAX_SAFE_INTEGER);
    if (expected !== null && record.version !== expected) throw staleVersion(record);
    if (!from.includes(record.status)) throw notOpen(record, whatDe, whatEn);
    const result = await this.repository.setIdeaStatus(record.id, from, to, expected, this.audit(action, http, caller, record.id, { from: record.status, to }));
    if (!result.value) throw new NotFoundError(IDEA_KIND, record.id);
    if (!result.ok) throw expected !== null && result.value.version !== expected ? staleVersion(result.value) : notOpen(result.value, whatDe, whatEn);
    return this.view(caller, result.value, 'FULL');
  }

  // --- fit, both ways ---------------------------------------------------------------------------------------

  /** The engine's partner suggestions for the idea (its task area, radius and target population); null while the owner is hidden. */
  async suggestions(idea: ProjectIdea, limit: number | null | undefined, counter: QueryCounter): Promise<PartnerSuggestions | null> {
    const size = limit ?? 10;
    if (!Number.isInteger(size) || size < 1 || size > IDEA_SUGGESTION_LIMIT) {
      throw new BadUserInputError(
        'limit',
        `${fieldLabel('limit', 'de')} muss zwischen 1 und ${IDEA_SUGGESTION_LIMIT} liegen.`,
        `${fieldLabel('limit', 'en')} must be between 1 and ${IDEA_SUGGESTION_LIMIT}.`,
      );
    }
    if (idea.access !== 'FULL') return null;
    const ranking = await this.rankings.ranking(idea.record, counter);
    return { ...ranking, candidates: ranking.candidates.slice(0, size) };
  }

  /**
   * „Vorhaben, die zu uns passen“: open ideas the caller sees in full, of other municipalities, whose ranking puts one
   * of the caller's municipalities (or the one named) within the first FIT_WITHIN_RANK — best rank first. Rankings
   * come from the per-snapshot cache, so a warm list costs one query and map lookups.
   */
  async fitting(
    caller: Caller,
    ags: string | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    counter: QueryCounter,
  ): Promise<Page<{ idea: ProjectIdea; municipality: Municipality; rank: number; candidate: PartnerCandidate }>> {
    const size = pageSize(first);
    const offset = decodeCursor(after);
    let ours: string[];
    if (ags !== null && ags !== undefined) {
      guard.municipality(caller, checkAgs(ags, 'ags'));
      ours = [ags];
    } else {
      ours = caller.account.municipalityAgs;
      if (ours.length === 0)
        throw new BadUserInputError(
          'ags',
          'Bitte eine Kommune angeben („ags“): Ihr Konto gehört zu keiner Kommune.',
          'Please name a municipality ("ags"): your account belongs to none.',
        );
    }
    const records = await this.repository.ideas({ statuses: [IdeaStatus.OPEN], taskAreaId: null, municipalityAgs: null }, counter);
    const fits: Array<{ idea: ProjectIdea; municipality: Municipality; rank: number; candidate: PartnerCandidate }> = [];
    for (const record of records) {
      if (ours.includes(record.municipalityAgs) || boardGuard.ideaAccess(caller, record) !== 'FULL') continue;
      let ranking: PartnerSuggestions;
      try {
        ranking = await this.rankings.ranking(record, counter);
      } catch (error) {
        // An idea the engine cannot rank (its task area gone from the taxonomy) is left out, not the whole list.
        if (error instanceof AppError && error.extensions.code !== 'UNAVAILABLE') continue;
        throw error;
      }
      const idea = this.view(caller, record, 'FULL');
      for (const candidate of ranking.candidates.slice(0, FIT_WITHIN_RANK)) {
        if (ours.includes(candidate.municipality.ags)) fits.push({ idea, municipality: candidate.municipality, rank: candidate.rank, candidate });
      }
    }
    fits.sort(
      (a, b) =>
        a.rank - b.rank || b.candidate.score - a.candidate.score || b.idea.createdAt.localeCompare(a.idea.createdAt) || a.idea.id.localeCompare(b.idea.id),
    );
    return toPage(fits.slice(offset, offset + size), offset, size, fits.length);
  }

  // --- interest and consent ---------------------------------------------------------------------------------

  viewInterest(record: InterestRecord): Interest {
    return { id: record.id, status: record.status, message: record.message, createdAt: record.createdAt, respondedAt: record.respondedAt, record } as Interest;
  }

  /** The interests of an idea the caller sees: all of them for the owner side and the office, their own for the others. */
  async interestsOf(caller: Caller, idea: ProjectIdea, loaders: BoardLoaders): Promise<Interest[]> {
    const interests = await loaders.interestsOfIdea.load(idea.id);
    return interests.filter((x) => boardGuard.interestSide(caller, x, idea.record) !== null).map((x) => this.viewInterest(x));
  }

  async myInterests(caller: Caller, first: number | null | undefined, after: string | null | undefined, counter: QueryCounter): Promise<Page<Interest>> {
    const size = pageSize(first);
    const offset = decodeCursor(after);
    const own = caller.account.municipalityAgs;
    const records = own.length === 0 ? [] : await this.repository.interestsOfMunicipalities(own, counter);
    return toPage(
      records.slice(offset, offset + size).map((x) => this.viewInterest(x)),
      offset,
      size,
      records.length,
    );
  }

  async expressInterest(caller: Caller, input: ExpressInterestInput, http: HttpExchange): Promise<Interest> {
    const { record, access } = await this.load(caller, input.ideaId);
    const municipalityAgs = checkAgs(input.municipalityAgs);
    boardGuard.actFor(caller, municipalityAgs);
    // An anonymised idea takes interest only from a municipality the office proposed for it (or one already a party).
    if (access !== 'FULL' && !record.interestedAgs.includes(municipalityAgs) && !record.proposedAgs.includes(municipalityAgs))
      throw new NotFoundError(IDEA_KIND, record.id);
    if (municipalityAgs === record.municipalityAgs) {
      throw new BadUserInputError(
        'municipalityAgs',
        'Eine Kommune kann kein Interesse an ihrem eigenen Vorhaben bekunden.',
        'A municipality cannot express interest in its own idea.',
      );
    }
    const message = text(input.message, 'message', 10, 2000);
    if (record.status !== IdeaStatus.OPEN) throw notOpen(record, 'Interesse nicht möglich', 'Interest is not possible');
    const duplicate = () =>
      new ConflictError('Ihre Kommune hat an diesem Vorhaben bereits Interesse bekundet.', 'Your municipality has already expressed interest in this idea.');
    if (record.interestedAgs.includes(municipalityAgs)) throw duplicate();
    const id = randomUUID();
    const result = await this.repository.expressInterest(
      record.id,
      { id, municipalityAgs, message },
      this.audit(AuditAction.INTEREST_EXPRESSED, http, caller, id, { ideaId: record.id, municipalityAgs }),
    );
    if (result.duplicate) throw duplicate();
    if (!result.ok || !result.value) throw notOpen((await this.repository.idea(record.id)) ?? record, 'Interesse nicht möglich', 'Interest is not possible');
    return this.viewInterest(result.value);
  }

  /** The interest and its idea, for a decision: NOT_FOUND when the caller may not see the interest. */
  private async interestForDecision(caller: Caller, id: string): Promise<{ interest: InterestRecord; idea: IdeaRecord }> {
    checkId(id, 'interestId');
    const interest = await this.repository.interest(id);
    const idea = interest ? await this.repository.idea(interest.ideaId) : null;
    if (!interest || !idea || boardGuard.interestSide(caller, interest, idea) === null) throw new NotFoundError(INTEREST_KIND, id);
    return { interest, idea };
  }

  async accept(caller: Caller, interestId: string, http: HttpExchange): Promise<Interest> {
    return this.respond(caller, interestId, http, InterestStatus.ACCEPTED);
  }

  async decline(caller: Caller, interestId: string, http: HttpExchange): Promise<Interest> {
    return this.respond(caller, interestId, http, InterestStatus.DECLINED);
  }

  /**
   * The owner's decision. Accepting: a PENDING interest of an open idea. Declining: a PENDING one until the idea is
   * withdrawn, or an ACCEPTED one at any time — „Freigabe zurücknehmen“: consent works both ways, so the owner can
   * take it back as the interested side can by withdrawing (audited as a decline with `revoked: true`).
   */
  private async respond(caller: Caller, interestId: string, http: HttpExchange, to: InterestStatus.ACCEPTED | InterestStatus.DECLINED): Promise<Interest> {
    const { interest, idea } = await this.interestForDecision(caller, interestId);
    boardGuard.respond(caller, idea);
    const revoke = to === InterestStatus.DECLINED && interest.status === InterestStatus.ACCEPTED;
    const ideaStatuses =
      to === InterestStatus.ACCEPTED
        ? [IdeaStatus.OPEN]
        : revoke
          ? [IdeaStatus.OPEN, IdeaStatus.PARTNERSHIP_COMPLETE, IdeaStatus.WITHDRAWN]
          : [IdeaStatus.OPEN, IdeaStatus.PARTNERSHIP_COMPLETE];
    const refused = (x: InterestRecord, i: IdeaRecord) =>
      x.status !== InterestStatus.PENDING && !(to === InterestStatus.DECLINED && x.status === InterestStatus.ACCEPTED)
        ? new ConflictError(`Über dieses Interesse ist bereits entschieden (${x.status}).`, `This interest has already been decided (${x.status}).`, {
            current: { id: x.id, status: x.status },
          })
        : x.status !== interest.status
          ? new ConflictError(
              `Das Interesse wurde inzwischen geändert (jetzt ${x.status}). Bitte laden Sie neu.`,
              `The interest has changed in the meantime (now ${x.status}). Please reload.`,
              { current: { id: x.id, status: x.status } },
            )
          : notOpen(i, 'Entscheidung nicht möglich', 'No decision possible');
    if ((interest.status !== InterestStatus.PENDING && !revoke) || !ideaStatuses.includes(idea.status)) throw refused(interest, idea);
    const action = to === InterestStatus.ACCEPTED ? AuditAction.INTEREST_ACCEPTED : AuditAction.INTEREST_DECLINED;
    const kind = to === InterestStatus.ACCEPTED ? NoticeKind.INTEREST_ACCEPTED : NoticeKind.INTEREST_DECLINED;
    // The statement changes the interest only while it is still in the state read here, so `revoked` in the audit
    // says what really happened (a decision racing in between is a CONFLICT).
    const result = await this.repository.respondToInterest(
      interest.id,
      interest.status,
      to,
      kind,
      ideaStatuses,
      this.audit(action, http, caller, interest.id, {
        ideaId: idea.id,
        municipalityAgs: interest.municipalityAgs,
        ...(revoke ? { revoked: true } : {}),
      }),
    );
    if (!result.value) throw new NotFoundError(INTEREST_KIND, interest.id);
    if (!result.ok) throw refused(result.value, (await this.repository.idea(idea.id)) ?? idea);
    return this.viewInterest(result.value);
  }

  async withdrawInterest(caller: Caller, interestId: string, http: HttpExchange): Promise<Interest> {
    const { interest, idea } = await this.interestForDecision(caller, interestId);
    boardGuard.actFor(caller, interest.municipalityAgs);
    const refused = (x: InterestRecord) =>
      new ConflictError(`Dieses Interesse kann nicht mehr zurückgezogen werden (${x.status}).`, `This interest can no longer be withdrawn (${x.status}).`, {
        current: { id: x.id, status: x.status },
      });
    if (interest.status !== InterestStatus.PENDING && interest.status !== InterestStatus.ACCEPTED) throw refused(interest);
    const result = await this.repository.withdrawInterest(
      interest.id,
      this.audit(AuditAction.INTEREST_WITHDRAWN, http, caller, interest.id, { ideaId: idea.id, municipalityAgs: interest.municipalityAgs }),
    );
    if (!result.value) throw new NotFoundError(INTEREST_KIND, interest.id);
    if (!result.ok) throw refused(result.value);
    return this.viewInterest(result.value);
  }

  /** The idea of an interest, as the caller may see it. */
  interestIdea(caller: Caller | null, interest: Interest, loaders: BoardLoaders): Promise<ProjectIdea | null> {
    return this.ideaOrNull(caller, interest.record.ideaId, loaders);
  }

  /**
   * Contact details of both sides: only for the two municipalities' staff, only once accepted (null before). The
   * owner side is the account that accepted, the interested side the one that expressed the interest, each with
   * their municipality's contact persons.
   */
  async contact(
    caller: Caller,
    interest: Interest,
    loaders: BoardLoaders,
  ): Promise<{
    owner: { municipalityAgs: string; accountId: string | null; name: string | null; email: string | null };
    interested: { municipalityAgs: string; accountId: string | null; name: string | null; email: string | null };
  } | null> {
    const idea = await loaders.idea.load(interest.record.ideaId);
    if (!idea) return null;
    if (!boardGuard.contact(caller, interest.record, idea)) return null;
    const [owner, interested] = await Promise.all([
      interest.record.respondedBy ? loaders.accountContact.load(interest.record.respondedBy) : null,
      loaders.accountContact.load(interest.record.createdBy),
    ]);
    return {
      owner: { municipalityAgs: idea.municipalityAgs, accountId: interest.record.respondedBy, name: owner?.name ?? null, email: owner?.email ?? null },
      interested: {
        municipalityAgs: interest.record.municipalityAgs,
        accountId: interest.record.createdBy,
        name: interested?.name ?? null,
        email: interested?.email ?? null,
      },
    };
  }

  // --- brokering by the office (issue 12, part 4; docs/decisions/017) ------------------------------------------

  /**
   * Moves the idea along the pipeline (owner's staff, the office): forward by one or more steps, DISCONTINUED from
   * any stage before the final ones, IMPLEMENTED / FUNDED only from AGREEMENT. The statement checks the stage it
   * starts from, so the pre-check here gives the clear message and the statement decides races.
   */
  async setStage(caller: Caller, input: SetProjectIdeaStageInput, http: HttpExchange): Promise<ProjectIdea> {
    const { record } = await this.load(caller, input.ideaId);
    boardGuard.setStage(caller, record);
    if (!Object.values(IdeaStage).includes(input.stage)) throw new BadUserInputError('stage', 'Diese Phase gibt es nicht.', 'This stage does not exist.');
    if (input.stage === IdeaStage.IDEA)
      throw new BadUserInputError(
        'stage',
        '„Idee“ ist die erste Phase; ein Vorhaben kehrt nicht dorthin zurück.',
        '"Idea" is the first stage; an idea does not go back to it.',
      );
    const note = optionalText(input.note, 'note', 1000);
    const expected = input.expectedVersion ?? null;
    if (expected !== null) integer(expected, 'expectedVersion', 1, Number.MAX_SAFE_INTEGER);
    if (expected !== null && record.version !== expected) throw staleVersion(record);
    const refusal = stageRefusal(record, input.stage);
    if (refusal) throw refusal;
    const from = stagesBefore(input.stage);
    const result = await this.repository.setIdeaStage(
      record.id,
      from,
      input.stage,
      STAGE_STATUSES,
      expected,
      note,
      this.audit(AuditAction.IDEA_STAGE_CHANGED, http, caller, record.id, { from: record.stage, to: input.stage }),
    );
    if (!result.value) throw new NotFoundError(IDEA_KIND, record.id);
    if (!result.ok)
      throw expected !== null && result.value.version !== expected
        ? staleVersion(result.value)
        : (stageRefusal(result.value, input.stage) ?? staleVersion(result.value));
    return this.view(caller, result.value, 'FULL');
  }

  /**
   * The pipeline of an idea: the posting (IDEA) and every change since, oldest first. Who moved it and the note only
   * for the parties that know each other (boardGuard.mayReadStageDetails): for anyone else they could name the owner.
   */
  async stageHistory(caller: Caller | null, idea: ProjectIdea, loaders: BoardLoaders): Promise<IdeaStageChange[]> {
    const details = idea.access === 'FULL' && boardGuard.mayReadStageDetails(caller, idea.record);
    const [changes, poster] = await Promise.all([
      loaders.stageHistory.load(idea.id),
      details ? loaders.accountContact.load(idea.record.createdBy) : Promise.resolve(null),
    ]);
    return [
      { stage: IdeaStage.IDEA, fromStage: null, at: idea.record.createdAt, by: poster?.name ?? null, note: null },
      ...changes.map((c) => ({ stage: c.stage, fromStage: c.fromStage, at: c.at, by: details ? c.byName : null, note: details ? c.note : null })),
    ];
  }

  /** A proposal for the API, its status derived from the proposed municipality's interest in the idea (if any). */
  viewProposal(record: ProposalRecord, interests: InterestRecord[]): Proposal {
    const own = interests.filter((x) => x.municipalityAgs === record.municipalityAgs);
    const interest = own.find((x) => x.status !== InterestStatus.WITHDRAWN) ?? own.at(-1) ?? null;
    const status = !interest
      ? ProposalStatus.OPEN
      : (
          {
            [InterestStatus.PENDING]: ProposalStatus.INTEREST_EXPRESSED,
            [InterestStatus.ACCEPTED]: ProposalStatus.ACCEPTED,
            [InterestStatus.DECLINED]: ProposalStatus.DECLINED,
            [InterestStatus.WITHDRAWN]: ProposalStatus.WITHDRAWN,
          } as const
        )[interest.status];
    return {
      id: record.id,
      status,
      message: record.message,
      createdAt: record.createdAt,
      interestAt: interest?.createdAt ?? null,
      record,
      interest,
    };
  }

  /** The office proposes an NRW municipality for an open idea (any visibility); both sides get a MATCH_PROPOSED notice. */
  async proposeMatch(caller: Caller, input: ProposeMatchInput, http: HttpExchange): Promise<Proposal> {
    guard.office(caller);
    const { record } = await this.load(caller, input.ideaId);
    const municipalityAgs = checkAgs(input.municipalityAgs);
    const message = text(input.message, 'message', 10, 2000);
    if (municipalityAgs === record.municipalityAgs)
      throw new BadUserInputError(
        'municipalityAgs',
        'Die Kommune hat das Vorhaben selbst eingestellt; vorschlagen lässt sich nur eine andere.',
        'The municipality posted the idea itself; only another one can be proposed.',
      );
    if (!(await this.repository.nrwMunicipalityExists(municipalityAgs)))
      throw new BadUserInputError('municipalityAgs', `Keine Kommune in NRW: ${municipalityAgs}.`, `Not a municipality in NRW: ${municipalityAgs}.`);
    const refusal = (idea: IdeaRecord): AppError | null => {
      if (idea.status !== IdeaStatus.OPEN) return notOpen(idea, 'Vorschlag nicht möglich', 'No proposal possible');
      if (idea.proposedAgs.includes(municipalityAgs))
        return new ConflictError('Diese Kommune wurde für das Vorhaben bereits vorgeschlagen.', 'This municipality has already been proposed for the idea.');
      if (idea.interestedAgs.includes(municipalityAgs))
        return new ConflictError(
          'Diese Kommune hat an dem Vorhaben bereits Interesse bekundet.',
          'This municipality has already expressed interest in the idea.',
        );
      return null;
    };
    const before = refusal(record);
    if (before) throw before;
    const id = randomUUID();
    const result = await this.repository.proposeMatch(
      record.id,
      { id, municipalityAgs, message },
      this.audit(AuditAction.MATCH_PROPOSED, http, caller, id, { ideaId: record.id, municipalityAgs }),
    );
    if (result.duplicate)
      throw new ConflictError('Diese Kommune wurde für das Vorhaben bereits vorgeschlagen.', 'This municipality has already been proposed for the idea.');
    if (!result.ok || !result.value) {
      const now = (await this.repository.idea(record.id)) ?? record;
      throw refusal(now) ?? notOpen(now, 'Vorschlag nicht möglich', 'No proposal possible');
    }
    return this.viewProposal(result.value, []);
  }

  /** Proposals of an idea: all for the office and the owner's staff, their own for a proposed municipality's staff. */
  async proposalsOf(caller: Caller, idea: ProjectIdea, loaders: BoardLoaders): Promise<Proposal[]> {
    const proposals = (await loaders.proposalsOfIdea.load(idea.id)).filter((p) => boardGuard.proposalSide(caller, p, idea.record) !== null);
    if (proposals.length === 0) return [];
    const interests = await loaders.interestsOfIdea.load(idea.id);
    return proposals.map((p) => this.viewProposal(p, interests));
  }

  /** Proposals the office made to the caller's municipalities, newest first. */
  async myProposals(
    caller: Caller,
    first: number | null | undefined,
    after: string | null | undefined,
    loaders: BoardLoaders,
    counter: QueryCounter,
  ): Promise<Page<Proposal>> {
    const size = pageSize(first);
    const offset = decodeCursor(after);
    const own = caller.account.municipalityAgs;
    const records = own.length === 0 ? [] : await this.repository.proposalsOfMunicipalities(own, counter);
    const page = records.slice(offset, offset + size);
    const interests = await Promise.all(page.map((p) => loaders.interestsOfIdea.load(p.ideaId)));
    return toPage(
      page.map((p, k) => this.viewProposal(p, interests[k]!)),
      offset,
      size,
      records.length,
    );
  }

  /** The proposal's interest, when the caller may see it. */
  async proposalInterest(caller: Caller | null, proposal: Proposal, loaders: BoardLoaders): Promise<Interest | null> {
    if (!proposal.interest) return null;
    const idea = await loaders.idea.load(proposal.record.ideaId);
    return idea && boardGuard.interestSide(caller, proposal.interest, idea) !== null ? this.viewInterest(proposal.interest) : null;
  }

  private viewNote(record: IdeaNoteRecord): IdeaNote {
    return { id: record.id, text: record.text, createdAt: record.createdAt, authorName: record.authorName };
  }

  /** An office note (office and administrators only); notes are append-only. */
  async addNote(caller: Caller, input: AddProjectIdeaNoteInput, http: HttpExchange): Promise<IdeaNote> {
    guard.office(caller);
    const { record } = await this.load(caller, input.ideaId);
    const noteText = text(input.text, 'text', 1, 5000);
    const id = randomUUID();
    const created = await this.repository.addNote(
      record.id,
      { id, text: noteText },
      this.audit(AuditAction.IDEA_NOTE_ADDED, http, caller, record.id, { noteId: id }),
    );
    if (!created) throw new NotFoundError(IDEA_KIND, record.id);
    return this.viewNote(created);
  }

  async notesOf(caller: Caller, idea: ProjectIdea, loaders: BoardLoaders): Promise<IdeaNote[]> {
    guard.office(caller);
    return (await loaders.notesOfIdea.load(idea.id)).map((n) => this.viewNote(n));
  }

  /**
   * The office's dashboard: counts by stage, board status, Regierungsbezirk, Kreis and age, from one read of every
   * idea; the rows (ideas not withdrawn) feed `ideasWithoutInterest`.
   */
  async dashboard(caller: Caller, counter: QueryCounter): Promise<OfficeBoardDashboard> {
    guard.office(caller);
    const rows = await this.repository.dashboardRows(counter);
    const active = rows.filter((r) => r.idea.status !== IdeaStatus.WITHDRAWN);
    const open = active.filter((r) => r.idea.status === IdeaStatus.OPEN);
    const tally = <K>(items: K[]): Map<K, number> => items.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
    const stages = tally(active.map((r) => r.idea.stage));
    const statuses = tally(rows.map((r) => r.idea.status));
    const regions = new Map<string, { region: NonNullable<(typeof rows)[number]['region']>; count: number }>();
    const districts = new Map<string, { district: NonNullable<(typeof rows)[number]['district']>; count: number }>();
    for (const r of active) {
      if (r.region) regions.set(r.region.key, { region: r.region, count: (regions.get(r.region.key)?.count ?? 0) + 1 });
      if (r.district) districts.set(r.district.key, { district: r.district, count: (districts.get(r.district.key)?.count ?? 0) + 1 });
    }
    const byCount = <T extends { count: number }>(a: T, b: T, name: (x: T) => string) => b.count - a.count || name(a).localeCompare(name(b), 'de');
    const ages = open.map((r) => r.ageDays).sort((a, b) => a - b);
    const median =
      ages.length === 0 ? null : ages.length % 2 ? ages[(ages.length - 1) / 2]! : Math.round((ages[ages.length / 2 - 1]! + ages[ages.length / 2]!) / 2);
    return {
      activeIdeas: active.length,
      byStage: Object.values(IdeaStage).map((stage) => ({ stage, count: stages.get(stage) ?? 0 })),
      byStatus: Object.values(IdeaStatus).map((status) => ({ status, count: statuses.get(status) ?? 0 })),
      byRegion: [...regions.values()].sort((a, b) => byCount(a, b, (x) => x.region.name)),
      byDistrict: [...districts.values()].sort((a, b) => byCount(a, b, (x) => x.district.name)),
      ageBands: AGE_BANDS.map(([fromDays, toDays]) => ({
        fromDays,
        toDays,
        count: ages.filter((d) => d >= fromDays && (toDays === null || d < toDays)).length,
      })),
      medianAgeDays: median,
      rows: active.map((r) => ({
        idea: this.view(caller, r.idea, 'FULL'),
        ageDays: r.ageDays,
        interestCount: r.interestCount,
        proposalCount: r.proposalCount,
      })),
    };
  }

  /** Open ideas posted at least `days` ago without any interest (withdrawn ones do not count either), oldest first. */
  ideasWithoutInterest(dashboard: OfficeBoardDashboard, days: number | null | undefined): DashboardIdea[] {
    const after = days ?? 30;
    if (!Number.isInteger(after) || after < 0 || after > 3650)
      throw new BadUserInputError('days', 'Die Anzahl der Tage muss zwischen 0 und 3650 liegen.', 'The number of days must be between 0 and 3650.');
    return dashboard.rows
      .filter((r) => r.idea.status === IdeaStatus.OPEN && r.ageDays >= after && r.interestCount === 0)
      .sort((a, b) => b.ageDays - a.ageDays || a.idea.id.localeCompare(b.idea.id));
  }

  /**
   * Whether the caller may read a municipality's contact persons (issue 11's field, issue 12's consent rule): own
   * staff, the office and administrators without a lookup; anyone else only with an accepted interest between their
   * municipality and this one (one batched lookup per request).
   */
  async contactPersonsVisible(caller: Caller | null, ags: string, loaders: BoardLoaders): Promise<boolean> {
    if (!caller) return false;
    if (!boardGuard.contactPersonsNeedConsent(caller, ags)) return true;
    if (caller.account.municipalityAgs.length === 0) return false;
    return boardGuard.mayReadContactPersons(caller, ags, await loaders.acceptedPartners.load(ags));
  }

  // --- inbox ------------------------------------------------------------------------------------------------

  viewNotice(record: NoticeRecord): Notice {
    return {
      id: record.id,
      kind: record.kind,
      stage: record.stage ?? null,
      createdAt: record.createdAt,
      read: record.readAt !== null,
      readAt: record.readAt,
      record,
    } as Notice;
  }

  async inbox(
    caller: Caller,
    unreadOnly: boolean,
    first: number | null | undefined,
    after: string | null | undefined,
    counter: QueryCounter,
  ): Promise<Page<Notice> & { unreadCount: number }> {
    const size = pageSize(first);
    const offset = decodeCursor(after);
    const { total, unread, page } = await this.repository.inbox(caller.account.id, unreadOnly, offset, size, counter);
    return {
      ...toPage(
        page.map((n) => this.viewNotice(n)),
        offset,
        size,
        unreadOnly ? unread : total,
      ),
      unreadCount: unread,
    };
  }

  async markRead(caller: Caller, input: MarkNoticesReadInput, http: HttpExchange): Promise<{ updated: number; unreadCount: number }> {
    const ids = [...new Set(input.noticeIds ?? [])];
    const all = input.all ?? false;
    if (all === ids.length > 0)
      throw new BadUserInputError('noticeIds', 'Bitte entweder „noticeIds“ oder „all“ angeben.', 'Please give either "noticeIds" or "all".');
    if (ids.length > 100)
      throw new BadUserInputError(
        'noticeIds',
        `${fieldLabel('noticeIds', 'de')} darf höchstens 100 Einträge haben.`,
        `${fieldLabel('noticeIds', 'en')} may hold at most 100 entries.`,
      );
    ids.forEach((id) => checkId(id, 'noticeIds'));
    // Another account's notice does not exist for the caller: NOT_FOUND, and nothing is marked.
    const own = new Set(await this.repository.ownNoticeIds(caller.account.id, ids));
    const missing = ids.find((id) => !own.has(id));
    if (missing) throw new NotFoundError(NOTICE_KIND, missing);
    const updated = await this.repository.markNoticesRead(
      caller.account.id,
      ids,
      all,
      this.audit(AuditAction.NOTICES_READ, http, caller, caller.account.id, all ? { all: true } : { noticeIds: ids }),
    );
    const { unread } = await this.repository.inbox(caller.account.id, true, 0, 1);
    return { updated, unreadCount: unread };
  }

  /** The notice's idea and interest as the caller may see them now (visibility may have changed since). */
  async noticeText(caller: Caller, notice: Notice, loaders: BoardLoaders, municipalityName: (ags: string) => Promise<string | null>): Promise<NoticeText> {
    const idea = await this.ideaOrNull(caller, notice.record.ideaId, loaders);
    const interest = notice.record.interestId ? await loaders.interest.load(notice.record.interestId) : null;
    const title = idea ? `„${idea.title}“` : null;
    const titleEn = idea ? `"${idea.title}"` : null;
    const owner = idea && idea.ownerRevealed ? await municipalityName(idea.record.municipalityAgs) : null;
    const interested = interest ? await municipalityName(interest.municipalityAgs) : null;
    switch (notice.kind) {
      case NoticeKind.MATCH_PROPOSED: {
        const proposal = notice.record.proposalId ? await loaders.proposal.load(notice.record.proposalId) : null;
        const proposed = proposal ? await municipalityName(proposal.municipalityAgs) : null;
        // The office's message is its own text, written for both sides: shown as written (also to the proposed side of
        // an office-only idea, where the owner stays hidden), to whoever sees the proposal (boardGuard.proposalSide).
        const message = proposal && idea && boardGuard.proposalSide(caller, proposal, idea.record) !== null ? proposal.message : null;
        const messageDe = message ? ` Nachricht der Geschäftsstelle: „${message}“` : '';
        const messageEn = message ? ` Message from the office: "${message}"` : '';
        // The owner side hears whom the office proposes; the proposed side hears of the idea (its owner only if revealed).
        if (idea && boardGuard.mayRespond(caller, idea.record))
          return {
            textDe:
              `Die Geschäftsstelle schlägt ${proposed ?? 'eine Kommune'} als Partner für Ihr Vorhaben ${title ?? ''} vor.`
                .replace(' .', '.')
                .replace('  ', ' ') + messageDe,
            textEn: `The office proposes ${proposed ?? 'a municipality'} as a partner for your idea ${titleEn ?? ''}`.trim() + '.' + messageEn,
          };
        return {
          textDe: `Die Geschäftsstelle schlägt Ihnen das Vorhaben ${title ?? ''}${owner ? ` von ${owner}` : ''} vor.`.replace('  ', ' ') + messageDe,
          textEn: `The office proposes the idea ${titleEn ?? ''}${owner ? ` of ${owner}` : ''} to you.`.replace('  ', ' ') + messageEn,
        };
      }
      case NoticeKind.STAGE_CHANGED: {
        const stage = notice.record.stage ?? IdeaStage.IDEA;
        return {
          textDe: `Das Vorhaben ${title ?? ''} ist jetzt in der Phase „${STAGE_DE[stage]}“.`.replace('  ', ' '),
          textEn: `The idea ${titleEn ?? ''} is now at the stage "${STAGE_EN[stage]}".`.replace('  ', ' '),
        };
      }
      case NoticeKind.INTEREST_RECEIVED:
        return {
          textDe: `${interested ?? 'Eine Kommune'} interessiert sich für Ihr Vorhaben ${title ?? ''}`.trim() + '.',
          textEn: `${interested ?? 'A municipality'} is interested in your idea ${titleEn ?? ''}`.trim() + '.',
        };
      case NoticeKind.INTEREST_ACCEPTED:
        return {
          textDe: `${owner ?? 'Die Kommune'} hat Ihr Interesse${title ? ` an ${title}` : ''} angenommen. Die Kontaktdaten sind jetzt sichtbar.`,
          textEn: `${owner ?? 'The municipality'} accepted your interest${titleEn ? ` in ${titleEn}` : ''}. The contact details are now visible.`,
        };
      case NoticeKind.INTEREST_WITHDRAWN:
        return {
          textDe: `${interested ?? 'Eine Kommune'} hat das Interesse an Ihrem Vorhaben ${title ?? ''} zurückgezogen.`.replace(' .', '.').replace('  ', ' '),
          textEn: `${interested ?? 'A municipality'} withdrew its interest in your idea ${titleEn ?? ''}`.trim() + '.',
        };
      case NoticeKind.INTEREST_DECLINED:
      default:
        if (notice.record.revoked)
          return {
            textDe: `${owner ?? 'Die Kommune'} hat die Freigabe zu Ihrem Interesse${title ? ` an ${title}` : ''} zurückgenommen. Die Kontaktdaten sind nicht mehr sichtbar.`,
            textEn: `${owner ?? 'The municipality'} took back the consent to your interest${titleEn ? ` in ${titleEn}` : ''}. The contact details are no longer visible.`,
          };
        return {
          textDe: `Ihr Interesse${title ? ` an ${title}` : ''} wurde abgelehnt.`,
          textEn: `Your interest${titleEn ? ` in ${titleEn}` : ''} was declined.`,
        };
    }
  }
}
