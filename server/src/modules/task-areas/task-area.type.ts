import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LegalForm, SizeFit } from '../../shared/enums';

@ObjectType({ description: 'A municipal task that cooperations cover (project taxonomy, schema/taxonomy)' })
export class TaskArea {
  @Field(() => ID) id!: string;
  @Field(() => String) nameDe!: string;
  @Field(() => String) nameEn!: string;
  @Field(() => String, { nullable: true }) examplesDe!: string | null;
  @Field(() => String, { nullable: true, description: 'NKF NRW Produktbereich 01–17' }) productArea!: string | null;
  @Field(() => String, { nullable: true }) productAreaName!: string | null;
  @Field(() => Float, { description: 'How much physical proximity matters, 0–1' }) proximity!: number;
  @Field(() => Int, { description: 'Population at which the task runs efficiently' }) efficientScale!: number;
  @Field(() => SizeFit) sizeFit!: SizeFit;
  @Field(() => [LegalForm]) typicalLegalForms!: LegalForm[];
}
