import { Field, ID, ObjectType } from 'type-graphql';

/** A contact person as stored; personal data (DSGVO): never in exports, never for anonymous visitors. */
export interface ContactPersonRecord {
  id: string;
  name: string;
  function: string | null;
  email: string | null;
  phone: string | null;
  consentGivenOn: string;
  /** AGS or cooperation id of what the person is the contact for. */
  municipalityAgs: string | null;
  cooperationId: string | null;
  createdAt: string;
  createdBy: string;
}

@ObjectType({ description: 'Whom to talk to at a municipality or a cooperation. Signed-in users only; never exported (DSGVO)' })
export class ContactPerson {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: 'Function or office, e.g. "Leitung Standesamt"' }) function!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { description: 'ISO date on which the person consented to being listed' }) consentGivenOn!: string;
  @Field(() => ID, { nullable: true }) municipalityAgs!: string | null;
  @Field(() => ID, { nullable: true }) cooperationId!: string | null;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
}

@ObjectType()
export class ContactPersonPayload {
  @Field(() => ContactPerson) contactPerson!: ContactPerson;
}

@ObjectType({ description: 'A contact person removed (withdrawn consent): the personal data is deleted, the audit log keeps that it happened' })
export class RemoveContactPersonPayload {
  @Field(() => ID) removedId!: string;
}
