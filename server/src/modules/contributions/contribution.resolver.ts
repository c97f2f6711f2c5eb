import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { MemberKind } from '../../shared/enums';
import type { Page } from '../../shared/pagination';
import { AccountRole } from '../accounts/account.type';
import { guard } from '../accounts/auth.guard';
import { Cooperation } from '../cooperations/cooperation.type';
import {
  ApproveContributionInput,
  CreateCooperationInput,
  ImportCooperationsInput,
  RejectContributionInput,
  SubmitContributionInput,
  UpdateCooperationInput,
} from './contribution.input';
import { STALE_AFTER_YEARS, staleBefore } from './contribution.service';
import {
  Contribution,
  ContributionConnection,
  ContributionKind,
  ContributionPayload,
  ContributionStatus,
  CooperationVersion,
  CooperationWritePayload,
  FieldChange,
  ImportCooperationsPayload,
  ProposedMember,
  ProposedRecord,
  ReviewPayload,
  Worklist,
  type ContributionRecord,
} from './contribution.type';

const { OFFICE, ADMIN } = AccountRole;

export function toContribution(c: ContributionRecord): Contribution {
  return {
    ...c,
    // The seed's string unions and the GraphQL enums hold the same values.
    record: c.proposal as ProposedRecord | null,
    end: c.kind === ContributionKind.END && c.endDate ? { endDate: c.endDate, sourceUrl: c.endSourceUrl, sourceReference: c.endSourceReference } : null,
    stored: c,
  };
}

const toConnection = (page: Page<ContributionRecord>): ContributionConnection => ({
  ...page,
  edges: page.edges.map((e) => ({ cursor: e.cursor, node: toContribution(e.node) })),
});

async function cooperationOf(ctx: Context, id: string): Promise<Cooperation> {
  ctx.loaders.cooperations.cooperation.clear(id);
  return ctx.services.cooperations.byId(id, ctx.loaders.cooperations);
}

