import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { guard } from '../accounts/auth.guard';
import { toContribution } from '../contributions/contribution.resolver';
import { ProjectIdea } from '../board/board.type';
import { Cooperation } from '../cooperations/cooperation.type';
import { CreateContributionFromIdeaInput, CreateContributionFromIdeaPayload, IdeaRegisterRecord } from './outcome.types';

/** Thin: the rules are in OutcomeService; authorisation through the accounts module's guard. */
@Resolver(() => ProjectIdea)
export class IdeaOutcomeResolver {
  @FieldResolver(() => [IdeaRegisterRecord], {
    nullable: true,
    description:
      'The register record(s) the idea became (a contribution, pending until the office approves it): for the owner municipality and the office; null for everyone else',
  })
  registerRecords(@Root() idea: ProjectIdea, @Ctx() ctx: Context): Promise<IdeaRegisterRecord[]> | null {
    return idea.viewerCanEdit ? ctx.services.outcomes.registerRecords(idea.id, ctx.loaders.outcomes) : null;
  }

  @Authorized()
  @Mutation(() => CreateContributionFromIdeaPayload, {
    description:
      'The office turns an idea at „Vereinbarung“ or later into a NEW register contribution (pending review), with the idea’s task area and the chosen members, linked to the idea',
  })
  async createContributionFromIdea(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateContributionFromIdeaInput) input: CreateContributionFromIdeaInput,
  ): Promise<CreateContributionFromIdeaPayload> {
    const { contribution, registerRecord } = await ctx.services.outcomes.createContributionFromIdea(guard.signedIn(ctx.caller), input, ctx.http);
    return { contribution: toContribution(contribution), registerRecord };
  }
}

@Resolver(() => Cooperation)
export class CooperationBoardIdeaResolver {
  @FieldResolver(() => ProjectIdea, {
    nullable: true,
    description:
      'The Kooperationsbörse idea this record came from (its partners came together through the board), when the caller sees it in full; null when none, hidden or anonymised (its owner not revealed)',
  })
  async boardIdea(@Root() cooperation: Cooperation, @Ctx() ctx: Context): Promise<ProjectIdea | null> {
    const ideaId = await ctx.loaders.outcomes.ideaOfCooperation.load(cooperation.id);
    if (!ideaId) return null;
    // The idea's visibility rules decide (boardGuard through the board service), as on every other read path; and
    // only an idea seen in FULL is named: an anonymised one next to the cooperation's members would reveal its owner.
    const idea = await ctx.services.board.ideaOrNull(ctx.caller, ideaId, ctx.loaders.board);
    return idea?.access === 'FULL' ? idea : null;
  }
}
