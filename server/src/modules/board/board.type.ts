import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../shared/pagination';
import { PartnerCandidate } from '../matching/matching.type';
import { District, Municipality, Region } from '../municipalities/municipality.type';

export enum IdeaVisibility {
  PUBLIC = 'PUBLIC',
  SIGNED_IN = 'SIGNED_IN',
  OFFICE_ONLY = 'OFFICE_ONLY',
}
export enum IdeaStatus {
  OPEN = 'OPEN',
  PARTNERSHIP_COMPLETE = 'PARTNERSHIP_COMPLETE',
  WITHDRAWN = 'WITHDRAWN',
}
export enum InterestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
export enum NoticeKind {
  INTEREST_RECEIVED = 'INTEREST_RECEIVED',
  INTEREST_ACCEPTED = 'INTEREST_ACCEPTED',
  INTEREST_DECLINED = 'INTEREST_DECLINED',
  /** The office proposed a municipality for an idea: to the owner's staff and the proposed municipality's staff. */
  MATCH_PROPOSED = 'MATCH_PROPOSED',
  /** The idea moved to another stage of the pipeline: to the owner's staff and municipalities with an accepted interest. */
  STAGE_CHANGED = 'STAGE_CHANGED',
  /** The interested municipality withdrew its (pending or accepted) interest: to the owner's staff. */
  INTEREST_WITHDRAWN = 'INTEREST_WITHDRAWN',
}
/**
 * The brokering pipeline (issue 12, part 4; docs/decisions/017), separate from the board status: Idee → Gespräche →
 * Absichtserklärung → Vereinbarung → umgesetzt / gefördert, or eingestellt. Forward only.
 */
export enum IdeaStage {
  IDEA = 'IDEA',
  TALKS = 'TALKS',
  LETTER_OF_INTENT = 'LETTER_OF_INTENT',
  AGREEMENT = 'AGREEMENT',
  IMPLEMENTED = 'IMPLEMENTED',
  FUNDED = 'FUNDED',
  DISCONTINUED = 'DISCONTINUED',
}
/** A proposal's state, derived from the proposed municipality's interest in the idea (if any). */
export enum ProposalStatus {
  OPEN = 'OPEN',
  INTEREST_EXPRESSED = 'INTEREST_EXPRESSED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(IdeaVisibility, {
  name: 'IdeaVisibility',
  description:
    'PUBLIC: everyone; SIGNED_IN: signed-in accounts; OFFICE_ONLY: the office and the owner municipality’s staff (the office brokers without revealing the owner)',
});
registerEnumType(IdeaStatus, {
  name: 'IdeaStatus',
  description: 'OPEN: looking for partners; PARTNERSHIP_COMPLETE: „Partnerschaft vollständig“; WITHDRAWN: taken back by the owner',
});
registerEnumType(InterestStatus, {
  name: 'InterestStatus',
  description: 'PENDING until the owner accepts or declines; contact details flow only when ACCEPTED',
});
registerEnumType(NoticeKind, { name: 'NoticeKind' });
registerEnumType(IdeaStage, {
  name: 'IdeaStage',
  description:
    'The office’s pipeline: IDEA „Idee“ → TALKS „Gespräche“ → LETTER_OF_INTENT „Absichtserklärung“ → AGREEMENT „Vereinbarung“ → IMPLEMENTED „umgesetzt“ / FUNDED „gefördert“ (only from AGREEMENT), or DISCONTINUED „eingestellt“ (from any stage before the last); forward only',
});
registerEnumType(ProposalStatus, {
  name: 'ProposalStatus',
  description:
    'OPEN: proposed, no interest yet; INTEREST_EXPRESSED: the proposed municipality expressed interest (pending); ACCEPTED / DECLINED: the owner decided on it; WITHDRAWN: the proposed municipality withdrew its interest',
});

