import { Field, ID, InputType } from 'type-graphql';
import { AccountRole } from './account.type';

// Rules are checked in AccountService (one place, bilingual messages that never echo a password).

@InputType({ description: 'A new municipal staff account; it stays PENDING until the office confirms it' })
export class RegisterInput {
  @Field(() => String) email!: string;
  @Field(() => String, { description: 'At least 12 characters' }) password!: string;
  @Field(() => String) displayName!: string;
  @Field(() => [ID], { description: 'AGS of the NRW municipalities the person works for (1–10)' }) municipalityAgs!: string[];
}

@InputType()
export class SignInInput {
  @Field(() => String) email!: string;
  @Field(() => String) password!: string;
}

@InputType()
export class ConfirmAccountInput {
  @Field(() => ID) accountId!: string;
  @Field(() => [ID], { nullable: true, description: 'Replaces the municipalities of the account (for accounts created through the identity provider)' })
  municipalityAgs?: string[];
}

@InputType()
export class SetAccountRoleInput {
  @Field(() => ID) accountId!: string;
  @Field(() => AccountRole) role!: AccountRole;
}

@InputType()
export class DisableAccountInput {
  @Field(() => ID) accountId!: string;
}
