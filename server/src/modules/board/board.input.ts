import { Field, ID, InputType, Int } from 'type-graphql';
import { IdeaStage, IdeaStatus, IdeaVisibility } from './board.type';

// Rules (lengths, ranges, existence) are checked in BoardService, with German and English messages naming the field.

@InputType({ description: 'A new project idea for one of the caller’s municipalities' })
export class CreateProjectIdeaInput {
  @Field(() => ID, { description: 'AGS of the municipality the idea is for (staff: one of theirs)' }) municipalityAgs!: string;
  @Field(() => String, { description: '3–150 characters' }) title!: string;
  @Field(() => ID, { description: 'Task area id, e.g. "standesamt"' }) taskAreaId!: string;
  @Field(() => String, { description: '10–5,000 characters' }) description!: string;
  @Field(() => Int, { description: 'Partners sought, 1–30' }) partnersSought!: number;
  @Field(() => Int, { nullable: true, description: 'Population the cooperation should reach (1–20,000,000)' }) targetPopulation?: number | null;
  @Field(() => Int, { nullable: true, description: 'Search radius in whole km (1–500); default: the task area’s' }) radiusKm?: number | null;
  @Field(() => String, { nullable: true, description: 'Timeline in words, up to 200 characters, e.g. "Start 2027"' }) timeline?: string | null;
  @Field(() => Boolean, { description: 'State funding is planned' }) fundingPlanned!: boolean;
  @Field(() => IdeaVisibility) visibility!: IdeaVisibility;
}

@InputType({ description: 'Changes to an open idea; fields left out stay as they are. CONFLICT when expectedVersion is not the current one' })
export class UpdateProjectIdeaInput {
  @Field(() => ID) ideaId!: string;
  @Field(() => Int, { description: 'The version the edit is based on' }) expectedVersion!: number;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => ID, { nullable: true }) taskAreaId?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { nullable: true }) partnersSought?: number | null;
  @Field(() => Int, { nullable: true, description: 'Give clearTargetPopulation to remove it' }) targetPopulation?: number | null;
  @Field(() => Boolean, { nullable: true }) clearTargetPopulation?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Search radius in whole km (1–500); give clearRadiusKm to go back to the default' }) radiusKm?:
    number | null;
  @Field(() => Boolean, { nullable: true }) clearRadiusKm?: boolean | null;
  @Field(() => String, { nullable: true, description: 'An empty text removes it' }) timeline?: string | null;
  @Field(() => Boolean, { nullable: true }) fundingPlanned?: boolean | null;
  @Field(() => IdeaVisibility, { nullable: true }) visibility?: IdeaVisibility | null;
}

@InputType({ description: 'Withdraws an idea or marks it „Partnerschaft vollständig“' })
export class ProjectIdeaStateInput {
  @Field(() => ID) ideaId!: string;
  @Field(() => Int, { nullable: true, description: 'When given, CONFLICT unless it is the current version' }) expectedVersion?: number | null;
}

@InputType({ description: 'Filters of the board' })
export class ProjectIdeaFilter {
  @Field(() => ID, { nullable: true }) taskAreaId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Ideas of this municipality' }) municipalityAgs?: string | null;
  @Field(() => [IdeaStatus], { nullable: true, description: 'Default: OPEN and PARTNERSHIP_COMPLETE (withdrawn ideas only for their owner and the office)' })
  status?: IdeaStatus[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Only ideas of the caller’s municipalities' }) mine?: boolean | null;
  @Field(() => [IdeaStage], { nullable: true, description: 'Only ideas at one of these stages of the pipeline' }) stage?: IdeaStage[] | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Kreis (5-digit district key) of the owner municipality; matches only ideas whose owner the caller sees (never an anonymised one)',
  })
  districtKey?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Regierungsbezirk (3-digit region key, e.g. 051) of the owner municipality; matches only ideas whose owner the caller sees',
  })
  regionKey?: string | null;
}

@InputType({ description: 'Interest of one of the caller’s municipalities in another municipality’s idea' })
export class ExpressInterestInput {
  @Field(() => ID) ideaId!: string;
  @Field(() => ID, { description: 'AGS of the interested municipality (one the caller works for)' }) municipalityAgs!: string;
  @Field(() => String, { description: '10–2,000 characters' }) message!: string;
}

@InputType()
export class InterestDecisionInput {
  @Field(() => ID) interestId!: string;
}

@InputType({ description: 'Marks notices of the caller’s inbox read: the ones named, or all' })
export class MarkNoticesReadInput {
  @Field(() => [ID], { nullable: true, description: 'At most 100' }) noticeIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) all?: boolean | null;
}

// --- brokering by the office (docs/decisions/017) ----------------------------------------------------------

@InputType({ description: 'Moves an idea along the pipeline (its municipality’s staff, the office): forward only' })
export class SetProjectIdeaStageInput {
  @Field(() => ID) ideaId!: string;
  @Field(() => IdeaStage) stage!: IdeaStage;
  @Field(() => Int, { nullable: true, description: 'When given, CONFLICT unless it is the current version' }) expectedVersion?: number | null;
  @Field(() => String, { nullable: true, description: 'Up to 1,000 characters, e.g. the date of the letter of intent' }) note?: string | null;
}

@InputType({ description: 'The office proposes an NRW municipality as a partner for an open idea' })
export class ProposeMatchInput {
  @Field(() => ID) ideaId!: string;
  @Field(() => ID, { description: 'AGS of the proposed municipality (NRW, not the owner)' }) municipalityAgs!: string;
  @Field(() => String, { description: '10–2,000 characters, shown to both sides' }) message!: string;
}

@InputType({ description: 'An office note on an idea (append-only)' })
export class AddProjectIdeaNoteInput {
  @Field(() => ID) ideaId!: string;
  @Field(() => String, { description: '1–5,000 characters' }) text!: string;
}