/** An idea as stored, with the municipalities that hold a live interest in it (visibility depends on them). */
export interface IdeaRecord {
  id: string;
  version: number;
  municipalityAgs: string;
  taskAreaId: string;
  title: string;
  description: string;
  partnersSought: number;
  targetPopulation: number | null;
  radiusKm: number | null;
  timeline: string | null;
  fundingPlanned: boolean;
  visibility: IdeaVisibility;
  status: IdeaStatus;
  /** The brokering pipeline's stage (IDEA for ideas posted before it existed) and when it was last changed. */
  stage: IdeaStage;
  stageChangedAt: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  completedAt: string | null;
  withdrawnAt: string | null;
  /** Municipalities with a PENDING, ACCEPTED or DECLINED interest, and those whose interest was ACCEPTED. */
  interestedAgs: string[];
  acceptedAgs: string[];
  /** Municipalities the office proposed for the idea (they may see it, anonymised when office-only). */
  proposedAgs: string[];
}

export interface ProposalRecord {
  id: string;
  ideaId: string;
  municipalityAgs: string;
  message: string;
  createdAt: string;
  createdBy: string;
}

export interface StageChangeRecord {
  id: string;
  ideaId: string;
  stage: IdeaStage;
  fromStage: IdeaStage | null;
  at: string;
  by: string;
  byName: string | null;
  note: string | null;
}

export interface IdeaNoteRecord {
  id: string;
  ideaId: string;
  text: string;
  createdAt: string;
  createdBy: string;
  authorName: string | null;
}

export interface InterestRecord {
  id: string;
  ideaId: string;
  municipalityAgs: string;
  message: string;
  status: InterestStatus;
  createdAt: string;
  createdBy: string;
  respondedAt: string | null;
  respondedBy: string | null;
}

export interface NoticeRecord {
  id: string;
  accountId: string;
  kind: NoticeKind;
  ideaId: string;
  interestId: string | null;
  /** MATCH_PROPOSED: the proposal; STAGE_CHANGED: the stage reached. */
  proposalId: string | null;
  stage: IdeaStage | null;
  /** INTEREST_DECLINED: true when the owner took back a consent given before (ACCEPTED → DECLINED). */
  revoked?: boolean | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * How much of an idea a caller may see (auth.guard.ts, `guard.board.ideaAccess`): FULL, or ANONYMISED for a party that
 * may see an office-only idea but not yet who posted it.
 */
export type IdeaAccess = 'FULL' | 'ANONYMISED';

@ObjectType({ description: 'A project idea on the Kooperationsbörse: what a municipality wants to do together and which partners it looks for' })
export class ProjectIdea {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'Increases with every change; updates name the version they are based on' }) version!: number;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => Int, { description: 'How many partners are sought' }) partnersSought!: number;
  @Field(() => Int, { nullable: true, description: 'Population the cooperation should reach' }) targetPopulation!: number | null;
  @Field(() => Float, { nullable: true, description: 'Search radius in km (null: the task area’s default)' }) radiusKm!: number | null;
  @Field(() => String, { nullable: true, description: 'When it should start / how long it runs, as the owner put it' }) timeline!: string | null;
  @Field(() => Boolean, { description: 'State funding (Förderrichtlinie IKZ NRW) is planned' }) fundingPlanned!: boolean;
  @Field(() => IdeaVisibility) visibility!: IdeaVisibility;
  @Field(() => IdeaStatus) status!: IdeaStatus;
  @Field(() => IdeaStage, { description: 'Stage of the brokering pipeline (separate from the board status)' }) stage!: IdeaStage;
  @Field(() => String, { description: 'ISO date-time of the last stage change (the posting while still IDEA)' }) stageChangedAt!: string;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
  @Field(() => String, { description: 'ISO date-time' }) updatedAt!: string;
  @Field(() => String, { nullable: true }) completedAt!: string | null;
  @Field(() => String, { nullable: true }) withdrawnAt!: string | null;
  @Field(() => Boolean, {
    description:
      'False when the owner is hidden from the caller (an office-only idea seen as a party before acceptance): municipality and suggestions are then null',
  })
  ownerRevealed!: boolean;
  @Field(() => Boolean, { description: 'The caller works for the municipality that posted it' }) viewerIsOwner!: boolean;
  @Field(() => Boolean, { description: 'The caller may edit, withdraw and complete it (its municipality’s staff, the office)' }) viewerCanEdit!: boolean;
  @Field(() => Boolean, { description: 'The caller may express interest now (staff of another municipality, idea open)' }) viewerCanExpressInterest!: boolean;
  @Field(() => Boolean, { description: 'The caller may move the idea along the pipeline (its municipality’s staff, the office)' }) viewerCanSetStage!: boolean;
  @Field(() => [IdeaStage], { description: 'The stages the idea may move to now (empty for the caller without the right, or at a final stage)' })
  nextStages!: IdeaStage[];
  /** Resolvers read the record and the access level. */
  record!: IdeaRecord;
  access!: IdeaAccess;
}

