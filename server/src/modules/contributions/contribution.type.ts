import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Confidence, CooperationStatus, LegalForm, MemberKind, MemberRole, Provenance } from '../../shared/enums';
import { PageInfo } from '../../shared/pagination';
import { Account } from '../accounts/account.type';
import { Cooperation } from '../cooperations/cooperation.type';
import type { CooperationRecordInput } from '../register/register-write.types';

export enum ContributionKind {
  NEW = 'NEW',
  CHANGE = 'CHANGE',
  END = 'END',
}
export enum ContributionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
/** How a contribution came about: reported and reviewed, or the office's own edit or file import (approved at once). */
export enum ContributionOrigin {
  REPORT = 'REPORT',
  EDIT = 'EDIT',
  IMPORT = 'IMPORT',
}
registerEnumType(ContributionKind, {
  name: 'ContributionKind',
  description: 'NEW: a cooperation the register lacks; CHANGE: a correction; END: it has ended (nothing is deleted)',
});
registerEnumType(ContributionStatus, { name: 'ContributionStatus', description: 'PENDING until the office approves or rejects it' });
registerEnumType(ContributionOrigin, {
  name: 'ContributionOrigin',
  description: 'REPORT: by staff or the office, reviewed; EDIT: the office’s direct edit; IMPORT: a row of an office file import',
});

/** A contribution as stored (repository edge); `proposal` is the parsed record. */
export interface ContributionRecord {
  id: string;
  kind: ContributionKind;
  status: ContributionStatus;
  origin: ContributionOrigin;
  cooperationId: string | null;
  baseVersion: number | null;
  proposal: CooperationRecordInput | null;
  endDate: string | null;
  endSourceUrl: string | null;
  endSourceReference: string | null;
  note: string | null;
  reason: string | null;
  municipalityAgs: string | null;
  authorId: string;
  reviewerId: string | null;
  createdAt: string;
  reviewedAt: string | null;
  resultVersion: number | null;
}

@ObjectType({ description: 'A member as proposed: kind and key (AGS, Kreis key, cooperation id; the name for EXTERNAL)' })
export class ProposedMember {
  @Field(() => MemberKind) kind!: MemberKind;
  @Field(() => String) key!: string;
  @Field(() => MemberRole) role!: MemberRole;
}

@ObjectType({ description: 'A whole cooperation record as a contribution proposes it' })
export class ProposedRecord {
  @Field(() => String) name!: string;
  @Field(() => LegalForm) legalForm!: LegalForm;
  @Field(() => CooperationStatus) status!: CooperationStatus;
  @Field(() => Int, { nullable: true }) startYear!: number | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) endDate!: string | null;
  @Field(() => String, { nullable: true }) seat!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) sourceUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'A gazette reference, e.g. "Amtsblatt Kreis Soest 12/2024, S. 3"' }) sourceReference!: string | null;
  @Field(() => String, { nullable: true }) sourceDate!: string | null;
  @Field(() => String, { nullable: true }) evidence!: string | null;
  @Field(() => Confidence) confidence!: Confidence;
  @Field(() => [String]) taskAreaIds!: string[];
  @Field(() => [ProposedMember]) members!: ProposedMember[];
}

@ObjectType({ description: 'The end of a cooperation as reported' })
export class ProposedEnd {
  @Field(() => String, { description: 'ISO date' }) endDate!: string;
  @Field(() => String, { nullable: true }) sourceUrl!: string | null;
  @Field(() => String, { nullable: true }) sourceReference!: string | null;
}

@ObjectType({ description: 'One field that differs: values as text (lists joined by "; ")' })
export class FieldChange {
  @Field(() => String) field!: string;
  @Field(() => String, { nullable: true }) before!: string | null;
  @Field(() => String, { nullable: true }) after!: string | null;
}

