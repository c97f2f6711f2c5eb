import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../shared/pagination';

export enum AccountRole {
  STAFF = 'STAFF',
  OFFICE = 'OFFICE',
  ADMIN = 'ADMIN',
}
export enum AccountStatus {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
/** Everything the audit log records; one value per kind of event. */
export enum AuditAction {
  REGISTER = 'REGISTER',
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  SIGN_IN_LOCKED = 'SIGN_IN_LOCKED',
  SIGN_OUT = 'SIGN_OUT',
  SIGN_OUT_EVERYWHERE = 'SIGN_OUT_EVERYWHERE',
  CONFIRM = 'CONFIRM',
  ROLE_CHANGE = 'ROLE_CHANGE',
  DISABLE = 'DISABLE',
  ADMIN_CREATED = 'ADMIN_CREATED',
  OIDC_SIGN_IN = 'OIDC_SIGN_IN',
  OIDC_ACCOUNT_CREATED = 'OIDC_ACCOUNT_CREATED',
  OIDC_ACCOUNT_LINKED = 'OIDC_ACCOUNT_LINKED',
  // The register (docs/decisions/012): targetId is the contribution, the cooperation or the contact person.
  CONTRIBUTION_SUBMITTED = 'CONTRIBUTION_SUBMITTED',
  CONTRIBUTION_APPROVED = 'CONTRIBUTION_APPROVED',
  CONTRIBUTION_REJECTED = 'CONTRIBUTION_REJECTED',
  COOPERATION_EDITED = 'COOPERATION_EDITED',
  COOPERATIONS_IMPORTED = 'COOPERATIONS_IMPORTED',
  CONTACT_PERSON_ADDED = 'CONTACT_PERSON_ADDED',
  CONTACT_PERSON_REMOVED = 'CONTACT_PERSON_REMOVED',
  // The Kooperationsbörse (docs/decisions/014): targetId is the idea, the interest, or (NOTICES_READ) the account.
  IDEA_CREATED = 'IDEA_CREATED',
  IDEA_UPDATED = 'IDEA_UPDATED',
  IDEA_WITHDRAWN = 'IDEA_WITHDRAWN',
  IDEA_COMPLETED = 'IDEA_COMPLETED',
  INTEREST_EXPRESSED = 'INTEREST_EXPRESSED',
  INTEREST_ACCEPTED = 'INTEREST_ACCEPTED',
  INTEREST_DECLINED = 'INTEREST_DECLINED',
  INTEREST_WITHDRAWN = 'INTEREST_WITHDRAWN',
  NOTICES_READ = 'NOTICES_READ',
  // The feedback loop (docs/decisions/019): targetId is the idea turned into a register contribution.
  IDEA_TURNED_INTO_RECORD = 'IDEA_TURNED_INTO_RECORD',
  // Brokering by the office (docs/decisions/017): targetId is the idea, or (MATCH_PROPOSED) the proposal.
  IDEA_STAGE_CHANGED = 'IDEA_STAGE_CHANGED',
  MATCH_PROPOSED = 'MATCH_PROPOSED',
  IDEA_NOTE_ADDED = 'IDEA_NOTE_ADDED',
}
registerEnumType(AccountRole, {
  name: 'AccountRole',
  description: 'STAFF: municipal staff (own municipalities); OFFICE: the commissioner’s office; ADMIN: manages accounts',
});
registerEnumType(AccountStatus, { name: 'AccountStatus', description: 'PENDING until the office confirms it; DISABLED accounts cannot sign in' });
registerEnumType(AuditAction, { name: 'AuditAction' });

/** What the repository returns; the password hash never leaves the accounts module. */
export interface AccountRecord {
  id: string;
  email: string;
  displayName: string;
  role: AccountRole;
  status: AccountStatus;
  createdAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  municipalityAgs: string[];
}

@ObjectType({ description: 'A user account. Visible to its owner, the office and administrators, and to staff of the same municipality' })
export class Account {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => AccountRole) role!: AccountRole;
  @Field(() => AccountStatus) status!: AccountStatus;
  @Field(() => String, { description: 'ISO date-time' }) createdAt!: string;
  @Field(() => String, { nullable: true }) confirmedAt!: string | null;
  @Field(() => ID, { nullable: true, description: 'Account id of whoever confirmed it' }) confirmedBy!: string | null;
  @Field(() => [ID], { description: 'AGS of the municipalities a staff account works for' }) municipalityAgs!: string[];
}

@ObjectType()
export class AccountEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Account) node!: Account;
}

@ObjectType()
export class AccountConnection {
  @Field(() => [AccountEdge]) edges!: AccountEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'One entry of the audit log; written by the server, never changed or deleted' })
export class AuditEvent {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ISO date-time' }) at!: string;
  @Field(() => AuditAction) action!: AuditAction;
  @Field(() => ID, { nullable: true, description: 'Account that acted (null: anonymous or unknown)' }) actorId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'What was acted on: an account, a contribution, a cooperation, a contact person, a project idea or an interest (see action)',
  })
  targetId!: string | null;
  @Field(() => String, { nullable: true, description: 'Client address as the server saw it' }) address!: string | null;
  @Field(() => String, { nullable: true, description: 'Details as JSON text' }) detail!: string | null;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AuditEvent) node!: AuditEvent;
}

@ObjectType()
export class AuditEventConnection {
  @Field(() => [AuditEventEdge]) edges!: AuditEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@ObjectType({ description: 'Result of a mutation on one account' })
export class AccountPayload {
  @Field(() => Account) account!: Account;
}

@ObjectType({ description: 'Result of signing in: the account now signed in (the session cookie is set)' })
export class SignInPayload {
  @Field(() => Account) account!: Account;
}

@ObjectType()
export class SignOutPayload {
  @Field(() => Int, { description: 'Sessions ended' }) sessionsEnded!: number;
}