@ObjectType()
export class ProjectIdeaEdge {
  @Field(() => String) cursor!: string;
  @Field(() => ProjectIdea) node!: ProjectIdea;
}

@ObjectType()
export class ProjectIdeaConnection {
  @Field(() => [ProjectIdeaEdge]) edges!: ProjectIdeaEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: '„Vorhaben, die zu uns passen“: an idea whose partner ranking puts one of the caller’s municipalities high' })
export class IdeaFit {
  @Field(() => ProjectIdea) idea!: ProjectIdea;
  @Field(() => Municipality, { description: 'Which of the caller’s municipalities fits' }) municipality!: Municipality;
  @Field(() => Int) rank!: number;
  @Field(() => PartnerCandidate, { description: 'The engine’s candidate entry: score, components with their reasons, facts, funding' })
  candidate!: PartnerCandidate;
}

@ObjectType()
export class IdeaFitEdge {
  @Field(() => String) cursor!: string;
  @Field(() => IdeaFit) node!: IdeaFit;
}

@ObjectType()
export class IdeaFitConnection {
  @Field(() => [IdeaFitEdge]) edges!: IdeaFitEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => Int, { description: 'A municipality counts as fitting when it is within this rank' }) withinRank!: number;
}

@ObjectType({ description: 'One side of an accepted interest: its municipality, the person who acted and the municipality’s contact persons' })
export class ContactSide {
  @Field(() => String, { nullable: true, description: 'Who expressed the interest / who accepted it' }) name!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  // municipality and contactPersons (issue 11's contact persons) are field resolvers.
  municipalityAgs!: string;
  accountId!: string | null;
}

@ObjectType({ description: 'Contact details of both sides; exists only once the owner accepted the interest' })
export class InterestContact {
  @Field(() => ContactSide, { description: 'The municipality that posted the idea' }) owner!: ContactSide;
  @Field(() => ContactSide, { description: 'The municipality that expressed interest' }) interested!: ContactSide;
}

@ObjectType({ description: 'Interest of a municipality in an idea, with a message; seen by both sides and the office' })
export class Interest {
  @Field(() => ID) id!: string;
  @Field(() => InterestStatus) status!: InterestStatus;
  @Field(() => String) message!: string;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
  @Field(() => String, { nullable: true }) respondedAt!: string | null;
  // municipality, idea and contact are field resolvers.
  record!: InterestRecord;
}

@ObjectType()
export class InterestEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Interest) node!: Interest;
}

@ObjectType()
export class InterestConnection {
  @Field(() => [InterestEdge]) edges!: InterestEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'An entry of the caller’s in-app inbox' })
export class Notice {
  @Field(() => ID) id!: string;
  @Field(() => NoticeKind) kind!: NoticeKind;
  @Field(() => IdeaStage, { nullable: true, description: 'STAGE_CHANGED: the stage the idea reached' }) stage!: IdeaStage | null;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
  @Field(() => Boolean) read!: boolean;
  @Field(() => String, { nullable: true }) readAt!: string | null;
  record!: NoticeRecord;
}

@ObjectType()
export class NoticeEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Notice) node!: Notice;
}

@ObjectType()
export class NoticeConnection {
  @Field(() => [NoticeEdge]) edges!: NoticeEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
  @Field(() => Int) unreadCount!: number;
}

@ObjectType()
export class ProjectIdeaPayload {
  @Field(() => ProjectIdea) idea!: ProjectIdea;
}

@ObjectType()
export class InterestPayload {
  @Field(() => Interest) interest!: Interest;
}

@ObjectType()
export class MarkNoticesReadPayload {
  @Field(() => Int, { description: 'Notices marked read now (already read ones are not counted)' }) updated!: number;
  @Field(() => Int) unreadCount!: number;
}

// --- brokering by the office (issue 12, part 4; docs/decisions/017) ------------------------------------------