/** Thin: roles by @Authorized, the data rules (own municipality, own contribution) by the guard inside the service. */
@Resolver(() => Contribution)
export class ContributionResolver {
  @Authorized()
  @Query(() => Contribution, { description: 'One contribution: for its author, the office and administrators' })
  async contribution(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Contribution> {
    return toContribution(await ctx.services.contributions.byId(guard.signedIn(ctx.caller), id, ctx.queryCounter));
  }

  @Authorized()
  @Query(() => ContributionConnection, { description: 'The signed-in account’s own contributions, pending first' })
  async myContributions(
    @Ctx() ctx: Context,
    @Arg('status', () => ContributionStatus, { nullable: true }) status?: ContributionStatus,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ContributionConnection> {
    const caller = guard.signedIn(ctx.caller);
    return toConnection(await ctx.services.contributions.list({ status, authorId: caller.account.id }, first, after, ctx.queryCounter));
  }

  @Authorized(OFFICE, ADMIN)
  @Query(() => ContributionConnection, { description: 'All contributions (office and administrators), pending oldest first' })
  async contributions(
    @Ctx() ctx: Context,
    @Arg('status', () => ContributionStatus, { nullable: true }) status?: ContributionStatus,
    @Arg('cooperationId', () => ID, { nullable: true }) cooperationId?: string,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<ContributionConnection> {
    return toConnection(await ctx.services.contributions.list({ status, cooperationId }, first, after, ctx.queryCounter));
  }

  @Authorized(OFFICE, ADMIN)
  @Query(() => Worklist, { description: 'What the office has to do: pending reports and accounts, records to verify' })
  async worklist(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: 'Items per list (default 20, at most 100)' }) first?: number,
  ): Promise<Worklist> {
    const { staleBefore: before, pending, accounts, records } = await ctx.services.contributions.worklist(first, ctx.queryCounter);
    const load = async (ids: string[]) =>
      (await ctx.loaders.cooperations.cooperation.loadMany(ids)).filter((c): c is Cooperation => c !== null && !(c instanceof Error));
    return {
      staleBefore: before,
      pendingContributions: pending.page.map(toContribution),
      pendingContributionCount: pending.total,
      pendingAccounts: accounts.accounts,
      pendingAccountCount: accounts.total,
      neverVerified: await load(records.never),
      neverVerifiedCount: records.neverCount,
      notVerifiedRecently: await load(records.stale),
      notVerifiedRecentlyCount: records.staleCount,
      lowConfidence: await load(records.low),
      lowConfidenceCount: records.lowCount,
    };
  }

  @FieldResolver(() => [FieldChange], { description: 'What the contribution changes against the cooperation as it is now (NEW: every field)' })
  changes(@Root() contribution: Contribution, @Ctx() ctx: Context): Promise<FieldChange[]> {
    return ctx.services.contributions.changes(contribution.stored, ctx.loaders.contributions);
  }

  @FieldResolver(() => Cooperation, { nullable: true, description: 'The cooperation as it is now' })
  async cooperation(@Root() contribution: Contribution, @Ctx() ctx: Context): Promise<Cooperation | null> {
    return contribution.cooperationId ? ctx.loaders.cooperations.cooperation.load(contribution.cooperationId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  authorName(@Root() contribution: Contribution, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.contributions.displayName.load(contribution.authorId);
  }

  @FieldResolver(() => String, { nullable: true })
  async reviewerName(@Root() contribution: Contribution, @Ctx() ctx: Context): Promise<string | null> {
    return contribution.reviewerId ? ctx.loaders.contributions.displayName.load(contribution.reviewerId) : null;
  }

  // --- mutations ------------------------------------------------------------------------------------------

  @Authorized()
  @Mutation(() => ContributionPayload, {
    description: 'Reports a new, changed or ended cooperation (staff: one of their municipalities must be a member); PENDING until reviewed',
  })
  async submitContribution(@Ctx() ctx: Context, @Arg('input', () => SubmitContributionInput) input: SubmitContributionInput): Promise<ContributionPayload> {
    return { contribution: toContribution(await ctx.services.contributions.submit(guard.signedIn(ctx.caller), input, ctx.http)) };
  }

  @Authorized(OFFICE, ADMIN)
  @Mutation(() => ReviewPayload, {
    description: 'Approves a pending contribution: it enters the register with provenance USER, verified today; CONFLICT if the record changed since',
  })
  async approveContribution(@Ctx() ctx: Context, @Arg('input', () => ApproveContributionInput) input: ApproveContributionInput): Promise<ReviewPayload> {
    const contribution = await ctx.services.contributions.approve(guard.signedIn(ctx.caller), input, ctx.http);
    return { contribution: toContribution(contribution), cooperation: await cooperationOf(ctx, contribution.cooperationId!) };
  }

  @Authorized(OFFICE, ADMIN)
  @Mutation(() => ReviewPayload, { description: 'Rejects a pending contribution with a reason the author sees' })
  async rejectContribution(@Ctx() ctx: Context, @Arg('input', () => RejectContributionInput) input: RejectContributionInput): Promise<ReviewPayload> {
    const contribution = await ctx.services.contributions.reject(guard.signedIn(ctx.caller), input, ctx.http);
    return { contribution: toContribution(contribution), cooperation: null };
  }

  @Authorized(OFFICE, ADMIN)
  @Mutation(() => CooperationWritePayload, { description: 'The office enters a new cooperation directly' })
  async createCooperation(@Ctx() ctx: Context, @Arg('input', () => CreateCooperationInput) input: CreateCooperationInput): Promise<CooperationWritePayload> {
    const { result, contribution } = await ctx.services.contributions.createDirect(guard.signedIn(ctx.caller), input, ctx.http);
    return { cooperation: await cooperationOf(ctx, result.id), version: result.version, contribution: toContribution(contribution) };
  }

  @Authorized(OFFICE, ADMIN)
  @Mutation(() => CooperationWritePayload, {
    description: 'The office edits (or, unchanged, verifies) a cooperation; to end it, status ENDED with an endDate. CONFLICT on a stale expectedVersion',
  })
  async updateCooperation(@Ctx() ctx: Context, @Arg('input', () => UpdateCooperationInput) input: UpdateCooperationInput): Promise<CooperationWritePayload> {
    const { result, contribution } = await ctx.services.contributions.updateDirect(guard.signedIn(ctx.caller), input, ctx.http);
    return { cooperation: await cooperationOf(ctx, result.id), version: result.version, contribution: toContribution(contribution) };
  }

  @Authorized(OFFICE, ADMIN)
  @Mutation(() => ImportCooperationsPayload, {
    description: 'Imports a file pair in the register format: bad rows are reported, good ones imported; a re-run changes only what changed',
  })
  importCooperations(@Ctx() ctx: Context, @Arg('input', () => ImportCooperationsInput) input: ImportCooperationsInput): Promise<ImportCooperationsPayload> {
    return ctx.services.registerImport.run(guard.signedIn(ctx.caller), input, ctx.http);
  }
}

/** Staleness, versions and history on every cooperation. */
@Resolver(() => Cooperation)
export class CooperationHistoryResolver {
  @FieldResolver(() => Boolean, {
    description: `True when the record was never verified or not within ${STALE_AFTER_YEARS} years (it is on the office’s worklist)`,
  })
  verificationDue(@Root() cooperation: Cooperation): boolean {
    return cooperation.verifiedAt === null || cooperation.verifiedAt < staleBefore();
  }

  @FieldResolver(() => [CooperationVersion], { description: 'Every version, newest first: who changed what, when, on which source' })
  async history(@Root() cooperation: Cooperation, @Ctx() ctx: Context): Promise<CooperationVersion[]> {
    const entries = await ctx.services.contributions.history(cooperation.id);
    const show = (value: unknown): string | null =>
      value === null || value === undefined
        ? null
        : typeof value === 'string'
          ? value
          : Array.isArray(value)
            ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ')
            : JSON.stringify(value);
    return entries.map((e) => ({
      ...e,
      provenance: e.provenance as CooperationVersion['provenance'],
      changes: e.changes.map((c) => ({ field: c.field, before: show(c.before), after: show(c.after) })),
    }));
  }
}

@Resolver(() => ProposedMember)
export class ProposedMemberResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The member’s name (null for a key that names nothing any more)' })
  async name(@Root() member: ProposedMember, @Ctx() ctx: Context): Promise<string | null> {
    switch (member.kind) {
      case MemberKind.MUNICIPALITY:
        return (await ctx.loaders.municipalities.municipality.load(member.key))?.shortName ?? null;
      case MemberKind.DISTRICT:
        return (await ctx.loaders.municipalities.district.load(member.key))?.name ?? null;
      case MemberKind.COOPERATION:
        return (await ctx.loaders.cooperations.cooperation.load(member.key))?.name ?? null;
      default:
        return member.key;
    }
  }
}

@Resolver(() => CooperationVersion)
export class CooperationVersionResolver {
  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'Who reported or made the change (signed-in users only)' })
  async actorName(@Root() version: CooperationVersion, @Ctx() ctx: Context): Promise<string | null> {
    return version.actorId ? ctx.loaders.contributions.displayName.load(version.actorId) : null;
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: 'Who in the office reviewed it (signed-in users only)' })
  async reviewerName(@Root() version: CooperationVersion, @Ctx() ctx: Context): Promise<string | null> {
    return version.reviewerId ? ctx.loaders.contributions.displayName.load(version.reviewerId) : null;
  }
}
