import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LegalForm, MemberKind, MemberRole, Provenance } from '../../shared/enums';
import { PageInfo } from '../../shared/pagination';
import { TaskArea } from '../task-areas/task-area.type';

@ObjectType({ description: 'An inter-municipal cooperation' })
export class Cooperation {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => LegalForm) legalForm!: LegalForm;
  @Field(() => String) status!: string;
  @Field(() => String, { nullable: true, description: 'Start or reference date (ISO, may be a year only)' }) startDate!: string | null;
  @Field(() => String, { nullable: true }) seat!: string | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Provenance) provenance!: Provenance;
  @Field(() => String, { nullable: true, description: 'Public source of a researched record' }) sourceUrl!: string | null;
  @Field(() => String, { nullable: true }) remark!: string | null;
  @Field(() => String, { nullable: true }) verifiedAt!: string | null;
}

@ObjectType({ description: 'A member of a cooperation: a municipality, a Kreis or another cooperation' })
export class CooperationMember {
  @Field(() => MemberKind) kind!: MemberKind;
  @Field(() => ID, { description: 'AGS, Kreis key or cooperation id' }) key!: string;
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
