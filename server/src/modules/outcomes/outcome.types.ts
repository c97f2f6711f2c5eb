import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LegalForm } from '../../shared/enums';
import { Contribution } from '../contributions/contribution.type';

/** What the eval reads of one idea (outcome.queries.ts BOARD_OUTCOMES). */
export interface BoardOutcomeRecord {
  ideaId: string;
  ownerAgs: string;
  taskAreaId: string;
  stage: string;
  /** The ranking parameters of the first ranking shown (null radius: the task area's default). */
  radiusKm: number | null;
  targetPopulation: number | null;
  firstShownAt: string;
  /** The candidates of the first ranking version shown, with the rank and score they were shown at. */
  shown: Array<{ ags: string; rank: number; score: number }>;
  rankingVersions: number;
  /** Expressed interest (any state) or proposed by the office. */
  contacted: string[];
  /** Accepted interests, counted only once the idea reached AGREEMENT or later. */
  accepted: string[];
  /** Members of the approved register record the idea became. */
  recordMembers: string[];
  cooperationIds: string[];
}

/** One exposure as the board's resolver hands it over: the candidates the caller was shown. */
export interface ShownRanking {
  taskArea: { id: string };
  maxDistanceKm: number;
  targetPopulation: number;
  weights: Array<{ key: string; weight: number }>;
  candidates: Array<{ rank: number; score: number; municipality: { ags: string } }>;
}

export interface IdeaLinkRecord {
  contributionId: string;
  memberAgs: string[];
  createdAt: string;
  status: string;
  cooperationId: string | null;
}

@InputType({
  description: 'The office turns an idea at „Vereinbarung“ (AGREEMENT) or later into a NEW register contribution, reviewed like any other',
})
export class CreateContributionFromIdeaInput {
  @Field(() => ID) ideaId!: string;
  @Field(() => [ID], {
    nullable: true,
    description: 'AGS of the municipal members (NRW or across the Land border); default: the owner and the accepted interests. Must include the owner',
  })
  memberAgs?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Named partners outside municipal government (EXTERNAL members), shown by name, never matched' })
  externalMembers?: string[] | null;
  @Field(() => LegalForm) legalForm!: LegalForm;
  @Field(() => String, {
    nullable: true,
    description: 'The record’s public name. Default: the idea’s title, for a PUBLIC idea only; required for any other (BAD_USER_INPUT without it)',
  })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The record’s public description. Default: the idea’s description, for a PUBLIC idea only; none for any other unless given',
  })
  description?: string | null;
  @Field(() => Int, { nullable: true }) startYear?: number | null;
  @Field(() => String, { description: 'The source: a web address (http/https) or a gazette reference (e.g. "Amtsblatt Kreis Soest 12/2024, S. 3")' })
  source!: string;
  @Field(() => String, { nullable: true, description: 'A note for the review' }) note?: string | null;
}

@ObjectType({ description: 'The register record an idea became: the contribution (pending review until the office approves it)' })
export class IdeaRegisterRecord {
  @Field(() => ID) contributionId!: string;
  @Field(() => String, { description: 'The contribution’s review state: PENDING, APPROVED or REJECTED' }) status!: string;
  @Field(() => ID, { nullable: true, description: 'The register cooperation, once approved' }) cooperationId!: string | null;
  @Field(() => [ID], { description: 'The municipal members chosen when it was made' }) memberAgs!: string[];
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
}

@ObjectType()
export class CreateContributionFromIdeaPayload {
  @Field(() => Contribution) contribution!: Contribution;
  @Field(() => IdeaRegisterRecord) registerRecord!: IdeaRegisterRecord;
}
