import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Confidence, CooperationStatus, LegalForm, MemberKind, MemberRole, Provenance } from '../../shared/enums';
import { PageInfo } from '../../shared/pagination';
import { TaskArea } from '../task-areas/task-area.type';

@ObjectType({ description: 'An inter-municipal cooperation' })
export class Cooperation {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => LegalForm) legalForm!: LegalForm;
  @Field(() => CooperationStatus, { description: 'Ended and planned cooperations count as a past or future tie, never as an existing partnership' })
  status!: CooperationStatus;
  @Field(() => Int, { nullable: true, description: 'Year the cooperation began, where known' }) startYear!: number | null;
  @Field(() => String, { nullable: true, description: 'Date of the source (ISO; may be a year or month only)' }) sourceDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Seat or the member performing the task' }) seat!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Provenance) provenance!: Provenance;
  @Field(() => String, { nullable: true, description: 'Public source of the record' }) sourceUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'What the source says about who cooperates (paraphrased)' }) evidence!: string | null;
  @Field(() => Confidence, { description: 'How sure the register is; LOW records are unconfirmed' }) confidence!: Confidence;
  @Field(() => String, { nullable: true }) remark!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'When the record was last verified against a source (ISO date-time): by the register import, or by the office on approving or editing it',
  })
  verifiedAt!: string | null;
  @Field(() => Int, { description: 'Increases with every change; send it back as baseVersion / expectedVersion (a stale one gets CONFLICT)' }) version!: number;
  @Field(() => String, { nullable: true, description: 'Official gazette reference, where the source is not (only) a URL' }) sourceReference!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date on which an ended cooperation ended' }) endDate!: string | null;
  @Field(() => Int, { description: 'Members recorded (0: the register knows the cooperation but not its members)' }) memberCount!: number;
}

@ObjectType({ description: 'A member of a cooperation: a municipality, a Kreis, another cooperation or a named external partner' })
export class CooperationMember {
  @Field(() => MemberKind) kind!: MemberKind;
  @Field(() => ID, { nullable: true, description: 'AGS, Kreis key or cooperation id; null for an external partner' }) key!: string | null;
  @Field(() => String) name!: string;
  @Field(() => MemberRole) role!: MemberRole;
}

@ObjectType({ description: "A municipality's cooperations in one task area" })
export class TaskAreaCooperations {
  @Field(() => TaskArea) taskArea!: TaskArea;
  @Field(() => [Cooperation]) cooperations!: Cooperation[];
}

@ObjectType()
export class CooperationEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Cooperation) node!: Cooperation;
}

@ObjectType()
export class CooperationConnection {
  @Field(() => [CooperationEdge]) edges!: CooperationEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}
