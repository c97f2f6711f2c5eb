import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../shared/pagination';
import { PartnerCandidate } from '../matching/matching.type';
import { Municipality } from '../municipalities/municipality.type';

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
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  completedAt: string | null;
  withdrawnAt: string | null;
  /** Municipalities with a PENDING, ACCEPTED or DECLINED interest, and those whose interest was ACCEPTED. */
  interestedAgs: string[];
  acceptedAgs: string[];
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
