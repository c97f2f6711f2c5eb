import { Field, ID, InputType, Int } from 'type-graphql';
import { Confidence, CooperationStatus, LegalForm, MemberKind, MemberRole } from '../../shared/enums';
import { ContributionKind } from './contribution.type';

// Rules are checked in record-validation.ts (one place, German and English messages naming the field).

@InputType({ description: 'A member: AGS (MUNICIPALITY), Kreis key (DISTRICT), cooperation id (COOPERATION) or the partner’s name (EXTERNAL)' })
export class CooperationMemberInput {
  @Field(() => MemberKind) kind!: MemberKind;
  @Field(() => String) key!: string;
  @Field(() => MemberRole, { defaultValue: MemberRole.MEMBER }) role!: MemberRole;
}

@InputType('CooperationRecordInput', { description: 'A whole cooperation record. A source URL (http/https) or a gazette reference is required' })
export class CooperationRecordFields {
  @Field(() => String) name!: string;
  @Field(() => LegalForm) legalForm!: LegalForm;
  @Field(() => CooperationStatus, { defaultValue: CooperationStatus.ACTIVE }) status!: CooperationStatus;
  @Field(() => Int, { nullable: true }) startYear?: number | null;
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD); required with status ENDED, only then' }) endDate?: string | null;
  @Field(() => String, { nullable: true }) seat?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) sourceUrl?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. "Amtsblatt Kreis Soest 12/2024, S. 3"' }) sourceReference?: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the source: YYYY, YYYY-MM or YYYY-MM-DD' }) sourceDate?: string | null;
  @Field(() => String, { nullable: true }) evidence?: string | null;
  @Field(() => Confidence, { nullable: true, description: 'Default MEDIUM; the office may set it on approval' }) confidence?: Confidence | null;
  @Field(() => [String], { description: 'Task area ids (1–5)' }) taskAreaIds!: string[];
  @Field(() => [CooperationMemberInput], { description: 'At least two for a new cooperation' }) members!: CooperationMemberInput[];
}

@InputType({ description: 'When a cooperation ended, and the source that says so' })
export class CooperationEndInput {
  @Field(() => String, { description: 'ISO date (YYYY-MM-DD)' }) endDate!: string;
  @Field(() => String, { nullable: true }) sourceUrl?: string | null;
  @Field(() => String, { nullable: true }) sourceReference?: string | null;
}

@InputType({ description: 'A report by signed-in staff (for a cooperation of one of their municipalities) or the office' })
export class SubmitContributionInput {
  @Field(() => ContributionKind) kind!: ContributionKind;
  @Field(() => ID, { nullable: true, description: 'CHANGE and END: the cooperation' }) cooperationId?: string | null;
  @Field(() => Int, { nullable: true, description: 'CHANGE and END: the version the report is based on (Cooperation.version)' }) baseVersion?: number | null;
  @Field(() => CooperationRecordFields, { nullable: true, description: 'NEW and CHANGE: the whole record' }) record?: CooperationRecordFields | null;
  @Field(() => CooperationEndInput, { nullable: true, description: 'END only' }) end?: CooperationEndInput | null;
  @Field(() => String, { nullable: true, description: 'A note to the office (at most 2,000 characters)' }) note?: string | null;
}

@InputType()
export class ApproveContributionInput {
  @Field(() => ID) contributionId!: string;
  @Field(() => Int, { nullable: true, description: 'Apply over this version instead of the one the report was based on (after checking a CONFLICT)' })
  expectedVersion?: number | null;
  @Field(() => Confidence, { nullable: true, description: 'Overrides the proposed confidence' }) confidence?: Confidence | null;
}

@InputType()
export class RejectContributionInput {
  @Field(() => ID) contributionId!: string;
  @Field(() => String, { description: 'Shown to the author (5–2,000 characters)' }) reason!: string;
}

@InputType({ description: 'The office enters a cooperation directly (recorded with provenance USER and as verified)' })
export class CreateCooperationInput {
  @Field(() => CooperationRecordFields) record!: CooperationRecordFields;
  @Field(() => String, { nullable: true, description: 'One line for the history' }) summary?: string | null;
}

@InputType({ description: 'The office edits a cooperation directly; ending it is status ENDED with an endDate (nothing is deleted)' })
export class UpdateCooperationInput {
  @Field(() => ID) cooperationId!: string;
  @Field(() => Int, { description: 'The version the edit is based on; a stale one gets CONFLICT with the current record' }) expectedVersion!: number;
  @Field(() => CooperationRecordFields) record!: CooperationRecordFields;
  @Field(() => String, { nullable: true }) summary?: string | null;
}

@InputType({ description: 'Two CSV files in the register format (register_kooperationen.csv, register_mitglieder.csv)' })
export class ImportCooperationsInput {
  @Field(() => String) cooperationsCsv!: string;
  @Field(() => String) membersCsv!: string;
  @Field(() => String, { nullable: true, description: 'File name for the problem lines (default kooperationen.csv)' }) cooperationsFileName?: string | null;
  @Field(() => String, { nullable: true, description: 'File name for the problem lines (default mitglieder.csv)' }) membersFileName?: string | null;
  @Field(() => Boolean, { defaultValue: false, description: 'Check only; write nothing' }) dryRun!: boolean;
}