@ObjectType({ description: 'A step of the pipeline: the stage reached, when, and (for the parties) by whom and with which note' })
export class IdeaStageChange {
  @Field(() => IdeaStage) stage!: IdeaStage;
  @Field(() => IdeaStage, { nullable: true, description: 'The stage it came from (null for the posting)' }) fromStage!: IdeaStage | null;
  @Field(() => String, { description: 'ISO date-time' }) at!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Name of the account that moved it; only for the office, the owner’s staff and municipalities with an accepted interest',
  })
  by!: string | null;
  @Field(() => String, { nullable: true, description: 'The note given with the change; seen by the same parties as `by`' }) note!: string | null;
}

@ObjectType({ description: 'The office proposes a municipality as a partner for an idea; both sides are told' })
export class Proposal {
  @Field(() => ID) id!: string;
  @Field(() => ProposalStatus) status!: ProposalStatus;
  @Field(() => String, { description: 'The office’s message to both sides' }) message!: string;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
  @Field(() => String, { nullable: true, description: 'When the proposed municipality expressed interest (ISO date-time)' }) interestAt!: string | null;
  // municipality, idea and interest are field resolvers.
  record!: ProposalRecord;
  interest!: InterestRecord | null;
}

@ObjectType()
export class ProposalEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Proposal) node!: Proposal;
}

@ObjectType()
export class ProposalConnection {
  @Field(() => [ProposalEdge]) edges!: ProposalEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'An office note on an idea: seen by the office and administrators only; append-only' })
export class IdeaNote {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
  @Field(() => String, { nullable: true }) authorName!: string | null;
}

@ObjectType()
export class ProposalPayload {
  @Field(() => Proposal) proposal!: Proposal;
}

@ObjectType()
export class IdeaNotePayload {
  @Field(() => IdeaNote) note!: IdeaNote;
}

@ObjectType()
export class IdeaStageCount {
  @Field(() => IdeaStage) stage!: IdeaStage;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class IdeaStatusCount {
  @Field(() => IdeaStatus) status!: IdeaStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Ideas of the municipalities of one Regierungsbezirk' })
export class IdeaRegionCount {
  @Field(() => Region) region!: Region;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Ideas of the municipalities of one Kreis or kreisfreie Stadt' })
export class IdeaDistrictCount {
  @Field(() => District) district!: District;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Ideas by age (days since posting), in bands' })
export class IdeaAgeBand {
  @Field(() => Int) fromDays!: number;
  @Field(() => Int, { nullable: true, description: 'Exclusive; null: open-ended' }) toDays!: number | null;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A row of the office dashboard: the idea (id, title, municipality, stage …) with its age and interest count' })
export class DashboardIdea {
  @Field(() => ProjectIdea) idea!: ProjectIdea;
  @Field(() => Int, { description: 'Days since it was posted' }) ageDays!: number;
  @Field(() => Int, { description: 'Interests that are not withdrawn' }) interestCount!: number;
  @Field(() => Int) proposalCount!: number;
}

@ObjectType({
  description: 'The office’s dashboard of the board. Counts by stage, region, Kreis and age cover the ideas that are not withdrawn; byStatus covers all',
})
export class OfficeBoardDashboard {
  @Field(() => Int, { description: 'Ideas that are not withdrawn' }) activeIdeas!: number;
  @Field(() => [IdeaStageCount], { description: 'Every stage, also with 0' }) byStage!: IdeaStageCount[];
  @Field(() => [IdeaStatusCount], { description: 'Every board status, also with 0' }) byStatus!: IdeaStatusCount[];
  @Field(() => [IdeaRegionCount], { description: 'Regierungsbezirke with ideas, most first' }) byRegion!: IdeaRegionCount[];
  @Field(() => [IdeaDistrictCount], { description: 'Kreise with ideas, most first' }) byDistrict!: IdeaDistrictCount[];
  @Field(() => [IdeaAgeBand], { description: 'Open ideas by days since posting: 0–7, 7–30, 30–90, 90–180, 180 and more' }) ageBands!: IdeaAgeBand[];
  @Field(() => Int, { nullable: true, description: 'Median age of the open ideas in days (null without any)' }) medianAgeDays!: number | null;
  // ideasWithoutInterest(days) is a field resolver.
  /** The rows the field resolver filters: every idea that is not withdrawn. */
  rows!: DashboardIdea[];
}
