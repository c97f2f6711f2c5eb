import { Field, ID, InputType } from 'type-graphql';

// Rules are checked in ContactPersonService.

@InputType({ description: 'A contact person for a municipality (municipalityAgs) or a cooperation (cooperationId): exactly one of the two' })
export class AddContactPersonInput {
  @Field(() => ID, { nullable: true }) municipalityAgs?: string | null;
  @Field(() => ID, { nullable: true }) cooperationId?: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) function?: string | null;
  @Field(() => String, { nullable: true, description: 'E-mail or phone (at least one)' }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { description: 'ISO date of the consent (YYYY-MM-DD), not in the future' }) consentGivenOn!: string;
}

@InputType()
export class RemoveContactPersonInput {
  @Field(() => ID) contactPersonId!: string;
}
