import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CooperationStatus, LegalForm, Provenance } from '../../shared/enums';

@InputType({ description: 'Filters for the cooperation directory; all optional and combined with AND' })
export class CooperationFilter {
  @Field(() => String, { nullable: true, description: 'Text in the name, a member’s name or a task area’s name; forgives case and umlauts' })
  @IsOptional()
  @MaxLength(80)
  search?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,40}$/)
  taskArea?: string;

  @Field(() => LegalForm, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(LegalForm))
  legalForm?: LegalForm;

  @Field(() => String, { nullable: true, description: 'Cooperations with a member in this Kreis (5-digit key)' })
  @IsOptional()
  @Matches(/^\d{5}$/)
  districtKey?: string;

  @Field(() => Provenance, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(Provenance))
  provenance?: Provenance;

  @Field(() => CooperationStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(CooperationStatus))
  status?: CooperationStatus;

  @Field(() => String, { nullable: true, description: 'Cooperations with this municipality as a member' })
  @IsOptional()
  @Matches(/^\d{8}$/)
  memberAgs?: string;
}
