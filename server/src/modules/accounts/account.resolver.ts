import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Municipality } from '../municipalities/municipality.type';
import { ConfirmAccountInput, DisableAccountInput, RegisterInput, SetAccountRoleInput, SignInInput } from './account.input';
import { Account, AccountConnection, AccountPayload, AccountRole, AccountStatus, AuditEventConnection, SignInPayload, SignOutPayload } from './account.type';
import { guard } from './auth.guard';

const { OFFICE, ADMIN } = AccountRole;

/** Thin: roles are checked by @Authorized (auth.guard.ts), everything else by AccountService. */
@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'The signed-in account; null for anonymous requests (also for an expired or unknown session)' })
  me(@Ctx() ctx: Context): Account | null {
    if (ctx.callerError) throw ctx.callerError;
    return ctx.caller?.account ?? null;
  }

  // Public: the sign-in page offers "Mit Landeskonto anmelden" only when the server has an identity provider set up.
  @Query(() => Boolean, { description: 'True when sign-in through the state’s identity provider (OpenID Connect at /auth/oidc/login) is offered' })
  oidcSignIn(@Ctx() ctx: Context): boolean {
    return ctx.services.accounts.options.oidc !== undefined;
  }

  @Authorized(OFFICE, ADMIN)
  @Query(() => AccountConnection, { description: 'Accounts, newest first (office and administrators)' })
  accounts(
    @Ctx() ctx: Context,
    @Arg('status', () => AccountStatus, { nullable: true }) status?: AccountStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AccountConnection> {
    return ctx.services.accounts.list(status, first, after, ctx.queryCounter);
  }

  @Authorized(ADMIN)
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first (administrators); read-only' })
  auditLog(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<AuditEventConnection> {
    return ctx.services.accounts.auditLog(first, after, ctx.queryCounter);
  }

  @Mutation(() => AccountPayload, { description: 'Registers municipal staff; the account stays PENDING until the office confirms it' })
  async register(@Ctx() ctx: Context, @Arg('input', () => RegisterInput) input: RegisterInput): Promise<AccountPayload> {
    return { account: await ctx.services.accounts.register(input, ctx.http) };
  }

  @Mutation(() => SignInPayload, { description: 'Signs in with e-mail and password (ACTIVE accounts only) and sets the session cookie' })
  async signIn(@Ctx() ctx: Context, @Arg('input', () => SignInInput) input: SignInInput): Promise<SignInPayload> {
    return { account: await ctx.services.accounts.signIn(input, ctx.http, ctx.caller) };
  }

  @Authorized()
  @Mutation(() => SignOutPayload, { description: 'Ends the current session' })
  async signOut(@Ctx() ctx: Context): Promise<SignOutPayload> {
    return { sessionsEnded: await ctx.services.accounts.signOut(guard.signedIn(ctx.caller), ctx.http) };
  }

  @Authorized()
  @Mutation(() => SignOutPayload, { description: 'Ends every session of the signed-in account, on all devices' })
  async signOutEverywhere(@Ctx() ctx: Context): Promise<SignOutPayload> {
    return { sessionsEnded: await ctx.services.accounts.signOutEverywhere(guard.signedIn(ctx.caller), ctx.http) };
  }

  @Authorized(OFFICE, ADMIN)
  @Mutation(() => AccountPayload, { description: 'Confirms a pending account (office and administrators)' })
  async confirmAccount(@Ctx() ctx: Context, @Arg('input', () => ConfirmAccountInput) input: ConfirmAccountInput): Promise<AccountPayload> {
    return { account: await ctx.services.accounts.confirm(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized(ADMIN)
  @Mutation(() => AccountPayload, { description: 'Changes the role of an account (administrators); the last active administrator keeps the role' })
  async setAccountRole(@Ctx() ctx: Context, @Arg('input', () => SetAccountRoleInput) input: SetAccountRoleInput): Promise<AccountPayload> {
    return { account: await ctx.services.accounts.setRole(guard.signedIn(ctx.caller), input, ctx.http) };
  }

  @Authorized(ADMIN)
  @Mutation(() => AccountPayload, { description: 'Disables an account and ends its sessions (administrators); nothing is deleted' })
  async disableAccount(@Ctx() ctx: Context, @Arg('input', () => DisableAccountInput) input: DisableAccountInput): Promise<AccountPayload> {
    return { account: await ctx.services.accounts.disable(guard.signedIn(ctx.caller), input.accountId, ctx.http) };
  }
}

@Resolver(() => Municipality)
export class MunicipalityStaffResolver {
  @Authorized()
  @FieldResolver(() => [Account], { description: 'Confirmed staff accounts of this municipality: for its own staff, the office and administrators' })
  staff(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Account[]> {
    guard.municipality(ctx.caller, municipality.ags);
    return ctx.loaders.accounts.staffOfMunicipality.load(municipality.ags);
  }
}