@ObjectType({ description: 'A reported new, changed or ended cooperation. Visible to its author, the office and administrators' })
export class Contribution {
  @Field(() => ID) id!: string;
  @Field(() => ContributionKind) kind!: ContributionKind;
  @Field(() => ContributionStatus) status!: ContributionStatus;
  @Field(() => ContributionOrigin) origin!: ContributionOrigin;
  @Field(() => ID, { nullable: true, description: 'The cooperation it is about (for NEW: the one created on approval)' }) cooperationId!: string | null;
  @Field(() => Int, { nullable: true, description: 'The version of the cooperation the report was based on (CHANGE, END)' }) baseVersion!: number | null;
  @Field(() => ProposedRecord, { nullable: true, description: 'NEW and CHANGE: the whole record as proposed' }) record!: ProposedRecord | null;
  @Field(() => ProposedEnd, { nullable: true, description: 'END: when and on which source' }) end!: ProposedEnd | null;
  @Field(() => String, { nullable: true, description: 'The author’s note to the office' }) note!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the office rejected it (shown to the author)' }) reason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The author’s municipality it was reported for (null for the office)' }) municipalityAgs!: string | null;
  @Field(() => ID) authorId!: string;
  @Field(() => ID, { nullable: true }) reviewerId!: string | null;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
  @Field(() => String, { nullable: true }) reviewedAt!: string | null;
  @Field(() => Int, { nullable: true, description: 'The cooperation’s version the approval wrote' }) resultVersion!: number | null;
  /** The stored record, for field resolvers. */
  stored!: ContributionRecord;
}

@ObjectType()
export class ContributionEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Contribution) node!: Contribution;
}

@ObjectType()
export class ContributionConnection {
  @Field(() => [ContributionEdge]) edges!: ContributionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'Result of submitting a contribution' })
export class ContributionPayload {
  @Field(() => Contribution) contribution!: Contribution;
}

@ObjectType({ description: 'Result of a review decision: the contribution and, when approved, the cooperation as it is now' })
export class ReviewPayload {
  @Field(() => Contribution) contribution!: Contribution;
  @Field(() => Cooperation, { nullable: true }) cooperation!: Cooperation | null;
}

@ObjectType({ description: 'Result of the office’s direct edit: the cooperation, its new version and the contribution that records the edit' })
export class CooperationWritePayload {
  @Field(() => Cooperation) cooperation!: Cooperation;
  @Field(() => Int) version!: number;
  @Field(() => Contribution) contribution!: Contribution;
}

@ObjectType({ description: 'One version of a cooperation: who changed what, when, on which source' })
export class CooperationVersion {
  @Field(() => Int) version!: number;
  @Field(() => String, { description: 'ISO date-time' }) at!: string;
  @Field(() => Provenance) provenance!: Provenance;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) sourceUrl!: string | null;
  @Field(() => String, { nullable: true }) sourceReference!: string | null;
  @Field(() => ID, { nullable: true }) contributionId!: string | null;
  @Field(() => [FieldChange]) changes!: FieldChange[];
  actorId!: string | null;
  reviewerId!: string | null;
}

@ObjectType({ description: 'The office’s worklist (office and administrators)' })
export class Worklist {
  @Field(() => String, { description: 'Records last verified before this date (two years ago) count as not verified for long' }) staleBefore!: string;
  @Field(() => [Contribution]) pendingContributions!: Contribution[];
  @Field(() => Int) pendingContributionCount!: number;
  @Field(() => [Account]) pendingAccounts!: Account[];
  @Field(() => Int) pendingAccountCount!: number;
  @Field(() => [Cooperation], { description: 'Records in force never verified' }) neverVerified!: Cooperation[];
  @Field(() => Int) neverVerifiedCount!: number;
  @Field(() => [Cooperation], { description: 'Records in force last verified before staleBefore, oldest first' }) notVerifiedRecently!: Cooperation[];
  @Field(() => Int) notVerifiedRecentlyCount!: number;
  @Field(() => [Cooperation], { description: 'Records of confidence LOW (unsicher)' }) lowConfidence!: Cooperation[];
  @Field(() => Int) lowConfidenceCount!: number;
}

@ObjectType({ description: 'A row of an import file that was not imported' })
export class ImportProblem {
  @Field(() => String) file!: string;
  @Field(() => Int) line!: number;
  @Field(() => String) reason!: string;
  @Field(() => String, { description: '`file:line: reason`' }) text!: string;
}

@ObjectType({ description: 'Result of an office file import in the register format' })
export class ImportCooperationsPayload {
  @Field(() => Boolean, { description: 'True: checked only, nothing written' }) dryRun!: boolean;
  @Field(() => Int, { description: 'Rows that created a cooperation' }) created!: number;
  @Field(() => Int, { description: 'Rows that changed the cooperation an earlier import created' }) updated!: number;
  @Field(() => Int, { description: 'Rows identical to what an earlier import wrote' }) unchanged!: number;
  @Field(() => [ImportProblem]) problems!: ImportProblem[];
  @Field(() => [ID], { description: 'Ids of the cooperations created or updated' }) cooperationIds!: string[];
}
